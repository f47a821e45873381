"""The assistant: checks the question, routes calculator requests, retrieves, answers."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from callbot.answer import extractive_answer
from callbot.embed import Embedder, get_embedder
from callbot.errors import InputError
from callbot.index import Store
from callbot.models import Answer
from callbot.retrieve import Mode, Retriever
from callbot.settings import Settings, get_settings
from callbot.terms import detect_language


def check_question(question: str, max_chars: int) -> str:
    """Reject empty or over-long input with a plain message; drop control characters."""
    cleaned = "".join(
        ch for ch in question if ch in "\n\t" or unicodedata.category(ch)[0] != "C"
    ).strip()
    if not cleaned:
        raise InputError("question", "it is empty. Type a question about the call documents.")
    if len(cleaned) > max_chars:
        raise InputError(
            "question", f"it has {len(cleaned)} characters; the limit is {max_chars}. Shorten it."
        )
    return cleaned


@dataclass
class Conversation:
    """What the assistant remembers between turns of one chat."""

    history: list[tuple[str, str]] = field(default_factory=list)
    slots: Any = None


class Assistant:
    """Loads models once; answers many questions."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None):
        self.settings = settings or get_settings()
        self.embedder = embedder or get_embedder(
            self.settings.embed_model, self.settings.embed_batch_size
        )
        self.store = Store(self.settings, self.embedder)
        self.retriever = Retriever(self.store, self.embedder, self.settings)
        self.mode: Mode = "hybrid"

    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        *,
        doc: str | None = None,
        call: str | None = None,
    ) -> Answer:
        start = time.perf_counter()
        question = check_question(question, self.settings.max_question_chars)
        language = detect_language(question)
        answer = self._answer(question, language, conversation, doc, call)
        answer.timing_ms = round((time.perf_counter() - start) * 1000, 1)
        if conversation is not None:
            conversation.history.append((question, answer.answer))
        return answer

    def _answer(self, question, language, conversation, doc, call) -> Answer:
        hits = self.retriever.search(
            question, self.settings.top_k, doc=doc, call=call, mode=self.mode
        )
        return extractive_answer(
            question,
            language,
            hits,
            self.settings.min_coverage,
            self.settings.answer_sentences,
            self.store.vocabulary,
        )

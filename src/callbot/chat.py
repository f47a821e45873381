"""The assistant: checks the question, routes calculator requests, retrieves, answers."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from callbot.answer import (
    HOSTILE_REASON,
    asked_part,
    extractive_answer,
    is_hostile,
    refusal,
    without_courtesy,
    without_planted,
)
from callbot.embed import Embedder, get_embedder
from callbot.errors import InputError
from callbot.generate import generate_answer, stream_answer
from callbot.index import Store
from callbot.llm import load_model
from callbot.models import Answer, Citation, ScoredChunk
from callbot.retrieve import Mode, Retriever
from callbot.rewrite import rewrite_question
from callbot.settings import Settings, get_settings
from callbot.terms import detect_language, glossary, term_groups, tokenize
from callbot.textnorm import contains_quote

# Content words from which a question routed to a calculator that lacks an input is also
# answered from the documents (see Assistant._plan).
RULE_QUESTION_TERMS = 4


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


def _sanitized(hit: ScoredChunk) -> ScoredChunk:
    """The hit as a language model sees it: planted instructions taken out of its text."""
    chunk = hit.chunk.model_copy(update={"text": without_planted(hit.chunk.text)})
    return hit.model_copy(update={"chunk": chunk})


@dataclass
class Plan:
    """What the answer to one question is built from."""

    question: str  # standalone form used for retrieval and generation
    language: str
    hits: list[ScoredChunk]
    base: Answer  # the deterministic answer, shown when no model is used or the guard fails
    generate: bool
    kwargs: dict[str, Any]

    def args(self, model) -> tuple:
        return (self.question, self.language, self.hits, model)

    @property
    def all_kwargs(self) -> dict[str, Any]:
        return {**self.kwargs, "fallback": self.base}


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
        self.model = load_model(self.settings)
        self._elsewhere_for: list | None = None  # the chunk list `_elsewhere_stems` is of
        self._elsewhere_stems: frozenset[str] = frozenset()

    def warm_up(self) -> None:
        """Load now what the first question would otherwise wait for (about a second): the
        keyword index, the documents' names (`Speller.recase`), the glossary, wordfreq's word
        lists, the given-name lists and the gazetteer. The per-question timings (`timing_ms`,
        `callbot eval`) are for models already loaded."""
        from callbot.shapes import given_names
        from callbot.spell import is_real_word
        from callbot.tools.places import is_known_place

        _ = self.store.vocabulary
        _ = self.store.speller.names
        glossary()
        is_real_word("warm")
        given_names()
        is_known_place("Roma")

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
        plan = self._plan(without_courtesy(question), conversation, doc, call)
        answer = plan.base
        if plan.generate and self.model is not None:
            answer = generate_answer(*plan.args(self.model), **plan.all_kwargs)
        answer.question = question
        return self._finish(answer, conversation, start)

    def stream(
        self,
        question: str,
        conversation: Conversation | None = None,
        *,
        doc: str | None = None,
        call: str | None = None,
    ) -> Iterator[str | Answer]:
        """Text deltas while a model writes, then the final Answer (whose text replaces what
        was streamed). Without a model: the Answer at once."""
        start = time.perf_counter()
        question = check_question(question, self.settings.max_question_chars)
        plan = self._plan(without_courtesy(question), conversation, doc, call)
        plan.base.question = question
        if not (plan.generate and self.model is not None):
            yield self._finish(plan.base, conversation, start)
            return
        for item in stream_answer(*plan.args(self.model), **plan.all_kwargs):
            if isinstance(item, Answer):
                item.question = question
                yield self._finish(item, conversation, start)
            else:
                yield item

    def _finish(self, answer: Answer, conversation: Conversation | None, start: float) -> Answer:
        answer.timing_ms = round((time.perf_counter() - start) * 1000, 1)
        if conversation is not None:
            conversation.history.append((answer.question, answer.answer))
        return answer

    def _plan(self, question, conversation, doc, call) -> Plan:
        language = detect_language(question)
        history = list(conversation.history) if conversation is not None else []
        if is_hostile(question):  # before the calculators: a role play can name a lump sum too
            return Plan(question, language, [], refusal(question, language, HOSTILE_REASON),
                        generate=False, kwargs={"history": history})
        pending = conversation is not None and getattr(conversation.slots, "pending", None)
        routed = self._route(question, language, conversation)
        if routed is not None:
            answer, outcome = routed
            if outcome.tool is None and not pending and len(term_groups(question)) >= RULE_QUESTION_TERMS:
                # A first question about a rule that the calculators cannot compute yet ("do we
                # need a partner from a poorer region?"): what the documents say, then what the
                # calculator needs to check the user's own case. A bare "can we apply?" only
                # gets the calculator's question.
                plan = self._document_plan(question, language, history, doc, call)
                if not plan.base.refused:
                    plan.base.answer += f"\n\n{answer.answer}"
                    plan.base.reason = answer.reason
                    plan.generate = False
                    return plan
            return Plan(
                question, language, [], answer, generate=outcome.tool is not None,
                kwargs={"tool": outcome.tool, "tool_message": outcome.message, "history": history},
            )
        return self._document_plan(question, language, history, doc, call)

    def _document_plan(self, question, language, history, doc, call) -> Plan:
        rewriter = self.model if self.settings.llm == "openai" else None
        standalone, _ = self.store.speller.correct(rewrite_question(question, history, rewriter))
        standalone = self.store.speller.recase(standalone)
        # passages are looked up by what is asked, not by "Quick one for our board in Lyon:",
        # and the answer's coverage is measured on it
        core = asked_part(standalone)
        hits = self.retriever.search(
            core, self.settings.top_k, doc=doc, call=call, mode=self.mode, keep_displaced=True,
        )
        base = extractive_answer(
            standalone,
            language,
            hits,
            self.settings.min_coverage,
            self.settings.answer_sentences,
            self.store.vocabulary,
            self.retriever.next_chunk,  # a list cut into the next chunk: it joins `hits`
            core,
            self.store.doc_stems,
        )
        base.question = question
        for_model = [_sanitized(h) for h in hits]
        return Plan(standalone, language, for_model, base, generate=True, kwargs={"history": history})

    # --- calculators -----------------------------------------------------------------------
    @cached_property
    def ruleset(self):
        """The call's rules, their quotes checked against the indexed text at load."""
        from callbot.rules.loader import default_ruleset, verify_quotes

        rules = default_ruleset()
        verify_quotes(rules, self.store.document_text)
        return rules

    def _elsewhere(self) -> frozenset[str]:
        """Stems the other documents hold and the call's own (the rules' sources) does not."""
        chunks = self.store.chunks
        if self._elsewhere_for is not chunks:
            call_docs = {rule.source.doc for rule in self.ruleset.rules()}
            own: set[str] = set()
            other: set[str] = set()
            for c in chunks:
                (own if c.doc_id in call_docs else other).update(tokenize(f"{c.title} {c.section} {c.text}"))
            self._elsewhere_for, self._elsewhere_stems = chunks, frozenset(other - own)
        return self._elsewhere_stems

    def _route(self, question: str, language: str, conversation: Conversation | None):
        """(answer, router outcome) for a calculator question, None for a document one."""
        from callbot.tools.router import route

        slots = conversation.slots if conversation is not None else None
        outcome = route(question, language, slots, rules=self.ruleset, elsewhere=self._elsewhere())
        if outcome is None:
            return None
        if conversation is not None:
            conversation.slots = outcome.slots
        citations = self._rule_citations(outcome.sources)
        lines = [outcome.message]
        for ref, cite in zip(outcome.sources, citations):
            if cite is not None:
                statement = ref.statement_it if language == "it" else ref.statement
                lines.append(f"- {statement} [{cite.n}]")
        return Answer(
            question=question,
            answer="\n".join(lines),
            citations=list({c.n: c for c in citations if c is not None}.values()),
            refused=False,
            language=language,  # type: ignore[arg-type]
            tool=outcome.tool,
            reason=f"waiting for {outcome.missing}" if outcome.missing else None,
        ), outcome

    def _rule_citations(self, sources) -> list[Citation | None]:
        """For each rule, the indexed chunk that holds its quote (one citation per chunk)."""
        numbered: dict[str, Citation] = {}
        out: list[Citation | None] = []
        for ref in sources:
            chunk = next(
                (c for c in self.store.chunks if c.doc_id == ref.doc and contains_quote(c.text, ref.quote)),
                None,
            )
            if chunk is None:
                out.append(None)
                continue
            if chunk.id not in numbered:
                numbered[chunk.id] = Citation(
                    n=len(numbered) + 1, title=chunk.title, source=chunk.source, page=chunk.page,
                    section=chunk.section, chunk_id=chunk.id, text=chunk.text, quote=ref.quote,
                )
            out.append(numbered[chunk.id])
        return out

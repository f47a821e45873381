"""Fluent answers from a language model that cannot invent figures.

The deterministic answer (the extractive quotes, or the calculator's message) is computed
first. The model only words it: its reply goes through the output filter, the citation
check and the figure guard, and any failure (error, timeout, unusable reply, unsupported
figure) returns the deterministic answer with the reason and the guard events."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from callbot.answer import NOT_IN_DOCUMENTS, citations_for, extractive_answer, pick_sentences
from callbot.chunk import split_sentences
from callbot.guard import GuardResult, run_guards, strip_controls
from callbot.llm import ChatModel, LLMTimeout, Message, complete_within, timed_stream
from callbot.models import Answer, GuardEvent, ScoredChunk, ToolCall
from callbot.prompts import load_prompt
from callbot.rewrite import rewrite_question
from callbot.settings import Settings
from callbot.terms import detect_language, words
from callbot.textnorm import match_key

__all__ = [
    "build_messages", "fell_back", "generate_answer", "rewrite_question", "stream_answer",
]

LANGUAGE_NAME = {"it": "Italian", "en": "English"}
PASSAGE_CHARS = 1200  # longest passage excerpt shown to the model
HISTORY_TURNS = 2
_DELIMITER = re.compile(r"</?\s*(?:passages|calculator|conversation)\b[^>]*>", re.IGNORECASE)
_DEFAULTS = Settings.model_fields


@dataclass(frozen=True)
class Request:
    question: str
    language: str
    hits: list[ScoredChunk]
    tool: ToolCall | None
    tool_message: str | None
    history: list[tuple[str, str]]
    base: Answer  # what is returned when the model's reply cannot be used

    @property
    def sources(self) -> list[str]:
        """Each passage as the guard sees it: the title and section the model is shown too."""
        return [f"{h.chunk.title}\n{h.chunk.section}\n{h.chunk.text}" for h in self.hits]

    @property
    def tool_values(self) -> dict[str, Any] | None:
        if self.tool is None:
            return None
        return {"inputs": self.tool.inputs, "result": self.tool.result,
                "message": self.tool_message or ""}


def _request(question: str, language: str, hits: list[ScoredChunk], tool: ToolCall | None,
             tool_message: str | None, history: list[tuple[str, str]] | None,
             fallback: Answer | None) -> Request:
    base = fallback or extractive_answer(
        question, language, hits,
        _DEFAULTS["min_coverage"].default, _DEFAULTS["answer_sentences"].default,
    )
    return Request(question, language, hits, tool, tool_message, list(history or []), base)


def _excerpt(question: str, hit: ScoredChunk, limit: int = PASSAGE_CHARS) -> str:
    """The passage, or its sentences closest to the question (in their order) when long."""
    text = hit.chunk.text
    if len(text) <= limit:
        return text
    sentences = split_sentences(text)
    ranked = [s for _, s, _ in pick_sentences(question, [hit], len(sentences))]
    chosen: set[str] = set()
    for sentence in ranked + sentences:
        if sum(map(len, chosen)) + len(sentence) <= limit:
            chosen.add(sentence)
    return " … ".join(s for s in sentences if s in chosen)


def _passages_block(req: Request) -> str:
    blocks = []
    for i, hit in enumerate(req.hits, 1):
        head = f"[{i}] {hit.chunk.title}" + (f" — {hit.chunk.section}" if hit.chunk.section else "")
        blocks.append(f"{head}\n{_excerpt(req.question, hit)}")
    return _DELIMITER.sub(" ", "\n\n".join(blocks)) or "(none)"


def _calculator_block(req: Request) -> str:
    if req.tool is None:
        return "(none)"
    scalars = {k: v for k, v in req.tool.result.items() if not isinstance(v, dict | list)}
    values = "; ".join(f"{k}: {v}" for k, v in scalars.items())
    return _DELIMITER.sub(" ", f"{req.tool_message or ''}\n{values}".strip())


def build_messages(req: Request) -> list[Message]:
    name = LANGUAGE_NAME[req.language]
    system = load_prompt("system").render(
        language_name=name, not_in_documents=NOT_IN_DOCUMENTS[req.language]
    )
    messages = [Message(role="system", content=system)]
    for question, answer in req.history[-HISTORY_TURNS:]:
        messages.append(Message(role="user", content=question))
        messages.append(Message(role="assistant", content=answer[:400]))
    user = load_prompt("answer").render(
        passages=_passages_block(req), calculator=_calculator_block(req),
        question=_DELIMITER.sub(" ", req.question), language_name=name,
    )
    return messages + [Message(role="user", content=user)]


def _declined(text: str) -> bool:
    key = match_key(text)
    return any(match_key(s) in key for s in NOT_IN_DOCUMENTS.values()) or key.startswith(
        ("non è nei documenti", "not in the documents")
    )


def _unusable(text: str, language: str) -> str | None:
    """Why a guarded reply cannot be shown, or None."""
    tokens = words(text)
    if not tokens or not re.search(r"[^\W\d_]", text):
        return "the reply is empty"
    if len(tokens) >= 12 and len(set(tokens)) / len(tokens) < 0.35:
        return "the reply repeats itself"
    if len(tokens) >= 8 and detect_language(text) != language:
        return f"the reply is not in {LANGUAGE_NAME[language]}"
    return None


FALLBACK_REASONS = ("language model", "unsupported figures", "model declined", "unusable reply")


def fell_back(answer: Answer) -> bool:
    """True when the model was asked but its reply was replaced by the deterministic answer."""
    return (answer.reason or "").startswith(FALLBACK_REASONS)


def _fallback(req: Request, reason: str, events: list[GuardEvent]) -> Answer:
    return req.base.model_copy(
        update={"reason": reason, "guard_events": [*req.base.guard_events, *events]}
    )


def _failed(req: Request, exc: BaseException) -> Answer:
    if isinstance(exc, LLMTimeout):
        reason = f"language model timeout: {exc}"
    else:
        reason = f"language model error: {type(exc).__name__}: {exc}"[:300]
    return _fallback(req, reason, [GuardEvent(kind="llm_error", detail=reason)])


def _problem(req: Request, result: GuardResult) -> str | None:
    """Why the guarded reply cannot be shown, or None."""
    if not result.ok:
        return "unsupported figures: " + ", ".join(f.text for f in result.unsupported)
    if _declined(result.text):
        return "model declined: it found no answer in the passages"
    if problem := _unusable(result.text, req.language):
        return f"unusable reply: {problem}"
    if req.tool is None and not result.cited:
        return "unusable reply: it cites no passage"
    return None


def finish(req: Request, raw: str, backend: str) -> Answer:
    """The guarded answer from the model's raw reply, or the fallback with the reason."""
    result = run_guards(raw, req.sources, req.tool_values)
    if problem := _problem(req, result):
        return _fallback(req, problem, result.events)
    return Answer(
        question=req.question, answer=result.text, refused=False,
        citations=citations_for(req.hits, {}) if req.hits else req.base.citations,
        language=req.language,  # type: ignore[arg-type]
        tool=req.tool or req.base.tool, backend=backend, guard_events=result.events,
    )


def generate_answer(
    question: str, language: str, hits: list[ScoredChunk], model: ChatModel | None, *,
    tool: ToolCall | None = None, tool_message: str | None = None,
    history: list[tuple[str, str]] | None = None, fallback: Answer | None = None,
) -> Answer:
    """The model's guarded answer, or `fallback` (default: the extractive answer) with the
    reason. A refusing fallback is returned without calling the model."""
    req = _request(question, language, hits, tool, tool_message, history, fallback)
    if model is None or req.base.refused:
        return req.base
    try:
        raw = complete_within(model, build_messages(req))
    except Exception as exc:  # noqa: BLE001 - any model failure falls back
        return _failed(req, exc)
    return finish(req, raw, model.backend)


def stream_answer(
    question: str, language: str, hits: list[ScoredChunk], model: ChatModel | None, *,
    tool: ToolCall | None = None, tool_message: str | None = None,
    history: list[tuple[str, str]] | None = None, fallback: Answer | None = None,
) -> Iterator[str | Answer]:
    """Text deltas as the model writes them (control characters removed), then the final,
    guarded Answer, whose text replaces whatever was streamed."""
    req = _request(question, language, hits, tool, tool_message, history, fallback)
    if model is None or req.base.refused:
        yield req.base
        return
    parts: list[str] = []
    try:
        for delta in timed_stream(model, build_messages(req)):
            parts.append(delta)
            yield strip_controls(delta)
    except Exception as exc:  # noqa: BLE001 - any model failure falls back
        yield _failed(req, exc)
        return
    yield finish(req, "".join(parts), model.backend)

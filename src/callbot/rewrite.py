"""Follow-up questions ("e per le PMI?", "and if we stay only 4 days?") rewritten into
standalone questions for retrieval: by the language model when there is one and its
rewrite passes the checks, otherwise by prepending the earlier questions' content words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from callbot.guard import strip_controls, unsupported_figures
from callbot.llm import ChatModel, Message, complete_within
from callbot.prompts import load_prompt
from callbot.terms import tokenize, words

_FOLLOW_UP = re.compile(
    r"^\W*(and|but|or|also|then|so|what\s+about|how\s+about|what\s+if|same|"
    r"e|ed|ma|o|anche|invece|allora|quindi|però|pero|e\s+se|e\s+per|e\s+invece|idem)\b",
    re.IGNORECASE,
)
_QUESTION_WORD = re.compile(
    r"^\W*(chi|cosa|che|quale|quali|qual|quanto|quanta|quanti|quante|come|dove|quando|perché|"
    r"what|which|who|whom|whose|how|when|where|why|is|are|does|do|can|è|sono)\b",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"^\W*(standalone\s+question|domanda|question|rewritten)\s*:\s*", re.IGNORECASE
)
MAX_CONTENT_WORDS = 8  # of a standalone question, below which a short one is a follow-up


def content_words(text: str) -> list[str]:
    """Words that are not stopwords nor bare numbers, in order, without repeats."""
    out: list[str] = []
    for word in words(text):
        number = word.replace(".", "").replace(",", "").isdigit()
        if tokenize(word) and not number and word not in out:
            out.append(word)
    return out


def _leans_on_context(question: str) -> bool:
    if _FOLLOW_UP.match(question):
        return True
    return len(tokenize(question)) <= 2 and not _QUESTION_WORD.match(question)


def is_follow_up(question: str, history: Sequence[tuple[str, str]]) -> bool:
    """A question that leans on the previous turns: it opens with 'and', 'e', 'what
    about'…, or has at most two content words and does not open with a question word."""
    return bool(history) and _leans_on_context(question)


def deterministic_rewrite(question: str, history: Sequence[tuple[str, str]]) -> str:
    """The content words of the last standalone question (numbers left out: the follow-up
    brings its own), then the question."""
    earlier = [q for q, _ in history]
    standalone = [q for q in earlier if not _leans_on_context(q)] or earlier[-1:]
    own = set(words(question))
    topic = [w for w in content_words(standalone[-1]) if w not in own] if standalone else []
    prefix = topic[:MAX_CONTENT_WORDS]
    return f"{' '.join(prefix)}: {question}" if prefix else question


def _history_block(history: Sequence[tuple[str, str]]) -> str:
    turns = [f"User: {q}\nAssistant: {a[:300]}" for q, a in history[-2:]]
    return "\n".join(turns)


def _clean_rewrite(raw: str) -> str:
    lines = [line.strip() for line in strip_controls(raw).splitlines() if line.strip()]
    first = _PREFIX.sub("", lines[0]) if lines else ""
    return first.strip(" \"'«»“”`*")


def _acceptable(rewrite: str, question: str, history: Sequence[tuple[str, str]]) -> bool:
    """Short, one question, nothing invented: its figures and at least one content word
    of the question must come from the question or the earlier questions."""
    if not 3 <= len(rewrite) <= max(300, 3 * len(question)) or "<" in rewrite:
        return False
    said = [question, *(q for q, _ in history)]
    if unsupported_figures(rewrite, said):
        return False
    asked = set(tokenize(question))
    return not asked or bool(asked & set(tokenize(rewrite)))


def rewrite_question(
    question: str, history: Sequence[tuple[str, str]], model: ChatModel | None = None
) -> str:
    """A standalone form of `question` for retrieval; the question itself when it is not a
    follow-up. Model errors or doubtful rewrites fall back to deterministic_rewrite."""
    if not is_follow_up(question, history):
        return question
    if model is not None:
        prompt = load_prompt("rewrite").render(history=_history_block(history), question=question)
        try:
            rewrite = _clean_rewrite(complete_within(model, [Message(role="user", content=prompt)]))
        except Exception:  # noqa: BLE001 - any model failure falls back
            rewrite = ""
        if _acceptable(rewrite, question, history):
            return rewrite
    return deterministic_rewrite(question, history)

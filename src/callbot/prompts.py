"""Prompts live in prompts/*.md and are loaded by name; their {placeholders} are checked
against the declared set when loaded, so a typo fails at start-up, not mid-answer."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from callbot.errors import CallbotError

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"

# The placeholders each prompt must use, no more, no fewer.
DECLARED: dict[str, frozenset[str]] = {
    "system": frozenset({"language_name", "not_in_documents"}),
    "answer": frozenset({"passages", "calculator", "question", "language_name"}),
    "rewrite": frozenset({"history", "question"}),
}


class PromptError(CallbotError):
    """A prompt file is missing or its placeholders differ from the declared ones."""

    def __init__(self, path: Path | str, problem: str):
        self.path, self.problem = str(path), problem
        super().__init__(f"Prompt {path}: {problem}")


@dataclass(frozen=True)
class Prompt:
    name: str
    path: Path
    text: str
    placeholders: frozenset[str]

    def render(self, **values: str) -> str:
        given = frozenset(values)
        if given != self.placeholders:
            problem = _difference(self.placeholders, given, "not given", "not declared")
            raise PromptError(self.path, f"render(): {problem}")
        return self.text.format(**values)


def _difference(expected: frozenset[str], found: frozenset[str], lacking: str, extra: str) -> str:
    parts = []
    if expected - found:
        parts.append(f"{lacking}: " + ", ".join("{" + p + "}" for p in sorted(expected - found)))
    if found - expected:
        parts.append(f"{extra}: " + ", ".join("{" + p + "}" for p in sorted(found - expected)))
    return "; ".join(parts)


def placeholders_of(text: str, path: Path) -> frozenset[str]:
    """Names in {braces}; literal braces must be doubled ({{ }})."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
    except ValueError as exc:
        problem = f"unbalanced braces ({exc}); write literal braces as {{{{ }}}}"
        raise PromptError(path, problem) from exc
    for name in fields:
        if not name.isidentifier():
            raise PromptError(path, f"placeholder {{{name}}} is not a plain name")
    return frozenset(fields)


def load_prompt(name: str, directory: Path | None = None) -> Prompt:
    """prompts/<name>.md with its placeholders checked against DECLARED[name]."""
    if directory is None:
        return _load_default(name)
    return _load(name, directory)


@cache
def _load_default(name: str) -> Prompt:
    return _load(name, PROMPTS_DIR)


def _load(name: str, directory: Path) -> Prompt:
    path = directory / f"{name}.md"
    if name not in DECLARED:
        raise PromptError(path, f"unknown prompt; known prompts are {sorted(DECLARED)}")
    if not path.is_file():
        raise PromptError(path, "file not found")
    text = path.read_text(encoding="utf-8").strip() + "\n"
    found = placeholders_of(text, path)
    if found != DECLARED[name]:
        raise PromptError(path, _difference(DECLARED[name], found, "missing", "unknown"))
    return Prompt(name, path, text, found)

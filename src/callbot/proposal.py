"""Proposal sections: the call's requirements for each part of a proposal as checklists
(data in corpus/rules/proposal-checklists.yaml, each item with its quote), and a check of a
draft that marks each requirement covered (with the sentence that covers it) or missing."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from callbot.chunk import split_sentences
from callbot.errors import RuleError
from callbot.models import Strict
from callbot.settings import get_settings
from callbot.terms import words
from callbot.textnorm import contains_quote

CHECKLISTS_FILE = "proposal-checklists.yaml"


class ChecklistItem(Strict):
    id: str
    requirement: str
    requirement_it: str
    quote: str = Field(min_length=8, description="Italian passage of the call it comes from.")
    match: list[list[str]] = Field(
        min_length=1, description="Groups of alternatives; a sentence covers the item when it "
        "contains one alternative of every group. Alternatives are word beginnings.")

    def text(self, language: str) -> str:
        return self.requirement_it if language == "it" else self.requirement


class Section(Strict):
    id: str
    title: str
    title_it: str
    items: list[ChecklistItem] = Field(min_length=1)

    def label(self, language: str) -> str:
        return self.title_it if language == "it" else self.title


class Checklists(Strict):
    call_id: str
    doc: str = Field(description="Manifest id of the document the quotes come from.")
    sections: list[Section]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        known = ", ".join(s.id for s in self.sections)
        raise RuleError(f"No proposal section {section_id!r} (sections: {known}).")


class Coverage(Strict):
    item: ChecklistItem
    covered: bool
    sentence: str | None = Field(None, description="The draft sentence that covers it.")


def load_checklists(path: Path | None = None) -> Checklists:
    path = path or get_settings().corpus_dir / "rules" / CHECKLISTS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Checklists.model_validate(data)
    except FileNotFoundError as exc:
        raise RuleError(f"Checklist file {path} not found.") from exc
    except (yaml.YAMLError, ValidationError) as exc:
        raise RuleError(f"Checklist file {path} is not valid: {exc}") from exc


@lru_cache(maxsize=1)
def default_checklists() -> Checklists:
    return load_checklists()


def missing_quotes(checklists: Checklists, doc_text: str) -> list[str]:
    """Ids of the items whose quote does not occur in the document text."""
    return [f"{s.id}/{i.id}" for s in checklists.sections for i in s.items
            if not contains_quote(doc_text, i.quote)]


def _fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).strip("%")


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.startswith(">="):
        return word.isdigit() and int(word) >= int(pattern[2:])
    return word == pattern if pattern.isdigit() else word.startswith(pattern)


def tokens_of(text: str) -> list[str]:
    """Lower-case, accent-free words; "l'abbinamento" and "follow-up" also give their parts."""
    return [_fold(part) for w in words(text) for part in re.split(r"['’-]", w) if part]


def phrase_in(phrase: str, tokens: list[str]) -> bool:
    """True when the phrase's words begin consecutive words of `tokens` (numbers: whole)."""
    parts = [phrase] if phrase.startswith(">=") else tokens_of(phrase)
    if not parts:
        return False
    for start in range(len(tokens) - len(parts) + 1):
        if all(_word_matches(p, tokens[start + k]) for k, p in enumerate(parts)):
            return True
    return False


def covers(sentence: str, item: ChecklistItem) -> bool:
    tokens = tokens_of(sentence)
    return all(any(phrase_in(alt, tokens) for alt in group) for group in item.match)


_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d{1,2}[.)])\s)")


def draft_sentences(draft: str) -> list[str]:
    """Sentences of a draft: paragraphs and list items apart, wrapped lines joined."""
    paragraphs = _PARAGRAPH.split(draft.replace("\r\n", "\n").replace("\r", "\n"))
    return [s for p in paragraphs for s in split_sentences(" ".join(p.split()))
            if any(ch.isalnum() for ch in s)]


def check_draft(draft: str, section: Section) -> list[Coverage]:
    """Each requirement of the section, covered by the first draft sentence that matches."""
    sentences = draft_sentences(draft)
    out = []
    for item in section.items:
        found = next((s for s in sentences if covers(s, item)), None)
        out.append(Coverage(item=item, covered=found is not None, sentence=found))
    return out

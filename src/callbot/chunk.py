"""Cut cleaned lines into structural units (headings, list items, paragraphs, small tables)
and pack them into chunks that fit the embedding model's token limit."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from callbot.clean import BLOCK_START, BULLET
from callbot.terms import ends_on_function_word, tokenize

CHUNKER_VERSION = "9"
_TERMINAL = (".", "!", "?", ";", ":")
_NUMBERED = re.compile(r"^(\d{1,2}(\.[a-z])?[.)]|[a-z]\)|[ivx]{1,4}\)|-)\s")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"“(A-ZÀ-Ý0-9•])")
# What a period ends when it does not end a sentence: a day.month. date, a short abbreviation.
_NOT_AN_END = re.compile(r"(?:\b\d{1,2}\.\d{1,2}\.|\b(?:ecc|etc|art|artt|n|nn|es|pag|pp|cfr|vs|sig|dott|ing|prof|p\.es)\.)$", re.IGNORECASE)
WRAPPED_LINE_CHARS = 55  # a line this long that ends mid-sentence was wrapped by the PDF


@dataclass
class Unit:
    text: str
    kind: str  # "heading" | "item" | "label" (of the list below it) | "para" | "table"
    page: int | None
    block: bool = False  # set apart in the source as a title is (see `clean.BLOCK_START`)
    trailer: bool = False  # a slide title printed after its slide's text (see `_trailing_title`)


@dataclass
class Piece:
    """A chunk before it gets an id: its text, section and first page."""

    text: str
    section: str
    page: int | None
    units: list[Unit] = field(default_factory=list)


def _is_item(line: str) -> bool:
    return line.startswith(BULLET) or bool(_NUMBERED.match(line))


def _continues(prev: str, line: str) -> bool:
    if prev.endswith(_TERMINAL):
        return False
    if _NUMBERED.match(prev) and prev.endswith(")") and line[0].isupper():
        return False  # "1.a) Title (obbligatoria)" then the body
    if line[0].islower() or line[0] in ",;:)]%":
        return True
    return len(prev) >= WRAPPED_LINE_CHARS


def _join(prev: str, line: str) -> str:
    if prev.endswith("-") and line[:1].islower():
        return prev + line
    return f"{prev} {line}"


def _list_label(lines: list[tuple[int | None, str]], i: int) -> bool:
    """A short capitalised line set apart by a blank line before it and followed by a list
    item labels that list (a slide's "Debolezza" over its bullets): it does not continue the
    line above, however long that one was."""
    line = lines[i][1].strip()
    if not (0 < len(line) <= 30 and line[0].isupper() and not line.endswith(_TERMINAL)):
        return False
    if i == 0 or lines[i - 1][1].strip():
        return False
    before = next((t.strip() for _, t in reversed(lines[:i]) if t.strip()), "")
    if before.split() and not tokenize(before.split()[-1]):
        return False  # the line above stops on "nelle", "of": this line finishes it
    after = next((t.strip() for _, t in lines[i + 1:] if t.strip()), "")
    return _is_item(after)


def build_units(lines: Iterable[tuple[int | None, str]]) -> list[Unit]:
    """Join wrapped lines into units; list items and list labels start a unit of their own."""
    units: list[Unit] = []
    last_line = ""
    lines = list(lines)
    for i, (page, raw) in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        item = _is_item(line)
        block = BLOCK_START.match(raw) is not None
        joins = bool(units) and not item and not block and _continues(last_line, line)
        if not item and not line.isupper() and _list_label(lines, i):
            units.append(Unit(line, "label", page))
        elif joins:
            units[-1].text = _join(units[-1].text, line)
        else:
            trailer = not item and _trailing_title(lines, i, last_line)
            units.append(Unit(line, "item" if item else "para", page, block, trailer))
        last_line = line
    return _lift_trailers(_mark_headings(_merge_tables(units)))


def _trailing_title(lines: list[tuple[int | None, str]], i: int, before: str) -> bool:
    """Some slide decks print a slide's title after its text: a short capitalised line right
    after a finished sentence and right before the next slide's first block ("…massa critica
    di partecipanti." / "Meet the corporates" / " I nostri contatti")."""
    line = lines[i][1]
    nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
    return (
        not BLOCK_START.match(line) and 0 < len(line.strip()) <= 60 and line.strip()[0].isupper()
        and not line.strip().endswith(_TERMINAL + (",",)) and before.endswith(".")
        and BLOCK_START.match(nxt) is not None
    )


def _lift_trailers(units: list[Unit]) -> list[Unit]:
    """Put a title printed after its slide back at the slide's start: the nearest block before
    it that a heading follows (" Quali azioni…?" over "Alcuni elementi chiave"), not past the
    previous slide's title. Where no such start is near, the line stays where it is."""
    out = list(units)
    for unit in [u for u in units if u.trailer]:
        at = out.index(unit)
        start = None
        for j in range(at - 1, max(at - 16, -1), -1):
            if out[j].trailer:
                break
            if out[j].block and j + 1 < at and out[j + 1].kind == "heading":
                start = j
                break
        if start is not None:
            out.pop(at)
            out.insert(start, unit)
            unit.kind, unit.block = "heading", True
    return out


def _short_label(unit: Unit) -> bool:
    return unit.kind == "para" and len(unit.text) < 60 and not unit.text.endswith(_TERMINAL)


def _merge_tables(units: list[Unit]) -> list[Unit]:
    """Runs of 3+ short labels, half of them with figures, are a table: keep it whole."""
    out: list[Unit] = []
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and _short_label(units[j]):
            j += 1
        run = units[i:j]
        if len(run) >= 3 and sum(bool(re.search(r"\d", u.text)) for u in run) * 2 >= len(run):
            out.append(Unit("\n".join(u.text for u in run), "table", run[0].page))
            i = j
        else:
            out.append(units[i])
            i += 1
    return out


def _cut_short(text: str) -> bool:
    """A line that stops mid-phrase, on a comma or a preposition or article ("ATTIVITA’ DI
    NETWORKING, BENCHMARKING," / "carenza di competenze specifiche nelle"): the line after it
    goes on with it, it does not head anything."""
    return text.rstrip().endswith(",") or ends_on_function_word(text)


def _mark_headings(units: list[Unit]) -> list[Unit]:
    previous = ""
    for unit in units:
        text = unit.text
        cut, previous = _cut_short(previous), text
        if cut:
            continue
        numbered_title = unit.kind == "item" and re.match(r"^\d{1,2}(\.[a-z])?\)", text)
        short = unit.kind == "para" and len(text) <= 80
        if (short or (numbered_title and len(text) <= 110)) and not text.endswith(
            (".", "!", "?", ";", ",")
        ) and (text[0].isupper() or text[0].isdigit() or numbered_title):
            unit.kind = "heading"
    for unit, after in pairwise(units):
        if _announces(unit, after):
            unit.kind = "heading"
    return units


def _announces(unit: Unit, after: Unit) -> bool:
    """A slide line set apart as a block, unfinished, over short lines that are a list without
    bullets ("Nel 2015 i poli vengono riorganizzati…" over the poles' names) heads that list:
    the chunk of the list starts with it."""
    return (
        unit.kind == "para" and unit.block and len(unit.text) <= 120
        and not unit.text.endswith((".", "!", "?")) and after.kind == "heading"
    )


def split_sentences(text: str) -> list[str]:
    """Sentences and list lines of a chunk, in order. A date written "4.4. 2017" or an
    abbreviation such as "ecc." or "art." before a capital does not end a sentence."""
    out: list[str] = []
    for line in text.split("\n"):
        start = 0
        for m in _SENTENCE_END.finditer(line):
            if _NOT_AN_END.search(line[max(0, m.start() - 12): m.start()]):
                continue
            if piece := line[start: m.start()].strip():
                out.append(piece)
            start = m.end()
        if piece := line[start:].strip():
            out.append(piece)
    return out


def _split_long(unit: Unit, fits: Callable[[str], bool]) -> list[Unit]:
    """A unit over the limit is cut at sentence ends, then at word boundaries."""
    parts: list[str] = []
    for sentence in split_sentences(unit.text):
        if parts and fits(f"{parts[-1]} {sentence}"):
            parts[-1] = f"{parts[-1]} {sentence}"
        elif fits(sentence):
            parts.append(sentence)
        else:
            parts.extend(_split_words(sentence, fits))
    return [Unit(p, unit.kind, unit.page) for p in parts]


def _split_words(sentence: str, fits: Callable[[str], bool]) -> list[str]:
    parts: list[str] = [""]
    for word in sentence.split(" "):
        candidate = f"{parts[-1]} {word}".strip()
        if fits(candidate) or not parts[-1]:
            parts[-1] = candidate
        else:
            parts.append(word)
    return parts


def pack(
    units: list[Unit],
    count_tokens: Callable[[str, str], int],
    target: int,
    limit: int,
) -> list[Piece]:
    """Greedy packing along the structure.

    `count_tokens(section, text)` gives the word pieces of what will be embedded. A heading
    starts a new chunk once the current one has some body; a chunk never ends on a heading.
    """
    pieces: list[Piece] = []
    section = ""
    current: list[Unit] = []

    def flush() -> None:
        nonlocal current
        tail = []
        while current and current[-1].kind in ("heading", "label"):
            tail.insert(0, current.pop())
        if current:
            sec = next((u.text for u in current if u.kind == "heading"), section)
            text = "\n".join(u.text for u in current)
            pieces.append(Piece(text, sec, current[0].page, current))
        current = tail

    for unit in units:
        if current and unit.page != current[-1].page:
            flush()  # a chunk cites one page
        body = any(u.kind != "heading" for u in current)
        if unit.kind == "heading" and current and (
            count_tokens(section, _text(current)) > 40 or unit.block and body
        ):  # a slide title starts its own chunk whatever is left of the slide before
            flush()
        fits = lambda t, sec=section: count_tokens(sec, t) <= limit
        for part in [unit] if fits(unit.text) else _split_long(unit, fits):
            if current and count_tokens(section, _text(current + [part])) > target:
                flush()
            if current and not fits(_text(current + [part])):
                flush()
            current.append(part)
        if unit.kind == "heading" and not any(u.kind != "heading" for u in current):
            section = unit.text
    flush()
    while current:  # only headings left: keep them as a chunk of their own
        pieces.append(Piece(_text(current), current[0].text, current[0].page, current))
        current = []
    return pieces


def _text(units: list[Unit]) -> str:
    return "\n".join(u.text for u in units)

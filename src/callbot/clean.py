"""Clean extraction noise from PDF/slide text without losing content.

Handles: invisible and control characters, bullet glyphs from symbol fonts, footnote URLs in
mid text (moved to a notes section at the end), slide labels printed twice in a row, words
split by a stray space ("ini tiative"), and URLs broken across lines.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter

import Stemmer

BULLET = "•"
# Private-use glyphs that symbol fonts use for bullets, plus common bullet characters.
_BULLET_CHARS = "\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf0a8\uf0e0\u25aa\u25cf\u25e6\u2022\u2023\u2043\u27a2"
_BULLET_RE = re.compile(f"[{_BULLET_CHARS}]")
_INVISIBLE_RE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad"
    "\U000e0000-\U000e007f\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_URL = r"(?:https?://|www\.)\S+"
_FOOTNOTE_LINE = re.compile(rf"^\s*(\d{{1,2}})\s+({_URL}(?:\s\S+)?)\s*$")
_BARE_URL_LINE = re.compile(rf"^\s*({_URL})\s*$")
_WORD = re.compile(r"[^\W\d_]+")
_stemmer = Stemmer.Stemmer("italian")


def strip_invisible(text: str) -> str:
    """Remove zero-width, bidi, tag-block and control characters; unify bullets."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _BULLET_RE.sub(BULLET, text)
    return _INVISIBLE_RE.sub("", text).replace("\t", " ").replace("\u00a0", " ")


def _join_broken_urls(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and re.search(rf"{_URL}-$", out[-1].rstrip()) and re.match(r"^\S+", line):
            first, _, rest = line.partition(" ")
            out[-1] = out[-1].rstrip() + first
            if rest.strip():
                out.append(rest)
            continue
        out.append(line)
    return out


def extract_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """Take footnote URL lines out of the running text; return (text lines, notes)."""
    kept: list[str] = []
    notes: dict[str, str] = {}
    bare: list[str] = []
    for line in _join_broken_urls(lines):
        if m := _FOOTNOTE_LINE.match(line):
            notes.setdefault(m.group(1), m.group(2).replace(" ", ""))
        elif m := _BARE_URL_LINE.match(line):
            bare.append(m.group(1))
        elif re.fullmatch(r"\s*_{5,}\s*", line):
            continue
        else:
            kept.append(line)
    known = set(notes.values())
    extra = [u for u in dict.fromkeys(bare) if u not in known]
    rendered = [f"{n} {url}" for n, url in notes.items()] + extra
    return kept, rendered


def dedupe_repeats(lines: list[str]) -> list[str]:
    """Drop a label (or block of lines) printed twice in a row."""
    lines = [_dedupe_inline(line) for line in lines]
    content = [i for i, line in enumerate(lines) if line.strip()]
    drop: set[int] = set()
    pos = 0
    while pos < len(content):
        for k in range(8, 0, -1):
            a, b = content[pos : pos + k], content[pos + k : pos + 2 * k]
            same = [lines[i].strip() for i in a] == [lines[i].strip() for i in b]
            if len(b) == k and same and sum(len(lines[i].strip()) for i in a) >= 3:
                drop.update(b)
                pos += 2 * k
                break
        else:
            pos += 1
    return [line for i, line in enumerate(lines) if i not in drop]


def _dedupe_inline(line: str) -> str:
    """'LobbyLobby' → 'Lobby'. A spaced repeat is only folded when it holds no figure, so a
    table row such as '50% lump sum 50% lump sum' keeps both cells."""
    stripped = line.strip()
    if (m := re.fullmatch(r"(\S.{1,}?\S) \1", stripped)) and not re.search(r"\d", stripped):
        return m.group(1)
    return re.sub(r"(\S.{2,}?\S)\1", r"\1", line)


def vocabulary(text: str) -> Counter[str]:
    """Word counts of `text`, URLs left out (they glue words together)."""
    return Counter(w.lower() for w in _WORD.findall(re.sub(_URL, " ", text)))


def rejoin_split_words(text: str, vocab: Counter[str]) -> str:
    """Rejoin words broken by a stray space, when the halves are not words but the whole is."""
    long_words = sorted(w for w in vocab if len(w) > 5)

    def known(word: str) -> bool:
        return vocab.get(word.lower(), 0) > 1 or len(word) <= 2

    def joinable(a: str, b: str) -> bool:
        if not (a.isalpha() and b.isalpha() and b.islower()) or known(a) or known(b):
            return False
        whole = (a + b).lower()
        if vocab.get(whole, 0) or len(whole) < 6:
            return bool(vocab.get(whole, 0))
        stem = _stemmer.stemWord(whole)
        if len(stem) < len(whole) - 3:
            return False
        i = bisect.bisect_left(long_words, stem)
        return i < len(long_words) and long_words[i].startswith(stem)

    def fix_line(line: str) -> str:
        tokens = line.split(" ")
        out: list[str] = []
        for tok in tokens:
            prev = out[-1] if out else ""
            word = re.match(r"^\w*", tok).group(0)
            if prev and joinable(prev, word) and len(prev) >= 2 and len(word) >= 2:
                out[-1] = prev + tok
            else:
                out.append(tok)
        return " ".join(out)

    return "\n".join(fix_line(line) for line in text.split("\n"))


def clean_lines(raw: str, vocab: Counter[str] | None = None) -> tuple[list[str], list[str]]:
    """Raw page text → cleaned lines and footnote notes."""
    text = strip_invisible(raw)
    lines, notes = extract_footnotes(text.split("\n"))
    lines = dedupe_repeats(lines)
    vocab = vocab if vocab is not None else vocabulary("\n".join(lines))
    joined = rejoin_split_words("\n".join(lines), vocab)
    return [_tidy(line) for line in joined.split("\n")], notes


def _tidy(line: str) -> str:
    """Runs of spaces collapsed and the ends trimmed, except the one space before a capital
    that slide and paragraph titles start with: `chunk.build_units` reads it as a new block."""
    text = re.sub(r"[ ]{2,}", " ", line).strip()
    return f" {text}" if BLOCK_START.match(line) else text


# A line indented by one space and starting with a capital begins a block of its own
# (" Opportunità e rischi per la politica dei cluster piemontesi").
BLOCK_START = re.compile(r"^ (?=[A-ZÀ-Ý])")

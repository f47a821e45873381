"""Checks on a generated answer, all pure functions: citations must point at retrieved
passages, every figure must come from a cited passage or the calculator result, and the
text may carry no links (except the documents' own), images, HTML or control characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from callbot.figures import Evidence, Figure, find_figures
from callbot.models import GuardEvent

_MARKER = re.compile(
    r"\[\s*(?:(?:passage|passaggio|passo|fonte|source|doc)\s*)?(\d+(?:\s*,\s*\d+)*)\s*\]",
    re.IGNORECASE,
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(\s*([^)\s]+)[^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\])]+", re.IGNORECASE)
_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", re.DOTALL)
_TRAILING = ".,;:!?"


@dataclass(frozen=True)
class CitationCheck:
    """The text with invalid markers removed, the valid passage numbers it cites (in order
    of first use) and the invalid numbers that were removed."""

    text: str
    cited: list[int]
    invalid: list[int]


@dataclass(frozen=True)
class Filtered:
    text: str
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GuardResult:
    """Everything the guards found in one answer; `ok` is False when a figure is unsupported."""

    text: str
    cited: list[int]
    unsupported: list[Figure]
    events: list[GuardEvent]

    @property
    def ok(self) -> bool:
        return not self.unsupported


def check_citations(text: str, n_passages: int) -> CitationCheck:
    """Keep [n] markers with 1 <= n <= n_passages, drop the others ("[Passage 2]" becomes [2])."""
    cited: list[int] = []
    invalid: list[int] = []

    def rewrite(match: re.Match[str]) -> str:
        numbers = [int(x) for x in re.findall(r"\d+", match.group(1))]
        good = [n for n in numbers if 1 <= n <= n_passages]
        invalid.extend(n for n in numbers if n not in good)
        cited.extend(n for n in good if n not in cited)
        return "".join(f"[{n}]" for n in good)

    cleaned = _MARKER.sub(rewrite, text)
    cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", cleaned))
    return CitationCheck(cleaned.strip(), cited, invalid)


def unsupported_figures(text: str, sources: Sequence[str], values: Any = None) -> list[Figure]:
    """Figures of `text` that occur in none of `sources` nor in `values` (a calculator
    result or its inputs: numbers, dates, texts, nested dicts and lists)."""
    evidence = Evidence.of(sources, values)
    unsupported: list[Figure] = []
    for figure in find_figures(text):
        if not evidence.supports(figure) and figure not in unsupported:
            unsupported.append(figure)
    return unsupported


def _url_key(url: str) -> str:
    url = url.rstrip(_TRAILING + ")").lower()
    return re.sub(r"^https?://", "", url).removeprefix("www.").rstrip("/")


def urls_in(texts: Sequence[str]) -> set[str]:
    return {_url_key(u) for t in texts for u in _URL.findall(t)}


def filter_output(text: str, passages: Sequence[str]) -> Filtered:
    """Remove images, HTML tags, control characters, and links whose URL is not in the
    passages (a Markdown link keeps its text)."""
    allowed = urls_in(passages)
    removed: list[str] = []

    def drop(kind: str, keep: str = ""):
        def sub(match: re.Match[str]) -> str:
            removed.append(f"{kind} {match.group(0)[:80]}")
            return keep or ""
        return sub

    text = _IMAGE.sub(drop("image"), text)

    def md_link(match: re.Match[str]) -> str:
        if _url_key(match.group(2)) in allowed:
            return match.group(0)
        return drop("link", match.group(1))(match)

    text = _MD_LINK.sub(md_link, text)
    text = _URL.sub(lambda m: m.group(0) if _url_key(m.group(0)) in allowed else
                    drop("link")(m), text)
    text = _HTML.sub(drop("HTML tag", " "), text)
    return Filtered(_drop_controls(text, removed), removed)


def _is_control(ch: str) -> bool:
    return ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")


def strip_controls(text: str) -> str:
    """`text` without raw control, format (zero-width, bidi) or private-use characters."""
    return "".join(ch for ch in text if not _is_control(ch))


def _drop_controls(text: str, removed: list[str]) -> str:
    removed.extend(f"control character U+{ord(ch):04X}" for ch in text if _is_control(ch))
    return re.sub(r"[ \t]{2,}", " ", strip_controls(text)).strip()


def run_guards(
    text: str, passages: Sequence[str], tool_values: Any = None
) -> GuardResult:
    """Output filter, then citation check, then figure guard. With a calculator result
    (`tool_values`: its inputs, result and message) figures must come from it alone;
    otherwise from the cited passages (all passages when the answer cites none)."""
    filtered = filter_output(text, passages)
    events = [GuardEvent(kind="output_filter", detail=f"removed {r}") for r in filtered.removed]
    check = check_citations(filtered.text, len(passages))
    events += [
        GuardEvent(kind="citation", detail=f"removed [{n}]: only {len(passages)} passages")
        for n in check.invalid
    ]
    if tool_values is None:
        sources, where = [passages[n - 1] for n in check.cited] or list(passages), "cited passages"
    else:
        sources, where = [], "calculator result"
    unsupported = unsupported_figures(check.text, sources, tool_values)
    events += [
        GuardEvent(kind="figure", detail=f"'{f.text}' is not in the {where}")
        for f in unsupported
    ]
    return GuardResult(check.text, check.cited, unsupported, events)

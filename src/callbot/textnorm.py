"""Text normalisation shared by ingestion, quote checks and the figure guard."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "«": '"',
                         "»": '"', "–": "-", "—": "-", "\u00a0": " "})
_WS = re.compile(r"\s+")
BULLET_RUN = re.compile(r"\s*•\s*")  # "•carenza" and "• carenza" are the same list item


def match_key(text: str) -> str:
    """A form of `text` for 'does this quote occur in that passage' checks.

    NFKC, typographic quotes and dashes folded, lower case, whitespace collapsed (also around
    bullet glyphs). Two texts that differ only by line breaks, spacing or quote style get the
    same key.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return _WS.sub(" ", BULLET_RUN.sub(" • ", text)).strip()


def contains_quote(passage: str, quote: str) -> bool:
    return match_key(quote) in match_key(passage)

"""Figures in text (numbers, amounts, percentages, distances, durations, dates), each reduced
to a canonical value so that "1.100", "1,100", "1 100" and "1100" compare equal, and
"4 aprile 2019", "4 April 2019" and "04/04/2019" too."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

Kind = Literal["number", "money", "percent", "distance", "duration", "date"]

# Each month: its Italian and English names in full, then their abbreviations.
_MONTHS = {
    1: "gennaio january gen jan", 2: "febbraio february feb", 3: "marzo march mar",
    4: "aprile april apr", 5: "maggio may mag", 6: "giugno june giu jun",
    7: "luglio july lug jul", 8: "agosto august ago aug",
    9: "settembre september sett set sep sept",
    10: "ottobre october ott oct", 11: "novembre november nov", 12: "dicembre december dic dec",
}
MONTH = {name: n for n, names in _MONTHS.items() for name in names.split()}
# Month names written in full, Italian then English: "aprile|…|april|…", for regular expressions.
MONTH_NAMES = "|".join(
    [names.split()[0] for names in _MONTHS.values()] + [names.split()[1] for names in _MONTHS.values()]
)
_M = "(?:" + "|".join(sorted(MONTH, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|°|º)?"
_I = re.IGNORECASE
_DATES = [
    re.compile(rf"(?<![\w.,/-]){_DAY}\s+(?:of\s+)?(?P<m>{_M})(?:\s*,?\s*(?P<y>\d{{4}}))?\b", _I),
    re.compile(rf"\b(?P<m>{_M})\s+{_DAY}\s*,?\s+(?P<y>\d{{4}})\b", _I),
    re.compile(rf"\b(?P<m>{_M})\s+(?:del\s+|of\s+)?(?P<y>\d{{4}})\b", _I),
    re.compile(r"(?<![\w.,/-])(?P<d>[0-3]?\d)([/.-])(?P<m>[01]?\d)\2(?P<y>\d{4}|\d{2})(?![\w/-]|[.,]\d)"),
    re.compile(r"(?<![\w.,/-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w/-])"),
]
_SPACE = "[ \u00a0\u202f]"
_NUM = (
    rf"(?<![\w.,])(?:[1-9]\d{{0,2}}(?:(?:[.,']|{_SPACE})\d{{3}}(?!\d))+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)(?![.,]?\d)"
)
_WORDS = {
    "un": 1, "uno": 1, "una": 1, "one": 1, "due": 2, "two": 2, "tre": 3, "three": 3,
    "quattro": 4, "four": 4, "cinque": 5, "five": 5, "sei": 6, "six": 6, "sette": 7,
    "seven": 7, "otto": 8, "eight": 8, "nove": 9, "nine": 9, "dieci": 10, "ten": 10,
    "dodici": 12, "twelve": 12, "quindici": 15, "fifteen": 15, "venti": 20, "twenty": 20,
    "trenta": 30, "thirty": 30, "cinquanta": 50, "fifty": 50, "cento": 100, "hundred": 100,
    "mille": 1000,
}
def number_words(low: int, high: int) -> str:
    """The numbers from `low` to `high` written out, Italian and English: "due|two|tre|…"."""
    return "|".join(w for w, n in _WORDS.items() if low <= n <= high)


# A number written out, other than one ("tre anni", "five days"): "un"/"una" are articles.
COUNT_WORD = re.compile(
    r"\b(?:" + "|".join(w for w, n in _WORDS.items() if n > 1) + r")\b", re.IGNORECASE
)
_NUMBER = re.compile(
    rf"(?P<num>{_NUM})|\b(?P<word>" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_SCALE = {
    "mila": 3, "thousand": 3, "k": 3, "milioni": 6, "milione": 6, "mln": 6,
    "million": 6, "millions": 6, "M": 6, "miliardi": 9, "miliardo": 9, "mld": 9,
    "billion": 9, "billions": 9, "bn": 9,
}
_UNITS: dict[Kind, str] = {
    "money": r"€|euros?\b|eur\b",
    "percent": r"%|per\s?cento\b|percento\b|per\s?cent\b|percent\b",
    "distance": r"km\b|chilometr[oi]\b|kilometr[ei]s?\b|kilometers?\b",
    "duration": r"(?:working\s+|calendar\s+|business\s+|full\s+)?(?:giorn[oi]|giornate|gg|days?|"
    r"mes[ei]|months?|settiman[ae]|weeks?|ann[oi]|years?|or[ae]|hours?)\b",
}
_AFTER = re.compile(
    r"\s?(?P<scale>(?-i:M)\b|mila\b|thousand\b|k\b|milion[ei]\b|mln\b|millions?\b|"
    r"miliard[oi]\b|mld\b|billions?\b|bn\b)?\s*(?:d[i']\s*|of\s+)?"
    + "(?:" + "|".join(f"(?P<{kind}>{rx})" for kind, rx in _UNITS.items()) + ")?",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(r"(?:€|\beur|\beuro)\s*$", re.IGNORECASE)
_GLUED_UNIT = re.compile(r"(\d)(km|mln|mld|bn|k|M|eur|EUR|gg)\b")
_CODE = re.compile(r"\b(?:[^\W\d_]+[-_]?\d[\w-]*|\d+[^\W\d_][\w-]*)")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_CITATION = re.compile(r"\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]")
_LIST_MARK = re.compile(r"^\s*\d{1,2}[.)](?=\s)", re.MULTILINE)


@dataclass(frozen=True)
class Figure:
    """One figure as written (`text`) and its canonical `value`: plain decimal digits
    ("1100", "3.6") or an ISO date ("2019-04-04", month "2019-04", day "--04-04")."""

    kind: Kind
    value: str
    text: str


def canonical(number: Decimal) -> str:
    return format(number.normalize(), "f") if number else "0"


def parse_number(raw: str) -> Decimal:
    """'1.100' 1100; '1,100' 1100; '1 100' 1100; '3,6' 3.6; '1.100,50' 1100.5.

    One separator followed by exactly three digits is a thousands separator (the documents
    are Italian, the answers Italian or English); otherwise it is the decimal point."""
    s = re.sub(rf"{_SPACE}|'", "", raw)
    if "." in s and "," in s:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal_sep == "," else ",", "").replace(decimal_sep, ".")
    elif "." in s or "," in s:
        sep = "." if "." in s else ","
        head, *groups = s.split(sep)
        thousands = len(groups) > 1 or (len(groups[0]) == 3 and head not in ("", "0"))
        s = s.replace(sep, "") if thousands else s.replace(sep, ".")
    return Decimal(s)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2009", " ")
    text = _URL.sub(" ", text)
    text = _CITATION.sub(" ", text)
    return _LIST_MARK.sub(" ", text)


def _date_of(match: re.Match[str]) -> tuple[str, str] | None:
    """(value, blanked text) of a date match, or None when it is not a real date."""
    groups = match.groupdict()
    raw_month = groups["m"].rstrip(".").lower()
    month = MONTH.get(raw_month) or int(raw_month)
    day = int(groups["d"]) if groups.get("d") else None
    year = int(groups["y"]) if groups.get("y") else None
    if year is not None and year < 100:
        year += 2000
    if day is not None and month > 12 and day <= 12:
        day, month = month, day
    try:
        date(year or 2000, month, day or 1)
    except ValueError:
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}", match.group(0)
    return (f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")), match.group(0)


def _take_dates(text: str) -> tuple[list[Figure], str]:
    found: list[Figure] = []
    for pattern in _DATES:
        def blank(m: re.Match[str]) -> str:
            parsed = _date_of(m)
            if parsed is None:
                return m.group(0)
            found.append(Figure("date", parsed[0], parsed[1]))
            return " " * len(m.group(0))
        text = pattern.sub(blank, text)
    return found, text


def _unit_kind(after: re.Match[str]) -> Kind:
    for kind in _UNITS:
        if after.group(kind):
            return kind
    return "number"


def _number_at(text: str, m: re.Match[str]) -> Figure | None:
    after = _AFTER.match(text, m.end())
    assert after is not None
    scale, kind = after.group("scale"), _unit_kind(after)
    if m.group("word"):
        if not scale and kind == "number":
            return None
        value = Decimal(_WORDS[m.group("word").lower()])
    else:
        value = parse_number(m.group("num"))
    if scale:
        value *= Decimal(10) ** _SCALE.get(scale, _SCALE.get(scale.lower(), 0))
    if kind == "number" and _MONEY_BEFORE.search(text[: m.start()]):
        kind = "money"
    end = after.end() if (scale or kind != "number") else m.end()
    return Figure(kind, canonical(value), text[m.start() : end].strip())


def find_figures(text: str) -> list[Figure]:
    """Every figure of `text`, in order of kind (dates first). Citation markers [n], list
    numbers, URLs and codes such as ESCP-4x or COS-CLUSTER-2018-03-02 are not figures."""
    dates, rest = _take_dates(_clean(text))
    rest = _CODE.sub(lambda m: " " * len(m.group(0)), _GLUED_UNIT.sub(r"\1 \2", rest))
    numbers = [_number_at(rest, m) for m in _NUMBER.finditer(rest)]
    return dates + [f for f in numbers if f is not None]


def _expansions(figure: Figure) -> Iterable[tuple[str, str]]:
    """The keys a figure of a source supports: a date supports its month, its day and its
    year; '1 100' also its parts (a table row); '3,6 milioni' also '3,6'."""
    yield figure.kind, figure.value
    if figure.kind == "date":
        parts = figure.value.split("-")
        if not figure.value.startswith("--"):
            yield "number", parts[0]
            if len(parts) == 3:
                yield "date", f"{parts[0]}-{parts[1]}"
                yield "date", f"--{parts[1]}-{parts[2]}"
        return
    for piece in re.findall(r"\d+(?:[.,]\d+)*", figure.text):
        value = canonical(parse_number(piece))
        if value != figure.value:
            yield "number", value


@dataclass
class Evidence:
    """What figures a set of sources supports: canonical value -> kinds seen with it."""

    kinds: dict[str, set[str]]

    @classmethod
    def of(cls, texts: Iterable[str], values: Any = None) -> Evidence:
        kinds: dict[str, set[str]] = {}
        figures = [f for t in texts for f in find_figures(t)] + figures_of_value(values)
        for figure in figures:
            for kind, value in _expansions(figure):
                kinds.setdefault(value, set()).add(kind)
        return cls(kinds)

    def supports(self, figure: Figure) -> bool:
        seen = self.kinds.get(figure.value, set())
        if figure.kind == "date":
            return "date" in seen
        seen = seen - {"date"}
        return bool(seen) and (figure.kind == "number" or "number" in seen or figure.kind in seen)


def figures_of_value(value: Any) -> list[Figure]:
    """Figures of a calculator result or input: numbers, dates and texts, however nested."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, int | float | Decimal):
        return [Figure("number", canonical(Decimal(str(value))), str(value))]
    if isinstance(value, date):
        return [Figure("date", value.isoformat()[:10], value.isoformat())]
    if isinstance(value, str):
        return find_figures(value)
    if isinstance(value, dict):
        return [f for v in value.values() for f in figures_of_value(v)]
    if isinstance(value, list | tuple | set):
        return [f for v in value for f in figures_of_value(v)]
    return find_figures(str(value))


# A bare sum of four digits or more ("1100 euro", "€ 360000"): not a year, a code or a phone number.
_BARE_THOUSANDS = re.compile(r"(?<![\w.,/-])(?:(?<=€)|(?<=€\s))?(\d{4,})(?=\s*(?:euro|eur|€)(?!\w))|"
                             r"(?<=€)\s?(\d{4,})(?![\w.,])", re.IGNORECASE)


def grouped_thousands(text: str) -> str:
    """Bare sums written the way the documents write them, in Italian thousands ("1100 euro":
    1.100 euro, "€ 360000": € 360.000); other numbers stay as they are."""
    def grouped(m: re.Match[str]) -> str:
        digits = m.group(1) or m.group(2)
        return m.group(0).replace(digits, f"{int(digits):,}".replace(",", "."))
    return _BARE_THOUSANDS.sub(grouped, text)

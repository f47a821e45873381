"""Slot values read from a question without a language model: km, days, dates, money, counts.

Numbers are written as digits ("6 giorni", "150 km", "5 working days"); small counts may
also be words ("tre partner"). A number right after a comparison ("under 5 working days",
"meno di 200 km") states a rule, not the user's situation, and is ignored.
"""

from __future__ import annotations

import re
from datetime import date, time

NUMBER_WORDS = {
    "un": 1, "uno": 1, "una": 1, "one": 1, "due": 2, "two": 2, "tre": 3, "three": 3,
    "quattro": 4, "four": 4, "cinque": 5, "five": 5, "sei": 6, "six": 6, "sette": 7,
    "seven": 7, "otto": 8, "eight": 8, "nove": 9, "nine": 9, "dieci": 10, "ten": 10,
}
MONTHS = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
    "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_NUM = r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")"
_COMPARATIVE = re.compile(
    r"(?:under|below|less than|fewer than|more than|over|at least|at most|minimum|maximum|"
    r"min\.?|max\.?|up to|inferiore a|inferiori a|superiore a|meno di|più di|oltre|almeno|"
    r"al massimo|fino a|sotto i|sopra i|minimo|massimo|entro|capped at|cap of|limit(?:ed)? (?:to|of)|"
    r"(?:tetto|limite)(?: massimo)?(?: di| pari a)?|[<>≥≤])\s*(?:i\s+|the\s+|di\s+)?$")
_TOTAL = re.compile(r"\b(?:adds?|added|adding|sums?|summing)\s+up\s+to\s*$")  # a total, not a cap
_LOOKBACK = 25  # characters searched for a comparison before a number
_OPEN_END = re.compile(r"^\s*(?:or more|or less|or longer|o più|o meno|o superiore|e oltre)")
_KM = re.compile(r"(?P<n>\d+(?:[.,]\d+)?)\s*(?:km|chilometri|kilometri|kilomet(?:er|re)s)\b")
_TRAVEL = re.compile(_NUM + r"\s+(?:travel(?:ling)?\s+days?|days?\s+(?:of\s+)?travel(?:ling)?|"
                     r"giorn[oi]\s+di\s+viaggio|giornat[ae]\s+di\s+viaggio)\b")
_SEP = r"(?:\s*-\s*|\s+)"  # "5 days", "5-day", "3-working-day"
_DAYS = re.compile(_NUM + _SEP + r"(?:working[\s-]+days?|work[\s-]*days?|business[\s-]+days?|days?|"
                   r"giorn[oi](?:\s+lavorativi)?|giornat[ae](?:\s+lavorative)?|gg)\b")
_MONTHS = re.compile(r"(?P<n>\d+)\s*(?:mesi|months?)\b")
_COUNT = r"(?P<n>\d+|an?\b|" + "|".join(NUMBER_WORDS) + r")"
_STAY_MONTHS = re.compile(r"\b" + _COUNT + _SEP + r"(?:mes[ei]|months?)\b")
_STAY_WEEKS = re.compile(r"\b" + _COUNT + _SEP + r"(?:settiman[ae]|weeks?)\b")
_TIME = re.compile(
    r"(?<![\d.,:/])(?:(?:\balle|\ball'|\bore|\bh\.?)\s*(?:ore\s*)?(?P<h1>\d{1,2})(?:[:.](?P<m1>\d{2}))?"
    r"|(?P<h2>\d{1,2})[:.](?P<m2>\d{2})|(?P<h3>\d{1,2})(?=\s*[ap]m\b))"
    r"(?![\d.,:/]\d|\d)\s*(?P<ampm>[ap]m\b)?")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_EU_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_MONTH_RE = "|".join(MONTHS)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|°)?(?:\s*(?:-|–|al|to|a|until|e|and)\s*"
                        rf"(\d{{1,2}}))?\s+(?:di\s+)?({_MONTH_RE})(?:\s+(\d{{4}}))?\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to)\s*"
                        rf"(\d{{1,2}}))?,?\s+(\d{{4}})\b")


def number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


def stated(text: str, match: re.Match) -> bool:
    """True unless the number is part of a rule ("under 5 days", "5 days or more")."""
    before = text[max(0, match.start() - _LOOKBACK):match.start()]
    if _COMPARATIVE.search(before) and not _TOTAL.search(before):
        return False
    return not _OPEN_END.match(text[match.end():])


def _first(pattern: re.Pattern, text: str) -> re.Match | None:
    return next((m for m in pattern.finditer(text) if stated(text, m)), None)


def find_km(text: str) -> float | None:
    m = _first(_KM, text.lower())
    return float(m.group("n").replace(",", ".")) if m else None


def find_travel_days(text: str) -> int | None:
    m = _first(_TRAVEL, text.lower())
    return number(m.group("n")) if m else None


def find_working_days(text: str) -> int | None:
    low = text.lower()
    for m in _DAYS.finditer(low):
        after, before = low[m.end():m.end() + 15], low[max(0, m.start() - 10):m.start()]
        if re.match(r"\s*(?:di viaggio|of travel|travel)", after) or "travel" in before:
            continue
        if re.match(r"\s*(?:ago|fa\b|since|dalla|dopo)", after):
            continue
        if stated(low, m):
            return number(m.group("n"))
    return None


def find_months(text: str) -> int | None:
    m = _first(_MONTHS, text.lower())
    return int(m.group("n")) if m else None


def find_stay_length(text: str) -> tuple[int | None, int | None]:
    """(months, weeks) of a stay: "due mesi", "a 2-month exchange", "tre settimane", "a week"."""
    low = text.lower()
    months = _first(_STAY_MONTHS, low)
    weeks = _first(_STAY_WEEKS, low)
    return (_count(months.group("n")) if months else None,
            _count(weeks.group("n")) if weeks else None)


def _count(token: str) -> int:
    return 1 if token in ("a", "an") else number(token)


def find_time(text: str) -> time | None:
    """Time of day: "alle 16:30", "at 17.30", "ore 17", "h. 17", "5 pm", "4:30pm"."""
    low = text.lower()
    for m in _TIME.finditer(low):
        hour = int(m.group("h1") or m.group("h2") or m.group("h3"))
        minute = int(m.group("m1") or m.group("m2") or 0)
        if m.group("ampm") == "pm" and hour < 12:
            hour += 12
        elif m.group("ampm") == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return time(hour, minute)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _textual_dates(low: str) -> list[tuple[int, tuple[int, int, int | None]]]:
    """(position, (day, month, year or None)) for "6 maggio 2019", "6-10 May", "May 6, 2019"."""
    found: list[tuple[int, tuple[int, int, int | None]]] = []
    for m in _DAY_MONTH.finditer(low):
        month, year = MONTHS[m.group(3)], int(m.group(4)) if m.group(4) else None
        found.append((m.start(), (int(m.group(1)), month, year)))
        if m.group(2):
            found.append((m.start() + 1, (int(m.group(2)), month, year)))
    for m in _MONTH_DAY.finditer(low):
        month, year = MONTHS[m.group(1)], int(m.group(4))
        found.append((m.start(), (int(m.group(2)), month, year)))
        if m.group(3):
            found.append((m.start() + 1, (int(m.group(3)), month, year)))
    return found


def find_dates(text: str) -> list[date]:
    """Dates in order of appearance; a date without a year takes the next date's year."""
    low = text.lower()
    parts: list[tuple[int, tuple[int, int, int | None]]] = [
        (m.start(), (int(m.group(3)), int(m.group(2)), int(m.group(1))))
        for m in _ISO.finditer(low)]
    parts += [(m.start(), (int(m.group(1)), int(m.group(2)), int(m.group(3))))
              for m in _EU_DATE.finditer(low)]
    parts += _textual_dates(low)
    parts.sort(key=lambda item: item[0])
    dates: list[date] = []
    for i, (_, (day, month, year)) in enumerate(parts):
        year = year or next((y for _, (_, _, y) in parts[i + 1:] if y), None)
        if year and (found := _safe_date(year, month, day)):
            dates.append(found)
    return dates


def bare_number(text: str) -> float | None:
    """The value of a message that is only a number ("6", "150 km", "6 giorni")."""
    m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(?:km|giorni|days|euro|eur|€)?\s*[.!?]?\s*",
                     text.lower())
    return float(m.group(1).replace(",", ".")) if m else None

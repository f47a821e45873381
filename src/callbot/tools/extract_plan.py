"""Slot values for the budget and exchange-plan calculators: amounts in EUR and counts."""

from __future__ import annotations

import re
from decimal import Decimal

from callbot.tools.budget import CostLine
from callbot.tools.extract import stated

_AMOUNT = re.compile(
    r"(?P<cur1>€|eur\b|euro\b)?\s*"
    r"(?P<num>\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)\s*"
    r"(?P<mult>k\b|mila\b|thousand\b|mln\b|milioni\b|milione\b|millions?\b|m\b)?\s*"
    r"(?P<cur2>€|eur\b|euro\b)?")
_MULTIPLIERS = {"k": 1000, "mila": 1000, "thousand": 1000, "m": 10**6, "mln": 10**6,
                "milione": 10**6, "milioni": 10**6, "million": 10**6, "millions": 10**6}
CATEGORIES = [
    ("financial support to third parties",
     r"terz[ei]|third[- ]part|fstp|supporto finanziario|sostegno finanziario|financial support"),
    ("personnel", r"personale|personnel|staff"),
    ("travel", r"viagg|trasfert|travel"),
    ("equipment", r"attrezzatur|equipment"),
    ("subcontracting", r"subappalt|subcontract"),
    ("indirect costs", r"indirett|indirect|overhead"),
    ("other goods and services", r"altri costi|other costs|beni e servizi|goods"),
]
_INCLUDED_WORDS = r"\b(?:di cui|of which|including|inclusi|incluso|compresi|compreso)\b"
_INCLUDED = re.compile(_INCLUDED_WORDS)
_CLAUSE_SPLIT = re.compile(rf"(?<!\d)[,;]|[,;](?!\d)|\s(?:e|and|più|plus)\s|(?={_INCLUDED_WORDS})")


def parse_amount(num: str, mult: str | None) -> Decimal:
    """ "400.000" / "400,000" / "3,6" + "milioni" → Decimal (Italian or English separators)."""
    groups = re.fullmatch(r"\d{1,3}(?:([.,' ])\d{3})+(?:([.,])(\d{1,2}))?", num)
    if groups and groups.group(1) != groups.group(2):
        whole = re.sub(r"[.,' ]", "", num[: len(num) - len(groups.group(3) or "") - (
            1 if groups.group(3) else 0)])
        value = Decimal(whole + ("." + groups.group(3) if groups.group(3) else ""))
    else:
        value = Decimal(num.replace(",", "."))
    return value * _MULTIPLIERS.get(mult or "", 1)


def _is_money(m: re.Match, value: Decimal) -> bool:
    """Marked as money (€, EUR, k, milioni), or a large number that is not a year."""
    if m.group("cur1") or m.group("cur2") or m.group("mult"):
        return True
    return value >= 1000 and not re.fullmatch(r"(?:19|20)\d\d", m.group("num"))


def _amounts(clause: str) -> list[Decimal]:
    found = []
    for m in _AMOUNT.finditer(clause):
        value = parse_amount(m.group("num"), m.group("mult"))
        if _is_money(m, value) and stated(clause, m):
            found.append(value)
    return found


def _category(clause: str) -> str:
    return next((name for name, pattern in CATEGORIES if re.search(pattern, clause)),
                "eligible costs")


def find_costs(text: str) -> list[CostLine]:
    """Cost lines by category; "X of which Y third parties" splits X into Y and X - Y."""
    lines: list[CostLine] = []
    for clause in _CLAUSE_SPLIT.split(text.lower()):
        for amount in _amounts(clause):
            category = _category(clause)
            previous = lines[-1] if lines else None
            if (_INCLUDED.search(clause) and previous and previous.category == "eligible costs"
                    and previous.amount_eur >= amount):
                lines[-1] = CostLine(category="other eligible costs",
                                     amount_eur=previous.amount_eur - amount)
            lines.append(CostLine(category=category, amount_eur=amount))
    return lines


# a count stands alone: not "categoria D/7 per una PMI" nor "1.100 euro"
_N = r"(?<![\w/.,])(?P<n>\d+)"
_PLANNED = re.compile(_N + r"\s+(?:scambi|exchanges)\b")
_WORDS = r"(?:[^\W\d]+\s+){0,4}?"
_SMES = re.compile(_N + r"\s+" + _WORDS + r"(?:pmi|smes?)\b")
_NON_MEMBERS = re.compile(_N + r"\s+" + _WORDS + r"(?:non[\s-]?membri|non[\s-]?members?|"
                          r"non[\s-]?soci|estern[ei]|external|outside)")


def find_exchange_counts(text: str) -> tuple[int | None, int | None, int | None]:
    """(planned, with SMEs, with non-member organisations) from "120 scambi, 60 con PMI..."."""
    low = text.lower()
    planned = next((m for m in _PLANNED.finditer(low) if stated(low, m)), None)
    taken = {planned.start()} if planned else set()

    def count(pattern: re.Pattern) -> int | None:
        for m in pattern.finditer(low):
            if m.start() not in taken and stated(low, m):
                taken.add(m.start())
                return int(m.group("n"))
        return None

    smes = count(_SMES)
    return (int(planned.group("n")) if planned else None), smes, count(_NON_MEMBERS)


_MINIMUMS = re.compile(
    r"\b(?:how many|what share|what number|quant[ie]|quale quota|che quota)\b[^?.!]*?\b(?:"
    r"must|should|need|needs|have to|has to|required|requires|at least|minimum|"
    r"devono|dovranno|dovrebbero|deve|dovrà|servono|occorrono|bisogna|necessari\w*|"
    r"richiest\w*|obbligatori\w*|almeno|minim\w*)\b")


def asks_minimums(text: str) -> bool:
    """ "How many must involve SMEs?", "quanti devono coinvolgere PMI?": the required counts."""
    return bool(_MINIMUMS.search(text.lower()))

"""The web app's calculator forms: raw form values (text boxes, numbers, table rows) turned
into calculator inputs, run through the calculators in callbot.tools.

Each function returns (inputs, result): the inputs as given to the calculator (for the audit
log) and its typed result. A value that cannot be understood raises InputError naming the
field, which the app shows as a sentence.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from callbot.errors import InputError
from callbot.tools.budget import BudgetInput, BudgetResult, CostLine, budget
from callbot.tools.common import build_input
from callbot.tools.eligibility import EligibilityInput, EligibilityResult, PartnerInput, eligibility
from callbot.tools.exchanges import ExchangeInput, ExchangeResult, exchanges
from callbot.tools.extract_plan import parse_amount
from callbot.tools.lump_sum import LumpSumInput, LumpSumResult, lump_sum

PARTNER_COLUMNS = ["name", "country", "region", "type", "ECCP", "region category (optional)"]
COST_COLUMNS = ["category", "amount (EUR)"]
PARTNER_TYPES = {
    "cluster": "cluster organisation", "cluster organisation": "cluster organisation",
    "cluster organization": "cluster organisation", "organizzazione cluster": "cluster organisation",
    "network": "business network", "business network": "business network",
    "rete di imprese": "business network", "other": "other", "altro": "other",
}
ECCP_STATUS = {
    "registered": "registered", "yes": "registered", "registrato": "registered", "sì": "registered",
    "si": "registered", "applied": "applied", "pending": "applied", "in attesa": "applied",
    "richiesta": "applied", "no": "no",
}
CATEGORIES = {
    "less developed": "less developed", "meno sviluppata": "less developed",
    "transition": "transition", "in transizione": "transition", "transizione": "transition",
    "more developed": "more developed", "più sviluppata": "more developed",
}
EXAMPLE_PARTNERS = [
    ["Cluster Lombardo Mobilità", "IT", "Lombardia", "cluster organisation", "registered", ""],
    ["Distretto Meccatronico", "IT", "Puglia", "cluster organisation", "applied", ""],
    ["Aerospace Valley", "FR", "Occitanie", "cluster organisation", "registered", ""],
    ["Bavaria Innovation Network", "DE", "Oberbayern", "business network", "registered", ""],
]
EXAMPLE_COSTS = [["personnel", "250000"], ["travel", "40000"],
                 ["financial support to third parties", "110000"]]


def blank(value: Any) -> bool:
    """None, an empty string or NaN (an empty number cell)."""
    if isinstance(value, float):
        return math.isnan(value)
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str | None:
    return None if blank(value) else str(value).strip()


def parse_day(value: Any, field: str) -> date | None:
    """A date from a form: 2019-05-06, 06/05/2019 or 6.5.2019 (None when empty)."""
    text = _text(value)
    if text is None:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InputError(field, f"{text!r} is not a date; write it as YYYY-MM-DD (e.g. 2019-05-06)")


def _number(value: Any, field: str) -> float | None:
    if blank(value):
        return None
    try:
        return float(str(value).replace(",", "."))
    except ValueError as exc:
        raise InputError(field, f"{value!r} is not a number") from exc


def lump_sum_form(where: str, origin: Any, destination: Any, distance_km: Any, when: str,
                  start: Any, end: Any, travel_days: Any, working_days: Any,
                  host_country: Any) -> tuple[dict[str, Any], LumpSumResult]:
    """`where`: "places" or "distance"; `when`: "dates" or "working days"."""
    values: dict[str, Any] = {"travel_days": int(_number(travel_days, "travel_days") or 0)}
    if where == "places":
        values.update(origin=_text(origin), destination=_text(destination))
    else:
        values["distance_km"] = _number(distance_km, "distance_km")
    if when == "dates":
        values.update(start=parse_day(start, "start"), end=parse_day(end, "end"),
                      host_country=(_text(host_country) or "").upper() or None)
    else:
        days = _number(working_days, "working_days")
        values["working_days"] = None if days is None else int(days)
    inputs = {k: v for k, v in values.items() if v is not None}
    return _jsonable(inputs), lump_sum(build_input(LumpSumInput, **inputs))


def _choice(value: Any, table: dict[str, str], field: str, default: str) -> str:
    text = (_text(value) or default).lower()
    if text in table:
        return table[text]
    raise InputError(field, f"{value!r} is not one of: {', '.join(sorted(set(table.values())))}")


def partners_from_rows(rows: list[list[Any]]) -> list[PartnerInput]:
    """One partner per non-empty row of the partner table."""
    partners = []
    for i, row in enumerate(r for r in rows if not all(blank(v) for v in r)):
        name, country, region, kind, eccp, category = (list(row) + [None] * 6)[:6]
        values = {
            "name": _text(name) or f"partner {i + 1}",
            "country": _text(country),
            "region": _text(region),
            "type": _choice(kind, PARTNER_TYPES, f"partner {i + 1} type", "cluster organisation"),
            "eccp": _choice(eccp, ECCP_STATUS, f"partner {i + 1} ECCP", "registered"),
            "category": _choice(category, CATEGORIES, f"partner {i + 1} region category", "")
            if _text(category) else None,
        }
        partners.append(build_input(PartnerInput, **values))
    if not partners:
        raise InputError("partners", "the table is empty: add one row per partner")
    return partners


def eligibility_form(rows: list[list[Any]]) -> tuple[dict[str, Any], EligibilityResult]:
    partners = partners_from_rows(rows)
    inp = EligibilityInput(partners=partners)
    return inp.model_dump(mode="json"), eligibility(inp)


def costs_from_rows(rows: list[list[Any]]) -> list[CostLine]:
    lines = []
    for i, row in enumerate(r for r in rows if not all(blank(v) for v in r)):
        category, amount = (list(row) + [None, None])[:2]
        text = _text(amount)
        if text is None:
            raise InputError(f"cost line {i + 1}", "the amount is missing")
        try:
            value = parse_amount(text.replace("€", "").replace("EUR", "").strip(), None)
        except ArithmeticError as exc:
            raise InputError(f"cost line {i + 1}", f"{text!r} is not an amount") from exc
        lines.append(build_input(CostLine, category=_text(category) or "eligible costs",
                                 amount_eur=value))
    if not lines:
        raise InputError("costs", "the table is empty: add one row per cost category")
    return lines


def budget_form(rows: list[list[Any]]) -> tuple[dict[str, Any], BudgetResult]:
    inp = BudgetInput(costs=costs_from_rows(rows))
    return inp.model_dump(mode="json"), budget(inp)


def exchanges_form(planned: Any, with_smes: Any, with_non_members: Any
                   ) -> tuple[dict[str, Any], ExchangeResult]:
    values = {name: int(_number(v, name) or 0) for name, v in
              (("planned", planned), ("with_smes", with_smes),
               ("with_non_members", with_non_members))}
    return values, exchanges(build_input(ExchangeInput, **values))


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}

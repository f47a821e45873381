"""CLI commands over the call rules: lump-sum, distance, eligibility, budget, exchanges,
call-status. Human-readable by default; --json prints the calculator's output model."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import click
from pydantic import BaseModel

from callbot.cli import main
from callbot.errors import InputError
from callbot.rules.schema import RuleRef
from callbot.tools.budget import BudgetInput, budget
from callbot.tools.call_status import CallStatusInput, call_status
from callbot.tools.common import build_input, plain_number
from callbot.tools.distance import DistanceInput, distance
from callbot.tools.eligibility import EligibilityInput, PartnerInput, eligibility
from callbot.tools.exchanges import ExchangeInput, exchanges
from callbot.tools.extract_plan import parse_amount
from callbot.tools.lump_sum import LumpSumInput, lump_sum

DATE = click.DateTime(formats=["%Y-%m-%d"])
PARTNER_TYPES = {"cluster": "cluster organisation", "cluster organisation": "cluster organisation",
                 "cluster organization": "cluster organisation", "network": "business network",
                 "business network": "business network", "other": "other"}
ECCP = {"registered": "registered", "yes": "registered", "applied": "applied",
        "pending": "applied", "no": "no"}


def _emit(result: BaseModel, as_json: bool, lines: list[str]) -> None:
    if as_json:
        click.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    rules: list[RuleRef] = getattr(result, "rules", [])
    click.echo("\n".join(lines))
    if rules:
        click.echo("Rules applied:")
        for rule in rules:
            click.echo(f"  [{rule.id}] {rule.statement}\n    “{rule.quote}” ({rule.doc})")


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


@main.command("lump-sum")
@click.option("--from", "origin", help="Place of the visiting organisation (or lat,lon).")
@click.option("--to", "destination", help="Place of the host organisation (or lat,lon).")
@click.option("--distance-km", type=float, help="Distance instead of the two places.")
@click.option("--working-days", type=int, help="Working days of the stay, travel excluded.")
@click.option("--start", type=DATE, help="First day of the trip (YYYY-MM-DD).")
@click.option("--end", type=DATE, help="Last day of the trip (YYYY-MM-DD).")
@click.option("--travel-days", type=int, default=0, show_default=True,
              help="Travel days within --start..--end.")
@click.option("--host-country", help="Host country (ISO code) for public holidays.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def lump_sum_cmd(origin: str | None, destination: str | None, distance_km: float | None,
                 working_days: int | None, start: datetime | None, end: datetime | None,
                 travel_days: int, host_country: str | None, as_json: bool) -> None:
    """ClusterXchange lump sum per organisation."""
    inp = build_input(LumpSumInput, **_clean({
        "origin": origin, "destination": destination, "distance_km": distance_km,
        "working_days": working_days, "start": start and start.date(),
        "end": end and end.date(), "travel_days": travel_days, "host_country": host_country}))
    r = lump_sum(inp)
    where = f"{r.origin.name} ({r.origin.country}) → {r.destination.name} " \
            f"({r.destination.country}), " if r.origin and r.destination else ""
    _emit(r, as_json, [
        (f"Lump sum: {r.amount_eur} EUR per organisation "
         f"({'eligible' if r.eligible else 'not eligible'})"),
        f"{where}{plain_number(r.distance_km)} km"
        + ("" if r.working_days is None else f", {r.working_days} working days"),
        r.reason,
    ])


@main.command("distance")
@click.option("--from", "origin", required=True, help="First place (or lat,lon).")
@click.option("--to", "destination", required=True, help="Second place (or lat,lon).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def distance_cmd(origin: str, destination: str, as_json: bool) -> None:
    """Great-circle distance between two places (Italian or English names)."""
    r = distance(build_input(DistanceInput, origin=origin, destination=destination))
    line = (f"{r.origin.name} ({r.origin.country}) → {r.destination.name} "
            f"({r.destination.country}): {plain_number(r.distance_km)} km")
    _emit(r, as_json, [line])


def parse_partner(spec: str) -> PartnerInput:
    """ "NAME;COUNTRY;REGION[;type=...][;eccp=...][;category=...]" → PartnerInput."""
    parts = [p.strip() for p in spec.split(";")]
    if len(parts) < 3:
        raise InputError("--partner", f"{spec!r}: expected NAME;COUNTRY;REGION[;key=value...]")
    values: dict[str, Any] = {"name": parts[0], "country": parts[1] or None,
                              "region": parts[2] or None}
    for option in parts[3:]:
        key, _, value = option.partition("=")
        key, value = key.strip().lower(), value.strip().lower()
        table = {"type": PARTNER_TYPES, "eccp": ECCP}.get(key)
        if key == "category":
            values["category"] = value
        elif table is None or value not in table:
            raise InputError("--partner", f"{spec!r}: cannot read {option!r}")
        else:
            values[key] = table[value]
    return build_input(PartnerInput, **values)


@main.command("eligibility")
@click.option("--partner", "partners", multiple=True, required=True,
              help='"NAME;COUNTRY;REGION[;type=cluster|network|other]'
                   '[;eccp=registered|applied|no][;category=...]", once per partner.')
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def eligibility_cmd(partners: tuple[str, ...], as_json: bool) -> None:
    """Consortium eligibility, one check per rule."""
    r = eligibility(EligibilityInput(partners=[parse_partner(p) for p in partners]))
    verdict = {True: "eligible", False: "not eligible", None: "unknown (a fact is missing)"}
    marks = {True: "ok ", False: "NO ", None: "?  "}
    lines = [f"Eligibility: {verdict[r.eligible]}"]
    lines += [f"  {marks[c.verdict]}{c.name}: {c.detail}" for c in r.checks]
    _emit(r, as_json, lines)


def parse_cost(spec: str) -> tuple[str, str]:
    category, sep, amount = spec.rpartition("=")
    if not sep or not category.strip():
        raise InputError("--cost", f"{spec!r}: expected CATEGORY=AMOUNT")
    return category.strip(), amount.strip()


@main.command("budget")
@click.option("--cost", "costs", multiple=True, help="CATEGORY=EUR, e.g. personnel=200000.")
@click.option("--third-party-support", type=str, help="Financial support to third parties.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def budget_cmd(costs: tuple[str, ...], third_party_support: str | None, as_json: bool) -> None:
    """Maximum EU contribution from eligible costs."""
    pairs = [parse_cost(c) for c in costs]
    if third_party_support:
        pairs.append(("financial support to third parties", third_party_support))
    try:
        lines_in = [{"category": c, "amount_eur": parse_amount(a, None)} for c, a in pairs]
    except ArithmeticError as exc:
        raise InputError("--cost", "amounts must be numbers") from exc
    r = budget(build_input(BudgetInput, costs=lines_in))
    lines = [(f"Maximum EU contribution: {plain_number(r.max_eu_contribution_eur)} EUR "
              f"(binding: {r.binding_constraint})")]
    lines += [f"  {ln.category}: {plain_number(ln.amount_eur)} EUR × "
              f"{plain_number(ln.rate_percent)}% = {plain_number(ln.contribution_eur)} EUR"
              for ln in r.lines]
    _emit(r, as_json, [*lines, r.explanation])


@main.command("exchanges")
@click.option("--planned", type=int, required=True, help="Exchanges planned.")
@click.option("--smes", type=int, required=True, help="How many involve SMEs.")
@click.option("--non-members", type=int, required=True,
              help="How many involve organisations outside the partnership's cluster members.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def exchanges_cmd(planned: int, smes: int, non_members: int, as_json: bool) -> None:
    """ClusterXchange plan check: each quota met or not."""
    r = exchanges(build_input(ExchangeInput, planned=planned, with_smes=smes,
                              with_non_members=non_members))
    lines = [f"Exchange plan: {'all quotas met' if r.all_met else 'a quota is missed'}"]
    lines += [f"  {'ok' if q.met else 'NO'} {q.name}: {q.detail}" for q in r.quotas]
    _emit(r, as_json, lines)


@main.command("call-status")
@click.option("--duration-months", type=int, help="Planned project duration to check.")
@click.option("--now", "now", type=str, help="ISO time with offset to compare (default: now).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def call_status_cmd(duration_months: int | None, now: str | None, as_json: bool) -> None:
    """Is the call still open? Deadline in Brussels time, days since or until."""
    try:
        moment = datetime.fromisoformat(now) if now else None
    except ValueError as exc:
        raise InputError("--now", f"{now!r} is not an ISO date-time") from exc
    r = call_status(build_input(CallStatusInput, now=moment, duration_months=duration_months))
    lines = [r.message]
    if r.duration_ok is not None:
        lines.append(f"Duration {r.duration_months} months: "
                     f"{'allowed' if r.duration_ok else 'not allowed'} "
                     f"({r.duration_min_months}-{r.duration_max_months} months)")
    _emit(r, as_json, lines)

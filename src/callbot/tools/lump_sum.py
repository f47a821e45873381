"""ClusterXchange lump sum per organisation, from distance and length of stay."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from callbot.errors import InputError
from callbot.models import Strict
from callbot.rules.loader import RuleSet
from callbot.rules.schema import LumpSumRules, RuleRef
from callbot.tools.common import plain_number, rules_or_default
from callbot.tools.distance import great_circle_km, locate
from callbot.tools.places import Place
from callbot.tools.workdays import (
    WORKING_DAYS_PER_WEEK,
    Holiday,
    max_working_days,
    min_working_days,
    stay_span,
    within_months,
)

Outcome = Literal["full", "reduced", "too_short", "too_long"]


class LumpSumInput(Strict):
    origin: str | None = Field(None, description="Place of the visiting organisation.")
    destination: str | None = Field(None, description="Place of the host organisation.")
    distance_km: float | None = Field(None, ge=0, description="Distance, instead of places.")
    working_days: int | None = Field(None, ge=0, description="Working days of the stay, "
                                     "travel days excluded (instead of dates).")
    start: date | None = Field(None, description="First day of the trip.")
    end: date | None = Field(None, description="Last day of the trip.")
    travel_days: int = Field(0, ge=0, description="Travel days within start..end.")
    host_country: str | None = Field(None, description="ISO code of the host country, for "
                                     "public holidays (defaults to the destination's).")
    weeks: int | None = Field(None, ge=1, description="Length of the stay in weeks (instead "
                              "of working days or dates).")
    months: int | None = Field(None, ge=1, description="Length of the stay in months (instead "
                               "of working days or dates).")

    @model_validator(mode="after")
    def _complete(self) -> LumpSumInput:
        dates = self.start is not None or self.end is not None
        given = [v is not None for v in (self.working_days, self.weeks, self.months)] + [dates]
        if sum(given) > 1:
            raise ValueError("give the stay once: working_days, weeks, months or dates")
        places = (self.origin, self.destination)
        if self.distance_km is None and None in places:
            raise ValueError("give both places (origin and destination) or distance_km")
        if self.distance_km is not None and any(places):
            raise ValueError("give either the two places or distance_km, not both")
        if dates and (self.start is None or self.end is None):
            raise ValueError("give both dates of the stay (start and end)")
        return self

    def stay_given(self) -> bool:
        return any(v is not None for v in (self.working_days, self.weeks, self.months,
                                            self.start))


class Verdict(Strict):
    outcome: Outcome
    amount_eur: int
    eligible: bool
    reason: str
    reason_it: str


class LumpSumResult(Strict):
    amount_eur: int
    eligible: bool
    outcome: Outcome
    reason: str
    reason_it: str
    distance_km: float
    working_days: int | None = Field(description="None when no stay was given: below the "
                                     "full-amount distance the amount does not depend on it.")
    origin: Place | None = None
    destination: Place | None = None
    stay_first_day: date | None = None
    stay_last_day: date | None = None
    holidays_excluded: list[Holiday] = Field(default_factory=list)
    assumption: str | None = Field(None, description="How a stay in weeks or months was "
                                   "turned into working days.")
    assumption_it: str | None = None
    rules: list[RuleRef]


def _months(n: int, lang: str) -> str:
    if lang == "it":
        return f"{n} mese" if n == 1 else f"{n} mesi"
    return f"{n} month" if n == 1 else f"{n} months"


def _ineligible(outcome: Outcome, working_days: int, r: LumpSumRules) -> Verdict:
    limit = r.stay.min_working_days
    if outcome == "too_short":
        en = (f"A stay of {working_days} working days is shorter than the minimum of {limit} "
              "working days (travel days excluded): no lump sum.")
        it = (f"Uno scambio di {working_days} giorni lavorativi è più breve del minimo di {limit} "
              "giorni lavorativi (esclusi i giorni di viaggio): nessun lump sum.")
    else:
        months = r.stay.max_months
        en = f"The stay lasts more than {_months(months, 'en')}, the maximum: no lump sum."
        it = f"Lo scambio dura più di {_months(months, 'it')}, il massimo: nessun lump sum."
    return Verdict(outcome=outcome, amount_eur=0, eligible=False, reason=en, reason_it=it)


def _shortfalls(km: float, working_days: int, r: LumpSumRules) -> tuple[list[str], list[str]]:
    en: list[str] = []
    it: list[str] = []
    min_km, min_days = plain_number(r.reduced.full_from_km), r.reduced.full_from_working_days
    if km < r.reduced.full_from_km:
        en.append(f"the organisations are {plain_number(km)} km apart, less than {min_km} km")
        it.append(f"le organizzazioni distano {plain_number(km)} km, meno di {min_km} km")
    if working_days < min_days:
        en.append(f"the stay is {working_days} working days, less than {min_days}")
        it.append(f"lo scambio dura {working_days} giorni lavorativi, meno di {min_days}")
    return en, it


def decide(km: float, working_days: int, fits_in_max: bool, r: LumpSumRules) -> Verdict:
    """The lump sum for a stay of `working_days` between organisations `km` apart."""
    if working_days < r.stay.min_working_days:
        return _ineligible("too_short", working_days, r)
    if not fits_in_max:
        return _ineligible("too_long", working_days, r)
    en, it = _shortfalls(km, working_days, r)
    if en:
        amount = r.reduced.amount_eur
        return Verdict(outcome="reduced", amount_eur=amount, eligible=True,
                       reason=f"Reduced lump sum of {amount} EUR: {' and '.join(en)}.",
                       reason_it=f"Lump sum ridotto di {amount} euro: {' e '.join(it)}.")
    amount, km_text = r.full.amount_eur, plain_number(km)
    days, min_km = r.reduced.full_from_working_days, plain_number(r.reduced.full_from_km)
    return Verdict(
        outcome="full", amount_eur=amount, eligible=True,
        reason=f"Full lump sum of {amount} EUR: {km_text} km apart (at least {min_km} km) and "
               f"{working_days} working days (at least {days}).",
        reason_it=f"Lump sum intero di {amount} euro: distanza di {km_text} km (almeno "
                  f"{min_km} km) e {working_days} giorni lavorativi (almeno {days}).")


def _by_distance(km: float, r: LumpSumRules) -> Verdict:
    """The lump sum when only the distance is known: below the full-amount distance it is the
    reduced amount for any stay the call allows; above, it depends on the stay."""
    min_km = plain_number(r.reduced.full_from_km)
    if km >= r.reduced.full_from_km:
        raise InputError("working_days", f"at {plain_number(km)} km (at least {min_km} km) the "
                         "amount depends on the length of the stay: give working_days or dates")
    amount, least, most = r.reduced.amount_eur, r.stay.min_working_days, r.stay.max_months
    return Verdict(
        outcome="reduced", amount_eur=amount, eligible=True,
        reason=f"Reduced lump sum of {amount} EUR: the organisations are {plain_number(km)} km "
               f"apart, less than {min_km} km. This holds for any stay from {least} working "
               f"days (travel days excluded) to {_months(most, 'en')}.",
        reason_it=f"Lump sum ridotto di {amount} euro: le organizzazioni distano "
                  f"{plain_number(km)} km, meno di {min_km} km. Vale per qualsiasi scambio da "
                  f"{least} giorni lavorativi (esclusi i giorni di viaggio) a {_months(most, 'it')}.")


def _where(inp: LumpSumInput, rules: RuleSet) -> tuple[float, Place | None, Place | None]:
    if inp.distance_km is not None:
        return round(inp.distance_km, 1), None, None
    origin = locate(inp.origin or "", "origin", rules)
    destination = locate(inp.destination or "", "destination", rules)
    return great_circle_km(origin, destination), origin, destination


def _in_weeks(weeks: int, max_months: int) -> tuple[int, bool, dict]:
    days, per_week = weeks * WORKING_DAYS_PER_WEEK, WORKING_DAYS_PER_WEEK
    unit, unit_it = ("week", "settimana") if weeks == 1 else ("weeks", "settimane")
    return days, days <= max_working_days(max_months), {
        "assumption": f"{weeks} {unit} counted as {days} working days ({per_week} working days "
                      "per week, travel days and public holidays not deducted).",
        "assumption_it": f"{weeks} {unit_it} contate come {days} giorni lavorativi ({per_week} "
                         "giorni lavorativi a settimana, senza togliere viaggio e festivi)."}


def _in_months(months: int, max_months: int) -> tuple[int, bool, dict]:
    days = min_working_days(months)
    return days, months <= max_months, {
        "assumption": f"A stay of {_months(months, 'en')} counted as at least {days} working "
                      "days (the fewest weekdays in that span).",
        "assumption_it": f"Uno scambio di {_months(months, 'it')} contato come almeno {days} "
                         "giorni lavorativi (il minimo di giorni feriali in quel periodo)."}


def _stay(inp: LumpSumInput, destination: Place | None, r: LumpSumRules
          ) -> tuple[int, bool, dict]:
    """Working days of the stay, whether it fits in the maximum length, and result extras."""
    if inp.working_days is not None:
        return inp.working_days, inp.working_days <= max_working_days(r.stay.max_months), {}
    if inp.weeks is not None:
        return _in_weeks(inp.weeks, r.stay.max_months)
    if inp.months is not None:
        return _in_months(inp.months, r.stay.max_months)
    country = inp.host_country or (destination.country if destination else None)
    if not country:
        raise InputError("host_country", "needed to count public holidays in the stay")
    span = stay_span(inp.start, inp.end, inp.travel_days, country.upper())
    fits = span.first_day is None or within_months(span.first_day, span.last_day,
                                                   r.stay.max_months)
    return span.working_days, fits, {"stay_first_day": span.first_day,
                                     "stay_last_day": span.last_day,
                                     "holidays_excluded": span.holidays}


def lump_sum(inp: LumpSumInput, rules: RuleSet | None = None) -> LumpSumResult:
    """ClusterXchange lump sum: amount, eligibility and why, with the rules applied."""
    rules = rules_or_default(rules)
    r = rules.call.lump_sum
    km, origin, destination = _where(inp, rules)
    days: int | None = None
    extra: dict = {}
    if inp.stay_given():
        days, fits, extra = _stay(inp, destination, r)
        verdict = decide(km, days, fits, r)
    else:
        verdict = _by_distance(km, r)
    return LumpSumResult(
        **verdict.model_dump(), distance_km=km, working_days=days, origin=origin,
        destination=destination, **extra,
        rules=[rule.ref() for rule in (r.full, r.reduced, r.grid, r.stay, r.visits)],
    )

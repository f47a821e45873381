"""Route a question to a calculator, ask for a missing value, or leave it to the documents.

`route()` is deterministic: intent and values are read with patterns and the offline
gazetteer, the figures come from the calculators, the citations from the rules file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field

from callbot.answer import asked_part
from callbot.errors import InputError
from callbot.models import Strict, ToolCall
from callbot.rules.loader import RuleSet, default_ruleset
from callbot.rules.schema import RuleRef
from callbot.terms import country_words, region_words, specific_words, tokenize
from callbot.tools import messages
from callbot.tools.budget import BudgetInput, budget
from callbot.tools.call_status import CallStatusInput, call_status
from callbot.tools.common import build_input
from callbot.tools.distance import DistanceInput, distance
from callbot.tools.eligibility import EligibilityInput, eligibility
from callbot.tools.exchanges import ExchangeInput, PlanInput, exchanges, minimums
from callbot.tools.intents import follow_up, fresh_intent, outside_consortium, wants_places
from callbot.tools.lump_sum import LumpSumInput, lump_sum
from callbot.tools.messages import Lang
from callbot.tools.places import AmbiguousPlaceError, PlaceNotFoundError
from callbot.tools.slots import Slots, ToolName, merge, read


class RouteOutcome(Strict):
    tool: ToolCall | None = Field(None, description="The calculator call, when computed.")
    message: str = Field(description="Result, or the question for the missing value.")
    missing: str | None = Field(None, description="Name of the value asked for.")
    slots: Slots
    sources: list[RuleRef] = Field(default_factory=list)


Runner = Callable[[Slots, Lang, RuleSet, datetime | None], RouteOutcome]


def _ask(slots: Slots, tool: ToolName, missing: str, message: str) -> RouteOutcome:
    slots = slots.model_copy(update={"pending": tool, "missing": missing})
    return RouteOutcome(message=message, missing=missing, slots=slots)


def _done(slots: Slots, tool: ToolName, inp: BaseModel, result: Any, text: str) -> RouteOutcome:
    call = ToolCall(name=tool, inputs=inp.model_dump(mode="json", exclude_none=True),
                    result=result.model_dump(mode="json"))
    slots = slots.model_copy(update={"pending": None, "missing": None, "last_tool": tool,
                                     "choices": []})
    return RouteOutcome(tool=call, message=text, slots=slots, sources=result.rules)


def _place_problem(s: Slots, tool: ToolName, exc: PlaceNotFoundError | AmbiguousPlaceError,
                   lang: Lang) -> RouteOutcome:
    choices = exc.candidates if isinstance(exc, AmbiguousPlaceError) else []
    cleared = s.model_copy(update={exc.field: None, "choices": choices})
    return _ask(cleared, tool, exc.field, messages.place_problem(exc, lang))


def _lump_missing(s: Slots) -> str | None:
    if s.distance_km is None and not (s.origin and s.destination):
        return "destination" if s.origin else "distance"
    return None  # without a stay the calculator answers from the distance, or asks for it


def _stay(s: Slots) -> dict:
    if s.working_days is not None:
        return {"working_days": s.working_days}
    if s.stay_weeks is not None:
        return {"weeks": s.stay_weeks}
    if s.stay_months is not None:
        return {"months": s.stay_months}
    if not (s.start and s.end):
        return {}
    return {"start": s.start, "end": s.end, "travel_days": s.travel_days or 0,
            "host_country": s.host_country}


def _lump_sum(s: Slots, lang: Lang, rules: RuleSet, now: datetime | None) -> RouteOutcome:
    if missing := _lump_missing(s):
        return _ask(s, "lump_sum", missing, messages.ask(missing, lang))
    stay = _stay(s)
    where = {"distance_km": s.distance_km} if s.distance_km is not None else {
        "origin": s.origin, "destination": s.destination}
    inp = build_input(LumpSumInput, **where, **stay)
    try:
        result = lump_sum(inp, rules)
    except (AmbiguousPlaceError, PlaceNotFoundError) as exc:
        return _place_problem(s, "lump_sum", exc, lang)
    except InputError as exc:
        if exc.field not in messages.ASK:
            raise
        return _ask(s, "lump_sum", exc.field, messages.ask(exc.field, lang))
    return _done(s, "lump_sum", inp, result, messages.lump_sum_text(result, lang))


def _distance(s: Slots, lang: Lang, rules: RuleSet, now: datetime | None) -> RouteOutcome:
    if not (s.origin and s.destination):
        missing = "destination" if s.origin else "distance"
        return _ask(s, "distance", missing, messages.ask(missing, lang))
    inp = build_input(DistanceInput, origin=s.origin, destination=s.destination)
    try:
        result = distance(inp, rules)
    except (AmbiguousPlaceError, PlaceNotFoundError) as exc:
        return _place_problem(s, "distance", exc, lang)
    return _done(s, "distance", inp, result, messages.distance_text(result, lang))


def _eligibility(s: Slots, lang: Lang, rules: RuleSet, now: datetime | None) -> RouteOutcome:
    if not s.partners:
        return _ask(s, "eligibility", "partners", messages.ask("partners", lang))
    inp = EligibilityInput(partners=s.partners)
    result = eligibility(inp, rules)
    return _done(s, "eligibility", inp, result, messages.eligibility_text(result, lang))


def _budget(s: Slots, lang: Lang, rules: RuleSet, now: datetime | None) -> RouteOutcome:
    if not s.costs:
        return _ask(s, "budget", "costs", messages.ask("costs", lang))
    inp = BudgetInput(costs=s.costs)
    result = budget(inp, rules)
    return _done(s, "budget", inp, result, messages.budget_text(result, lang))


def _exchanges(s: Slots, lang: Lang, rules: RuleSet, now: datetime | None) -> RouteOutcome:
    if s.planned is not None and s.minimums and s.with_smes is None \
            and s.with_non_members is None:
        plan = PlanInput(planned=s.planned)
        found = minimums(plan, rules)
        return _done(s, "exchanges", plan, found, messages.minimums_text(found, lang))
    for missing in ("planned", "with_smes", "with_non_members"):
        if getattr(s, missing) is None:
            return _ask(s, "exchanges", missing, messages.ask(missing, lang))
    inp = build_input(ExchangeInput, planned=s.planned, with_smes=s.with_smes,
                      with_non_members=s.with_non_members)
    result = exchanges(inp, rules)
    return _done(s, "exchanges", inp, result, messages.exchanges_text(result, lang))


def _submission(s: Slots) -> datetime | None:
    """The planned submission (deadline's time zone); a day other than the deadline's needs
    no time: any time that day is before, or after, the deadline."""
    if s.submit_date is None:
        return None
    return datetime.combine(s.submit_date, s.submit_time or time(0))


def _call_status(s: Slots, lang: Lang, rules: RuleSet, now: datetime | None) -> RouteOutcome:
    deadline_day = rules.call.calendar.deadline.at.date()
    if s.submit_date == deadline_day and s.submit_time is None:
        return _ask(s, "call_status", "submission_time", messages.ask("submission_time", lang))
    submission = _submission(s)
    inp = CallStatusInput(now=None if submission else now, duration_months=s.duration_months,
                          submission=submission)
    result = call_status(inp, rules)
    return _done(s, "call_status", inp, result, messages.call_status_text(result, lang))


RUNNERS: dict[ToolName, Runner] = {
    "lump_sum": _lump_sum, "distance": _distance, "eligibility": _eligibility,
    "budget": _budget, "exchanges": _exchanges, "call_status": _call_status,
}


@lru_cache(maxsize=1)
def _people_stems() -> frozenset[str]:
    return frozenset(stem for word in country_words() | region_words() for stem in tokenize(word))


def _places(found) -> set[str]:
    """Stems of the places and regions the question was read to give, and of every country,
    Italian region and people ("Germania", "sloveno", "pugliese")."""
    words = [*found.places, *(p.region or "" for p in found.partners), *(p.name for p in found.partners)]
    return {stem for word in words for stem in tokenize(word)} | _people_stems()


def route(question: str, language: Lang, slots: Slots | None = None, *,
          now: datetime | None = None, rules: RuleSet | None = None,
          elsewhere: frozenset[str] = frozenset()) -> RouteOutcome | None:
    """A calculator's answer (or its question for a missing value), or None for the documents.

    `elsewhere`: stems that other documents hold and the call's own does not. A fresh question
    naming one of them, other than as a place ("the EUR 2,521,964 total cost of
    S3-4AlpClusters", "the Bando Driade"), is about that document, not about the call the
    calculators compute."""
    rules = rules or default_ruleset()
    prior = slots or Slots()
    found = read(question, rules, places=wants_places(question, prior),
                 lowercase_places=prior.pending in ("lump_sum", "distance"))
    # which calculator is asked for is read in what is asked, the values in the whole message:
    # "Ciao, siamo una PMI di Bari." gives a place, not a "we" whose budget to compute
    tool = fresh_intent(asked_part(question), found)
    if tool in ("eligibility", "exchanges") and outside_consortium(question):
        return None  # the values told are the asker's, who is in no partnership
    if tool is not None and elsewhere and (
        {w for w in specific_words(question) if len(w) > 2 and not w.isdigit()} - _places(found)
    ) & elsewhere:
        return None
    if tool is None:
        tool = follow_up(found, prior)
        base = prior
    else:
        base = prior if tool == prior.pending else Slots()
    if tool is None:
        return None
    if tool != "call_status":
        base = base.model_copy(update={"duration_months": None})
    return RUNNERS[tool](merge(base, found), language, rules, now)

"""Values gathered in a conversation for a calculator, and how a new message updates them."""

from __future__ import annotations

from datetime import date, time
from typing import Literal

from pydantic import Field

from callbot.models import Strict
from callbot.rules.loader import RuleSet
from callbot.tools.budget import CostLine
from callbot.tools.eligibility import PartnerInput
from callbot.tools.extract import (
    bare_number,
    find_dates,
    find_km,
    find_months,
    find_stay_length,
    find_time,
    find_travel_days,
    find_working_days,
)
from callbot.tools.extract_geo import find_country, find_partners, find_places
from callbot.tools.extract_plan import asks_minimums, find_costs, find_exchange_counts
from callbot.tools.places import Place

ToolName = Literal["lump_sum", "distance", "eligibility", "budget", "exchanges", "call_status"]
NUMERIC = {"working_days": int, "distance": float, "planned": int, "with_smes": int,
           "with_non_members": int, "duration_months": int, "travel_days": int}


class Slots(Strict):
    """What the conversation has established so far; passed back with the next message."""

    pending: ToolName | None = Field(None, description="Calculator waiting for a value.")
    missing: str | None = Field(None, description="The value it is waiting for.")
    last_tool: ToolName | None = Field(None, description="Calculator used last.")
    choices: list[Place] = Field(default_factory=list,
                                 description="Places offered for an ambiguous name.")
    origin: str | None = None
    destination: str | None = None
    distance_km: float | None = None
    working_days: int | None = None
    start: date | None = None
    end: date | None = None
    travel_days: int | None = None
    host_country: str | None = None
    partners: list[PartnerInput] = Field(default_factory=list)
    costs: list[CostLine] = Field(default_factory=list)
    planned: int | None = None
    with_smes: int | None = None
    with_non_members: int | None = None
    duration_months: int | None = None
    stay_weeks: int | None = Field(None, description="Length of the stay in weeks.")
    stay_months: int | None = Field(None, description="Length of the stay in months.")
    minimums: bool = Field(False, description="Asked for the required exchange counts.")
    submit_date: date | None = Field(None, description="Day of a planned submission.")
    submit_time: time | None = Field(None, description="Time of a planned submission "
                                     "(the deadline's time zone).")


class Found(Strict):
    """Values read from one message."""

    places: list[str] = Field(default_factory=list)
    distance_km: float | None = None
    working_days: int | None = None
    dates: list[date] = Field(default_factory=list)
    travel_days: int | None = None
    country: str | None = None
    partners: list[PartnerInput] = Field(default_factory=list)
    costs: list[CostLine] = Field(default_factory=list)
    planned: int | None = None
    with_smes: int | None = None
    with_non_members: int | None = None
    months: int | None = None
    stay_months: int | None = None
    stay_weeks: int | None = None
    minimums: bool = False
    clock: time | None = None
    number: float | None = None

    def has_stay(self) -> bool:
        return (self.working_days is not None or bool(self.dates)
                or self.stay_weeks is not None or self.stay_months is not None)

    def has_stay_or_distance(self) -> bool:
        return bool(self.places or self.distance_km is not None or self.has_stay()
                    or self.travel_days is not None)


def read(text: str, rules: RuleSet, *, places: bool, lowercase_places: bool) -> Found:
    """Everything a message states; places are looked up only when asked (gazetteer)."""
    planned, smes, non_members = find_exchange_counts(text)
    stay_months, stay_weeks = find_stay_length(text)
    return Found(
        places=find_places(text, rules, lowercase_ok=lowercase_places) if places else [],
        distance_km=find_km(text), working_days=find_working_days(text),
        dates=find_dates(text), travel_days=find_travel_days(text),
        country=find_country(text, rules), partners=find_partners(text, rules),
        costs=find_costs(text), planned=planned, with_smes=smes,
        with_non_members=non_members, months=find_months(text), stay_months=stay_months,
        stay_weeks=stay_weeks, minimums=asks_minimums(text), clock=find_time(text),
        number=bare_number(text),
    )


def _places(slots: Slots, found: Found) -> dict:
    if len(found.places) >= 2:
        return {"origin": found.places[0], "destination": found.places[1], "distance_km": None}
    if len(found.places) == 1 and found.distance_km is None:
        # (one place beside a distance, "we're from Valencia, the host is 150 km away", is
        # where the asker is: the distance is what counts)
        slot = slots.missing if slots.missing in ("origin", "destination") else (
            "origin" if slots.origin is None else "destination")
        return {slot: found.places[0], "distance_km": None}
    if found.distance_km is not None:
        return {"distance_km": found.distance_km, "origin": None, "destination": None}
    return {}


_STAY_KEYS = ("working_days", "start", "end", "stay_weeks", "stay_months")


def _stay(found: Found) -> dict:
    """The stay a message states: dates, else working days, else weeks, else months."""
    update: dict = {}
    if len(found.dates) >= 2:
        update = {"start": found.dates[0], "end": found.dates[1]}
    elif found.working_days is not None:
        update = {"working_days": found.working_days}
    elif found.stay_weeks is not None:
        update = {"stay_weeks": found.stay_weeks}
    elif found.stay_months is not None:
        update = {"stay_months": found.stay_months}
    if update:
        update = {key: None for key in _STAY_KEYS} | update
    if found.travel_days is not None:
        update["travel_days"] = found.travel_days
    return update


def _choice(slots: Slots, found: Found) -> dict:
    """ "2": the second of the places offered for an ambiguous name."""
    number = found.number
    if number is None or not number.is_integer() or not 1 <= number <= len(slots.choices):
        return {}
    place = slots.choices[int(number) - 1]
    update: dict = {slots.missing or "destination": f"{place.latitude},{place.longitude}",
                    "choices": []}
    if slots.missing == "destination":
        update["host_country"] = place.country
    return update


def _answer_to_missing(slots: Slots, found: Found) -> dict:
    """A bare number or a country answering the question just asked."""
    if slots.missing in ("origin", "destination") and slots.choices:
        return _choice(slots, found)
    if slots.missing == "host_country" and found.country:
        return {"host_country": found.country}
    if slots.missing == "submission_time" and found.clock is None and found.number is not None:
        hour = found.number
        return {"submit_time": time(int(hour))} if hour.is_integer() and 0 <= hour < 24 else {}
    if slots.missing in NUMERIC and found.number is not None:
        key = "distance_km" if slots.missing == "distance" else slots.missing
        return {key: NUMERIC[slots.missing](found.number)}
    return {}


def _plan(found: Found) -> dict:
    update: dict = {}
    if found.partners:
        update["partners"] = found.partners
    if found.costs:
        update["costs"] = found.costs
    for key in ("planned", "with_smes", "with_non_members"):
        if (value := getattr(found, key)) is not None:
            update[key] = value
    if found.months is not None:
        update["duration_months"] = found.months
    if found.minimums:
        update["minimums"] = True
    if len(found.dates) == 1:
        update["submit_date"] = found.dates[0]
    if found.clock is not None:
        update["submit_time"] = found.clock
    return update


def merge(slots: Slots, found: Found) -> Slots:
    """Slots updated with what the message states (new values replace old ones)."""
    update = _places(slots, found) | _stay(found) | _plan(found)
    update |= _answer_to_missing(slots, found)
    return slots.model_copy(update=update)

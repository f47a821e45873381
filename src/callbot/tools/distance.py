"""Great-circle distance between two places named in Italian or English, offline."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

from pydantic import Field

from callbot.models import Strict
from callbot.rules.loader import RuleSet
from callbot.rules.schema import RuleRef
from callbot.tools.common import rules_or_default
from callbot.tools.places import Place, resolve_place

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


class DistanceInput(Strict):
    origin: str = Field(min_length=1, description="Place name (Italian or English) or 'lat,lon'.")
    destination: str = Field(min_length=1, description="Place name or 'lat,lon'.")


class DistanceResult(Strict):
    origin: Place
    destination: Place
    distance_km: float = Field(description="Great-circle distance, rounded to 0.1 km.")
    rules: list[RuleRef] = Field(default_factory=list)


def great_circle_km(a: Place, b: Place) -> float:
    """Haversine distance in km, rounded to 0.1 km (the value all comparisons use)."""
    lat1, lon1, lat2, lon2 = map(radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return round(2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h))), 1)


def participating_codes(rules: RuleSet) -> set[str]:
    """Countries preferred when a name matches places in several countries."""
    return {c.code for c in (*rules.countries.countries, *rules.countries.unconfirmed)}


def locate(name: str, field: str, rules: RuleSet) -> Place:
    return resolve_place(name, field=field, prefer=participating_codes(rules),
                         countries=rules.countries)


def distance(inp: DistanceInput, rules: RuleSet | None = None) -> DistanceResult:
    rules = rules_or_default(rules)
    origin = locate(inp.origin, "origin", rules)
    destination = locate(inp.destination, "destination", rules)
    return DistanceResult(origin=origin, destination=destination,
                          distance_km=great_circle_km(origin, destination))

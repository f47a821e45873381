"""Country list and 2014-2020 region categories, as data with their sources."""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from callbot.models import Strict
from callbot.rules.schema import RegionCategory

CountryStatus = Literal["eu28", "cosme", "unconfirmed", "other"]
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a place name."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _NON_ALNUM.sub(" ", plain).strip()


class CountryGroup(Strict):
    label: str
    label_it: str
    source: str


class Country(Strict):
    code: str = Field(pattern=r"^[A-Z]{2}$")
    en: str
    it: str
    group: Literal["eu28", "cosme"] | None = None
    aliases: list[str] = Field(default_factory=list)

    def names(self) -> list[str]:
        return [self.en, self.it, *self.aliases]


class CountryList(Strict):
    groups: dict[Literal["eu28", "cosme"], CountryGroup]
    countries: list[Country]
    unconfirmed: list[Country] = Field(default_factory=list)
    others: list[Country] = Field(default_factory=list)

    @model_validator(mode="after")
    def _grouped(self) -> CountryList:
        missing = [c.code for c in self.countries if c.group is None]
        if missing:
            raise ValueError(f"countries without a group: {', '.join(missing)}")
        return self

    def status(self, code: str) -> CountryStatus:
        for country in self.countries:
            if country.code == code:
                return country.group or "other"
        return "unconfirmed" if any(c.code == code for c in self.unconfirmed) else "other"

    def all(self) -> list[Country]:
        return [*self.countries, *self.unconfirmed, *self.others]

    def find(self, text: str) -> Country | None:
        """The country named by `text`: ISO code (upper case), name or adjective (it/en)."""
        if (code := text.strip()) and (country := self.by_code(code)):
            return country
        return self._by_name.get(name_key(text))

    @cached_property
    def _by_name(self) -> dict[str, Country]:
        """Name key → country, built once (the router looks names up on every message)."""
        index: dict[str, Country] = {}
        for country in self.all():
            for name in country.names():
                index.setdefault(name_key(name), country)
        return index

    def by_code(self, code: str) -> Country | None:
        return next((c for c in self.all() if c.code == code), None)


class Region(Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    category: RegionCategory
    aliases: list[str] = Field(default_factory=list)
    admin1: str | None = Field(None, description="GeoNames first-level division code of the "
                               "region: a city of the offline gazetteer carries it, and so is "
                               "placed in the region.")

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class RegionMap(Strict):
    source: str
    map_url: str
    categories: list[RegionCategory]
    regions: list[Region]

    def by_admin1(self, country: str, admin1: str) -> Region | None:
        """The region a city of `country` with that GeoNames admin1 code lies in, if listed."""
        return next((r for r in self.regions if r.country == country and r.admin1 == admin1), None)

    def find(self, text: str, country: str | None = None) -> Region | None:
        for region in self._by_name.get(name_key(text), []):
            if not country or region.country == country:
                return region
        return None

    @cached_property
    def _by_name(self) -> dict[str, list[Region]]:
        index: dict[str, list[Region]] = {}
        for region in self.regions:
            for name in dict.fromkeys(name_key(n) for n in region.names()):
                index.setdefault(name, []).append(region)
        return index

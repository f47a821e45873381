"""Country list and 2014-2020 region categories, as data with their sources."""

from __future__ import annotations

import re
import unicodedata
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
        key = name_key(text)
        for country in self.all():
            if key in {name_key(n) for n in country.names()}:
                return country
        return None

    def by_code(self, code: str) -> Country | None:
        return next((c for c in self.all() if c.code == code), None)


class Region(Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    category: RegionCategory
    aliases: list[str] = Field(default_factory=list)

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class RegionMap(Strict):
    source: str
    map_url: str
    categories: list[RegionCategory]
    regions: list[Region]

    def find(self, text: str, country: str | None = None) -> Region | None:
        key = name_key(text)
        for region in self.regions:
            if country and region.country != country:
                continue
            if key in {name_key(n) for n in region.names()}:
                return region
        return None

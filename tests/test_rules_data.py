"""Country list and 2014-2020 region categories, kept as data with their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.rules import load_ruleset

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "corpus" / "rules" / "COS-CLUSTER-2018-03-02.yaml")

EU28 = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB"}


def test_eu28_of_2019_and_cosme_countries_with_sources():
    countries = RULES.countries
    assert {c.code for c in countries.countries if c.group == "eu28"} == EU28
    cosme = {c.code for c in countries.countries if c.group == "cosme"}
    assert {"IS", "ME", "MK", "MD", "TR", "AL", "RS", "AM", "UA", "BA"} <= cosme
    assert countries.groups["eu28"].source and countries.groups["cosme"].source


@pytest.mark.parametrize(
    ("text", "code"),
    [("Germania", "DE"), ("Germany", "DE"), ("tedesco", "DE"), ("francesi", "FR"),
     ("Regno Unito", "GB"), ("UK", "GB"), ("IT", "IT"), ("Paesi Bassi", "NL"),
     ("Svizzera", "CH"), ("Kosovo", "XK")],
)
def test_country_names_in_italian_and_english(text, code):
    assert RULES.countries.find(text).code == code


def test_lower_case_it_is_not_italy():
    assert RULES.countries.find("it") is None


@pytest.mark.parametrize(("code", "status"),
                         [("IT", "eu28"), ("GB", "eu28"), ("TR", "cosme"), ("XK", "unconfirmed"),
                          ("CH", "other"), ("US", "other")])
def test_country_status(code, status):
    assert RULES.countries.status(code) == status


ITALY = {
    "less developed": ["Campania", "Basilicata", "Puglia", "Calabria", "Sicilia"],
    "transition": ["Abruzzo", "Molise", "Sardegna"],
    "more developed": ["Piemonte", "Valle d'Aosta", "Liguria", "Lombardia", "Veneto",
                       "Trentino-Alto Adige", "Friuli-Venezia Giulia", "Emilia-Romagna",
                       "Toscana", "Umbria", "Marche", "Lazio"],
}


@pytest.mark.parametrize(("category", "region"),
                         [(cat, reg) for cat, regs in ITALY.items() for reg in regs])
def test_italian_regions_2014_2020(category, region):
    assert RULES.regions.find(region, "IT").category == category


def test_every_italian_region_is_listed_once():
    italian = [r.name for r in RULES.regions.regions if r.country == "IT"]
    assert sorted(italian) == sorted(r for regs in ITALY.values() for r in regs)


# The regional capital of each Italian region in the offline gazetteer (GeoNames' English
# names): its `admin1` code must place it in its region.
CAPITALS = {"Campania": "Naples", "Basilicata": "Potenza", "Puglia": "Bari", "Calabria": "Catanzaro",
            "Sicilia": "Palermo", "Abruzzo": "L'Aquila", "Molise": "Campobasso",
            "Sardegna": "Cagliari", "Piemonte": "Turin", "Valle d'Aosta": "Aosta",
            "Liguria": "Genoa", "Lombardia": "Milan", "Trentino-Alto Adige": "Trento",
            "Veneto": "Venice", "Friuli-Venezia Giulia": "Trieste", "Emilia-Romagna": "Bologna",
            "Toscana": "Florence", "Umbria": "Perugia", "Marche": "Ancona", "Lazio": "Rome"}


def test_each_italian_region_holds_its_capital_by_its_geonames_code():
    from callbot.tools.places import admin1_of, resolve_place

    for region in (r for r in RULES.regions.regions if r.country == "IT"):
        capital = resolve_place(CAPITALS[region.name], prefer={"IT"})
        assert RULES.regions.by_admin1("IT", admin1_of(capital)) == region, region.name


@pytest.mark.parametrize(("text", "name", "category"),
                         [("pugliese", "Puglia", "less developed"),
                          ("Apulia", "Puglia", "less developed"),
                          ("lombardo", "Lombardia", "more developed"),
                          ("Oberbayern", "Oberbayern", "more developed"),
                          ("Occitania", "Occitanie", "transition"),
                          ("Midi-Pyrénées", "Midi-Pyrénées", "transition"),
                          ("Languedoc-Roussillon", "Languedoc-Roussillon", "transition")])
def test_region_aliases(text, name, category):
    region = RULES.regions.find(text)
    assert (region.name, region.category) == (name, category)


def test_unknown_regions_are_not_guessed():
    assert RULES.regions.find("Andalucía") is None
    assert RULES.regions.find("Puglia", "DE") is None


def test_region_source_is_the_implementing_decision():
    assert "2014/99/EU" in RULES.regions.source

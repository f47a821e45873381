"""Distance between places named in Italian or English, offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.errors import InputError
from callbot.rules import load_ruleset
from callbot.tools.common import build_input
from callbot.tools.distance import DistanceInput, distance, participating_codes
from callbot.tools.places import AmbiguousPlaceError, PlaceNotFoundError, resolve_place

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "corpus" / "rules" / "COS-CLUSTER-2018-03-02.yaml")
PREFER = participating_codes(RULES)


def place(name: str):
    return resolve_place(name, prefer=PREFER, countries=RULES.countries)


@pytest.mark.parametrize(
    ("italian", "english", "country"),
    [("Milano", "Milan", "IT"), ("Torino", "Turin", "IT"), ("Lione", "Lyon", "FR"),
     ("Monaco di Baviera", "Munich", "DE"), ("Bruxelles", "Brussels", "BE"),
     ("Parigi", "Paris", "FR"), ("Londra", "London", "GB"), ("Lisbona", "Lisbon", "PT"),
     ("Napoli", "Naples", "IT"), ("Francoforte", "Frankfurt am Main", "DE")],
)
def test_italian_and_english_names_are_the_same_place(italian, english, country):
    it, en = place(italian), place(english)
    assert it.geonameid == en.geonameid and it.country == country


@pytest.mark.parametrize(("name", "country"),
                         [("Bari", "IT"), ("Paris", "FR"), ("Valencia", "ES"),
                          ("Frankfurt", "DE"), ("BARI", "IT"), ("lione", "FR")])
def test_participating_countries_win_over_namesakes(name, country):
    assert place(name).country == country


def test_ambiguous_name_asks_which_one_with_country():
    with pytest.raises(AmbiguousPlaceError) as err:
        place("Newport")
    assert len(err.value.candidates) >= 2
    assert all(c.country == "GB" for c in err.value.candidates)
    assert "(GB)" in str(err.value) and "which one" in str(err.value)


def test_country_qualifier_selects_a_namesake():
    assert place("Paris, US").country == "US"
    assert place("Valencia (Venezuela)").country == "VE"


def test_unknown_place_says_so():
    with pytest.raises(PlaceNotFoundError, match="Xyzzyville"):
        place("Xyzzyville")


def test_coordinates_are_accepted():
    p = place("45.07,7.69")
    assert (p.latitude, p.longitude, p.country) == (45.07, 7.69, None)


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [("Milano", "Torino", 120, 130), ("Bari", "Lione", 1080, 1110),
     ("Lisbon", "Helsinki", 3340, 3380), ("Milano", "Milan", 0, 0)],
)
def test_great_circle_km(a, b, low, high):
    result = distance(build_input(DistanceInput, origin=a, destination=b), RULES)
    assert low <= result.distance_km <= high
    back = distance(build_input(DistanceInput, origin=b, destination=a), RULES)
    assert back.distance_km == result.distance_km


def test_coordinates_distance():
    result = distance(build_input(DistanceInput, origin="45.4643,9.1895",
                                  destination="Turin"), RULES)
    assert 120 < result.distance_km < 130


def test_unknown_place_error_names_the_field():
    with pytest.raises(InputError) as err:
        distance(build_input(DistanceInput, origin="Bari", destination="Nowhereburg"), RULES)
    assert err.value.field == "destination"

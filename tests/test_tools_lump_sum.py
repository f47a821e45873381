"""ClusterXchange lump sum: every boundary of the rules, dates and holidays, properties."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from callbot.errors import InputError
from callbot.rules import load_ruleset
from callbot.tools.common import build_input, plain_number
from callbot.tools.lump_sum import LumpSumInput, decide, lump_sum
from callbot.tools.workdays import max_working_days

ROOT = Path(__file__).resolve().parents[1]
CALL_FILE = ROOT / "corpus" / "rules" / "COS-CLUSTER-2018-03-02.yaml"
RULES = load_ruleset(CALL_FILE)
LS = RULES.call.lump_sum


def run(**values):
    return lump_sum(build_input(LumpSumInput, **values), RULES)


@pytest.mark.parametrize(
    ("km", "days", "amount", "eligible"),
    [
        (199, 5, 550, True), (200, 5, 1100, True), (201, 5, 1100, True),
        (199.9, 10, 550, True), (1000, 2, 0, False), (1000, 3, 550, True),
        (1000, 4, 550, True), (1000, 5, 1100, True), (1000, 6, 1100, True),
        (150, 2, 0, False), (150, 3, 550, True), (0, 5, 550, True),
        (1000, 23, 1100, True), (1000, 24, 0, False),
    ],
)
def test_boundaries_distance_and_working_days(km, days, amount, eligible):
    result = run(distance_km=km, working_days=days)
    assert (result.amount_eur, result.eligible) == (amount, eligible)


@pytest.mark.parametrize(
    ("origin", "destination", "days", "amount"),
    [("Bari", "Lyon", 5, 1100), ("Bari", "Lyon", 4, 550), ("Milano", "Torino", 6, 550),
     ("Lisbon", "Helsinki", 20, 1100), ("Bari", "Lione", 5, 1100), ("Milan", "Turin", 6, 550),
     ("Lisbona", "Helsinki", 20, 1100)],
)
def test_examples_from_the_issue(origin, destination, days, amount):
    result = run(origin=origin, destination=destination, working_days=days)
    assert result.amount_eur == amount and result.eligible
    assert result.working_days == days


def test_bari_lyon_two_days_is_not_eligible_and_says_why():
    result = run(origin="Bari", destination="Lyon", working_days=2)
    assert (result.amount_eur, result.eligible, result.outcome) == (0, False, "too_short")
    assert "2 working days" in result.reason and "minimum of 3" in result.reason
    assert "2 giorni lavorativi" in result.reason_it


def test_reason_names_the_failed_condition():
    far_short = run(distance_km=1000, working_days=4)
    assert "4 working days, less than 5" in far_short.reason
    near_long = run(distance_km=150, working_days=6)
    assert "150 km apart, less than 200 km" in near_long.reason
    both = run(distance_km=150, working_days=4)
    assert "150 km" in both.reason and "4 working days" in both.reason


def test_result_lists_rules_with_citations():
    result = run(distance_km=300, working_days=5)
    ids = [r.id for r in result.rules]
    assert ids[:2] == ["cxc-lump-sum-max", "cxc-lump-sum-reduced"]
    assert all(r.doc == "cosme-cluster-2018" and r.quote for r in result.rules)


def test_places_are_resolved_and_distance_reported():
    result = run(origin="Milano", destination="Torino", working_days=6)
    assert result.origin.name == "Milan" and result.destination.name == "Turin"
    assert 120 < result.distance_km < 130


# Dates: weekends and the host country's public holidays are not working days.
@pytest.mark.parametrize(
    ("start", "end", "travel", "country", "working_days", "amount"),
    [
        # Mon 22 - Fri 26 April 2019 in Italy: Easter Monday and 25 April are holidays.
        ("2019-04-22", "2019-04-26", 0, "IT", 3, 550),
        # The same week in Germany: only Easter Monday.
        ("2019-04-22", "2019-04-26", 0, "DE", 4, 550),
        # Thu 2 - Wed 8 May 2019, Germany: weekend in the middle -> Thu, Fri, Mon, Tue, Wed.
        ("2019-05-02", "2019-05-08", 0, "DE", 5, 1100),
        # France, same span: 8 May (Victory Day) is a holiday.
        ("2019-05-02", "2019-05-08", 0, "FR", 4, 550),
        # Fri 10 - Mon 13 May: a weekend span, 2 working days -> not eligible.
        ("2019-05-10", "2019-05-13", 0, "DE", 2, 0),
        # Sun 12 - Sat 18 May with 2 travel days (Sun, Sat): Mon-Fri stay.
        ("2019-05-12", "2019-05-18", 2, "DE", 5, 1100),
        # Mon 13 - Fri 17 May with 2 travel days (Mon, Fri): Tue-Thu.
        ("2019-05-13", "2019-05-17", 2, "DE", 3, 550),
        # One travel day takes the first day only.
        ("2019-05-13", "2019-05-17", 1, "DE", 4, 550),
    ],
)
def test_dates_holidays_weekends_travel_days(start, end, travel, country, working_days, amount):
    result = run(distance_km=1000, start=start, end=end, travel_days=travel,
                 host_country=country)
    assert (result.working_days, result.amount_eur) == (working_days, amount)


def test_holidays_in_the_stay_are_listed():
    result = run(distance_km=1000, start="2019-04-22", end="2019-04-26", host_country="IT")
    assert [h.day for h in result.holidays_excluded] == [date(2019, 4, 22), date(2019, 4, 25)]


def test_host_country_defaults_to_the_destination():
    italy = run(origin="Lyon", destination="Bari", start="2019-04-22", end="2019-04-26")
    france = run(origin="Bari", destination="Lyon", start="2019-04-22", end="2019-04-26")
    assert (italy.working_days, france.working_days) == (3, 4)


@pytest.mark.parametrize(
    ("start", "end", "eligible"),
    [("2019-05-06", "2019-06-05", True),   # exactly one month
     ("2019-05-06", "2019-06-06", False),  # one month and one day
     ("2019-01-31", "2019-02-27", True),   # month end clamps to 28 February
     ("2019-01-31", "2019-02-28", False)],
)
def test_one_month_and_one_month_plus_one_day(start, end, eligible):
    result = run(distance_km=1000, start=start, end=end, host_country="DE")
    assert result.eligible is eligible
    if not eligible:
        assert result.outcome == "too_long" and "1 month" in result.reason


def test_travel_days_are_outside_the_month():
    result = run(distance_km=1000, start="2019-05-05", end="2019-06-06", travel_days=2,
                 host_country="DE")
    assert result.eligible and result.stay_first_day == date(2019, 5, 6)


def test_stay_made_only_of_travel_days():
    result = run(distance_km=1000, start="2019-05-13", end="2019-05-14", travel_days=2,
                 host_country="DE")
    assert (result.working_days, result.amount_eur, result.eligible) == (0, 0, False)


def test_max_working_days_in_one_month():
    assert max_working_days(1) == 23


@pytest.mark.parametrize(
    "values",
    [{"origin": "Bari", "working_days": 5},
     {"distance_km": 10, "start": "2019-05-06"},
     {"distance_km": 10, "origin": "Bari", "destination": "Lyon", "working_days": 5},
     {"distance_km": 10, "working_days": 5, "start": "2019-05-06", "end": "2019-05-07"},
     {"distance_km": -1, "working_days": 5}],
)
def test_incomplete_or_contradictory_input(values):
    with pytest.raises(InputError):
        build_input(LumpSumInput, **values)


def test_below_the_full_distance_the_amount_needs_no_stay():
    near = run(distance_km=150)
    assert (near.amount_eur, near.eligible, near.outcome) == (LS.reduced.amount_eur, True, "reduced")
    assert near.working_days is None
    assert f"from {LS.stay.min_working_days} working days" in near.reason
    assert f"meno di {plain_number(LS.reduced.full_from_km)} km" in near.reason_it
    # at the full-amount distance or beyond, the stay decides: it is asked for
    with pytest.raises(InputError, match="working_days"):
        run(distance_km=LS.reduced.full_from_km)
    with pytest.raises(InputError, match="working_days"):
        run(origin="Bari", destination="Lyon")


def test_dates_with_a_distance_need_the_host_country():
    with pytest.raises(InputError, match="host_country"):
        run(distance_km=300, start="2019-05-06", end="2019-05-10")


def test_end_before_start():
    with pytest.raises(InputError, match="end"):
        run(distance_km=300, start="2019-05-10", end="2019-05-06", host_country="IT")


def test_figures_come_from_the_rules_file(tmp_path):
    data = yaml.safe_load(CALL_FILE.read_text(encoding="utf-8"))
    data["lump_sum"]["full"]["amount_eur"] = 1500
    data["lump_sum"]["reduced"].update(amount_eur=700, full_from_km=300,
                                       full_from_working_days=6)
    for name in ("countries.yaml", "regions-2014-2020.yaml"):
        (tmp_path / name).write_text((CALL_FILE.parent / name).read_text(encoding="utf-8"))
    path = tmp_path / CALL_FILE.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rules = load_ruleset(path)
    full = lump_sum(build_input(LumpSumInput, distance_km=300, working_days=6), rules)
    reduced = lump_sum(build_input(LumpSumInput, distance_km=299, working_days=6), rules)
    assert (full.amount_eur, reduced.amount_eur) == (1500, 700)
    assert "less than 300 km" in reduced.reason


# Properties over the pure decision function.
KM = st.floats(min_value=0, max_value=5000, allow_nan=False)
DAYS = st.integers(min_value=0, max_value=40)
FITS = max_working_days(LS.stay.max_months)


@given(KM, DAYS)
def test_amount_is_one_of_the_three(km, days):
    verdict = decide(km, days, days <= FITS, LS)
    assert verdict.amount_eur in {0, LS.reduced.amount_eur, LS.full.amount_eur}
    assert verdict.eligible == (verdict.amount_eur > 0)


@given(KM, st.integers(min_value=0, max_value=FITS), st.integers(min_value=0, max_value=FITS))
def test_never_more_with_a_shorter_stay(km, a, b):
    short, long_ = sorted((a, b))
    assert decide(km, short, True, LS).amount_eur <= decide(km, long_, True, LS).amount_eur


@given(KM, KM, DAYS)
def test_never_more_with_a_shorter_distance(a, b, days):
    near, far = sorted((a, b))
    fits = days <= FITS
    assert decide(near, days, fits, LS).amount_eur <= decide(far, days, fits, LS).amount_eur


@given(KM, DAYS)
def test_full_amount_only_at_or_above_both_thresholds(km, days):
    verdict = decide(km, days, days <= FITS, LS)
    if verdict.amount_eur == LS.full.amount_eur:
        assert km >= LS.reduced.full_from_km and days >= LS.reduced.full_from_working_days


@pytest.mark.parametrize(
    ("stay", "working_days", "amount", "outcome"),
    [
        ({"weeks": 1}, 5, 1100, "full"),
        ({"weeks": 3}, 15, 1100, "full"),
        ({"weeks": 4}, 20, 1100, "full"),        # 28 days fit in any month
        ({"weeks": 5}, 25, 0, "too_long"),       # 35 days fit in no month
        ({"months": 1}, 20, 1100, "full"),       # the fewest weekdays in one month
        ({"months": 2}, 42, 0, "too_long"),
    ],
)
def test_stay_in_weeks_or_months(stay, working_days, amount, outcome):
    result = run(distance_km=1000, **stay)
    assert (result.working_days, result.amount_eur, result.outcome) == (
        working_days, amount, outcome)
    assert result.eligible is bool(amount)
    assert result.assumption and result.assumption_it
    assert str(working_days) in result.assumption


def test_weeks_are_five_working_days_each_and_say_so():
    result = run(distance_km=150, weeks=2)
    assert result.assumption.startswith("2 weeks counted as 10 working days")
    assert "5 working days per week" in result.assumption
    assert "5 giorni lavorativi a settimana" in result.assumption_it


@pytest.mark.parametrize(
    "values",
    [{"distance_km": 300, "weeks": 2, "working_days": 10},
     {"distance_km": 300, "months": 1, "start": "2019-05-06", "end": "2019-05-10"},
     {"distance_km": 300, "weeks": 0}],
)
def test_stay_given_twice_or_empty_is_refused(values):
    with pytest.raises(InputError):
        build_input(LumpSumInput, **values)

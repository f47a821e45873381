"""Figures are found and normalised so that the same figure written differently compares
equal, and different figures do not."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callbot.figures import Evidence, canonical, find_figures, parse_number


def values(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.100 euro", [("money", "1100")]),
        ("1,100 EUR", [("money", "1100")]),
        ("EUR 1,100", [("money", "1100")]),
        ("€1.100", [("money", "1100")]),
        ("1 100", [("number", "1100")]),
        ("1\u00a0100", [("number", "1100")]),
        ("1100", [("number", "1100")]),
        ("1.100,50 €", [("money", "1100.5")]),
        ("1,100.50", [("number", "1100.5")]),
        ("3.6 M", [("number", "3600000")]),
        ("€ 3.6 M", [("money", "3600000")]),
        ("3,6 milioni di euro", [("money", "3600000")]),
        ("3.6 million euro", [("money", "3600000")]),
        ("2 mila", [("number", "2000")]),
        ("75 %", [("percent", "75")]),
        ("75%", [("percent", "75")]),
        ("75 per cent", [("percent", "75")]),
        ("200 km", [("distance", "200")]),
        ("200km", [("distance", "200")]),
        ("200 chilometri", [("distance", "200")]),
        ("3 giorni lavorativi", [("duration", "3")]),
        ("5 working days", [("duration", "5")]),
        ("tre giorni", [("duration", "3")]),
        ("un mese", [("duration", "1")]),
        ("one month", [("duration", "1")]),
        ("mille euro", [("money", "1000")]),
        ("0,125", [("number", "0.125")]),
        ("3,6", [("number", "3.6")]),
        ("3.6", [("number", "3.6")]),
        ("the 2014-2020 period", [("number", "2014"), ("number", "2020")]),
        ("4 aprile 2019", [("date", "2019-04-04")]),
        ("4 April 2019", [("date", "2019-04-04")]),
        ("April 4, 2019", [("date", "2019-04-04")]),
        ("4th of April 2019", [("date", "2019-04-04")]),
        ("04/04/2019", [("date", "2019-04-04")]),
        ("04.04.2019", [("date", "2019-04-04")]),
        ("2019-04-04", [("date", "2019-04-04")]),
        ("1° gennaio 2020", [("date", "2020-01-01")]),
        ("aprile 2019", [("date", "2019-04")]),
        ("entro il 4 aprile", [("date", "--04-04")]),
    ],
)
def test_figures_are_normalised(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "il bando COS-CLUSTER-2018-03-02",
        "le partnership ESCP-4x e ESCP-4i",
        "il progetto S3-4AlpClusters e Horizon H2020",
        "vedi [1] e [2, 3]",
        "1. primo punto\n2. secondo punto",
        "http://www.clustercollaboration.eu/escp-list/2019",
        "un'organizzazione, una rete, one of them",
        "sei sicuro?",
    ],
)
def test_codes_markers_urls_and_words_are_not_figures(text):
    assert find_figures(text) == []


@given(st.integers(min_value=1000, max_value=999_999_999))
def test_thousands_separators_do_not_change_the_value(n):
    plain = str(n)
    groups = f"{n:,}"
    for written in (plain, groups, groups.replace(",", "."), groups.replace(",", " ")):
        assert parse_number(written) == n, written


@given(st.integers(min_value=0, max_value=999_999), st.integers(min_value=1, max_value=99))
def test_decimal_comma_and_point_agree(whole, cents):
    text = f"{whole:,}".replace(",", ".") + f",{cents:02d}"
    english = f"{whole:,}.{cents:02d}"
    assert parse_number(text) == parse_number(english) == Decimal(f"{whole}.{cents:02d}")


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["%", " %", " per cent"]))
def test_percentages_compare_equal(n, sign):
    assert values(f"{n}{sign}") == [("percent", canonical(Decimal(n)))]


@given(st.dates())
def test_dates_in_any_format_compare_equal(day):
    months_it = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                 "agosto", "settembre", "ottobre", "novembre", "dicembre"]
    if day.year < 1000:
        return
    iso = day.isoformat()
    for written in (
        f"{day.day} {months_it[day.month - 1]} {day.year}",
        f"{day.day} {day.strftime('%B')} {day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        iso,
    ):
        assert values(written) == [("date", iso)], written


@pytest.mark.parametrize(
    ("answer", "source", "supported"),
    [
        ("1,100 EUR", "non potrà superare i 1.100 euro", True),
        ("1100", "non potrà superare i 1.100 euro", True),
        ("550 euro", "non potrà superare i 1.100 euro", False),
        ("50 euro", "il 50% degli scambi", False),  # a percentage is not an amount
        ("50%", "il 50% degli scambi", True),
        ("April 2019", "la scadenza è il 4 aprile 2019", True),
        ("2019", "la scadenza è il 4 aprile 2019", True),
        ("5 April 2019", "la scadenza è il 4 aprile 2019", False),
        ("4 April", "la scadenza è il 4 aprile 2019", True),
        ("3.6 million", "un budget di 3,6 milioni di euro", True),
        ("3,6", "un budget di 3,6 milioni di euro", True),
        ("36 million", "un budget di 3,6 milioni di euro", False),
        ("200 km", "a meno di 200 km", True),
        ("200 days", "a meno di 200 km", False),
    ],
)
def test_evidence_supports_the_same_figure_only(answer, source, supported):
    evidence = Evidence.of([source])
    assert all(evidence.supports(f) for f in find_figures(answer)) is supported

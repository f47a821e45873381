"""Slot extraction without a language model: numbers, dates, places, partners, costs."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest

from callbot.rules import load_ruleset
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
from callbot.tools.extract_geo import find_partners, find_places
from callbot.tools.extract_plan import (
    asks_minimums,
    find_costs,
    find_exchange_counts,
    parse_amount,
)

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "corpus" / "rules" / "COS-CLUSTER-2018-03-02.yaml")


@pytest.mark.parametrize(
    ("text", "km", "days", "travel"),
    [
        ("we are 150 km apart and stay 6 days, how much?", 150, 6, None),
        ("siamo a 150 km e restiamo 6 giorni", 150, 6, None),
        ("5 working days plus 2 travel days", None, 5, 2),
        ("5 giorni lavorativi più 2 giorni di viaggio", None, 5, 2),
        ("tre giorni a 80,5 chilometri", 80.5, 3, None),
        ("Is the lump sum reduced for stays under 5 working days?", None, None, None),
        ("if they are less than 200 km apart", None, None, None),
        ("stays of 5 working days or more", None, None, None),
        ("sotto i 200 km o meno di 5 giorni", None, None, None),
        ("A 3-working-day visit to a partner about 150 km away", 150, 3, None),
        ("a 5-day stay roughly 300 km away", 300, 5, None),
        ("una visita di 3 giorni lavorativi a circa 250 km", 250, 3, None),
        ("uno scambio di 4-giorni", None, 4, None),
        ("a two-business-day visit", None, 2, None),
    ],
)
def test_km_days_travel(text, km, days, travel):
    assert (find_km(text), find_working_days(text), find_travel_days(text)) == (km, days, travel)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("dal 6 al 10 maggio 2019", [date(2019, 5, 6), date(2019, 5, 10)]),
        ("from 6 May 2019 to 10 May 2019", [date(2019, 5, 6), date(2019, 5, 10)]),
        ("May 6, 2019 - May 10, 2019", [date(2019, 5, 6), date(2019, 5, 10)]),
        ("2019-05-06 → 2019-05-10", [date(2019, 5, 6), date(2019, 5, 10)]),
        ("06/05/2019 - 10/05/2019", [date(2019, 5, 6), date(2019, 5, 10)]),
        ("dal 28 aprile al 3 maggio 2019", [date(2019, 4, 28), date(2019, 5, 3)]),
        ("dal 6 al 10 maggio", []),
    ],
)
def test_dates(text, dates):
    assert find_dates(text) == dates


def test_months_and_bare_numbers():
    assert find_months("un progetto di 22 mesi") == 22
    assert find_months("a project lasting 26 months") == 26
    assert bare_number("6") == 6 and bare_number("150 km") == 150
    assert bare_number("6 days please, and Lyon") is None


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Bari→Lyon 5 working days", ["Bari", "Lyon"]),
        ("Da Bari a Lione per 5 giorni", ["Bari", "Lione"]),
        ("Milano-Torino, 6 giorni", ["Milano", "Torino"]),
        ("from Monaco di Baviera to Frankfurt am Main", ["Monaco di Baviera",
                                                          "Frankfurt am Main"]),
        ("Frankfurt (Oder), Germania", ["Frankfurt Oder, DE"]),
        ("Lyon to 45.07,7.69", ["Lyon", "45.07,7.69"]),
        ("What is the maximum lump sum per organisation?", []),
        ("We stay in Puglia for 5 days", []),
        ("Was the ClusterXchange pilot continued after 2020?", []),
        ("Come si calcola il forfait?", []),
        ("Il lump sum è soggetto a IVA per la PMI?", []),
        ("Which Lombard clusters got the lump sum?", []),
    ],
)
def test_places(text, places):
    assert find_places(text, RULES) == places


def test_lower_case_places_only_in_follow_ups():
    assert find_places("bari e lione", RULES) == []
    assert find_places("bari e lione", RULES, lowercase_ok=True) == ["bari", "lione"]


def summary(text: str) -> list[tuple[str | None, str | None]]:
    return [(p.country, p.region) for p in find_partners(text, RULES)]


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        ("siamo un cluster pugliese con partner in Germania e Francia",
         [("IT", "Puglia"), ("DE", None), ("FR", None)]),
        ("two Italian partners and one German",
         [("IT", None), ("IT", None), ("DE", None)]),
        ("due partner italiani e uno tedesco", [("IT", None), ("IT", None), ("DE", None)]),
        ("Lombardia, Piemonte e Oberbayern",
         [("IT", "Lombardia"), ("IT", "Piemonte"), ("DE", "Oberbayern")]),
        ("un cluster in Puglia, Italia, uno in Oberbayern e uno in Occitania",
         [("IT", "Puglia"), ("DE", "Oberbayern"), ("FR", "Occitanie")]),
        ("we are two partners", [(None, None), (None, None)]),
        ("Friuli-Venezia Giulia and Emilia-Romagna",
         [("IT", "Friuli-Venezia Giulia"), ("IT", "Emilia-Romagna")]),
        # cities: the region when the map places the city in one, else the country
        ("we are 3 clusters: one in Bari, one in Munich and one in Barcelona",
         [("IT", "Puglia"), ("DE", None), ("ES", None)]),
        ("un cluster a Torino, Piemonte e uno a Lione, Francia", [("IT", "Piemonte"), ("FR", None)]),
        # two towns of one region, or of one country, are two partners
        ("i nostri cluster sono a Milano, a Brescia, a Stoccarda e a Francoforte",
         [("IT", "Lombardia"), ("IT", "Lombardia"), ("DE", None), ("DE", None)]),
        # one town alone says where the asker is, not who the partners are
        ("Quick one for our board in Lyon: how many SME members?", []),
        # …unless the asker is the one partner the text counts: it is in that town
        ("Siamo un cluster di Bari: possiamo partecipare?", [("IT", "Puglia")]),
        ("we are two clusters in Lyon", [(None, None), (None, None)]),
    ],
)
def test_partners(text, partners):
    assert summary(text) == partners


def test_a_partner_named_by_its_city_is_named_so():
    names = [p.name for p in find_partners("one in Bari and one in Munich", RULES)]
    assert names == ["Bari", "Munich"]


def test_partner_names_are_unique():
    names = [p.name for p in find_partners("due partner italiani", RULES)]
    assert names == ["Italy 1", "Italy 2"]


@pytest.mark.parametrize(
    ("num", "mult", "value"),
    [("400.000", None, 400000), ("400,000", None, 400000), ("3,6", "milioni", 3600000),
     ("1.2", "million", 1200000), ("480", "k", 480000), ("1.234.567,89", None, "1234567.89"),
     ("1,234,567.89", None, "1234567.89")],
)
def test_parse_amount(num, mult, value):
    assert parse_amount(num, mult) == Decimal(str(value))


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (("costi ammissibili 400.000 euro di cui 110.000 euro per supporto finanziario a terze "
         "parti"), [("other eligible costs", 290000), ("financial support to third parties",
                                                     110000)]),
        ("personale 200.000 €, viaggi 50.000 euro e 110.000 euro di supporto a terze parti",
         [("personnel", 200000), ("travel", 50000),
          ("financial support to third parties", 110000)]),
        (("eligible costs of 500,000 EUR including 100,000 EUR financial support to third "
         "parties"), [("other eligible costs", 400000),
                     ("financial support to third parties", 100000)]),
        ("Is the cap at most 360,000 EUR?", []),
    ],
)
def test_costs(text, lines):
    assert [(c.category, c.amount_eur) for c in find_costs(text)] == [
        (c, Decimal(a)) for c, a in lines]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("prevediamo 120 scambi, 60 con PMI e 30 con organizzazioni non membri", (120, 60, 30)),
        ("we plan 90 exchanges, 50 with SMEs and 20 with external organisations", (90, 50, 20)),
        ("120 scambi di cui 60 scambi con PMI", (120, 60, None)),
        ("IMU di un capannone di categoria D/7 per una PMI", (None, None, None)),
        ("at least 100 exchanges are required", (None, None, None)),
    ],
)
def test_exchange_counts(text, counts):
    assert find_exchange_counts(text) == counts


@pytest.mark.parametrize(
    ("text", "months", "weeks"),
    [
        ("uno scambio di due mesi", 2, None),
        ("a 2-month exchange", 2, None),
        ("per un mese", 1, None),
        ("tre settimane a Lione", None, 3),
        ("a week in Lyon", None, 1),
        ("una settimana", None, 1),
        ("a three-week stay", None, 3),
        ("at most a month", None, None),
        ("al massimo un mese", None, None),
        ("6 days", None, None),
    ],
)
def test_stay_length_in_months_or_weeks(text, months, weeks):
    assert find_stay_length(text) == (months, weeks)


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("il 4 aprile 2019 alle 16:30 ora di Bruxelles", time(16, 30)),
        ("on 4 April 2019 at 17.30", time(17, 30)),
        ("alle ore 17", time(17, 0)),
        ("h. 17 (Bruxelles time)", time(17, 0)),
        ("at 4:59 pm", time(16, 59)),
        ("at 5pm", time(17, 0)),
        ("1.100 euro", None),
        ("2019-04-04", None),
        ("4/4/2019", None),
        ("150 km for 3 days", None),
    ],
)
def test_time_of_day(text, clock):
    assert find_time(text) == clock


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("quanti devono coinvolgere PMI?", True),
        ("Con 90 scambi, quanti almeno con organizzazioni esterne?", True),
        ("How many of them must involve SMEs?", True),
        ("how many should involve non-members", True),
        ("rispettiamo le quote?", False),
        ("60 with SMEs: do we meet the quotas?", False),
    ],
)
def test_asks_for_the_required_counts(text, asks):
    assert asks_minimums(text) is asks


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        ("two clusters, one in Spain (Andalusia) and one in Portugal (Norte)",
         [("ES", None), ("PT", None)]),
        ("due cluster, uno in Spagna e uno in Portogallo", [("ES", None), ("PT", None)]),
        ("three partners: one in Puglia and one in Germany",
         [("IT", "Puglia"), ("DE", None), (None, None)]),
        ("tre partner, uno in Puglia e uno in Germania",
         [("IT", "Puglia"), ("DE", None), (None, None)]),
        ("one in Italy and one in Germany (Oberbayern)", [("IT", None), ("DE", "Oberbayern")]),
        ("due in Italia (Puglia) e uno in Francia",
         [("IT", "Puglia"), ("IT", "Puglia"), ("FR", None)]),
    ],
)
def test_a_stated_total_includes_the_located_partners(text, partners):
    assert summary(text) == partners


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Our eligible costs add up to 400,000 EUR, with nothing for third-party support",
         [("eligible costs", 400000)]),
        ("i costi eleggibili sommano a 250.000 euro", [("eligible costs", 250000)]),
        ("Is the EU contribution capped at 360,000 EUR?", []),
        ("il contributo ha un tetto di 360.000 euro", []),
    ],
)
def test_totals_are_costs_and_caps_are_rules(text, lines):
    assert [(c.category, c.amount_eur) for c in find_costs(text)] == [
        (c, Decimal(a)) for c, a in lines]

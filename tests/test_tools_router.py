"""Calculator questions in chat: recognised without a model, answered with citations."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from callbot.rules import load_ruleset
from callbot.tools.router import RouteOutcome, route
from callbot.tools.slots import Slots

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "corpus" / "rules" / "COS-CLUSTER-2018-03-02.yaml")
NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def ask(question: str, lang: str = "en", slots: Slots | None = None) -> RouteOutcome | None:
    return route(question, lang, slots, now=NOW, rules=RULES)


def numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


def assert_grounded(outcome: RouteOutcome) -> None:
    """Every number in the message comes from the calculator result or its cited rules."""
    assert outcome.tool is not None and outcome.sources
    assert all(s.doc == "cosme-cluster-2018" and s.quote for s in outcome.sources)
    evidence = str(outcome.tool.result) + " ".join(s.quote + s.statement for s in outcome.sources)
    assert numbers(outcome.message) <= numbers(evidence), outcome.message


@pytest.mark.parametrize(
    ("question", "lang", "amount"),
    [
        ("we are 150 km apart and stay 6 days, how much?", "en", 550),
        ("siamo a 150 km di distanza e restiamo 6 giorni, quanto ci spetta?", "it", 550),
        ("Bari→Lyon 5 working days: how much do we get?", "en", 1100),
        ("Da Bari a Lione per 5 giorni lavorativi, quanto ci spetta?", "it", 1100),
        ("From Bari to Lyon for 4 working days, how much?", "en", 550),
        ("Da Milano a Torino per 6 giorni, quanto?", "it", 550),
        ("Milano-Torino, 6 giorni: quanto è il lump sum?", "it", 550),
        ("From Lisbon to Helsinki for 20 days, how much?", "en", 1100),
        ("Da Lisbona a Helsinki per 20 giorni: quanto riceviamo?", "it", 1100),
        ("Bari to Lyon for 2 days, how much?", "en", 0),
        ("Bari to Lyon from 2019-04-22 to 2019-04-26, how much?", "en", 550),
    ],
)
def test_lump_sum_questions(question, lang, amount):
    outcome = ask(question, lang)
    assert outcome.tool.name == "lump_sum"
    assert outcome.tool.result["amount_eur"] == amount
    assert outcome.missing is None
    if amount:
        assert str(amount) in outcome.message
    else:
        assert outcome.tool.result["eligible"] is False
    assert_grounded(outcome)


def test_lump_sum_message_language():
    en = ask("we are 150 km apart and stay 6 days, how much?", "en")
    it = ask("siamo a 150 km di distanza e restiamo 6 giorni, quanto ci spetta?", "it")
    assert "per organisation" in en.message and "per organizzazione" in it.message
    assert en.tool.inputs == {"distance_km": 150.0, "working_days": 6, "travel_days": 0}


@pytest.mark.parametrize(
    ("question", "lang", "eligible"),
    [
        ("siamo un cluster pugliese con partner in Germania e Francia, siamo ammissibili?",
         "it", True),
        ("We are a cluster from Puglia with partners in Germany and France: are we eligible?",
         "en", True),
        ("Un cluster in Puglia, uno in Oberbayern e uno in Occitania: siamo ammissibili?",
         "it", True),
        ("two Italian partners and one German, are we eligible?", "en", False),
        ("due partner italiani e uno tedesco: siamo ammissibili?", "it", False),
        ("we are two partners, are we eligible?", "en", False),
        ("Lombardia, Piemonte e Oberbayern: siamo ammissibili?", "it", False),
        ("Lombardy, Piedmont and Oberbayern: is our consortium eligible?", "en", False),
        ("A cluster in Lombardy, one in Germany and one in France: are we eligible?", "en",
         None),
    ],
)
def test_eligibility_questions(question, lang, eligible):
    outcome = ask(question, lang)
    assert outcome.tool.name == "eligibility"
    assert outcome.tool.result["eligible"] is eligible
    assert {"checks", "eligible"} <= set(outcome.tool.result)
    assert_grounded(outcome)


def test_eligibility_messages():
    yes = ask("siamo un cluster pugliese con partner in Germania e Francia, siamo ammissibili?",
              "it")
    assert yes.message.startswith("Sì") and "Puglia" in yes.message
    no = ask("two Italian partners and one German, are we eligible?")
    assert no.message.startswith("No") and "2 different countries" in no.message


@pytest.mark.parametrize(
    ("question", "lang", "key", "value"),
    [
        ("Can we still apply?", "en", "open", False),
        ("Is the call still open?", "en", "open", False),
        ("Il bando è ancora aperto?", "it", "open", False),
        ("Possiamo ancora partecipare?", "it", "open", False),
        ("How many days since the deadline?", "en", "days_since_deadline", 2463),
        ("Quanti giorni sono passati dalla scadenza?", "it", "days_since_deadline", 2463),
        ("Our project would last 26 months, is that ok?", "en", "duration_ok", False),
        ("Il nostro progetto durerà 22 mesi, va bene?", "it", "duration_ok", True),
    ],
)
def test_call_status_questions(question, lang, key, value):
    outcome = ask(question, lang)
    assert outcome.tool.name == "call_status"
    assert outcome.tool.result[key] == value
    assert_grounded(outcome)


def test_budget_and_exchange_questions():
    budget = ask("Our eligible costs are 500,000 EUR including 100,000 EUR financial support "
                 "to third parties: how much EU contribution?")
    assert budget.tool.name == "budget"
    assert budget.tool.result["max_eu_contribution_eur"] == 360000
    assert_grounded(budget)
    plan = ask("Prevediamo 120 scambi, 60 con PMI e 20 con organizzazioni non membri: "
               "rispettiamo le quote?", "it")
    assert plan.tool.name == "exchanges" and plan.tool.result["all_met"] is False
    assert_grounded(plan)


def test_distance_question():
    outcome = ask("Quanto dista Milano da Torino?", "it")
    assert outcome.tool.name == "distance" and 120 < outcome.tool.result["distance_km"] < 130


@pytest.mark.parametrize(
    "question",
    [
        "What is the maximum lump sum per organisation?",
        "Qual è l'importo massimo del lump sum per organizzazione?",
        "Is the lump sum reduced for stays under 5 working days?",
        "Does the reduced amount apply below 200 km?",
        "What is the deadline?",
        "How many exchanges must a partnership organise?",
        "Which regions are less developed?",
        "Are SMEs eligible for ClusterXchange?",
        "Qual è il contributo massimo UE per progetto?",
        "Chi può partecipare al bando?",
    ],
)
def test_document_questions_are_not_routed(question):
    assert ask(question) is None


def test_missing_distance_is_asked_then_supplied():
    first = ask("Quanto ci spetta per uno scambio di 6 giorni?", "it")
    assert first.tool is None and first.missing == "distance"
    assert "km" in first.message and first.slots.pending == "lump_sum"
    second = ask("Bari e Lione", "it", first.slots)
    assert second.tool.name == "lump_sum" and second.tool.result["amount_eur"] == 1100


def test_missing_days_is_asked_then_supplied_and_changed():
    first = ask("How much is the lump sum from Bari to Lyon?")
    assert first.missing == "working_days" and "working days" in first.message
    second = ask("6 days", "en", first.slots)
    assert second.tool.result["amount_eur"] == 1100
    third = ask("and 4 days?", "en", second.slots)
    assert third.tool.result["amount_eur"] == 550


def test_bare_number_answers_the_question_asked():
    first = ask("How much is the lump sum from Bari to Lyon?")
    assert ask("4", "en", first.slots).tool.result["working_days"] == 4


def test_exchange_counts_asked_one_at_a_time():
    first = ask("Prevediamo 120 scambi: rispettiamo le quote?", "it")
    assert first.missing == "with_smes" and "PMI" in first.message
    second = ask("60", "it", first.slots)
    assert second.missing == "with_non_members"
    third = ask("30", "it", second.slots)
    assert third.tool.result["all_met"] is True


def test_partners_asked_then_supplied():
    first = ask("Siamo ammissibili?", "it")
    assert first.missing == "partners"
    second = ask("un cluster in Puglia, uno in Oberbayern e uno in Occitania", "it",
                 first.slots)
    assert second.tool.result["eligible"] is True


def test_host_country_asked_for_dates_with_a_distance():
    first = ask("We are 300 km apart, stay from 6 May 2019 to 10 May 2019, how much?")
    assert first.missing == "host_country"
    second = ask("Francia", "en", first.slots)
    assert second.tool.result["working_days"] == 4  # 8 May is a French holiday


def test_ambiguous_place_asks_which_one_and_accepts_a_number():
    first = ask("We go from Bari to Newport for 6 days, how much?")
    assert first.tool is None and first.missing == "destination"
    assert "Which Newport" in first.message and "(GB" in first.message
    second = ask("2", "en", first.slots)
    assert second.tool.result["amount_eur"] == 1100


def test_unknown_place_says_so_and_next_message_replaces_it():
    first = ask("Da Bari a Xyzzyville per 6 giorni, quanto?", "it")
    assert first.missing == "destination" and "Xyzzyville" in first.message
    second = ask("Lione", "it", first.slots)
    assert second.tool.result["amount_eur"] == 1100


def test_new_question_is_not_mixed_with_a_pending_one():
    pending = ask("How much is the lump sum from Bari to Lyon?").slots
    outcome = ask("two Italian partners and one German, are we eligible?", "en", pending)
    assert outcome.tool.name == "eligibility"


def test_unrelated_message_during_a_pending_request_is_left_to_the_documents():
    pending = ask("How much is the lump sum from Bari to Lyon?").slots
    assert ask("What is the deadline?", "en", pending) is None


def test_slots_survive_a_json_round_trip():
    first = ask("We go from Bari to Newport for 6 days, how much?")
    restored = Slots.model_validate_json(first.slots.model_dump_json())
    assert ask("1", "en", restored).tool.name == "lump_sum"

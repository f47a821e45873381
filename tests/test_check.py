"""The helpdesk reply checker, against a real index of the corpus built in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.check import ReplyChecker, claim_figures, conflicts, euro
from callbot.rules.loader import load_ruleset

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
RULES = CORPUS / "rules" / "COS-CLUSTER-2018-03-02.yaml"


@pytest.fixture(scope="module")
def checker(assistant) -> ReplyChecker:
    """Over the session's real index of the corpus (tests/conftest.py)."""
    return ReplyChecker(lambda text, k: assistant.retriever.search(text, k),
                        lambda: assistant.store.chunks, load_ruleset(RULES))


def verdicts(result) -> list[str]:
    return [s.verdict for s in result.sentences]


def test_the_issue_example_is_contradicted_with_the_rule(checker):
    result = checker.check("How much is the lump sum?",
                           "550 EUR for a 6-day stay 800 km away.")
    (s,) = result.sentences
    assert s.verdict == "contradicted"
    assert s.expected == "1,100 EUR"
    assert "1,100 EUR" in s.reason
    assert s.evidence.rule_id == "cxc-lump-sum-max"
    assert "1.100 euro (lump sum)" in s.evidence.passage
    assert s.evidence.chunk_id and "Cluster Excellence" in s.evidence.title
    assert s.tool.name == "lump_sum" and s.tool.result["amount_eur"] == 1100
    assert s.tool.inputs == {"travel_days": 0, "distance_km": 800.0, "working_days": 6}


def test_figures_of_the_question_count_and_a_right_amount_is_supported(checker):
    result = checker.check("Quanto spetta per uno scambio di 4 giorni a 800 km?",
                           "Spettano al massimo 550 euro.")
    (s,) = result.sentences
    assert s.verdict == "supported" and s.expected is None
    assert s.evidence.rule_id == "cxc-lump-sum-reduced"
    assert result.language == "it"


def test_a_near_exchange_needs_no_stay_to_be_checked(checker):
    result = checker.check("Our host is 120 km away.", "We get 1,100 EUR per organisation.")
    (s,) = result.sentences
    assert s.verdict == "contradicted" and s.expected == "550 EUR"
    assert s.tool.inputs == {"travel_days": 0, "distance_km": 120.0}
    assert result.language == "en"  # "We get … per …": "per" is not Italian here


def test_a_figure_the_rules_give_differently(checker):
    result = checker.check("What is the maximum EU contribution?",
                           "The EU contribution is at most 400,000 EUR per project. "
                           "Co-financing covers up to 75% of eligible costs.")
    wrong, right = result.sentences
    assert wrong.verdict == "contradicted" and "360,000 EUR" in wrong.expected
    assert wrong.evidence.rule_id == "budget-max-contribution"
    assert right.verdict == "supported" and right.evidence.rule_id == "budget-rates"


def test_applying_now_is_checked_against_the_deadline_in_the_rules(checker):
    deadline = load_ruleset(RULES).call.calendar.deadline.at
    result = checker.check("Posso candidarmi?",
                           f"Sì, il bando è ancora aperto. La scadenza è il {deadline.day} "
                           f"aprile {deadline.year}.")
    opened, date_ = result.sentences
    assert opened.verdict == "contradicted"
    assert f"{deadline.day} aprile {deadline.year}" in opened.expected
    assert opened.evidence.rule_id == "call-deadline"
    assert date_.verdict == "supported"


def test_sentences_without_figures(checker):
    result = checker.check(
        "Chi può partecipare?",
        "Ogni cluster potrà partecipare a un solo consorzio. "
        "Each consortium must include a member established in a less developed or transition "
        "region. I partecipanti ricevono un gelato gratis alla firma.")
    assert verdicts(result) == ["supported", "supported", "not_found"]
    one, region, ice = result.sentences
    assert "un solo consorzio" in one.evidence.passage
    assert "meno sviluppata" in region.evidence.passage
    assert ice.evidence is None
    assert result.counts() == {"supported": 2, "contradicted": 0, "not_found": 1}


def test_a_duration_and_a_count_from_the_passages(checker):
    result = checker.check("", "La durata dei progetti è compresa tra 12 e 18 mesi. "
                               "Il consorzio deve avere almeno 2 soggetti giuridici.")
    duration, size = result.sentences
    assert duration.verdict == "contradicted" and "24" in duration.expected
    assert size.verdict == "contradicted" and "3" in size.expected


def test_an_empty_reply_has_no_sentences(checker):
    assert checker.check("Domanda?", " \n ").sentences == []


def test_claim_figures_and_conflicts():
    claimed = claim_figures("550 EUR for a 6-day stay 800 km away")
    assert [(f.kind, f.value) for f in claimed] == [
        ("money", "550"), ("duration", "6"), ("distance", "800")]
    reference = claim_figures("1.100 euro per 6 giorni")
    wrong = conflicts(claimed, reference)
    assert [(f.value, [r.value for r in right]) for f, right in wrong] == [("550", ["1100"])]
    assert euro(1100, "it") == "1.100 euro" and euro(360000, "en") == "360,000 EUR"

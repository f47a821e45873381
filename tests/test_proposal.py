"""Proposal checklists: data with verified quotes, and drafts marked covered or missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.errors import RuleError
from callbot.proposal import (
    check_draft,
    covers,
    default_checklists,
    load_checklists,
    missing_quotes,
    phrase_in,
    tokens_of,
)
from callbot.rules.loader import corpus_doc_text
from callbot.textnorm import contains_quote

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
TEN_ELEMENTS = ["promotion", "involvement", "evaluation-of-applications", "matching",
                "grant-agreement", "preparation", "follow-up", "quality-control",
                "outreach-networking", "reporting"]


@pytest.fixture(scope="module")
def lists():
    return load_checklists(CORPUS / "rules" / "proposal-checklists.yaml")


def test_every_quote_occurs_in_the_call_note(lists):
    text = corpus_doc_text(CORPUS)(lists.doc)
    assert text, f"document {lists.doc} is not in the corpus manifest"
    raw = (CORPUS / "cosme-cluster-excellence-2018-call-note.txt").read_text(encoding="utf-8")
    for section in lists.sections:
        for item in section.items:
            assert contains_quote(raw, item.quote), f"{section.id}/{item.id}: {item.quote}"
    assert missing_quotes(lists, text) == []


def test_the_five_parts_of_a_proposal_are_there(lists):
    assert [s.id for s in lists.sections] == [
        "mandatory-activities", "clusterxchange", "outreach", "eligibility", "budget"]
    assert lists.call_id == "COS-CLUSTER-2018-03-02"


def test_clusterxchange_lists_the_ten_mandatory_elements_in_order(lists):
    ids = [i.id for i in lists.section("clusterxchange").items]
    assert ids[:10] == TEN_ELEMENTS


def test_default_checklists_reads_the_corpus_file():
    assert default_checklists().section("budget").items


def test_unknown_section_and_bad_files_are_plain_errors(tmp_path, lists):
    with pytest.raises(RuleError, match="No proposal section 'nope'"):
        lists.section("nope")
    with pytest.raises(RuleError, match="not found"):
        load_checklists(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("call_id: X\ndoc: d\nsections: [{id: a, title: A}]\n", encoding="utf-8")
    with pytest.raises(RuleError, match="not valid"):
        load_checklists(bad)


def test_a_changed_quote_is_reported(lists):
    broken = lists.model_copy(deep=True)
    broken.sections[0].items[0].quote = "una frase che il bando non contiene affatto"
    text = corpus_doc_text(CORPUS)(lists.doc)
    assert missing_quotes(broken, text) == ["mandatory-activities/capacity-building"]


def test_word_beginnings_numbers_and_thresholds():
    tokens = tokens_of("L'abbinamento e il follow-up di 120 scambi, il 50% con PMI.")
    assert phrase_in("abbina", tokens) and phrase_in("follow up", tokens)
    assert phrase_in(">=100", tokens) and not phrase_in(">=200", tokens)
    assert phrase_in("50", tokens) and not phrase_in("5", tokens)
    assert phrase_in("pmi", tokens) and not phrase_in("pmi scambi", tokens)
    assert tokens_of("Qualità È") == ["qualita", "e"]


ITALIAN_DRAFT = """Il consorzio promuoverà il programma con newsletter ed eventi.
Le PMI saranno coinvolte tramite i cluster partner. Un comitato valuterà le candidature delle
visiting organisation. L'abbinamento avverrà con il matching tool della ECCP.
Ogni partecipante firmerà un accordo di sovvenzione. Organizzeremo 120 scambi, di cui il 60%
con PMI."""

ENGLISH_DRAFT = """We will promote the programme through our newsletters.
Applications will be evaluated by a committee of the partners. Each participant signs a grant
agreement. Before each exchange we hold a preparation call, and a follow-up survey after it.
Quality is monitored with KPIs. We will report to EISMEA every six months."""


def test_an_italian_draft(lists):
    result = {c.item.id: c for c in check_draft(ITALIAN_DRAFT, lists.section("clusterxchange"))}
    for covered in ("promotion", "involvement", "evaluation-of-applications", "matching",
                    "grant-agreement", "hundred-exchanges", "sme-share"):
        assert result[covered].covered, covered
        assert result[covered].sentence
    for missing in ("preparation", "follow-up", "quality-control", "reporting",
                    "non-member-share"):
        assert not result[missing].covered and result[missing].sentence is None, missing
    assert result["grant-agreement"].sentence.startswith("Ogni partecipante firmerà")


def test_an_english_draft(lists):
    result = {c.item.id: c for c in check_draft(ENGLISH_DRAFT, lists.section("clusterxchange"))}
    for covered in ("promotion", "evaluation-of-applications", "grant-agreement", "preparation",
                    "follow-up", "quality-control", "reporting"):
        assert result[covered].covered, covered
    assert not result["matching"].covered
    assert not result["hundred-exchanges"].covered


def test_eligibility_and_budget_sections(lists):
    draft = ("Il consorzio riunisce 4 soggetti giuridici di 3 paesi diversi. Il partner pugliese "
             "ha sede in una regione meno sviluppata. Tutti sono registrati alla European Cluster "
             "Collaboration Platform. Chiediamo un contributo UE di 350.000 euro, con un "
             "cofinanziamento del 75%.")
    eligibility = {c.item.id: c.covered for c in check_draft(draft, lists.section("eligibility"))}
    assert eligibility == {"three-entities": True, "three-countries": True,
                           "less-developed-region": True, "cluster-or-network": False,
                           "eccp": True, "one-consortium": False}
    budget = {c.item.id: c.covered for c in check_draft(draft, lists.section("budget"))}
    assert budget["co-financing"] and not budget["third-parties"]


def test_an_empty_draft_covers_nothing(lists):
    assert not any(c.covered for c in check_draft("  \n", lists.section("outreach")))


def test_a_sentence_must_match_every_group(lists):
    item = next(i for i in lists.section("clusterxchange").items
                if i.id == "evaluation-of-applications")
    assert covers("Valuteremo le candidature.", item)
    assert not covers("Valuteremo l'impatto.", item)

"""What the web app shows, without a browser: notices, forms and the HTML renderers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from callbot import forms, render
from callbot.check import Evidence, ReplyCheck, SentenceCheck
from callbot.errors import InputError
from callbot.models import Answer, Citation, ToolCall
from callbot.notices import DISCLAIMER, about_applying, call_notice, long_date
from callbot.proposal import check_draft, default_checklists
from callbot.rules.loader import default_ruleset
from callbot.rules.schema import RuleRef


def cite(ref: RuleRef) -> Evidence:
    return Evidence(title="Nota sul bando", section="Budget", passage=ref.quote, rule_id=ref.id)


# --- notices ---------------------------------------------------------------------------------
def test_closed_call_notice_takes_its_date_from_the_rules():
    deadline = default_ruleset().call.calendar.deadline.at
    notice = call_notice(datetime(2030, 1, 1, tzinfo=UTC))
    assert not notice.open
    assert notice.en.startswith(f"The call closed on {long_date(deadline, 'en')}")
    assert notice.en.startswith("The call closed on 4 April 2019")
    assert notice.it.startswith("Il bando si è chiuso il 4 aprile 2019")
    assert notice.rule.id == "call-deadline"
    assert call_notice(datetime(2019, 1, 1, tzinfo=UTC)).open


@pytest.mark.parametrize("question", [
    "Posso ancora candidarmi?", "Can we still apply?", "Qual è la scadenza?",
    "When is the deadline?", "Come presentare la proposta?", "Is the call still open?"])
def test_questions_about_applying(question):
    assert about_applying(question)


@pytest.mark.parametrize("question", [
    "Qual è il contributo massimo per progetto?", "How many exchanges are required?"])
def test_other_questions(question):
    assert not about_applying(question)


def test_disclaimer_says_the_official_documents_prevail():
    assert "official documents" in DISCLAIMER["en"] and "prevail" in DISCLAIMER["en"]
    assert "documenti ufficiali" in DISCLAIMER["it"]


# --- forms -----------------------------------------------------------------------------------
def test_lump_sum_form_with_distance_and_days():
    inputs, result = forms.lump_sum_form("distance", "", "", 800, "working days", "", "", 0, 6,
                                         "")
    assert inputs == {"travel_days": 0, "distance_km": 800.0, "working_days": 6}
    assert result.amount_eur == 1100 and result.outcome == "full"


def test_lump_sum_form_with_places_and_dates():
    inputs, result = forms.lump_sum_form("places", "Milano", "Lione", None, "dates",
                                         "2019-05-06", "17/05/2019", 2, None, "")
    assert inputs["start"] == "2019-05-06" and inputs["end"] == "2019-05-17"
    assert result.destination.country == "FR" and result.distance_km > 200
    assert result.amount_eur == 1100


def test_lump_sum_form_errors_name_the_field():
    with pytest.raises(InputError, match="distance_km"):
        forms.lump_sum_form("distance", "", "", None, "working days", "", "", 0, 6, "")
    with pytest.raises(InputError, match="start.*YYYY-MM-DD"):
        forms.lump_sum_form("distance", "", "", 50, "dates", "6 maggio", "", 0, None, "IT")


def test_partner_table_rows():
    partners = forms.partners_from_rows(
        [["A", "Italia", "Puglia", "cluster", "sì", ""], ["", "", "", "", "", ""],
         ["B", "FR", "", "rete di imprese", "in attesa", "in transizione"]])
    assert [p.name for p in partners] == ["A", "B"]
    assert partners[1].type == "business network" and partners[1].eccp == "applied"
    assert partners[1].category == "transition"
    with pytest.raises(InputError, match="partner 1 type"):
        forms.partners_from_rows([["A", "IT", "", "university", "yes", ""]])
    with pytest.raises(InputError, match="empty"):
        forms.partners_from_rows([["", None, "", "", "", ""]])


def test_eligibility_budget_and_exchange_forms():
    _, eligible = forms.eligibility_form(forms.EXAMPLE_PARTNERS)
    assert eligible.eligible is True
    _, two = forms.eligibility_form(forms.EXAMPLE_PARTNERS[:2])
    assert two.eligible is False
    _, money = forms.budget_form([["personnel", "400.000"], ["third parties", "€ 100000"]])
    assert money.max_eu_contribution_eur == 360000 and money.binding_constraint == "cap"
    with pytest.raises(InputError, match="cost line 1"):
        forms.budget_form([["personnel", "lots"]])
    inputs, plan = forms.exchanges_form(120, 50.0, 30)
    assert inputs == {"planned": 120, "with_smes": 50, "with_non_members": 30}
    assert not plan.all_met


# --- HTML ------------------------------------------------------------------------------------
def _answer() -> Answer:
    text = "Il contributo <b>massimo</b> è di 360.000 euro per ogni\nprogetto. Altro testo."
    cited_ = Citation(n=1, title="Nota <bando>", source="a.txt", page=3, section="Budget",
                      chunk_id="c1", text=text,
                      quote="Il contributo <b>massimo</b> è di 360.000 euro per ogni progetto.")
    other = Citation(n=2, title="Altro", source="b.txt", page=None, section="", chunk_id="c2",
                     text="non citato", quote="")
    return Answer(question="q", answer="Secondo i documenti: «…» [1]", citations=[cited_, other],
                  refused=False, language="it")


def test_citation_cards_escape_and_highlight_the_quote():
    html = render.citation_cards(_answer())
    assert html.count('class="cb-card"') == 1  # only the cited passage
    assert "Nota &lt;bando&gt;" in html and "p. 3 · § Budget" in html
    assert "<mark>Il contributo &lt;b&gt;massimo&lt;/b&gt; è di 360.000 euro per ogni\nprogetto." \
           "</mark> Altro testo." in html
    assert "<b>massimo" not in html


def test_highlight_without_a_match_is_plain_escaped_text():
    assert render.highlight("a < b", ["zzz"]) == "a &lt; b"


def test_result_table_cites_each_rule_next_to_its_verdict():
    _, result = forms.eligibility_form(forms.EXAMPLE_PARTNERS)
    html = render.result_table(result.model_dump(mode="json"), cite, "en")
    assert "cb-badge cb-yes" in html and "<h4>checks</h4>" in html
    assert "Potranno partecipare al bando consorzi composti da almeno tre soggetti" in html
    assert "Nota sul bando" in html and "Rules applied" not in html  # cited in each row
    assert "…</span>" in html  # the long region source is cut, whole in the tooltip
    html_it = render.result_table(result.model_dump(mode="json"), cite, "it")
    assert "soggetti giuridici; ne servono almeno" in html_it


def test_result_table_lists_the_rules_applied():
    _, result = forms.lump_sum_form("distance", "", "", 150, "working days", "", "", 0, 6, "")
    html = render.result_table(result.model_dump(mode="json"), cite, "en")
    assert "Rules applied" in html and "<td>550</td>" in html
    assert "«Per una durata dello scambio inferiore a 5 giorni lavorativi" in html


def test_long_passages_are_cropped_around_the_quote():
    text = "a " * 400 + "L’EASME si aspetta di finanziare 12 progetti. " + "b " * 400
    html = render.highlight(text, ["L'EASME si aspetta di finanziare 12 progetti."], 20)
    assert html.startswith("… a a") and html.endswith("b b …")
    assert "<mark>L’EASME si aspetta di finanziare 12 progetti.</mark>" in html
    assert len(html) < 120


def test_tool_html_for_a_chat_answer():
    tool = ToolCall(name="lump_sum", inputs={"distance_km": 800},
                    result={"amount_eur": 1100, "reason": "Full", "reason_it": "Intero",
                            "rules": []})
    assert "1,100" in render.tool_html(tool, cite, "en") and "Full" in render.tool_html(
        tool, cite, "en")
    assert "Intero" in render.tool_html(tool, cite, "it") and "1.100" in render.tool_html(
        tool, cite, "it")


def test_check_html_marks_each_sentence():
    evidence = Evidence(title="Nota", passage="superare i 1.100 euro", rule_id="r",
                        rule="At most 1,100 EUR")
    result = ReplyCheck(question="q", reply="r", language="en", sentences=[
        SentenceCheck(sentence="550 EUR <x>", verdict="contradicted", reason="calc",
                      expected="1,100 EUR", evidence=evidence),
        SentenceCheck(sentence="Fine.", verdict="not_found", reason="none")])
    html = render.check_html(result)
    assert "1 contradicted" in html and "1 not found" in html and "0 supported" in html
    assert "cb-badge cb-contradicted" in html and "Correct: 1,100 EUR" in html
    assert "550 EUR &lt;x&gt;" in html and "<mark>superare i 1.100 euro</mark>" in html


def test_checklist_and_coverage_html():
    section = default_checklists().section("clusterxchange")
    html = render.checklist_html(section, "Nota", "it")
    assert "Promozione del programma." in html and "«promozione del programma;»" in html
    coverage = check_draft("Promuoveremo il programma.", section)
    out = render.coverage_html(coverage, "en")
    assert f"1 of {len(section.items)} requirements covered" in out
    assert "Promuoveremo il programma." in out and "missing" in out

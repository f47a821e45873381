"""The guards on a generated answer: citation check, figure guard, output filter."""

from __future__ import annotations

import pytest
from llm_fakes import DEADLINE, LUMP_SUM, REDUCED

from callbot.guard import check_citations, filter_output, run_guards, unsupported_figures


@pytest.mark.parametrize(
    ("text", "n", "expected", "cited", "invalid"),
    [
        ("Max 1.100 euro [1].", 2, "Max 1.100 euro [1].", [1], []),
        ("Max 1.100 euro [3].", 2, "Max 1.100 euro.", [], [3]),
        ("A [2] and B [1][7].", 2, "A [2] and B [1].", [2, 1], [7]),
        ("See [1, 5].", 2, "See [1].", [1], [5]),
        ("See [0].", 2, "See.", [], [0]),
        ("See [Passage 2].", 2, "See [2].", [2], []),
        ("Vedi [fonte 1].", 1, "Vedi [1].", [1], []),
        ("No citation.", 2, "No citation.", [], []),
        ("A [1] B [1].", 1, "A [1] B [1].", [1], []),
    ],
)
def test_citation_check(text, n, expected, cited, invalid):
    check = check_citations(text, n)
    assert (check.text, check.cited, check.invalid) == (expected, cited, invalid)


@pytest.mark.parametrize(
    ("answer", "unsupported"),
    [
        ("The maximum is 1,100 EUR per organisation [1].", []),
        ("Il massimo è 1.100 euro [1].", []),
        ("The maximum is EUR 1100 [1].", []),
        ("The maximum is 550 euro [1].", ["550 euro"]),
        ("At least 3 working days and at most one month [1].", []),
        ("At least 5 working days [1].", ["5 working days"]),
        ("The lump sum is 2,200 EUR for 2 organisations [1].", ["2,200 EUR", "2"]),
        ("It covers 100% of travel costs [1].", ["100%"]),
        ("Nessuna cifra: copre viaggio, vitto e alloggio [1].", []),
    ],
)
def test_figure_guard_against_the_cited_passage(answer, unsupported):
    assert [f.text for f in unsupported_figures(answer, [LUMP_SUM])] == unsupported


def test_dates_match_across_languages_and_formats():
    for answer in ("The deadline is 4 April 2019.", "Scadenza: 04/04/2019.",
                   "Deadline: April 4, 2019.", "La scadenza è il 4 aprile 2019."):
        assert unsupported_figures(answer, [DEADLINE]) == [], answer
    assert [f.text for f in unsupported_figures("Deadline: 14 April 2019.", [DEADLINE])] == [
        "14 April 2019"
    ]


def test_calculator_values_support_figures():
    result = {"amount_eur": 550, "outcome": "reduced", "reason": "Distance 150 km < 200 km"}
    answer = "You would receive 550 EUR because 150 km is under 200 km."
    assert unsupported_figures(answer, [], result) == []
    assert [f.text for f in unsupported_figures("You get 1,100 EUR.", [], result)] == ["1,100 EUR"]


@pytest.mark.parametrize(
    ("text", "expected", "removed"),
    [
        ("Plain text [1].", "Plain text [1].", 0),
        ("See http://www.clustercollaboration.eu/open-calls.", ("See "
         "http://www.clustercollaboration.eu/open-calls."), 0),
        ("See [the call](https://www.clustercollaboration.eu/open-calls).",
         "See [the call](https://www.clustercollaboration.eu/open-calls).", 0),
        ("See https://evil.example/x now.", "See now.", 1),
        ("See [here](https://evil.example/x).", "See here.", 1),
        ("Look ![logo](https://evil.example/a.png) here.", "Look here.", 1),
        ("A <b>bold</b> claim.", "A bold claim.", 2),
        ("<script>alert(1)</script>Hi", "alert(1) Hi", 2),
        ("Distance < 200 km and > 100 km.", "Distance < 200 km and > 100 km.", 0),
        ("Bell\x07 and \u202eoverride\u200b.", "Bell and override.", 3),
        ("Line one\nline two\ttab.", "Line one\nline two\ttab.", 0),
    ],
)
def test_output_filter(text, expected, removed):
    filtered = filter_output(text, [DEADLINE])
    assert filtered.text == expected
    assert len(filtered.removed) == removed


def test_run_guards_checks_figures_against_cited_passages_only():
    passages = [LUMP_SUM, REDUCED]
    ok = run_guards("Il massimo è 1.100 euro [1]; 550 euro sotto i 200 km [2].", passages)
    assert ok.ok and ok.cited == [1, 2] and ok.events == []
    wrong = run_guards("Il massimo è 550 euro [1].", passages)
    assert not wrong.ok
    assert [e.kind for e in wrong.events] == ["figure"]
    assert "550 euro" in wrong.events[0].detail


def test_run_guards_uncited_answer_is_checked_against_all_passages():
    assert run_guards("Il massimo è 1.100 euro, ridotto a 550 euro.", [LUMP_SUM, REDUCED]).ok


def test_run_guards_records_every_event():
    result = run_guards("Max 1.100 euro [1] [9] <i>x</i> https://evil.example", [LUMP_SUM])
    kinds = sorted(e.kind for e in result.events)
    assert kinds == ["citation", "output_filter", "output_filter", "output_filter"]
    assert result.ok and result.text == "Max 1.100 euro [1] x"


def test_run_guards_with_a_calculator_result_ignores_passage_figures():
    tool_values = {"inputs": {"distance_km": 150}, "result": {"amount_eur": 550}, "message": ""}
    assert run_guards("Riceverete 550 euro.", [LUMP_SUM], tool_values).ok
    assert not run_guards("Riceverete 1.100 euro [1].", [LUMP_SUM], tool_values).ok


def test_every_indexed_passage_passes_the_guards_verbatim(assistant):
    """No false alarm on the documents themselves: each real chunk, quoted whole, has all
    its figures supported and nothing filtered."""
    for chunk in assistant.store.chunks:
        assert unsupported_figures(chunk.text, [chunk.text]) == [], chunk.id
        assert filter_output(chunk.text, [chunk.text]).removed == [], chunk.id

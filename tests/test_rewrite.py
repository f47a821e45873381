"""Follow-up questions become standalone questions for retrieval."""

from __future__ import annotations

import pytest
from llm_fakes import ScriptedModel

from callbot.rewrite import deterministic_rewrite, is_follow_up, rewrite_question

FIRST_IT = [("Qual è il contributo massimo ClusterXchange per organizzazione?", "1.100 euro [1]")]
FIRST_EN = [("How much is the ClusterXchange lump sum from Milan to Lyon for 6 days?",
             "1,100 EUR")]


@pytest.mark.parametrize(
    ("question", "history", "expected"),
    [
        ("e per le PMI?", FIRST_IT, True),
        ("and if we stay only 4 days?", FIRST_EN, True),
        ("What about SMEs?", FIRST_EN, True),
        ("Invece la durata minima?", FIRST_IT, True),
        ("Quale agenzia europea ha pubblicato il bando COSME sui cluster?", FIRST_IT, False),
        ("e per le PMI?", [], False),
        ("Ed entro quando?", FIRST_IT, True),
        ("Per le PMI?", FIRST_IT, True),
        ("Chi è EASME?", FIRST_IT, False),
        ("What is COSME?", FIRST_EN, False),
    ],
)
def test_follow_up_detection(question, history, expected):
    assert is_follow_up(question, history) is expected


def test_deterministic_rewrite_prepends_the_previous_topic():
    assert deterministic_rewrite("e per le PMI?", FIRST_IT) == (
        "contributo massimo clusterxchange organizzazione: e per le PMI?"
    )


def test_deterministic_rewrite_leaves_old_numbers_out():
    rewritten = deterministic_rewrite("and if we stay only 4 days?", FIRST_EN)
    assert rewritten.endswith(": and if we stay only 4 days?")
    assert "clusterxchange" in rewritten and "lump" in rewritten and "6" not in rewritten


def test_chained_follow_ups_keep_the_last_standalone_topic():
    history = FIRST_IT + [("e per le PMI?", "...")]
    assert deterministic_rewrite("e per i centri tecnologici?", history).startswith(
        "contributo massimo clusterxchange organizzazione:"
    )


def test_a_standalone_question_is_kept_and_the_model_not_called():
    model = ScriptedModel("should not be used")
    question = "Quale agenzia europea ha pubblicato il bando COSME sui cluster?"
    assert rewrite_question(question, FIRST_IT, model) == question
    assert model.sent == []


@pytest.mark.parametrize(
    "reply",
    [
        "Qual è il contributo massimo ClusterXchange per le PMI?",
        "Standalone question: Qual è il contributo massimo ClusterXchange per le PMI?",
        '"Qual è il contributo massimo ClusterXchange per le PMI?"\nSpiegazione: ...',
    ],
)
def test_a_good_model_rewrite_is_used(reply):
    model = ScriptedModel(reply)
    assert rewrite_question("e per le PMI?", FIRST_IT, model) == (
        "Qual è il contributo massimo ClusterXchange per le PMI?"
    )
    prompt = model.sent[0][0].content
    assert "<conversation>" in prompt and "Last question: e per le PMI?" in prompt


@pytest.mark.parametrize(
    "reply",
    [
        "Qual è il contributo massimo di 2.000 euro per le PMI?",  # invented figure
        "Qual è il contributo massimo ClusterXchange?",  # dropped the question's subject
        "",
        "x" * 400,
        TimeoutError("slow"),
    ],
)
def test_a_doubtful_model_rewrite_falls_back(reply):
    assert rewrite_question("e per le PMI?", FIRST_IT, ScriptedModel(reply)) == (
        deterministic_rewrite("e per le PMI?", FIRST_IT)
    )


def test_the_rewrite_may_repeat_figures_from_the_question_or_history():
    model = ScriptedModel("How much is the ClusterXchange lump sum from Milan to Lyon for 4 days?")
    assert "4 days" in rewrite_question("and if we stay only 4 days?", FIRST_EN, model)


def test_without_a_model_the_rewrite_is_deterministic():
    assert rewrite_question("e per le PMI?", FIRST_IT) == deterministic_rewrite(
        "e per le PMI?", FIRST_IT
    )

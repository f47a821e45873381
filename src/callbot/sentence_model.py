"""Learn how much each feature of a candidate sentence counts when choosing what to quote.

The features are those of `answer.candidates`. A sentence is a positive example when it
matches its question's answer pattern in the eval sets; the weights maximise, question by
question, the share of the choice (a softmax over that question's candidates) that falls on
the positives, pulled towards the hand-set weights they replace (L2). The result is data:
`callbot/data/sentence_weights.json`, written by `callbot learn-weights`."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from callbot.answer import WEIGHTS_FILE, asked_part, candidates, extend_label, without_courtesy

# The sets the weights learn from (paths from the project root); evals/fresh.jsonl and
# evals/unseen.jsonl stay out to measure them.
TRAINING_SETS = ("evals/questions.jsonl", "evals/holdout.jsonl", "evals/test.jsonl")

# What the weights are pulled towards: the hand-set scoring used before they were learned
# (question terms held, half of a label's lead, a bonus for the asked-for shape).
PRIOR = {"own": 1.0, "lead": 0.5, "rank": -0.03, "shape": 0.15, "figure": 0.05}


@dataclass
class Example:
    """One question's candidate sentences: features (rows) and which ones answer it."""

    features: np.ndarray
    answers: np.ndarray


def examples(assistant, paths: list[Path]) -> tuple[list[str], list[Example]]:
    """Feature names and one example per answerable document question whose retrieved
    passages hold both sentences that match its answer pattern and sentences that do not."""
    from callbot.evaluate import load_items

    names: list[str] = []
    out: list[Example] = []
    for path in paths:
        for item in load_items(path):
            if item.category != "rag" or not item.answerable or not item.answer:
                continue
            # as `ask` reads it
            question, _ = assistant.store.speller.correct(without_courtesy(item.question))
            question = assistant.store.speller.recase(question)
            # without the reranking, which scores sentences with the weights being learned
            core = asked_part(question)
            hits = assistant.retriever.search(core, assistant.settings.top_k, rerank=False)
            found = candidates(core, hits)  # sentences are picked by what is asked
            if not found:
                continue
            names = names or sorted(found[0].features)
            answers = np.array([
                bool(re.search(item.answer, extend_label(c.sentence, hits[c.rank].chunk.text), re.IGNORECASE))
                for c in found
            ])
            if answers.any() and not answers.all():
                rows = [[c.features[n] for n in names] for c in found]
                out.append(Example(np.array(rows, dtype=float), answers))
    return names, out


def train(
    names: list[str], data: list[Example], l2: float = 0.01, rate: float = 0.02,
    steps: int = 3000, temperature: float = 10.0,
) -> tuple[dict[str, float], float]:
    """(weights, final loss) by gradient descent on the mean negative log share of the
    softmax that falls on each question's answering sentences."""
    if not data:
        raise ValueError("no question has both answering and other sentences to learn from")
    prior = np.array([PRIOR.get(n, 0.0) for n in names])
    w = prior.copy()
    loss = math.inf
    for _ in range(steps):
        loss, grad = 0.0, np.zeros_like(w)
        for ex in data:
            s = ex.features @ w * temperature
            p = np.exp(s - s.max())
            p /= p.sum()
            share = p[ex.answers].sum()
            loss -= math.log(share + 1e-12)
            q = np.where(ex.answers, p / share, 0.0)
            grad -= temperature * ex.features.T @ (q - p)
        loss = loss / len(data) + l2 * float(np.sum((w - prior) ** 2))
        grad = grad / len(data) + 2 * l2 * (w - prior)
        w -= rate * grad
    return {n: round(float(v), 4) for n, v in zip(names, w)}, loss


def learn(assistant, paths: list[Path], out: Path = WEIGHTS_FILE) -> dict:
    names, data = examples(assistant, paths)
    weights, loss = train(names, data)
    record = {
        "about": "Weights of the features of a candidate sentence (callbot.answer.candidates), "
                 "learned by callbot.sentence_model from the eval sets' answer patterns.",
        "trained_on": [p.name for p in paths],
        "questions": len(data),
        "loss": round(loss, 4),
        "date": date.today().isoformat(),
        "weights": weights,
    }
    Path(out).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record

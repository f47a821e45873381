"""Keyword-stage latency at scale: grouped BM25 (one term per question word with its
translations, callbot's default) against one flat query of all stems, on a synthetic bm25s
index of N chunks whose stems are drawn from the real corpus's chunks.

    .venv/bin/python benchmarks/keyword_stage.py --chunks 100000

Prints p50/p95 ms per question over the eval questions (our own set). The full benchmark
(`benchmarks/run.py`) measures retrieval and `ask` end to end; this one isolates the stage
that the grouped scoring changed."""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

import bm25s
import numpy as np

from callbot.evaluate import load_items
from callbot.index import Store
from callbot.retrieve import top_indices
from callbot.terms import term_groups, tokenize

HERE = Path(__file__).resolve().parent


class _Synthetic:
    """Just enough of a Store for `Store.grouped_keyword_scores`."""

    def __init__(self, bm25, vocabulary: set[str], n: int):
        self._keyword = type("K", (), {"bm25": bm25})()
        self.vocabulary = vocabulary
        self.chunks = range(n)

    grouped_keyword_scores = Store.grouped_keyword_scores


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--chunks", type=int, default=100_000)
    p.add_argument("--questions", type=Path, default=HERE.parent / "evals" / "questions.jsonl")
    args = p.parse_args()

    from callbot.chat import Assistant
    from callbot.settings import Settings

    real = [tokenize(f"{c.section} {c.text}") for c in Assistant(Settings()).store.chunks]
    rng = random.Random(0)
    corpus = []
    for _ in range(args.chunks):  # each synthetic chunk mixes stems of two real chunks
        a, b = rng.sample(real, 2)
        doc = a + b
        rng.shuffle(doc)
        corpus.append(doc[: max(20, len(doc) // 2)])
    start = time.perf_counter()
    bm25 = bm25s.BM25()
    bm25.index(corpus, show_progress=False)
    print(f"indexed {args.chunks} chunks in {time.perf_counter() - start:.1f} s")
    store = _Synthetic(bm25, {t for d in corpus for t in d}, args.chunks)

    questions = [i.question for i in load_items(args.questions) if i.category != "calculator"]
    timings: dict[str, list[float]] = {"grouped": [], "flat": []}
    for q in questions:
        groups = list(term_groups(q).values())
        flat = sorted({t for g in groups for t in g if t in store.vocabulary})
        if not flat:
            continue
        start = time.perf_counter()
        top_indices(store.grouped_keyword_scores(groups, [1.0] * len(groups)), 50)
        timings["grouped"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        top_indices(np.asarray(bm25.get_scores(flat), dtype=float), 50)
        timings["flat"].append((time.perf_counter() - start) * 1000)
    for name, ms in timings.items():
        ms.sort()
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        print(f"{name:8} {len(ms)} questions  p50 {statistics.median(ms):.1f} ms  p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()

"""The keyword index is built once, saved under the index folder and reused until the
chunks change; the retriever's per-chunk lookups follow the store."""

from __future__ import annotations

import numpy as np
import pytest

from callbot.index import KeywordIndex, Store, keyword_key
from callbot.retrieve import Retriever, top_indices
from callbot.settings import Settings
from callbot.sync import sync
from callbot.terms import tokenize


@pytest.fixture
def docs_settings(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Il programma Zefiro finanzia i cluster del Piemonte.\n")
    (docs / "b.txt").write_text("Il contributo forfettario vale 1.100 euro per scambio.\n")
    return Settings(corpus_dir=docs, index_dir=tmp_path / "index")


def _saved(store: Store) -> list[str]:
    folder = store.keyword_cache_dir()
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _no_build(monkeypatch):
    def fail(cls, chunks):
        raise AssertionError("the keyword index was rebuilt")

    monkeypatch.setattr(KeywordIndex, "build", classmethod(fail))


def test_a_new_process_loads_the_saved_index_instead_of_rebuilding(docs_settings, embedder, monkeypatch):
    sync([docs_settings.corpus_dir], docs_settings, embedder, progress=False)
    first = Store(docs_settings, embedder)
    scores = first.keyword_scores(tokenize("Zefiro"))
    assert _saved(first) == [keyword_key(first.chunks)]
    _no_build(monkeypatch)
    second = Store(docs_settings, embedder)
    assert np.array_equal(second.keyword_scores(tokenize("Zefiro")), scores)
    assert second.vocabulary == first.vocabulary


def test_added_and_deleted_chunks_are_seen_and_the_old_index_dropped(docs_settings, embedder):
    sync([docs_settings.corpus_dir], docs_settings, embedder, progress=False)
    store = Store(docs_settings, embedder)
    assert store.keyword_scores(tokenize("Libeccio")).max() == 0
    old_key = keyword_key(store.chunks)

    (docs_settings.corpus_dir / "c.txt").write_text("Il bando Libeccio chiude a marzo.\n")
    sync([docs_settings.corpus_dir], docs_settings, embedder, store=store, progress=False)
    scores = store.keyword_scores(tokenize("Libeccio"))
    hit = [c.source for c, s in zip(store.chunks, scores) if s > 0]
    assert hit == ["c.txt"] and "libecc" in store.vocabulary
    assert _saved(store) == [keyword_key(store.chunks)] != [old_key]

    (docs_settings.corpus_dir / "c.txt").unlink()
    sync([docs_settings.corpus_dir], docs_settings, embedder, store=store, progress=False)
    assert store.keyword_scores(tokenize("Libeccio")).max() == 0
    assert "libecc" not in store.vocabulary
    reopened = Store(docs_settings, embedder)  # a process that starts after the change
    assert len(reopened.keyword_scores(tokenize("Zefiro"))) == len(reopened.chunks) == 2


def test_a_broken_saved_index_is_rebuilt(docs_settings, embedder):
    sync([docs_settings.corpus_dir], docs_settings, embedder, progress=False)
    store = Store(docs_settings, embedder)
    store.keyword_scores(tokenize("Zefiro"))
    folder = store.keyword_cache_dir() / keyword_key(store.chunks)
    for f in folder.iterdir():
        f.write_bytes(b"garbage")
    again = Store(docs_settings, embedder)
    assert again.keyword_scores(tokenize("Zefiro")).max() > 0


def test_vocabulary_holds_every_stem_of_titles_sections_and_text(corpus_settings, embedder, corpus_index):
    store = Store(corpus_settings, embedder)
    expected = {t for c in store.chunks for t in tokenize(f"{c.title} {c.section} {c.text}")}
    assert store.vocabulary == expected


def test_retriever_lookups_follow_the_store(docs_settings, embedder):
    sync([docs_settings.corpus_dir], docs_settings, embedder, progress=False)
    store = Store(docs_settings, embedder)
    retriever = Retriever(store, embedder, docs_settings)
    assert [h.chunk.source for h in retriever.search("Zefiro", 1, doc="a")] == ["a.txt"]
    (docs_settings.corpus_dir / "z.txt").write_text("Il bando Zefiro bis riguarda la Puglia.\n")
    sync([docs_settings.corpus_dir], docs_settings, embedder, store=store, progress=False)
    assert [h.chunk.source for h in retriever.search("Zefiro Puglia", 1, doc="z")] == ["z.txt"]
    assert {h.chunk.source for h in retriever.search("Zefiro", 4, mode="dense")} >= {"z.txt"}


def test_top_indices_equals_a_stable_sort_of_all_scores():
    rng = np.random.default_rng(0)
    for _ in range(500):
        n = int(rng.integers(0, 200))
        scores = rng.integers(0, 5, size=n).astype(float) * (rng.random(n) < 0.5)
        expected = [i for i in np.argsort(-scores, kind="stable")[:20] if scores[i] > 0]
        assert list(top_indices(scores, 20)) == expected

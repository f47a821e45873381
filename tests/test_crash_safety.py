"""kill -9 during an ingest leaves an index that answers with whole documents, and the next
ingest finishes the work; a second writer is told the index is busy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from callbot.index import Store
from callbot.ingest import chunk_document, default_meta
from callbot.retrieve import Retriever
from callbot.settings import Settings
from callbot.sync import sync, writer_lock

CALLBOT = str(Path(sys.executable).parent / "callbot")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _write_version(docs: Path, version: str) -> None:
    texts = sorted(CORPUS.glob("*.txt"))
    for i in range(12):
        body = texts[i % len(texts)].read_text(encoding="utf-8")
        (docs / f"doc{i:02d}.txt").write_text(f"Versione {version} del documento {i}.\n{body}")


def _texts(path: Path, embedder) -> set[str]:
    meta = default_meta(path)
    return {c.text for c in chunk_document(path, meta, path.name, embedder.count_tokens, 200, 256)}


def _check_whole_documents(settings, embedder, versions) -> None:
    store = Store(settings, embedder)
    by_source: dict[str, set[str]] = {}
    for chunk in store.chunks:
        by_source.setdefault(chunk.source, set()).add(chunk.text)
    for source, texts in by_source.items():
        assert texts in versions[source], f"{source} shows a mix of versions"
    assert Retriever(store, embedder, settings).search("contributo ClusterXchange", 4)


@pytest.mark.parametrize("delay", [3.0, 4.5, 6.0, 7.5, 9.0])
def test_kill_9_mid_ingest_never_shows_half_a_document(tmp_path, embedder, delay):
    docs = tmp_path / "docs"
    docs.mkdir()
    settings = Settings(corpus_dir=docs, index_dir=tmp_path / "index")
    _write_version(docs, "A")
    old = {p.name: _texts(p, embedder) for p in docs.iterdir()}
    sync([docs], settings, embedder, progress=False)
    _write_version(docs, "B")
    new = {p.name: _texts(p, embedder) for p in docs.iterdir()}
    versions = {name: [old[name], new[name]] for name in old}

    env = dict(os.environ, CALLBOT_INDEX_DIR=str(settings.index_dir), CALLBOT_CORPUS_DIR=str(docs))
    proc = subprocess.Popen([CALLBOT, "ingest", "--quiet"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    _check_whole_documents(settings, embedder, versions)
    report = sync([docs], settings, embedder, progress=False)
    assert not report.failed
    store = Store(settings, embedder)
    assert {c.source: None for c in store.chunks}.keys() == new.keys()
    for name, texts in new.items():
        assert {c.text for c in store.chunks if c.source == name} == texts
    assert store.collection.count() == len(store.chunks), "orphan chunks left behind"


def test_a_second_writer_is_told_the_index_is_busy(tmp_path, embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Un documento.\n")
    settings = Settings(corpus_dir=docs, index_dir=tmp_path / "index")
    env = dict(os.environ, CALLBOT_INDEX_DIR=str(settings.index_dir), CALLBOT_CORPUS_DIR=str(docs))
    with writer_lock(settings):
        start = time.monotonic()
        proc = subprocess.run([CALLBOT, "ingest", "--quiet"], check=False, env=env, capture_output=True,
                              text=True, timeout=120)
        elapsed = time.monotonic() - start
    assert proc.returncode == 2
    assert "busy" in proc.stderr and "Traceback" not in proc.stderr
    assert elapsed < 60

"""Incremental ingestion: bring the index in line with the document files.

Unchanged files are skipped, changed files replaced (new chunks written before the old ones
are deleted, so a query never sees half a document), removed files' chunks deleted. A file
that cannot be read is reported by name with the reason, and the rest goes on.
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from tqdm import tqdm

from callbot.embed import Embedder
from callbot.errors import CallbotError, DocumentError, IndexBusyError
from callbot.index import Store
from callbot.ingest import (
    chunk_document,
    default_meta,
    embed_text,
    file_hash,
    find_documents,
    load_manifest,
    text_hash,
)
from callbot.models import Chunk, IngestReport
from callbot.settings import Settings

LOCK_WAIT_S = 5.0


def source_name(path: Path, corpus_dir: Path) -> str:
    try:
        return path.resolve().relative_to(corpus_dir.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _meta_for(path: Path, manifests: dict[Path, dict]):
    entry = manifests.setdefault(path.parent, load_manifest(path.parent)).get(path.name)
    return entry or default_meta(path)


def _embed_new(chunks: list[Chunk], store: Store, embedder: Embedder) -> np.ndarray:
    """Embeddings for the chunks, reusing stored vectors of any chunk with the same text."""
    hashes = [text_hash(c.text) for c in chunks]
    vectors = store.embeddings_by_text(sorted(set(hashes)))
    todo = [(h, c) for h, c in zip(hashes, chunks) if h not in vectors]
    texts = [embed_text(c.title, c.section, c.text) for _, c in todo]
    fresh = embedder.embed(texts) if todo else []
    vectors.update({h: list(v) for (h, _), v in zip(todo, fresh)})
    return np.array([vectors[h] for h in hashes], dtype=np.float32)


@contextmanager
def writer_lock(settings: Settings, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """One writer per index: a second one gets IndexBusyError within `wait_s` seconds."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.index_dir / "writer.lock", "w") as handle:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexBusyError(str(settings.index_dir)) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def sync(
    paths: list[Path],
    settings: Settings,
    embedder: Embedder,
    store: Store | None = None,
    prune: bool = True,
    progress: bool = True,
) -> IngestReport:
    """Ingest `paths` (files or folders). With `prune`, chunks of files that no longer exist
    under the given folders are deleted."""
    with writer_lock(settings):
        return _sync(paths, settings, embedder, store, prune, progress)


def _sync(paths, settings, embedder, store, prune, progress) -> IngestReport:
    store = store or Store(settings, embedder, create=True)
    report = IngestReport()
    indexed = store.sources()
    manifests: dict[Path, dict] = {}
    files = list(dict.fromkeys(find_documents(paths)))
    seen: set[str] = set()
    for path in tqdm(files, desc="Ingesting", unit="file", disable=not progress):
        source = source_name(path, settings.corpus_dir)
        seen.add(source)
        try:
            _sync_file(path, source, settings, embedder, store, indexed, manifests, report)
        except CallbotError as exc:
            reason = exc.reason if isinstance(exc, DocumentError) else str(exc)
            report.failed[str(path)] = reason
        except OSError as exc:
            report.failed[str(path)] = f"cannot be read ({exc.strerror or exc})"
    if prune:
        _prune(paths, settings, store, indexed, seen, report)
    return report


def _sync_file(path, source, settings, embedder, store, indexed, manifests, report) -> None:
    meta = _meta_for(path, manifests)
    old_hash, old_ids, hashes = indexed.get(source, ("", set(), set()))
    if old_hash and old_hash == file_hash(path, meta) and hashes <= {old_hash}:
        report.unchanged.append(source)
        return
    chunks = chunk_document(
        path,
        meta,
        source,
        embedder.count_tokens,
        settings.chunk_target_tokens,
        min(settings.chunk_max_tokens, embedder.max_tokens),
    )
    # Write the new version, make it visible in one step, then drop the old one: a crash at
    # any point leaves either version whole, and the next ingest finishes the job.
    store.add(chunks, _embed_new(chunks, store, embedder))
    store.commit(source, chunks[0].file_hash)
    stale = sorted(old_ids - {c.id for c in chunks})
    if stale:
        store.delete(stale)
    (report.updated if old_hash else report.added).append(source)
    report.chunks_written += len(chunks)


def _prune(paths, settings, store, indexed, seen, report) -> None:
    folders = [p.resolve() for p in paths if p.is_dir()]
    stale: list[str] = []
    for source, (_, ids, _hashes) in indexed.items():
        if source in seen:
            continue
        location = (settings.corpus_dir / source).resolve() if not source.startswith("/") else Path(source)
        if any(location.is_relative_to(f) for f in folders) and not location.exists():
            store.uncommit(source)
            stale.extend(ids)
            report.removed.append(source)
    if stale:
        store.delete(sorted(stale))

"""Incremental ingestion: bring the index in line with the document files.

Unchanged files are skipped, changed files replaced (new chunks written before the old ones
are deleted, so a query never sees half a document), removed files' chunks deleted. A file
that cannot be read is reported by name with the reason, and the rest goes on.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from tqdm import tqdm

from callbot.embed import Embedder
from callbot.errors import CallbotError, DocumentError
from callbot.index import Store
from callbot.ingest import (
    chunk_document,
    default_meta,
    embed_text,
    file_hash,
    find_documents,
    load_manifest,
)
from callbot.models import Chunk, IngestReport
from callbot.settings import Settings


def source_name(path: Path, corpus_dir: Path) -> str:
    try:
        return path.resolve().relative_to(corpus_dir.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _meta_for(path: Path, manifests: dict[Path, dict]):
    entry = manifests.setdefault(path.parent, load_manifest(path.parent)).get(path.name)
    return entry or default_meta(path)


def _embed_new(chunks: list[Chunk], store: Store, embedder: Embedder) -> np.ndarray:
    """Embeddings for the chunks, reusing stored vectors of chunks whose text is unchanged."""
    known = store.existing_ids([c.id for c in chunks])
    stored = store.embeddings_of(sorted(known)) if known else {}
    todo = [c for c in chunks if c.id not in stored]
    fresh = embedder.embed([embed_text(c.title, c.section, c.text) for c in todo]) if todo else []
    vectors = dict(stored)
    vectors.update({c.id: list(v) for c, v in zip(todo, fresh)})
    return np.array([vectors[c.id] for c in chunks], dtype=np.float32)


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
    old_hash, old_ids = indexed.get(source, ("", set()))
    if old_hash and old_hash == file_hash(path, meta):
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
    store.add(chunks, _embed_new(chunks, store, embedder))
    stale = sorted(old_ids - {c.id for c in chunks})
    if stale:
        store.delete(stale)
    (report.updated if old_ids else report.added).append(source)
    report.chunks_written += len(chunks)


def _prune(paths, settings, store, indexed, seen, report) -> None:
    folders = [p.resolve() for p in paths if p.is_dir()]
    stale: list[str] = []
    for source, (_, ids) in indexed.items():
        if source in seen:
            continue
        location = (settings.corpus_dir / source).resolve() if not source.startswith("/") else Path(source)
        if any(location.is_relative_to(f) for f in folders) and not location.exists():
            stale.extend(ids)
            report.removed.append(source)
    if stale:
        store.delete(sorted(stale))

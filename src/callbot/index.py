"""The chunk store (Chroma, the single source of chunk text and metadata) and the keyword
index derived from it (bm25s over Italian/English stems).

The keyword index and the vocabulary are built once and saved under
`<index_dir>/keyword/<collection>/<key>/`, where the key hashes the chunks (ids, titles,
sections, in order), the tokenizer's source and the bm25s version: a process that opens an
unchanged index loads them instead of re-tokenising every chunk, and any change to the
chunks (or to the tokenizer) makes a new key, so a stale index is never used.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from callbot.chunk import CHUNKER_VERSION
from callbot.embed import Embedder, model_slug
from callbot.errors import IndexMissingError
from callbot.ingest import text_hash
from callbot.models import Chunk
from callbot.settings import Settings
from callbot.spell import Speller
from callbot.terms import tokenize

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
CHROMA_MAX_BATCH = 1000
CHROMA_PAGE = 10_000
log = logging.getLogger(__name__)
KEYWORD_CACHE_VERSION = "1"  # bump when what the cache holds changes


def collection_name(settings: Settings) -> str:
    """Named after what shapes it: the embedding model and the chunker version."""
    return (
        f"callbot-{model_slug(settings.embed_model)}-c{CHUNKER_VERSION}"
        f"-t{settings.chunk_target_tokens}"
    )


def _client(settings: Settings, create: bool):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        m = re.match(r"^(https?)://([^:/]+)(?::(\d+))?", settings.chroma_url)
        if not m:
            from callbot.errors import SettingsError

            raise SettingsError("CALLBOT_CHROMA_URL", "must look like http://127.0.0.1:8000")
        return chromadb.HttpClient(
            host=m.group(2), port=int(m.group(3) or 8000), ssl=m.group(1) == "https",
            settings=chroma_settings,
        )
    if not create and not settings.index_dir.exists():
        raise IndexMissingError(str(settings.index_dir))
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)


def get_all(collection, include: list[str]) -> dict[str, list]:
    """Every record, a page at a time: one `get` of a large collection (about 100k chunks)
    fails in Chroma's SQLite with "too many SQL variables"."""
    out: dict[str, list] = {"ids": [], **{key: [] for key in include}}
    offset = 0
    while True:
        got = collection.get(include=include, limit=CHROMA_PAGE, offset=offset)
        for key, values in out.items():
            values.extend(got[key] or [])
        if len(got["ids"]) < CHROMA_PAGE:
            return out
        offset += CHROMA_PAGE


def _to_metadata(chunk: Chunk) -> dict[str, Any]:
    meta = chunk.model_dump(exclude={"id", "text", "calls", "page"})
    meta["calls"] = "|".join(chunk.calls)
    meta["text_hash"] = text_hash(chunk.text)
    if chunk.page is not None:
        meta["page"] = chunk.page
    return meta


_CHUNK_FIELDS = frozenset(Chunk.model_fields) - {"calls"}  # looked up once, not per record


def _from_record(cid: str, text: str, meta: dict[str, Any]) -> Chunk:
    calls = [c for c in str(meta.get("calls", "")).split("|") if c]
    fields = {k: v for k, v in meta.items() if k in _CHUNK_FIELDS}
    return Chunk(id=cid, text=text, calls=calls, **fields)


class Store:
    """One Chroma collection of chunks plus the derived keyword index."""

    def __init__(self, settings: Settings, embedder: Embedder, create: bool = False):
        self.settings = settings
        self.embedder = embedder
        client = _client(settings, create)
        name = collection_name(settings)
        if create:
            self.collection = client.get_or_create_collection(
                name, embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
        else:
            try:
                self.collection = client.get_collection(name, embedding_function=None)
            except Exception as exc:  # chromadb raises NotFoundError / ValueError by version
                raise IndexMissingError(f"{settings.index_dir} (collection {name})") from exc
        # Which version (file hash) of each source is complete: chunks of other versions are
        # invisible, so a crash mid-ingest never shows half a document.
        self.commits = client.get_or_create_collection(f"{name}-commits", embedding_function=None)

    def committed(self) -> dict[str, str]:
        got = get_all(self.commits, ["metadatas"])
        return {sid: m["file_hash"] for sid, m in zip(got["ids"], got["metadatas"] or [])}

    def commit(self, source: str, fhash: str) -> None:
        self.commits.upsert(ids=[source], metadatas=[{"file_hash": fhash}], embeddings=[[1.0]])
        self._invalidate()

    def uncommit(self, source: str) -> None:
        self.commits.delete(ids=[source])
        self._invalidate()

    # --- writing -------------------------------------------------------------------------
    def sources(self) -> dict[str, tuple[str, set[str], set[str]]]:
        """source → (committed file hash, ids of all its chunks, file hashes present), for
        everything indexed, committed or left behind by an interrupted ingest."""
        got = get_all(self.collection, ["metadatas"])
        committed = self.committed()
        out: dict[str, tuple[str, set[str], set[str]]] = {
            s: (h, set(), set()) for s, h in committed.items()
        }
        for cid, meta in zip(got["ids"], got["metadatas"] or []):
            _, ids, hashes = out.setdefault(meta["source"], ("", set(), set()))
            ids.add(cid)
            hashes.add(meta.get("file_hash", ""))
        return out

    def add(self, chunks: list[Chunk], embeddings: np.ndarray) -> None:
        for i in range(0, len(chunks), CHROMA_MAX_BATCH):
            part = chunks[i : i + CHROMA_MAX_BATCH]
            self.collection.upsert(
                ids=[c.id for c in part],
                documents=[c.text for c in part],
                metadatas=[_to_metadata(c) for c in part],
                embeddings=embeddings[i : i + CHROMA_MAX_BATCH].tolist(),
            )
        self._invalidate()

    def _invalidate(self) -> None:
        for name in ("_keyword", "chunks", "_version", "_count", "speller", "_doc_stems"):
            self.__dict__.pop(name, None)

    def _count_as_loaded(self) -> int:
        """count() as of the last change made through this Store, like `chunks`: Chroma's
        count takes ~12 ms at 100k chunks, too much to pay on every query."""
        if "_count" not in self.__dict__:
            self.__dict__["_count"] = self.count()
        return self.__dict__["_count"]

    def update_metadata(self, chunks: list[Chunk]) -> None:
        for i in range(0, len(chunks), CHROMA_MAX_BATCH):
            part = chunks[i : i + CHROMA_MAX_BATCH]
            self.collection.update(
                ids=[c.id for c in part], metadatas=[_to_metadata(c) for c in part]
            )
        self._invalidate()  # titles and sections feed the keyword index

    def embeddings_by_text(self, hashes: list[str]) -> dict[str, list[float]]:
        """Stored vectors of chunks with these text hashes (embedding cache by content)."""
        found: dict[str, list[float]] = {}
        for i in range(0, len(hashes), CHROMA_MAX_BATCH):
            try:
                got = self.collection.get(
                    where={"text_hash": {"$in": hashes[i : i + CHROMA_MAX_BATCH]}},
                    include=["embeddings", "metadatas"],
                )
            except Exception as exc:  # noqa: BLE001 - a cache miss, e.g. after a killed writer
                log.warning("embedding cache lookup failed (%s); embedding afresh", exc)
                continue
            for meta, vector in zip(got["metadatas"], got["embeddings"]):
                found[meta["text_hash"]] = list(vector)
        return found

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), CHROMA_MAX_BATCH):
            self.collection.delete(ids=ids[i : i + CHROMA_MAX_BATCH])
        self._invalidate()

    # --- reading -------------------------------------------------------------------------
    def count(self) -> int:
        return self.collection.count()

    def all_chunks(self) -> list[Chunk]:
        got = get_all(self.collection, ["documents", "metadatas"])
        committed = self.committed()
        chunks = [
            _from_record(cid, text, meta)
            for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])
            if committed.get(meta["source"]) == meta.get("file_hash")
        ]
        return sorted(chunks, key=lambda c: (c.source, c.position))

    def document_text(self, doc_id: str) -> str | None:
        """The indexed text of one document, chunks in order (for quote checks)."""
        parts = [c.text for c in self.chunks if c.doc_id == doc_id]
        return "\n".join(parts) if parts else None

    def version(self) -> str:
        """Changes whenever the indexed chunks change (for caches and the audit log)."""
        if "_version" not in self.__dict__:
            ids = sorted(c.id for c in self.chunks)
            self.__dict__["_version"] = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:12]
        return self.__dict__["_version"]

    @cached_property
    def chunks(self) -> list[Chunk]:
        return self.all_chunks()

    @cached_property
    def _keyword(self) -> KeywordIndex:
        if not self.chunks:
            return KeywordIndex(None, set())
        folder = self.keyword_cache_dir() / keyword_key(self.chunks)
        cached = KeywordIndex.load(folder, len(self.chunks))
        if cached is not None:
            return cached
        built = KeywordIndex.build(self.chunks)
        built.save(folder)
        return built

    @cached_property
    def _doc_stems(self) -> dict[str, frozenset[str]]:
        stems: dict[str, set[str]] = {}
        for c in self.chunks:
            stems.setdefault(c.doc_id, set()).update(tokenize(f"{c.title} {c.section} {c.text}"))
        return {doc: frozenset(s) for doc, s in stems.items()}

    def doc_stems(self, doc_id: str) -> frozenset[str]:
        """Every stem of one document (built on first use, for all documents at once)."""
        return self._doc_stems.get(doc_id, frozenset())

    @cached_property
    def speller(self) -> Speller:
        """Reads a question's typos as words of the documents or the glossary."""
        chunks = self.chunks
        return Speller(self.vocabulary, lambda: (f"{c.title} {c.section} {c.text}" for c in chunks))

    def keyword_cache_dir(self) -> Path:
        """Where this collection's keyword indexes are saved (one per chunk-set key)."""
        return self.settings.index_dir / "keyword" / collection_name(self.settings)

    @property
    def vocabulary(self) -> set[str]:
        """Every stem of the indexed text (titles included)."""
        return self._keyword.vocabulary

    def keyword_scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk (in `self.chunks` order) for the query tokens."""
        if not self.chunks or not tokens:
            return np.zeros(len(self.chunks))
        return np.asarray(self._keyword.bm25.get_scores(tokens), dtype=float)

    def grouped_keyword_scores(self, groups: list[set[str]], weights: list[float]) -> np.ndarray:
        """BM25 score of every chunk where each group of stems counts as one query term (the
        best-scoring stem of the group counts, so a word with many translations does not
        outweigh a word with one), times the group's weight."""
        total = np.zeros(len(self.chunks))
        if not self.chunks:
            return total
        vocabulary = self.vocabulary
        for group, weight in zip(groups, weights, strict=True):
            known = sorted(t for t in group if t in vocabulary)
            if known and weight:
                per_stem = [np.asarray(self._keyword.bm25.get_scores([t]), dtype=float) for t in known]
                total += weight * np.max(per_stem, axis=0)
        return total

    def dense_search(self, embedding: np.ndarray, k: int, where: dict | None = None):
        """(chunk id, cosine similarity) best first."""
        n = min(k, self._count_as_loaded())
        if n == 0:
            return []
        got = self.collection.query(
            query_embeddings=[embedding.tolist()], n_results=n, where=where, include=["distances"]
        )
        return [(cid, 1.0 - d) for cid, d in zip(got["ids"][0], got["distances"][0])]


def keyword_key(chunks: list[Chunk]) -> str:
    """Changes with the chunks (ids, titles, sections, order), the tokenizer and bm25s."""
    import bm25s

    from callbot import terms

    h = hashlib.sha256(f"{KEYWORD_CACHE_VERSION}\x1f{bm25s.__version__}\x1f".encode())
    h.update(Path(terms.__file__).read_bytes())
    for c in chunks:
        h.update(f"{c.id}\x1f{c.title}\x1f{c.section}\x1e".encode())
    return h.hexdigest()[:20]


@dataclass
class KeywordIndex:
    """BM25 over the chunks' section + text, and the stems of the whole index (titles too)."""

    bm25: Any
    vocabulary: set[str]

    @classmethod
    def build(cls, chunks: list[Chunk]) -> KeywordIndex:
        import bm25s

        corpus = [tokenize(f"{c.section} {c.text}") for c in chunks]
        vocabulary = {t for doc in corpus for t in doc}
        vocabulary.update(t for title in {c.title for c in chunks} for t in tokenize(title))
        bm25 = bm25s.BM25()
        bm25.index(corpus, show_progress=False)
        return cls(bm25, vocabulary)

    def save(self, folder: Path) -> None:
        """Write to a temporary folder, then rename it into place; drop older keys."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
        try:
            self.bm25.save(str(work), show_progress=False)
            (work / "vocabulary.json").write_text(
                json.dumps(sorted(self.vocabulary), ensure_ascii=False), encoding="utf-8"
            )
            work.chmod(0o755)
            work.rename(folder)
        except OSError:
            pass  # read-only index folder or another process saved it first: still usable
        finally:
            shutil.rmtree(work, ignore_errors=True)
        for old in folder.parent.iterdir():
            if old.name != folder.name and not old.name.startswith(".tmp-"):
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path, n_chunks: int) -> KeywordIndex | None:
        """The saved index, or None when it is missing, unreadable or of another size."""
        import bm25s

        try:
            bm25 = bm25s.BM25.load(str(folder), show_progress=False)
            vocabulary = set(json.loads((folder / "vocabulary.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError):
            return None
        if bm25.scores.get("num_docs") != n_chunks:
            return None
        return cls(bm25, vocabulary)

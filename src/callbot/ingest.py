"""Read documents (PDF, txt, md), clean them and cut them into chunks."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml
from pydantic import ValidationError

from callbot.chunk import build_units, pack
from callbot.clean import clean_lines, vocabulary
from callbot.errors import DocumentError, ManifestError
from callbot.models import Chunk, DocumentMeta

SUPPORTED = {".pdf", ".txt", ".md"}
MANIFEST = "manifest.yaml"


def load_manifest(corpus_dir: Path) -> dict[str, DocumentMeta]:
    """Manifest entries by file name; an absent manifest is an empty one."""
    path = corpus_dir / MANIFEST
    if not path.exists():
        return {}
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entries = [DocumentMeta.model_validate(d) for d in raw.get("documents", [])]
    except (yaml.YAMLError, ValidationError, AttributeError) as exc:
        raise ManifestError(str(path), f"cannot be read ({exc}). Fix the entry it names.") from exc
    return {e.file: e for e in entries}


def find_documents(paths: list[Path]) -> Iterator[Path]:
    """Supported files under the given paths (files or folders), rules folders skipped."""
    for path in paths:
        if path.is_file():
            yield path
        elif path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and p.suffix.lower() in SUPPORTED and "rules" not in p.parts:
                    yield p


def default_meta(path: Path, title: str | None = None) -> DocumentMeta:
    stem = path.stem
    return DocumentMeta(
        file=path.name,
        id=stem,
        title=title or stem.replace("-", " ").replace("_", " "),
        kind="document",
    )


def read_pages(path: Path) -> list[tuple[int | None, str]]:
    """Text of each page (PDF) or of the whole file (txt/md, page None)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(str(path), f"unsupported file type '{suffix}' (use PDF, txt or md)")
    if suffix == ".pdf":
        from callbot.pdf import read_pdf_pages

        return read_pdf_pages(path)
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError(str(path), "the file is empty")
    try:
        return [(None, data.decode("utf-8"))]
    except UnicodeDecodeError:
        return [(None, data.decode("latin-1"))]


def file_hash(path: Path, meta: DocumentMeta) -> str:
    h = hashlib.sha256(path.read_bytes())
    h.update(json.dumps(meta.model_dump(), sort_keys=True).encode())
    return h.hexdigest()[:32]


def chunk_id(doc_id: str, fhash: str, text: str) -> str:
    """Content hash of the chunk and of the file version it belongs to, so two versions of a
    document never share an id (see sync.py on crash safety)."""
    return hashlib.sha256(f"{doc_id}\n{fhash}\n{text}".encode()).hexdigest()[:24]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def embed_text(title: str, section: str, text: str) -> str:
    """What the embedding model sees for a chunk (and what its token limit applies to)."""
    return f"{section}\n{text}" if section and not text.startswith(section) else text


def chunk_document(
    path: Path,
    meta: DocumentMeta,
    source: str,
    count_tokens: Callable[[str], int],
    target: int,
    limit: int,
) -> list[Chunk]:
    """A document file → cleaned, structure-aware chunks with stable content-hash ids."""
    pages = read_pages(path)
    vocab = vocabulary("\n".join(text for _, text in pages))
    lines: list[tuple[int | None, str]] = []
    for page, raw in pages:
        cleaned, notes = clean_lines(raw, vocab)
        lines += [(page, line) for line in cleaned]
        lines += [(page, ""), (page, "Note e fonti:")] + [(page, n) for n in notes] if notes else []
    units = build_units(lines)
    if not units:
        raise DocumentError(str(path), "no text could be extracted (is it a scanned image?)")

    def counter(section: str, text: str) -> int:
        return count_tokens(embed_text(meta.title, section, text))

    fhash = file_hash(path, meta)
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for piece in pack(units, counter, target, limit):
        cid = chunk_id(meta.id, fhash, piece.text)
        if cid in seen:
            continue
        seen.add(cid)
        chunks.append(
            Chunk(
                id=cid,
                doc_id=meta.id,
                title=meta.title,
                source=source,
                page=piece.page,
                section=piece.section[:200],
                text=piece.text,
                position=len(chunks),
                calls=meta.calls,
                kind=meta.kind,
                file_hash=fhash,
            )
        )
    return chunks

"""Ingestion over real files: generated PDFs (good, broken, random, empty), text, updates."""

from __future__ import annotations

import os
import re

import pytest

from callbot.index import Store
from callbot.ingest import chunk_document, default_meta, embed_text, load_manifest
from callbot.settings import Settings
from callbot.sync import sync


def make_pdf(path, pages: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))


@pytest.fixture
def settings(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    return Settings(corpus_dir=docs, index_dir=tmp_path / "index")


def test_corpus_chunks_fit_the_model_limit_and_keep_the_lump_sum_table(embedder, corpus_settings):
    manifest = load_manifest(corpus_settings.corpus_dir)
    assert len(manifest) == 5
    for name, meta in manifest.items():
        chunks = chunk_document(
            corpus_settings.corpus_dir / name, meta, name, embedder.count_tokens, 200, 256
        )
        assert chunks, name
        for c in chunks:
            assert embedder.count_tokens(embed_text(c.title, c.section, c.text)) <= 256
        assert len({c.id for c in chunks}) == len(chunks)
        if meta.id == "cosme-cluster-2018":
            table = [c for c in chunks if "Distance ≥ 200 km" in c.text]
            assert len(table) == 1
            assert "Stay < 5 working days" in table[0].text
            assert table[0].text.count("lump sum") == 4


def test_bad_files_are_named_with_a_reason_and_the_good_one_is_searchable(settings, embedder):
    docs = settings.corpus_dir
    make_pdf(docs / "good.pdf", ["Il contributo forfettario del programma Zefiro vale 777 euro."])
    (docs / "random.pdf").write_bytes(os.urandom(4096))
    (docs / "empty.pdf").write_bytes(b"")
    good = (docs / "good.pdf").read_bytes()
    (docs / "broken.pdf").write_bytes(good[: len(good) // 3])
    report = sync([docs], settings, embedder, progress=False)
    assert report.added == ["good.pdf"]
    assert set(report.failed) == {str(docs / n) for n in ("random.pdf", "empty.pdf", "broken.pdf")}
    assert "empty" in report.failed[str(docs / "empty.pdf")]
    assert all(reason for reason in report.failed.values())
    store = Store(settings, embedder)
    chunk = store.chunks[0]
    assert chunk.page == 1 and "Zefiro" in chunk.text and chunk.title == "good"


def test_pdf_pages_are_kept(settings, embedder):
    make_pdf(settings.corpus_dir / "two.pdf", ["Prima pagina sui cluster.", "Seconda pagina: scadenza."])
    sync([settings.corpus_dir], settings, embedder, progress=False)
    pages = {c.page for c in Store(settings, embedder).chunks}
    assert pages == {1, 2}


def test_incremental_ingest_skips_replaces_and_removes(settings, embedder):
    docs = settings.corpus_dir
    (docs / "a.txt").write_text("Primo documento sui poli di innovazione del Piemonte.\n")
    (docs / "b.md").write_text("# Titolo\n\nSecondo documento sul budget di 3.600.000 euro.\n")
    first = sync([docs], settings, embedder, progress=False)
    assert sorted(first.added) == ["a.txt", "b.md"]
    again = sync([docs], settings, embedder, progress=False)
    assert sorted(again.unchanged) == ["a.txt", "b.md"] and again.chunks_written == 0
    (docs / "a.txt").write_text("Primo documento, riscritto: i poli sono dodici.\n")
    (docs / "b.md").unlink()
    third = sync([docs], settings, embedder, progress=False)
    assert third.updated == ["a.txt"] and third.removed == ["b.md"]
    texts = [c.text for c in Store(settings, embedder).chunks]
    assert texts == ["Primo documento, riscritto: i poli sono dodici."]


def test_unsupported_and_unreadable_files_do_not_stop_the_batch(settings, embedder):
    docs = settings.corpus_dir
    (docs / "ok.txt").write_text("Testo valido sul bando.\n")
    bad = docs / "latin.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    report = sync([docs, docs / "missing.pdf"], settings, embedder, progress=False)
    assert "ok.txt" in report.added


def test_default_meta_uses_the_file_name_as_title(tmp_path):
    meta = default_meta(tmp_path / "quality-manual_v2.pdf")
    assert meta.title == "quality manual v2" and meta.kind == "document"
    assert re.fullmatch(r"[\w-]+", meta.id)

"""Adding documents from the web app: the admin login and upload → incremental ingestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.admin import (
    AdminSettings,
    add_documents,
    check_password,
    login_enabled,
    safe_name,
    store_upload,
)
from callbot.embed import get_embedder
from callbot.errors import DocumentError
from callbot.index import Store
from callbot.settings import Settings

TEXT = ("Bando di prova per il test\n\nIl contributo per le startup del distretto "
        "ittico di prova è di 4.321 euro per impresa.\n")


def test_password_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("CALLBOT_ADMIN_PASSWORD", raising=False)
    assert not login_enabled(AdminSettings())
    assert not check_password("", AdminSettings())
    monkeypatch.setenv("CALLBOT_ADMIN_PASSWORD", "s3cret")
    monkeypatch.setenv("CALLBOT_MAX_UPLOAD_MB", "0.5")
    admin = AdminSettings()
    assert login_enabled(admin)
    assert check_password("s3cret", admin)
    assert not check_password("s3cret ", admin) and not check_password("", admin)
    assert admin.max_bytes == 512 * 1024
    assert "s3cret" not in repr(admin)


def test_safe_names():
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("C:\\Users\\me\\Bando 2019 (v2).pdf") == "Bando_2019_v2_.pdf"
    assert safe_name("...") == "document"


def test_uploads_are_checked_for_type_and_size(tmp_path):
    source = tmp_path / "upload.bin"
    source.write_bytes(b"x" * 2048)
    with pytest.raises(DocumentError, match="unsupported file type '.exe'"):
        store_upload(source, "tool.exe", tmp_path / "uploads", 10_000)
    with pytest.raises(DocumentError, match="over the limit"):
        store_upload(source, "big.txt", tmp_path / "uploads", 1024)
    target = store_upload(source, "../ok.txt", tmp_path / "uploads", 10_000)
    assert target == tmp_path / "uploads" / "ok.txt" and target.read_bytes() == b"x" * 2048


def test_added_documents_are_ingested_incrementally(tmp_path):
    settings = Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus")
    admin = AdminSettings(admin_password="x", upload_dir=tmp_path / "corpus" / "uploads")
    embedder = get_embedder(settings.embed_model, settings.embed_batch_size)
    store = Store(settings, embedder, create=True)
    good = tmp_path / "gradio-tmp-1"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "gradio-tmp-2"
    bad.write_bytes(b"MZ")
    seen: list[tuple[int, int, str]] = []

    report = add_documents([(good, "bando prova.txt"), (bad, "virus.exe")], settings, admin,
                           embedder, store, lambda i, n, name: seen.append((i, n, name)))
    assert report.added == ["uploads/bando_prova.txt"]
    assert list(report.failed) == ["virus.exe"] and report.chunks_written >= 1
    assert seen[0] == (0, 2, "bando prova.txt") and seen[-1] == (2, 2, "done")
    assert any("4.321 euro" in c.text for c in store.chunks)  # the live store sees it

    again = add_documents([(good, "bando prova.txt")], settings, admin, embedder, store)
    assert again.unchanged == ["uploads/bando_prova.txt"] and again.chunks_written == 0
    assert Path(admin.uploads(settings), "bando_prova.txt").exists()

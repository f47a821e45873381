"""Shared fixtures: a real index of the real corpus, built once per test session in a temp dir
with the real bundled embedding model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory):
    from callbot.settings import Settings

    index_dir = tmp_path_factory.mktemp("index")
    return Settings(corpus_dir=CORPUS, index_dir=index_dir, audit_log=index_dir / "audit.jsonl")


@pytest.fixture(scope="session")
def embedder(corpus_settings):
    from callbot.embed import get_embedder

    return get_embedder(corpus_settings.embed_model)


@pytest.fixture(scope="session")
def corpus_index(corpus_settings, embedder):
    """The corpus ingested once; returns the ingest report."""
    from callbot.sync import sync

    report = sync([CORPUS], corpus_settings, embedder, progress=False)
    assert not report.failed, report.failed
    return report


@pytest.fixture(scope="session")
def assistant(corpus_settings, embedder, corpus_index):
    from callbot.chat import Assistant

    return Assistant(corpus_settings, embedder)


@pytest.fixture
def cli_env(corpus_settings, corpus_index):
    env = dict(os.environ)
    env["CALLBOT_INDEX_DIR"] = str(corpus_settings.index_dir)
    env["CALLBOT_CORPUS_DIR"] = str(CORPUS)
    return env

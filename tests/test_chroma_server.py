"""Client/server mode: callbot against a real `chroma run` on loopback, two processes sharing
it, one ingesting while the other answers."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from callbot.chat import Assistant
from callbot.settings import Settings
from callbot.sync import sync

BIN = Path(sys.executable).parent
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_url(tmp_path):
    port = _free_port()
    proc = subprocess.Popen(
        [str(BIN / "chroma"), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma run did not start within 60 s")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=20)


def test_same_answers_from_a_chroma_server_while_another_process_ingests(
    tmp_path, chroma_url, embedder
):
    settings = Settings(corpus_dir=CORPUS, index_dir=tmp_path / "local", chroma_url=chroma_url)
    report = sync([CORPUS], settings, embedder, progress=False)
    assert len(report.added) == 5
    assistant = Assistant(settings, embedder)
    answer = assistant.ask("Qual è il contributo massimo per organizzazione in ClusterXchange?")
    assert not answer.refused and "1.100 euro" in answer.answer

    extra = tmp_path / "extra"
    extra.mkdir()
    for i in range(6):
        (extra / f"nota{i}.txt").write_text(f"Nota {i}: il polo Zefiro{i} organizza eventi.\n" * 20)
    env = dict(os.environ, CALLBOT_CHROMA_URL=chroma_url, CALLBOT_INDEX_DIR=str(tmp_path / "w"),
               CALLBOT_CORPUS_DIR=str(extra))
    writer = subprocess.Popen([str(BIN / "callbot"), "ingest", "--quiet", "--no-prune"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answered = 0
    while writer.poll() is None:
        assert not assistant.ask("Quando scade il bando?").refused
        answered += 1
        time.sleep(0.2)
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    assert "6 added" in out
    reader = subprocess.run(
        [str(BIN / "callbot"), "search", "polo Zefiro3", "--json", "--k", "1"],
        check=False,
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert json.loads(reader.stdout.splitlines()[0])["source"].endswith("nota3.txt")
    assert answered >= 1

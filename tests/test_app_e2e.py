"""End to end: app.py runs as a subprocess on a free port over an index built here, and
headless Chromium (Debian's, never a downloaded one) uses each tab like a person would.

Screenshots of every tab are saved in the test's temporary folder (printed with -s)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from callbot.embed import get_embedder
from callbot.notices import long_date
from callbot.rules.loader import load_ruleset
from callbot.settings import Settings
from callbot.sync import sync

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update",
                 "--disable-sync"]
START_TIMEOUT_S = 180
STEP_TIMEOUT_MS = 60_000
OUTSIDE: list[str] = []  # requests the page made to anything but the app
QUESTION = "Qual è il contributo massimo per ogni organizzazione che partecipa a uno scambio?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"app.py exited with code {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"app.py did not answer on {url} within {START_TIMEOUT_S} s:\n"
                f"{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """(url, folder) of a running app.py over a fresh index of the corpus."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}, so the browser test cannot run. "
                    "Install Debian's build with `make browser` (apt-get install -y chromium "
                    "chromium-driver); the test never downloads a browser.")
    folder = tmp_path_factory.mktemp("app")
    settings = Settings(index_dir=folder / "index", corpus_dir=CORPUS)
    embedder = get_embedder(settings.embed_model, settings.embed_batch_size)
    assert not sync([CORPUS], settings, embedder, progress=False).failed
    port = free_port()
    env = {**os.environ, "CALLBOT_INDEX_DIR": str(folder / "index"),
           "CALLBOT_CORPUS_DIR": str(CORPUS), "CALLBOT_AUDIT_LOG": str(folder / "audit.jsonl"),
           "CALLBOT_ADMIN_PASSWORD": "e2e-admin", "CALLBOT_UPLOAD_DIR": str(folder / "uploads"),
           "CALLBOT_LLM": "none", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    log = folder / "app.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, proc, log)
        yield url, folder
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def page(app):
    from playwright.sync_api import sync_playwright

    url, folder = app
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                     headless=True)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        tab.set_default_timeout(STEP_TIMEOUT_MS)
        tab.on("request", lambda r: None if r.url.startswith(
            (url.rstrip("/"), "data:", "blob:")) else OUTSIDE.append(r.url))
        tab.goto(url)
        tab.wait_for_selector("#chat-input textarea")
        yield tab
        browser.close()
    print(f"\nScreenshots in {folder}")


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()


def shoot(page, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def test_chat_answers_with_citations_and_logs_first(app, page):
    _, folder = app
    open_tab(page, "Chat")
    page.fill("#chat-input textarea", QUESTION)
    page.press("#chat-input textarea", "Enter")
    page.wait_for_selector("#sources .cb-card mark")
    bot = page.inner_text("#chatbot")
    assert "Secondo i documenti" in bot and "[1]" in bot and "550 euro" in bot
    assert "Nota sul bando COSME" in page.inner_text("#sources")
    assert "assistente automatico" in page.inner_text("body")  # the notice is visible
    records = [json.loads(line) for line in (folder / "audit.jsonl").read_text().splitlines()]
    answer = next(r for r in records if r["question"] == QUESTION)
    assert answer["kind"] == "answer" and answer["citations"] and answer["index_version"]
    assert answer["backend"] == "extractive" and "550 euro" in answer["answer"]


def test_chat_says_when_the_call_closed(app, page):
    deadline = load_ruleset(CORPUS / "rules" / "COS-CLUSTER-2018-03-02.yaml").call.calendar
    closed_on = long_date(deadline.deadline.at, "it")
    page.fill("#chat-input textarea", "Possiamo ancora presentare una proposta?")
    page.press("#chat-input textarea", "Enter")
    page.wait_for_function(
        "t => document.querySelector('#chatbot').innerText.includes(t)", arg=closed_on)
    assert f"Il bando si è chiuso il {closed_on}" in page.inner_text("#chatbot")
    page.wait_for_selector("#sources .cb-card")  # the stream has ended
    shoot(page, app[1], "1-chat")


def test_lump_sum_form(app, page):
    open_tab(page, "Calculators")
    page.fill("#ls-km input", "800")
    page.fill("#ls-days input", "6")
    page.click("#ls-compute")
    page.wait_for_selector("#ls-result h3")
    assert page.inner_text("#ls-result h3").startswith("1,100 EUR")
    result = page.inner_text("#ls-result")
    assert "Rules applied" in result and "superare i 1.100 euro (lump sum)" in result
    shoot(page, app[1], "2-calculators")


def test_wrong_helpdesk_reply_is_flagged(app, page):
    open_tab(page, "Check an answer")
    page.fill("#ck-question textarea", "How much is the lump sum?")
    page.fill("#ck-reply textarea", "You get 550 EUR for a 6-day stay 800 km away.")
    page.click("#ck-go")
    page.wait_for_selector("#ck-result .cb-sentence")
    result = page.inner_text("#ck-result")
    assert "contradicted" in result and "Correct: 1,100 EUR" in result
    assert "superare i 1.100 euro (lump sum)" in result
    shoot(page, app[1], "3-check")


def test_proposal_checklist_and_draft(app, page):
    open_tab(page, "Proposal sections")
    page.click("#pr-section input")
    page.get_by_role("option", name="ClusterXchange implementation").click()
    page.wait_for_function(
        "() => document.querySelector('#pr-list').innerText.includes('Promotion of the programme')")
    page.fill("#pr-draft textarea", "We will promote the programme through newsletters. "
                                    "Applications are evaluated by a committee.")
    page.click("#pr-go")
    page.wait_for_selector("#pr-result .cb-sentence")
    assert "2 of 14 requirements covered" in page.inner_text("#pr-result")
    shoot(page, app[1], "4-proposal")


def test_admin_needs_the_password(app, page):
    open_tab(page, "Admin")
    page.fill("#ad-password input", "wrong")
    page.click("#ad-login")
    page.wait_for_selector("text=Wrong password.")
    page.fill("#ad-password input", "e2e-admin")
    page.click("#ad-login")
    page.wait_for_selector("#ad-add")
    upload = app[1] / "nuovo-bando.txt"
    upload.write_text("Nuovo bando di prova\n\nIl voucher per le imprese del distretto ittico "
                      "di prova vale 4.321 euro per impresa.\n", encoding="utf-8")
    page.set_input_files("#ad-files input[type=file]", str(upload))
    page.wait_for_selector("#ad-files :text('nuovo-bando.txt')")
    before = page.inner_text("#ad-info")
    page.click("#ad-add")
    page.wait_for_function(
        "() => document.querySelector('#ad-report textarea').value.includes('1 added')")
    page.wait_for_function("b => document.querySelector('#ad-info').innerText !== b", arg=before)
    assert (app[1] / "uploads" / "nuovo-bando.txt").exists()
    shoot(page, app[1], "5-admin")
    open_tab(page, "Chat")  # the running assistant finds the new document at once
    page.fill("#chat-input textarea", "Quanto vale il voucher per le imprese del distretto ittico?")
    page.press("#chat-input textarea", "Enter")
    page.wait_for_function(
        "() => document.querySelector('#chatbot').innerText.includes('4.321 euro')")


def test_nothing_was_fetched_from_outside(page):
    assert OUTSIDE == [], f"the page fetched from outside 127.0.0.1: {OUTSIDE}"

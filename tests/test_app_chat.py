"""The app's handlers without a browser: the audit record is on disk before the first chunk
of an answer is shown, errors are sentences, feedback points at its answer."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from callbot.admin import AdminSettings
from callbot.audit import AuditLog
from callbot.chat import Conversation
from callbot.check import checker_for
from callbot.proposal import default_checklists

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def app_module():
    spec = importlib.util.spec_from_file_location("callbot_app", ROOT / "app.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["callbot_app"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def svc(app_module, assistant, corpus_settings, tmp_path):
    """The app's services over the session index, with an audit log of its own."""
    services = object.__new__(app_module.Services)
    services.settings = corpus_settings
    services.assistant = assistant
    services.checker = checker_for(assistant)
    services.audit = AuditLog(tmp_path / "audit.jsonl")
    services.admin = AdminSettings(admin_password=None)
    services.checklists = default_checklists()
    return services


def test_the_answer_is_logged_before_it_is_shown(app_module, svc):
    question = "Qual è il contributo massimo per ogni organizzazione che partecipa a uno scambio?"
    ids: dict = {}
    stream = app_module.chat_reply(svc, question, [], Conversation(), ids)
    history, _, _, _ = next(stream)  # the first piece the user sees
    (record,) = svc.audit.records()
    assert record["question"] == question and record["citations"]
    assert record["index_version"] == svc.version()
    assert history[0] == {"role": "user", "content": question}
    *_, (history, box, sources, ids) = stream
    assert record["answer"] in history[-1]["content"] and box == ""
    assert "cb-card" in sources and "<mark>" in sources
    assert ids == {1: record["id"]}


def test_applying_now_gets_the_closing_date(app_module, svc):
    *_, (history, _, _, _) = app_module.chat_reply(
        svc, "Posso ancora presentare domanda?", [], Conversation(), {})
    assert "Il bando si è chiuso il 4 aprile 2019" in history[-1]["content"]


def test_a_too_long_question_is_a_sentence_and_is_logged(app_module, svc):
    question = "lump sum " * 200
    ids: dict = {}
    (history, _, sources, ids), = list(
        app_module.chat_reply(svc, question, [], Conversation(), ids))
    assert "the limit is 1000" in history[-1]["content"] and "cb-error" in sources
    (record,) = svc.audit.records()
    assert record["error"].startswith("question: it has") and ids == {1: record["id"]}


def test_feedback_and_comment_point_at_the_answer(app_module, svc):
    class Like:
        index, liked = 1, False

    ids = {1: svc.audit.append(app_module.error_record("q", "e", None))}
    assert "recorded" in app_module.like(svc, ids, Like())
    status, box = app_module.comment(svc, ids, "La fonte è sbagliata.")
    assert "recorded" in status and box == ""
    rating, note = svc.audit.records()[1:]
    assert rating["answer_id"] == note["answer_id"] == ids[1]
    assert rating["rating"] == "down" and note["comment"] == "La fonte è sbagliata."
    assert app_module.comment(svc, {}, "x")[0] == "Ask a question first."


def test_forms_log_their_inputs_and_show_errors_as_sentences(app_module, svc):
    html = app_module.run_form(
        svc, "exchanges", lambda: app_module.forms.exchanges_form(100, 60, 10),
        app_module.exchanges_head, "en")
    assert "some quotas not met" in html and "Rules applied" not in html
    (record,) = svc.audit.records()
    assert record["kind"] == "calculator" and record["tool"]["inputs"]["with_smes"] == 60
    assert record["tool"]["result"]["all_met"] is False
    error = app_module.run_form(
        svc, "lump_sum", lambda: app_module.forms.lump_sum_form(
            "distance", "", "", None, "working days", "", "", 0, 6, ""),
        app_module.lump_head, "en")
    assert "cb-error" in error and "distance_km" in error


def test_check_reply_handler(app_module, svc):
    html = app_module.check_reply(svc, *app_module.WRONG_REPLY)
    assert "contraddetta" in html and "1.100 euro" in html
    record = svc.audit.records()[-1]
    assert record["kind"] == "check" and record["tool"]["name"] == "check_reply"
    assert json.dumps(record["tool"]["result"]).count("contradicted") >= 2
    assert "cb-error" in app_module.check_reply(svc, "q", "   ")

"""The audit log: one JSON line per record whatever the text, append-only, thread-safe."""

from __future__ import annotations

import json
import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from callbot.audit import (
    AuditLog,
    AuditRecord,
    FeedbackRecord,
    answer_record,
    error_record,
    to_line,
    tool_record,
)
from callbot.models import Answer, Citation, GuardEvent, ToolCall

NASTY = "riga 1\r\nriga 2\nriga 3\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e fine «€» \"q\" \\ \x00"


def _answer(question: str = "Quanto vale il lump sum?", text: str = "1.100 euro [1]") -> Answer:
    citation = Citation(n=1, title="Nota", source="a.txt", page=None, section="Budget",
                        chunk_id="abc123", text="passo", quote="passo")
    return Answer(
        question=question, answer=text, citations=[citation], refused=False, language="it",
        tool=ToolCall(name="lump_sum", inputs={"distance_km": 800, "working_days": 6},
                      result={"amount_eur": 1100}),
        backend="extractive",
        guard_events=[GuardEvent(kind="figure", detail="550 not in the passages")],
    )


def test_answer_record_carries_what_the_issue_lists():
    record = answer_record(_answer(), "v123")
    data = json.loads(to_line(record))
    assert data["question"] == "Quanto vale il lump sum?"
    assert data["answer"] == "1.100 euro [1]"
    assert data["citations"] == ["abc123"]
    assert data["index_version"] == "v123"
    assert data["backend"] == "extractive"
    assert data["tool"] == {"name": "lump_sum", "inputs": {"distance_km": 800, "working_days": 6},
                            "result": {"amount_eur": 1100}}
    assert data["guard_events"] == [{"kind": "figure", "detail": "550 not in the passages"}]
    assert data["time"].endswith("+00:00") and data["kind"] == "answer" and data["id"]


def test_cr_lf_and_unicode_separators_stay_on_one_line(tmp_path):
    log = AuditLog(tmp_path / "audit.jsonl")
    log.append(answer_record(_answer(NASTY, NASTY), "v1"))
    log.feedback("some-id", "down", NASTY)
    raw = (tmp_path / "audit.jsonl").read_bytes()
    assert raw.count(b"\n") == 2 and b"\r" not in raw
    text = raw.decode("ascii")  # pure ASCII: nothing a reader could take for a line break
    assert len(text.splitlines()) == 2
    first, second = log.records()
    assert first["question"] == NASTY
    assert second["comment"] == NASTY.strip()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_exactly_one_line(text):
    line = to_line(AuditRecord(question=text, answer=text, backend=text))
    assert line.endswith("\n") and line.count("\n") == 1
    assert len(line.splitlines()) == 1
    assert json.loads(line)["question"] == text


def test_records_are_appended_never_rewritten(tmp_path):
    path = tmp_path / "logs" / "audit.jsonl"
    log = AuditLog(path)
    first_id = log.append(answer_record(_answer(), "v1"))
    before = path.read_bytes()
    log.append(error_record("x" * 5000, "question: it has 5000 characters", "v1"))
    log.append(tool_record("budget", {"costs": []}, {"max": 1}, "1 EUR", "v1"))
    after = path.read_bytes()
    assert after.startswith(before)
    kinds = [r["kind"] for r in log.records()]
    assert kinds == ["answer", "answer", "calculator"]
    assert log.records()[0]["id"] == first_id


def test_feedback_points_at_the_answer(tmp_path):
    log = AuditLog(tmp_path / "audit.jsonl")
    answer_id = log.append(answer_record(_answer(), "v1"))
    log.feedback(answer_id, "up")
    log.feedback(answer_id, None, "  Manca la fonte.  ")
    up, note = log.records()[1:]
    assert up["kind"] == "feedback" and up["answer_id"] == answer_id and up["rating"] == "up"
    assert note["rating"] is None and note["comment"] == "Manca la fonte."
    assert FeedbackRecord.model_validate(note).answer_id == answer_id


def test_concurrent_writers_never_interleave(tmp_path):
    log = AuditLog(tmp_path / "audit.jsonl")
    big = "parola " * 2000

    def write(n: int) -> None:
        for i in range(20):
            log.append(AuditRecord(question=f"{n}-{i}", answer=big))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    records = log.records()
    assert len(records) == 160
    assert {r["question"] for r in records} == {f"{n}-{i}" for n in range(8) for i in range(20)}

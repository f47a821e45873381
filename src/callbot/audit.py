"""The append-only audit log: one JSON line per answer, per calculator run, per feedback.

Each record is written (and flushed to disk) before the answer is shown. Lines are pure ASCII
JSON, so no input, however strange (CR, LF, U+2028, NEL), can break a record over two lines.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from callbot.models import Answer, GuardEvent, Strict, ToolCall

MAX_COMMENT_CHARS = 2000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _new_id() -> str:
    return uuid.uuid4().hex


class AuditRecord(Strict):
    """One answer (chat), calculator run (form) or reply check (helpdesk)."""

    id: str = Field(default_factory=_new_id)
    kind: Literal["answer", "calculator", "check"] = "answer"
    time: str = Field(default_factory=_now, description="UTC, ISO 8601.")
    question: str
    answer: str
    citations: list[str] = Field(default_factory=list, description="Chunk ids cited.")
    index_version: str | None = Field(None, description="Store.version() when answering.")
    backend: str = "extractive"
    refused: bool | None = None
    tool: ToolCall | None = Field(None, description="Calculator inputs and outputs.")
    guard_events: list[GuardEvent] = Field(default_factory=list)
    error: str | None = Field(None, description="The plain message shown instead of an answer.")


class FeedbackRecord(Strict):
    """Thumbs up/down and a comment on one answer, pointing at its record id."""

    id: str = Field(default_factory=_new_id)
    kind: Literal["feedback"] = "feedback"
    time: str = Field(default_factory=_now)
    answer_id: str
    rating: Literal["up", "down"] | None = None
    comment: str = Field("", max_length=MAX_COMMENT_CHARS)


Record = AuditRecord | FeedbackRecord


def to_line(record: Record) -> str:
    """The record as one line of ASCII JSON (CR, LF and every other separator escaped)."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=True, sort_keys=True) + "\n"


def answer_record(answer: Answer, index_version: str | None) -> AuditRecord:
    return AuditRecord(
        question=answer.question,
        answer=answer.answer,
        citations=[c.chunk_id for c in answer.citations],
        index_version=index_version,
        backend=answer.backend,
        refused=answer.refused,
        tool=answer.tool,
        guard_events=answer.guard_events,
    )


def error_record(question: str, message: str, index_version: str | None) -> AuditRecord:
    return AuditRecord(question=question, answer="", error=message, index_version=index_version,
                       backend="none", refused=True)


def tool_record(name: str, inputs: dict[str, Any], result: dict[str, Any], summary: str,
                index_version: str | None = None,
                kind: Literal["calculator", "check"] = "calculator") -> AuditRecord:
    """A calculator form run (or a reply check): inputs, full result and the summary shown."""
    return AuditRecord(kind=kind, question=f"{name} form", answer=summary,
                       backend="calculator", index_version=index_version,
                       tool=ToolCall(name=name, inputs=inputs, result=result))


class AuditLog:
    """Appends records to a JSONL file; safe across threads and processes."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def append(self, record: Record) -> str:
        """Write the record durably and return its id."""
        data = to_line(record).encode("ascii")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                os.write(fd, data)
                os.fsync(fd)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
        return record.id

    def feedback(self, answer_id: str, rating: Literal["up", "down"] | None,
                 comment: str = "") -> str:
        comment = comment.strip()[:MAX_COMMENT_CHARS]
        return self.append(FeedbackRecord(answer_id=answer_id, rating=rating, comment=comment))

    def records(self) -> list[dict[str, Any]]:
        """Every record, oldest first (for tests and the admin view)."""
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="ascii").split("\n")
        return [json.loads(line) for line in lines if line]

"""Typed data passed between pipeline stages."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentMeta(Strict):
    """One entry of the corpus manifest."""

    file: str
    id: str
    title: str
    kind: Literal[
        "call text", "quality manual", "policy note", "survey", "project presentation", "document"
    ]
    calls: list[str] = Field(default_factory=list)
    language: str = "it"
    date: str | None = None
    source_url: str | None = None


class Chunk(Strict):
    id: str = Field(description="Content hash of source + text.")
    doc_id: str
    title: str
    source: str = Field(description="File path relative to the corpus root.")
    page: int | None = None
    section: str = ""
    text: str
    position: int = Field(description="Order of the chunk within its document.")
    calls: list[str] = Field(default_factory=list)
    kind: str = ""
    file_hash: str = ""


class ScoredChunk(Strict):
    chunk: Chunk
    score: float
    dense_rank: int | None = None
    keyword_rank: int | None = None


class Citation(Strict):
    n: int
    title: str
    source: str
    page: int | None
    section: str
    chunk_id: str
    text: str
    quote: str = Field("", description="The sentence(s) of the chunk that the answer quotes.")


class ToolCall(Strict):
    name: str
    inputs: dict[str, Any]
    result: dict[str, Any]


class GuardEvent(Strict):
    kind: Literal["figure", "citation", "llm_error", "output_filter"]
    detail: str


class Answer(Strict):
    question: str
    answer: str
    citations: list[Citation]
    refused: bool
    language: Literal["it", "en"]
    tool: ToolCall | None = None
    backend: str = "extractive"
    timing_ms: float = 0.0
    reason: str | None = Field(None, description="Why the answer fell back or was refused.")
    guard_events: list[GuardEvent] = Field(default_factory=list)

    def public_json(self) -> dict[str, Any]:
        """The `ask --json` contract."""
        return self.model_dump(mode="json")


class IngestReport(Strict):
    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    failed: dict[str, str] = Field(default_factory=dict)
    chunks_written: int = 0

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} added",
            f"{len(self.updated)} updated",
            f"{len(self.removed)} removed",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.failed)} failed",
        ]
        lines = [", ".join(parts) + f" ({self.chunks_written} chunks written)"]
        lines += [f"  failed: {path}: {reason}" for path, reason in self.failed.items()]
        return "\n".join(lines)

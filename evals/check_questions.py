#!/usr/bin/env python3
"""Validate evals/questions.jsonl against the corpus. Standalone, stdlib only.

Usage:  python evals/check_questions.py [--questions PATH] [--corpus DIR] [--with-cleaner]

Checks, for every line:
  * valid JSON object with exactly the expected fields and types;
  * unique id, language in {it, en}, category / answerable / doc / tool / expected consistent;
  * evidence and answer compile as Python regexes;
  * evidence matches (re.IGNORECASE) the whitespace-collapsed text of the named document,
    and also a simulation of the indexer's cleaning (footnote URLs moved out, labels printed
    twice in a row kept once, bullet glyphs unified), and the matched span does not cross a
    bullet or URL;
  * for rag questions, the answer regex matches the evidence document as well.
With --with-cleaner, also checks evidence against callbot.clean.clean_lines (the project's
real cleaner) when that module can be imported.
Prints counts by category x language and by document; exits 1 on any error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ["id", "question", "language", "category", "answerable", "doc", "evidence", "answer",
          "tool", "expected"]
CATEGORIES = {"rag", "unanswerable", "hostile", "calculator"}
TOOLS = {"lump_sum", "eligibility", "budget", "exchanges", "call_status"}
BULLETS = "\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf0a8\uf0e0\u25aa\u25cf\u25e6\u2022\u2023\u2043\u27a2"
URL = re.compile(r"(?:https?://|www\.)\S+")


def load_manifest(corpus: Path) -> dict[str, Path]:
    """Map manifest `id` -> document file, parsing the simple YAML list without PyYAML."""
    ids: dict[str, Path] = {}
    file = None
    for line in (corpus / "manifest.yaml").read_text(encoding="utf-8").splitlines():
        if m := re.match(r"\s*-?\s*file:\s*(\S+)", line):
            file = m.group(1).strip("\"'")
        elif (m := re.match(r"\s*id:\s*(\S+)", line)) and file:
            ids[m.group(1).strip("\"'")] = corpus / file
            file = None
    return ids


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def simulated_clean(raw: str) -> str:
    """Rough stand-in for the indexer's cleaning, for a second evidence check."""
    lines = []
    for line in raw.splitlines():
        if re.fullmatch(r"\s*(\d{1,2}\s+)?(?:https?://|www\.)\S+(\s\S+)?\s*", line):
            continue                                   # footnote / bare URL line: moved out
        line = re.sub(f"[{BULLETS}]", "\u2022", line)
        if m := re.fullmatch(r"\s*(.{3,}?)\s*\1\s*", line):
            line = m.group(1)                          # "LobbyLobby" -> "Lobby"
        lines.append(line)
    out: list[str] = []
    for line in lines:                                 # same line twice in a row -> once
        if line.strip() and out and out[-1].strip() == line.strip():
            continue
        if line.strip():
            out.append(line)
    text = "\n".join(out)
    for a, b in (("ini tiative", "initiative"), ("indus trie", "industrie"), ("prog etto", "progetto")):
        text = text.replace(a, b)
    return collapse(text)


def real_clean(raw: str) -> str | None:
    try:
        sys.path.insert(0, str(HERE.parent / "src"))
        from callbot.clean import clean_lines  # type: ignore
    except Exception as exc:  # noqa: BLE001 - optional check only
        print(f"(--with-cleaner: callbot.clean not importable: {exc})")
        return None
    lines, notes = clean_lines(raw)
    return collapse("\n".join(lines + notes))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=Path, default=HERE / "questions.jsonl")
    ap.add_argument("--corpus", type=Path, default=HERE.parent / "corpus")
    ap.add_argument("--with-cleaner", action="store_true")
    ap.add_argument("--refusals-only", action="store_true",
                    help="a set of unanswerable questions only (evals/drill.jsonl): no document "
                         "needs a rag question")
    args = ap.parse_args()

    docs = load_manifest(args.corpus)
    raw = {k: p.read_text(encoding="utf-8") for k, p in docs.items()}
    flat = {k: collapse(v) for k, v in raw.items()}
    sim = {k: simulated_clean(v) for k, v in raw.items()}
    real: dict[str, str] = {}
    if args.with_cleaner:
        for k, v in raw.items():
            if (r := real_clean(v)) is None:
                break
            real[k] = r

    errors: list[str] = []
    notes: list[str] = []
    seen: set[str] = set()
    by_cat: Counter[tuple[str, str]] = Counter()
    by_doc: Counter[tuple[str, str]] = Counter()
    n = 0
    for lineno, line in enumerate(args.questions.read_text(encoding="utf-8").splitlines(), 1):
        where = f"line {lineno}"
        if not line.strip():
            errors.append(f"{where}: empty line")
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        if not isinstance(q, dict) or sorted(q) != sorted(FIELDS):
            errors.append(f"{where}: fields must be exactly {FIELDS}, got {list(q) if isinstance(q, dict) else type(q)}")
            continue
        n += 1
        qid, cat, lang = q["id"], q["category"], q["language"]
        where = f"line {lineno} [{qid}]"
        err = lambda msg: errors.append(f"{where}: {msg}")  # noqa: E731

        if not (isinstance(qid, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]{2,60}", qid)):
            err("id must be a short lower-case slug")
        if qid in seen:
            err("duplicate id")
        seen.add(qid)
        if not (isinstance(q["question"], str) and q["question"].strip()):
            err("empty question")
        if lang not in ("it", "en"):
            err(f"language {lang!r}")
        if cat not in CATEGORIES:
            err(f"category {cat!r}")
            continue
        by_cat[(cat, lang)] += 1
        by_doc[(q["doc"] or "-", cat)] += 1

        answerable = cat in ("rag", "calculator")
        if q["answerable"] is not answerable:
            err(f"answerable must be {answerable} for {cat}")
        if not answerable:
            for f in ("doc", "evidence", "answer", "tool", "expected"):
                if q[f] is not None:
                    err(f"{f} must be null for {cat}")
            continue

        if q["doc"] not in docs:
            err(f"doc {q['doc']!r} is not a manifest id ({sorted(docs)})")
            continue
        if cat == "calculator":
            if q["tool"] not in TOOLS:
                err(f"tool {q['tool']!r} not in {sorted(TOOLS)}")
            if not (isinstance(q["expected"], dict) and q["expected"]):
                err("calculator needs a non-empty expected object")
        else:
            if q["tool"] is not None or q["expected"] is not None:
                err("tool and expected must be null for rag")

        pats = {}
        for f in ("evidence", "answer"):
            if not (isinstance(q[f], str) and q[f]):
                err(f"{f} must be a non-empty regex string")
                continue
            try:
                pats[f] = re.compile(q[f], re.IGNORECASE)
            except re.error as exc:
                err(f"{f} regex does not compile: {exc}")
        if "evidence" in pats:
            ev = pats["evidence"]
            doc = q["doc"]
            m = ev.search(flat[doc])
            if not m:
                err(f"evidence /{q['evidence']}/ not found in collapsed text of {doc}")
            else:
                span = m.group(0)
                if URL.search(span) or re.search(f"[{BULLETS}]", span):
                    err(f"evidence span crosses a URL or bullet: {span!r}")
                hits = len(ev.findall(flat[doc]))
                if hits > 1:
                    notes.append(f"{where}: evidence matches {hits} places in {doc}")
                if len(re.findall(r"\\s[+*]", q["evidence"])) > 7:
                    notes.append(f"{where}: evidence is long ({q['evidence']})")
            if not ev.search(sim[doc]):
                err(f"evidence /{q['evidence']}/ not found in simulated cleaned text of {doc}")
            if real and not ev.search(real[doc]):
                err(f"evidence /{q['evidence']}/ not found in callbot.clean output of {doc}")
        if cat == "rag" and "answer" in pats and not pats["answer"].search(flat[q["doc"]]):
            err(f"answer /{q['answer']}/ not found in {q['doc']}")

    # ------------------------------------------------------------------ report
    langs = ("it", "en")
    print(f"{n} questions in {args.questions}")
    print(f"\n{'category':<14}{'it':>5}{'en':>5}{'total':>7}")
    for cat in ("rag", "calculator", "unanswerable", "hostile"):
        row = [by_cat[(cat, l)] for l in langs]
        print(f"{cat:<14}{row[0]:>5}{row[1]:>5}{sum(row):>7}")
    tot = [sum(v for (c, l), v in by_cat.items() if l == x) for x in langs]
    print(f"{'total':<14}{tot[0]:>5}{tot[1]:>5}{sum(tot):>7}")
    print(f"\n{'doc':<28}{'rag':>5}{'calc':>6}{'other':>7}")
    for doc in sorted({d for d, _ in by_doc}):
        r, c = by_doc[(doc, "rag")], by_doc[(doc, "calculator")]
        o = by_doc[(doc, "unanswerable")] + by_doc[(doc, "hostile")]
        print(f"{doc:<28}{r:>5}{c:>6}{o:>7}")
    missing = [d for d in docs if by_doc[(d, "rag")] == 0]
    if missing and not args.refusals_only:
        errors.append(f"documents with no rag question: {missing}")

    for msg in notes:
        print("note:", msg)
    for msg in errors:
        print("ERROR:", msg)
    print(f"\n{len(errors)} error(s), {len(notes)} note(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

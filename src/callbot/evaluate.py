"""`callbot eval`: retrieval, answer and refusal quality on evals/*.jsonl, next to the
LangChain tutorial baseline run in the same process."""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from callbot.models import Answer
from callbot.settings import Settings


class EvalItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    question: str
    language: str
    category: str
    answerable: bool
    doc: str | None = None
    evidence: str | None = None
    answer: str | None = None
    tool: str | None = None
    expected: dict | None = None


class Outcome(BaseModel):
    id: str
    language: str
    category: str
    answerable: bool
    rank: int | None = Field(None, description="Rank of the first correct citation.")
    answer_ok: bool = False
    refused: bool = False
    tool_ok: bool | None = None
    ms: float = 0.0


class Metrics(BaseModel):
    n: int = 0
    hit1: float = 0.0
    hit4: float = 0.0
    mrr: float = 0.0
    answer_acc: float = 0.0
    refusal_acc: float = 0.0
    false_refusals: int = 0
    p50_ms: float = 0.0
    p95_ms: float = 0.0


class EvalReport(BaseModel):
    system: dict[str, Metrics]
    baseline: dict[str, Metrics] = Field(default_factory=dict)
    calculator: Metrics | None = None
    calculator_tool_acc: float | None = None
    failures: list[str] = Field(default_factory=list)

    def table(self) -> str:
        head = f"{'run':<10}{'slice':<8}{'n':>4}{'hit@1':>7}{'hit@4':>7}{'MRR':>7}"
        head += f"{'answer':>8}{'refusal':>9}{'false ref':>10}{'p50 ms':>8}{'p95 ms':>8}"
        rows = [head, "-" * len(head)]
        for run, metrics in (("callbot", self.system), ("baseline", self.baseline)):
            for name, m in metrics.items():
                rows.append(
                    f"{run:<10}{name:<8}{m.n:>4}{m.hit1:>7.2f}{m.hit4:>7.2f}{m.mrr:>7.2f}"
                    f"{m.answer_acc:>8.2f}{m.refusal_acc:>9.2f}{m.false_refusals:>10}"
                    f"{m.p50_ms:>8.1f}{m.p95_ms:>8.1f}"
                )
        if self.calculator:
            c = self.calculator
            rows.append(
                f"calculator questions: n={c.n} hit@4={c.hit4:.2f} answer={c.answer_acc:.2f} "
                f"tool={self.calculator_tool_acc:.2f} false refusals={c.false_refusals}"
            )
        if self.failures:
            rows.append("misses: " + ", ".join(self.failures))
        return "\n".join(rows)


def load_items(path: Path) -> list[EvalItem]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [EvalItem.model_validate_json(line) for line in lines if line.strip()]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def first_hit(item: EvalItem, cited: list[tuple[str, str]]) -> int | None:
    """1-based rank of the first cited (doc id, text) that holds the evidence."""
    if not item.evidence:
        return None
    for rank, (doc, text) in enumerate(cited, 1):
        if doc == item.doc and re.search(item.evidence, _flat(text), re.IGNORECASE):
            return rank
    return None


def says(pattern: str, answer_text: str) -> bool:
    """Whether an answer's text matches an item's answer pattern. Citation markers are no
    part of what it says: "[3]" does not answer "how many partners" with three."""
    return bool(re.search(pattern, re.sub(r"\[\d+\]", "", answer_text), re.IGNORECASE))


def score_answer(item: EvalItem, answer: Answer, doc_of: dict[str, str]) -> Outcome:
    cited = [(doc_of.get(c.chunk_id, ""), c.text) for c in answer.citations]
    out = Outcome(
        id=item.id, language=item.language, category=item.category,
        answerable=item.answerable, refused=answer.refused, ms=answer.timing_ms,
        rank=first_hit(item, cited),
    )
    if item.answerable and item.answer and not answer.refused:
        out.answer_ok = says(item.answer, answer.answer)
    if item.tool:
        out.tool_ok = _tool_ok(item, answer)
    return out


def _tool_ok(item: EvalItem, answer: Answer) -> bool:
    if not answer.tool or answer.tool.name != item.tool:
        return False
    result = answer.tool.result
    return all(result.get(k) == v for k, v in (item.expected or {}).items() if k in result)


def metrics(outcomes: list[Outcome]) -> Metrics:
    answerable = [o for o in outcomes if o.answerable]
    unanswerable = [o for o in outcomes if not o.answerable]
    ranks = [o.rank for o in answerable]
    times = sorted(o.ms for o in outcomes) or [0.0]
    n = len(answerable) or 1
    return Metrics(
        n=len(outcomes),
        hit1=sum(r == 1 for r in ranks) / n,
        hit4=sum(r is not None and r <= 4 for r in ranks) / n,
        mrr=sum(1 / r for r in ranks if r) / n,
        answer_acc=sum(o.answer_ok for o in answerable) / n,
        refusal_acc=sum(o.refused for o in unanswerable) / (len(unanswerable) or 1),
        false_refusals=sum(o.refused for o in answerable),
        p50_ms=statistics.median(times),
        p95_ms=times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
    )


def by_slice(outcomes: list[Outcome]) -> dict[str, Metrics]:
    out = {"all": metrics(outcomes)}
    for lang in ("it", "en"):
        out[lang] = metrics([o for o in outcomes if o.language == lang])
    return out


def run_eval(path: Path, settings: Settings, baseline: bool = True, mode: str = "hybrid") -> EvalReport:
    from callbot.chat import Assistant

    items = load_items(path)
    assistant = Assistant(settings)
    assistant.mode = mode  # type: ignore[assignment]
    assistant.warm_up()
    doc_of = {c.id: c.doc_id for c in assistant.store.chunks}
    outcomes = []
    for item in items:
        answer = assistant.ask(item.question)
        outcomes.append(score_answer(item, answer, doc_of))
    main = [o for o in outcomes if o.category != "calculator"]
    calc = [o for o in outcomes if o.category == "calculator"]
    report = EvalReport(
        system=by_slice(main),
        failures=[o.id for o in main if (o.answerable and (o.rank is None or o.rank > 4 or not
                  o.answer_ok)) or (not o.answerable and not o.refused)],
    )
    if calc:
        report.calculator = metrics(calc)
        report.calculator_tool_acc = sum(bool(o.tool_ok) for o in calc) / len(calc)
    if baseline:
        from callbot.embed import get_embedder

        minilm = get_embedder("all-MiniLM-L6-v2")
        report.baseline = by_slice(run_baseline(items, settings, minilm))
    return report


def run_baseline(items: list[EvalItem], settings: Settings, embedder) -> list[Outcome]:
    """The LangChain tutorial pipeline: RecursiveCharacterTextSplitter(1000, 200), Chroma,
    the same MiniLM, top-4 similarity; the 'answer' is the top passage, it never refuses."""
    from callbot.baseline import TutorialPipeline

    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = TutorialPipeline(settings.corpus_dir, Path(tmp), embedder)
        for item in [i for i in items if i.category != "calculator"]:
            start = time.perf_counter()
            docs = pipeline.search(item.question, 4)
            ms = (time.perf_counter() - start) * 1000
            cited = [(d.metadata["doc_id"], d.page_content) for d in docs]
            out = Outcome(
                id=item.id, language=item.language, category=item.category,
                answerable=item.answerable, rank=first_hit(item, cited), ms=round(ms, 1),
            )
            if item.answerable and item.answer and docs:
                out.answer_ok = bool(re.search(item.answer, docs[0].page_content, re.IGNORECASE))
            outcomes.append(out)
    return outcomes

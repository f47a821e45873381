"""`callbot eval --llm`: how often the guards fire on the model's answers to the eval
questions (figure guard, invalid citations, output filter, model errors, fallbacks)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict, Field

from callbot.evaluate import EvalItem, says
from callbot.generate import fell_back
from callbot.models import Answer


class GuardStats(BaseModel):
    model_config = ConfigDict(extra="forbid")

    n: int = Field(0, description="Questions asked.")
    consulted: int = Field(0, description="Answers for which the model was called.")
    generated: int = Field(0, description="Answers written by the model and shown.")
    fell_back: int = Field(0, description="Model answers replaced by the deterministic one.")
    figure_guard: int = Field(0, description="Answers with at least one unsupported figure.")
    invalid_citation_answers: int = Field(0, description="Answers citing a passage not given.")
    invalid_citations: int = Field(0, description="Invalid [n] markers removed, in total.")
    output_filtered: int = Field(0, description="Answers with links, HTML or controls removed.")
    llm_errors: int = Field(0, description="Model errors and timeouts.")
    answer_acc: float = Field(0.0, description="Share of answerable items whose answer matches.")
    reasons: dict[str, int] = Field(default_factory=dict, description="Fallbacks by reason.")

    def rate(self, count: int) -> float:
        return count / self.consulted if self.consulted else 0.0

    def table(self) -> str:
        rows = [
            (f"LLM answers: {self.n} questions, model consulted {self.consulted}, "
            f"shown {self.generated}, fell back {self.fell_back} ({self.rate(self.fell_back):.0%})"),
            (f"  figure guard fired     {self.figure_guard:>4}  "
            f"({self.rate(self.figure_guard):.0%})"),
            (f"  invalid citations      {self.invalid_citation_answers:>4}  "
            f"({self.rate(self.invalid_citation_answers):.0%}; {self.invalid_citations} removed)"),
            f"  output filter          {self.output_filtered:>4}",
            f"  model errors/timeouts  {self.llm_errors:>4}",
            f"  answer accuracy        {self.answer_acc:.2f}",
        ]
        rows += [f"  fallback: {reason} x{count}" for reason, count in self.reasons.items()]
        return "\n".join(rows)


def _kinds(answer: Answer) -> Counter[str]:
    return Counter(event.kind for event in answer.guard_events)


def _count(stats: GuardStats, answer: Answer) -> None:
    kinds = _kinds(answer)
    consulted = answer.backend != "extractive" or fell_back(answer)
    stats.consulted += consulted
    stats.generated += answer.backend != "extractive"
    stats.fell_back += fell_back(answer)
    stats.figure_guard += kinds["figure"] > 0
    stats.invalid_citation_answers += kinds["citation"] > 0
    stats.invalid_citations += kinds["citation"]
    stats.output_filtered += kinds["output_filter"] > 0
    stats.llm_errors += kinds["llm_error"] > 0
    if fell_back(answer) and answer.reason:
        key = answer.reason.split(":")[0]
        stats.reasons[key] = stats.reasons.get(key, 0) + 1


def guard_stats(items: Sequence[EvalItem], ask: Callable[[str], Answer]) -> GuardStats:
    """Ask every item's question through `ask` (e.g. Assistant(settings).ask with a model
    configured) and count what the guards did."""
    stats = GuardStats(n=len(items))
    correct = answerable = 0
    for item in items:
        answer = ask(item.question)
        _count(stats, answer)
        if item.answerable and item.answer:
            answerable += 1
            correct += not answer.refused and says(item.answer, answer.answer)
    stats.answer_acc = correct / answerable if answerable else 0.0
    return stats

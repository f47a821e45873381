"""`callbot eval --llm` counts what the guards did over the eval questions."""

from __future__ import annotations

from llm_fakes import LUMP_SUM, REDUCED, ScriptedModel, hits

from callbot.evaluate import EvalItem
from callbot.generate import generate_answer
from callbot.llm_eval import guard_stats

Q = "Qual è il contributo massimo ClusterXchange per organizzazione?"
SCRIPT = {
    "good": "Il contributo massimo è di 1.100 euro per organizzazione [1].",
    "figure": "Il contributo massimo è di 2.000 euro per organizzazione [1].",
    "citation": "Il contributo massimo è di 1.100 euro per organizzazione [1] [5].",
    "error": TimeoutError("slow"),
}


def item(slug: str, answerable: bool = True) -> EvalItem:
    return EvalItem(id=slug, question=f"{Q} ({slug})", language="it", category="rag",
                    answerable=answerable, answer=r"1\.100")


def ask(question: str):
    slug = question.rsplit("(", 1)[1].rstrip(")")
    model = ScriptedModel(SCRIPT[slug]) if slug in SCRIPT else None
    return generate_answer(question, "it", hits(LUMP_SUM, REDUCED), model)


def test_guard_stats_count_fallbacks_by_reason():
    stats = guard_stats([item(s) for s in (*SCRIPT, "nomodel")], ask)
    assert (stats.n, stats.consulted, stats.generated, stats.fell_back) == (5, 4, 2, 2)
    assert stats.figure_guard == 1 and stats.llm_errors == 1
    assert stats.invalid_citation_answers == 1 and stats.invalid_citations == 1
    assert stats.reasons == {"unsupported figures": 1, "language model error": 1}
    assert stats.answer_acc == 1.0  # the fallbacks quote the 1.100 euro sentence
    table = stats.table()
    assert "figure guard fired        1  (25%)" in table
    assert "fallback: unsupported figures x1" in table

"""Check a reply a helpdesk intends to send, sentence by sentence, without a language model.

Each sentence is marked supported, contradicted or not found, with what decides it:
1. a figure that a calculator can recompute (the lump sum for a distance and a stay);
2. a claim about applying now, against the call_status calculator;
3. the rules of the call and the passages of the documents that say the same thing: a
   claimed figure that they give differently contradicts the sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from callbot.answer import QuestionTerms
from callbot.chunk import split_sentences
from callbot.errors import CallbotError
from callbot.figures import Figure, find_figures
from callbot.models import Chunk, ScoredChunk, Strict, ToolCall
from callbot.notices import call_notice
from callbot.rules.loader import RuleSet
from callbot.rules.schema import RuleRef
from callbot.terms import detect_language, tokenize
from callbot.textnorm import contains_quote
from callbot.tools.common import rules_or_default
from callbot.tools.extract import find_dates, find_km, find_travel_days, find_working_days
from callbot.tools.extract_geo import find_places
from callbot.tools.lump_sum import LumpSumInput, LumpSumResult, lump_sum

Verdict = Literal["supported", "contradicted", "not_found"]
Search = Callable[[str, int], list[ScoredChunk]]
MIN_COVERAGE = 0.5
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_N_DAY = re.compile(r"(\d+)\s*-\s*(day|days|giorni|giorno)\b", re.IGNORECASE)
_APPLY = r"(apply|submit|candidar\w*|presentare|partecipare|fare domanda|inviare)"
_OPEN_CLAIM = re.compile(
    r"\b(still open|is open|are open|(can|may) (still )?" + _APPLY + r"|"
    r"(è|e') (ancora )?apert[oa]|sono (ancora )?apert[ei]|(puoi|potete|può|possono|si può) "
    r"(ancora )?" + _APPLY + r"|è (ancora )?possibile " + _APPLY + r")",
    re.IGNORECASE,
)
_CLOSED_CLAIM = re.compile(
    r"\b(closed|no longer|expired|is over|chius[oa]|scadut[oa]|non è più|non (si )?può più|"
    r"non è possibile)", re.IGNORECASE)
_CALL = re.compile(r"\b(call|bando|deadline|scadenz\w*|applications?|candidatur\w*|propost\w*|"
                   r"proposals?)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(deadline|scadenz\w*|entro|by|until|fino al|submit\w*|presentat\w*|"
                       r"presentare|presentazione|closes|closed|chiude|chiuso)\b", re.IGNORECASE)
REASONS = {
    "calc": {"en": "The lump-sum calculator gives {expected}: {why}",
             "it": "Il calcolatore del lump sum dà {expected}: {why}"},
    "status": {"en": "Call status, from the call_status calculator and the call's deadline.",
               "it": "Stato del bando, dal calcolatore call_status e dalla scadenza del bando."},
    "figure_wrong": {"en": "The documents give {expected}, not {claimed}.",
                     "it": "I documenti indicano {expected}, non {claimed}."},
    "figure_ok": {"en": "The documents give the same figure ({claimed}).",
                  "it": "I documenti riportano la stessa cifra ({claimed})."},
    "same": {"en": "A passage of the documents says the same.",
             "it": "Un passo dei documenti dice la stessa cosa."},
    "figure_missing": {"en": "No passage gives this figure ({claimed}).",
                       "it": "Nessun passo riporta questa cifra ({claimed})."},
    "missing": {"en": "No passage of the documents says this.",
                "it": "Nessun passo dei documenti dice questo."},
}


class Evidence(Strict):
    """The passage that decides a sentence: a chunk's sentence or a rule's quote."""

    title: str
    source: str = ""
    section: str = ""
    page: int | None = None
    chunk_id: str | None = None
    passage: str
    rule_id: str | None = None
    rule: str | None = Field(None, description="The rule's statement, when a rule decides.")


class SentenceCheck(Strict):
    sentence: str
    verdict: Verdict
    reason: str
    expected: str | None = Field(None, description="The right figure, when contradicted.")
    evidence: Evidence | None = None
    tool: ToolCall | None = None


class ReplyCheck(Strict):
    question: str
    reply: str
    language: Literal["it", "en"]
    sentences: list[SentenceCheck]

    def counts(self) -> dict[str, int]:
        out = {"supported": 0, "contradicted": 0, "not_found": 0}
        for s in self.sentences:
            out[s.verdict] += 1
        return out


@dataclass
class Candidate:
    """A rule or a passage sentence that a claim may agree with."""

    stems: set[str]
    figures: list[Figure]
    evidence: Evidence
    coverage: float = 0.0


def reply_sentences(reply: str) -> list[str]:
    return [s for s in split_sentences(reply.replace("\r", "\n")) if re.search(r"\w", s)]


def _reason(key: str, language: str, **values: str) -> str:
    return REASONS[key][language].format(**values)


def claim_figures(text: str) -> list[Figure]:
    """The figures of a sentence that can be compared with a source (dates are checked apart;
    "6-day stay" reads as "6 day stay")."""
    return [f for f in find_figures(_N_DAY.sub(r"\1 \2", text)) if f.kind != "date"]


def conflicts(claimed: list[Figure], reference: list[Figure]) -> list[tuple[Figure, list[Figure]]]:
    """Claimed figures of a kind the reference gives, but with a value it does not give."""
    out = []
    for figure in claimed:
        same_kind = [r for r in reference if r.kind == figure.kind]
        if same_kind and all(r.value != figure.value for r in same_kind):
            out.append((figure, same_kind))
    return out


def shared(claimed: list[Figure], reference: list[Figure]) -> list[Figure]:
    return [f for f in claimed if any((f.kind, f.value) == (r.kind, r.value) for r in reference)]


def euro(amount: int, language: str) -> str:
    """1100 -> '1,100 EUR' / '1.100 euro'."""
    digits = f"{amount:,}"
    return f"{digits.replace(',', '.')} euro" if language == "it" else f"{digits} EUR"


class ReplyChecker:
    """Checks replies against the calculators, the rules and the indexed passages."""

    def __init__(self, search: Search, chunks: Callable[[], list[Chunk]],
                 rules: RuleSet | None = None, min_coverage: float = MIN_COVERAGE):
        self.search = search
        self.chunks = chunks
        self.rules = rules_or_default(rules)
        self.min_coverage = min_coverage
        self._df: Counter[str] = Counter()
        self._df_for = -1

    # --- evidence ------------------------------------------------------------------------
    def rule_evidence(self, ref: RuleRef) -> Evidence:
        """Where a rule's quote sits in the index (title, section), or its document's title."""
        chunks = self.chunks()
        found = next((c for c in chunks if c.doc_id == ref.doc and contains_quote(c.text, ref.quote)),
                     None)
        doc = found or next((c for c in chunks if c.doc_id == ref.doc), None)
        return Evidence(
            title=doc.title if doc else ref.doc, source=doc.source if doc else "",
            section=found.section if found else "", page=found.page if found else None,
            chunk_id=found.id if found else None, passage=ref.quote, rule_id=ref.id,
            rule=ref.statement)

    def _weights(self, terms: QuestionTerms) -> dict[str, float]:
        """Rarer words weigh more; a word no document uses weighs most (it is likely news)."""
        chunks = self.chunks()
        if self._df_for != len(chunks):
            self._df = Counter(s for c in chunks for s in set(tokenize(c.text)))
            self._df_for = len(chunks)
        n = len(chunks) or 1
        return {t: math.log(1 + n / (max(self._df.get(a, 0) for a in alts) + 0.5))
                for t, alts in terms.alternatives.items()}

    # --- the checks ----------------------------------------------------------------------
    def check(self, question: str, reply: str) -> ReplyCheck:
        language = detect_language(reply or question)
        checks = [self.check_sentence(question, s, language) for s in reply_sentences(reply)]
        return ReplyCheck(question=question, reply=reply, language=language,  # type: ignore[arg-type]
                          sentences=checks)

    def check_sentence(self, question: str, sentence: str, language: str) -> SentenceCheck:
        claimed = claim_figures(sentence)
        return (self._lump_sum(question, sentence, claimed, language)
                or self._call_status(sentence, language)
                or self._documents(question, sentence, claimed, language))

    def _lump_sum(self, question: str, sentence: str, claimed: list[Figure],
                  language: str) -> SentenceCheck | None:
        amounts = [f for f in claimed if f.kind == "money"]
        if not amounts:
            return None
        result = self._compute_lump_sum(_N_DAY.sub(r"\1 \2", f"{question}\n{sentence}"))
        if result is None:
            return None
        inputs, outcome = result
        rule_id = {"full": "cxc-lump-sum-max", "reduced": "cxc-lump-sum-reduced"}.get(
            outcome.outcome, "cxc-stay-duration")
        ref = next(r for r in outcome.rules if r.id == rule_id)
        expected = euro(outcome.amount_eur, language)
        why = outcome.reason_it if language == "it" else outcome.reason
        ok = any(f.value == str(outcome.amount_eur) for f in amounts)
        return SentenceCheck(
            sentence=sentence, verdict="supported" if ok else "contradicted",
            reason=_reason("calc", language, expected=expected, why=why),
            expected=None if ok else expected, evidence=self.rule_evidence(ref),
            tool=ToolCall(name="lump_sum", inputs=inputs, result=outcome.model_dump(mode="json")))

    def _compute_lump_sum(self, context: str) -> tuple[dict, LumpSumResult] | None:
        """The lump sum for the distance (or two places) and stay (days or dates) in context;
        None when something it needs is not there."""
        inputs: dict = {"travel_days": find_travel_days(context) or 0}
        km = find_km(context)
        places = find_places(context, self.rules) if km is None else []
        if km is not None:
            inputs["distance_km"] = km
        elif len(places) >= 2:
            inputs.update(origin=places[0], destination=places[1])
        else:
            return None
        days, dates = find_working_days(context), find_dates(context)
        if days is not None:
            inputs["working_days"] = days
        elif len(dates) >= 2:
            inputs.update(start=dates[0], end=dates[1])
        # with no stay the calculator still answers below the full-amount distance
        try:
            return inputs, lump_sum(LumpSumInput(**inputs), self.rules)
        except (CallbotError, ValueError):
            return None

    def _call_status(self, sentence: str, language: str) -> SentenceCheck | None:
        if not _CALL.search(sentence):
            return None
        notice = call_notice(rules=self.rules)
        deadline = self.rules.call.calendar.deadline.at.date()
        dates = find_dates(sentence) if _DEADLINE.search(sentence) else []
        if dates:
            right = deadline in dates
        elif _CLOSED_CLAIM.search(sentence):
            right = not notice.open
        elif _OPEN_CLAIM.search(sentence):
            right = notice.open
        else:
            return None
        return SentenceCheck(
            sentence=sentence, verdict="supported" if right else "contradicted",
            reason=_reason("status", language) + (f" {notice.text(language)}" if right else ""),
            expected=None if right else notice.text(language),
            evidence=self.rule_evidence(notice.rule),
            tool=ToolCall(name="call_status", inputs={}, result=notice.model_dump(mode="json")))

    # --- rules and passages --------------------------------------------------------------
    def _candidates(self, query: str, language: str) -> list[Candidate]:
        out = [Candidate(set(tokenize(f"{r.statement} {r.statement_it} {r.source.quote}")),
                         claim_figures(r.statement_it if language == "it" else r.statement),
                         self.rule_evidence(r.ref()))
               for r in self.rules.rules()]
        for hit in self.search(query, 5):
            c = hit.chunk
            for s in split_sentences(c.text):
                evidence = Evidence(title=c.title, source=c.source, section=c.section,
                                    page=c.page, chunk_id=c.id, passage=s)
                out.append(Candidate(set(tokenize(s)), claim_figures(s), evidence))
        return out

    def _documents(self, question: str, sentence: str, claimed: list[Figure],
                   language: str) -> SentenceCheck:
        words = _DIGITS.sub(" ", sentence)
        terms = QuestionTerms.of(words)
        if len(terms.alternatives) < 3:
            terms = QuestionTerms.of(_DIGITS.sub(" ", f"{question} {sentence}"))
        candidates = self._candidates(f"{question} {sentence}" if claimed else sentence, language)
        weights = self._weights(terms)
        total = sum(weights.values()) or 1.0
        for c in candidates:
            c.coverage = sum(weights[t] for t in terms.covered(c.stems)) / total
        close = sorted((c for c in candidates if c.coverage >= self.min_coverage),
                       key=lambda c: -c.coverage)
        if not claimed:
            if close:
                return self._verdict(sentence, "supported", "same", language, close[0])
            return self._verdict(sentence, "not_found", "missing", language, None)
        return self._figures(sentence, claimed, close, language)

    def _figures(self, sentence: str, claimed: list[Figure], close: list[Candidate],
                 language: str) -> SentenceCheck:
        shown = ", ".join(f.text for f in claimed)
        for c in close:
            if shared(claimed, c.figures) and not conflicts(claimed, c.figures):
                return self._verdict(sentence, "supported", "figure_ok", language, c, shown)
        for c in close:
            wrong = conflicts(claimed, c.figures)
            if wrong:
                expected = " / ".join(dict.fromkeys(r.text for _, right in wrong for r in right))
                claimed_text = " / ".join(f.text for f, _ in wrong)
                return self._verdict(sentence, "contradicted", "figure_wrong", language, c,
                                     claimed_text, expected)
        return self._verdict(sentence, "not_found", "figure_missing", language, None, shown)

    @staticmethod
    def _verdict(sentence: str, verdict: Verdict, key: str, language: str,
                 candidate: Candidate | None, claimed: str = "",
                 expected: str | None = None) -> SentenceCheck:
        return SentenceCheck(
            sentence=sentence, verdict=verdict, expected=expected,
            reason=_reason(key, language, claimed=claimed, expected=expected or ""),
            evidence=candidate.evidence if candidate else None)


def checker_for(assistant) -> ReplyChecker:
    """A checker over an Assistant's retriever and store (models already loaded)."""
    return ReplyChecker(lambda text, k: assistant.retriever.search(text, k),
                        lambda: assistant.store.chunks)

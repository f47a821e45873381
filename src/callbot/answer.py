"""The offline answer: the best sentences of the retrieved passages, quoted and cited, or a
plain refusal when the passages do not answer the question."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from callbot.chunk import split_sentences
from callbot.models import Answer, Citation, ScoredChunk
from callbot.terms import glossary, stem, tokenize, words
from callbot.textnorm import contains_quote

# The one refusal sentence per language; prompts and tests use these constants.
NOT_IN_DOCUMENTS = {
    "it": "Non è nei documenti: i documenti disponibili non rispondono a questa domanda.",
    "en": "Not in the documents: the available documents do not answer this question.",
}
INTRO = {
    "it": "Secondo i documenti:",
    "en": "According to the documents (quoted in their original Italian):",
}
_HOSTILE = re.compile(
    r"system\s*prompt|prompt\s+di\s+sistema|ignore\s+(all\s+|the\s+|any\s+|your\s+)?"
    r"(previous\s+|prior\s+|above\s+)?(instructions|rules)|ignora\s+(tutte\s+)?(le\s+)?"
    r"(istruzioni|regole)|jailbreak|\bDAN\b|developer\s+mode|you\s+are\s+now|"
    r"pretend\s+(to\s+be|you)|fai\s+finta|reveal\s+your|rivela\s+(le\s+tue|il\s+tuo)",
    re.IGNORECASE,
)
_WANTS_FIGURE = re.compile(
    r"\b(how\s+much|how\s+many|how\s+long|quant[oaie]|when|quando|deadline|scadenza|"
    r"budget|durata|duration|maximum|massim[oa]|minim[oa]|percent|%|km|distance|date)\b",
    re.IGNORECASE,
)


@dataclass
class QuestionTerms:
    """Each content word of a question with the stems that count as finding it."""

    alternatives: dict[str, set[str]]

    @classmethod
    def of(cls, question: str) -> QuestionTerms:
        gloss = glossary()
        low = " " + " ".join(words(question)) + " "
        alts: dict[str, set[str]] = {}
        for stem_ in tokenize(question):
            alts.setdefault(stem_, {stem_})
        for term, italian in gloss.items():
            if f" {term} " not in low:
                continue
            expansion = {s for it in italian for s in tokenize(it)}
            for s in tokenize(term):
                if s in alts:
                    alts[s] |= expansion
        return cls(alts)

    def covered(self, passage_stems: set[str]) -> list[str]:
        return [t for t, alts in self.alternatives.items() if alts & passage_stems]


def is_hostile(question: str) -> bool:
    return bool(_HOSTILE.search(question))


def coverage(terms: QuestionTerms, text: str) -> float:
    if not terms.alternatives:
        return 0.0
    return len(terms.covered(set(tokenize(text)))) / len(terms.alternatives)


def _sentence_score(terms: QuestionTerms, sentence: str, idf: dict[str, float]) -> float:
    stems = set(tokenize(sentence))
    total = sum(idf.get(t, 1.0) for t in terms.alternatives) or 1.0
    return sum(idf.get(t, 1.0) for t in terms.covered(stems)) / total


def _idf(terms: QuestionTerms, hits: list[ScoredChunk]) -> dict[str, float]:
    """Rarer question terms weigh more when choosing sentences."""
    docs = [set(tokenize(h.chunk.text)) for h in hits]
    counts = Counter(t for t, alts in terms.alternatives.items() for d in docs if alts & d)
    return {t: math.log(1 + (len(docs) + 1) / (counts.get(t, 0) + 0.5)) for t in terms.alternatives}


def pick_sentences(
    question: str, hits: list[ScoredChunk], n: int
) -> list[tuple[int, str, float]]:
    """(citation index, sentence, score) of the best sentences, best first."""
    terms = QuestionTerms.of(question)
    idf = _idf(terms, hits)
    wants_figure = bool(_WANTS_FIGURE.search(question))
    scored: list[tuple[float, int, str]] = []
    for rank, hit in enumerate(hits):
        for sentence in split_sentences(hit.chunk.text):
            if len(sentence) < 25 and not re.search(r"\d", sentence):
                continue
            score = _sentence_score(terms, sentence, idf) - 0.03 * rank
            if wants_figure and re.search(r"\d", sentence):
                score += 0.1
            scored.append((score, rank, sentence))
    scored.sort(key=lambda s: -s[0])
    if not scored:
        return []
    best = scored[0][0]
    picked: list[tuple[int, str, float]] = []
    for score, rank, sentence in scored:
        if score < best * 0.6 or len(picked) >= n:
            break
        if all(sentence != s for _, s, _ in picked):
            picked.append((rank, sentence, score))
    return picked


def citations_for(hits: list[ScoredChunk], quotes: dict[int, list[str]]) -> list[Citation]:
    return [
        Citation(
            n=i + 1,
            title=h.chunk.title,
            source=h.chunk.source,
            page=h.chunk.page,
            section=h.chunk.section,
            chunk_id=h.chunk.id,
            text=h.chunk.text,
            quote=" … ".join(quotes.get(i, [])),
        )
        for i, h in enumerate(hits)
    ]


def refusal(question: str, language: str, reason: str) -> Answer:
    return Answer(
        question=question,
        answer=NOT_IN_DOCUMENTS[language],
        citations=[],
        refused=True,
        language=language,  # type: ignore[arg-type]
        reason=reason,
    )


def extractive_answer(
    question: str, language: str, hits: list[ScoredChunk], min_coverage: float, n_sentences: int
) -> Answer:
    """Quote the best sentences with [n] citations, or refuse when the evidence is weak."""
    if is_hostile(question):
        return refusal(question, language, "the question asks for something other than the documents")
    terms = QuestionTerms.of(question)
    best_cov = max((coverage(terms, h.chunk.text) for h in hits), default=0.0)
    if not hits or best_cov < min_coverage:
        return refusal(question, language, f"weak evidence (coverage {best_cov:.2f})")
    picked = pick_sentences(question, hits, n_sentences)
    quotes: dict[int, list[str]] = {}
    lines = [INTRO[language]]
    for rank, sentence, _ in picked:
        assert contains_quote(hits[rank].chunk.text, sentence)
        quotes.setdefault(rank, []).append(sentence)
        lines.append(f"- «{sentence}» [{rank + 1}]")
    if not quotes:
        return refusal(question, language, "no sentence of the passages answers the question")
    return Answer(
        question=question,
        answer="\n".join(lines),
        citations=citations_for(hits, quotes),
        refused=False,
        language=language,  # type: ignore[arg-type]
    )

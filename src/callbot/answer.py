"""The offline answer: the best sentences of the retrieved passages, quoted and cited, or a
plain refusal when the passages do not answer the question."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from callbot.chunk import split_sentences
from callbot.models import Answer, Citation, ScoredChunk
from callbot.terms import detect_language, glossary, tokenize, words
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


# Sentences that address the assistant rather than inform the reader are never quoted.
_PLANTED = re.compile(
    r"\[\s*(system|assistant|admin)\s*\]|<\s*/?\s*(system|script)|\b(tell|inform)\s+(the\s+)?"
    r"users?\b|\b(say|answer|reply|respond)\s+that\b|\b(di|dì|rispondi|d[ìi]['’])\s*che\b|"
    r"\b(assistant|chatbot|language\s+model|ai\s+model|assistente)\b",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+")
_ENUMERATOR = re.compile(r"^(\d{1,2}(\.[a-z])?[.)]|[a-z]\)|•)\s+")


@dataclass
class QuestionTerms:
    """Each content word of a question with the stems that count as finding it, and how much
    it weighs when judging whether passages answer the question."""

    alternatives: dict[str, set[str]]
    weights: dict[str, float]

    @classmethod
    def of(cls, question: str, vocabulary: set[str] | None = None) -> QuestionTerms:
        alts = _alternatives(question)
        english = detect_language(question) == "en"
        specific = _specific_words(question)
        weights: dict[str, float] = {}
        for term, stems in alts.items():
            known = vocabulary is None or bool(stems & vocabulary)
            if known or term in specific:
                weights[term] = 1.0
            else:  # a word the documents never use: a filler word in English, telling in Italian
                weights[term] = 0.75 if english else 1.0
        return cls(alts, weights)

    def covered(self, passage_stems: set[str]) -> list[str]:
        return [t for t, alts in self.alternatives.items() if alts & passage_stems]

    def unknown_specific(self, vocabulary: set[str], question: str) -> list[str]:
        """Names, acronyms and numbers of the question that no document contains."""
        specific = _specific_words(question)
        return [t for t in specific if t in self.alternatives and not self.alternatives[t] & vocabulary]


def _alternatives(question: str) -> dict[str, set[str]]:
    low = " " + " ".join(words(question)) + " "
    alts: dict[str, set[str]] = {}
    for stem_ in tokenize(question):
        alts.setdefault(stem_, {stem_})
    for term, italian in glossary().items():
        if f" {term} " not in low:
            continue
        expansion = {s for it in italian for s in tokenize(it)}
        for s in tokenize(term):
            if s in alts:
                alts[s] |= expansion
    return alts


def _specific_words(question: str) -> set[str]:
    """Stems of capitalised words (not first of a sentence), acronyms and numbers."""
    out: set[str] = set()
    for m in re.finditer(r"[\w'’-]+", question):
        word = m.group(0)
        before = question[: m.start()].rstrip()
        sentence_start = not before or before[-1] in ".?!:\"'“«("
        if re.search(r"\d", word) or word.isupper() and len(word) > 1 or (
            word[0].isupper() and not sentence_start
        ):
            out.update(tokenize(word))
    return out


def is_hostile(question: str) -> bool:
    return bool(_HOSTILE.search(question))


def coverage(terms: QuestionTerms, text: str) -> float:
    """Weighted share of the question's terms that the passage contains."""
    total = sum(terms.weights.values())
    if not total:
        return 0.0
    return sum(terms.weights[t] for t in terms.covered(set(tokenize(text)))) / total


def _sentence_score(terms: QuestionTerms, sentence: str, idf: dict[str, float]) -> float:
    stems = set(tokenize(sentence))
    total = sum(idf.get(t, 1.0) for t in terms.alternatives) or 1.0
    return sum(idf.get(t, 1.0) for t in terms.covered(stems)) / total


def _idf(terms: QuestionTerms, hits: list[ScoredChunk]) -> dict[str, float]:
    """Rarer question terms weigh more when choosing sentences."""
    docs = [set(tokenize(h.chunk.text)) for h in hits]
    counts = Counter(t for t, alts in terms.alternatives.items() for d in docs if alts & d)
    return {t: math.log(1 + (len(docs) + 1) / (counts.get(t, 0) + 0.5)) for t in terms.alternatives}


def is_planted(sentence: str) -> bool:
    """A sentence that addresses the assistant instead of informing the reader."""
    return bool(_HOSTILE.search(sentence) or _PLANTED.search(sentence))


def without_planted(text: str) -> str:
    """The passage minus planted instructions, for a language model's eyes and its guard."""
    lines = []
    for line in text.split("\n"):
        kept = [s for s in _SENTENCE_SPLIT.split(line) if s.strip() and not is_planted(s)]
        if kept:
            lines.append(" ".join(kept))
    return "\n".join(lines)


def quotable_sentences(text: str) -> list[str]:
    """Sentences of a passage; a short label line ("Scadenza per la presentazione delle
    proposte") is read together with the line after it, which holds its value."""
    out: list[str] = []
    carry = ""
    for sentence in split_sentences(text):
        item = _ENUMERATOR.match(sentence) is not None
        sentence = _ENUMERATOR.sub("", sentence)  # "2. implementazione…" → "implementazione…"
        if is_planted(sentence):
            carry = ""
            continue
        if carry and not item:
            out.append(f"{carry} {sentence}")
            carry = ""
            continue
        if carry:  # a label followed by a list item: the label stands alone
            out.append(carry)
            carry = ""
        if len(sentence) < 60 and not sentence.endswith((".", ";", ":", "!", "?")):
            carry = sentence
            continue
        out.append(sentence)
    if carry:
        out.append(carry)
    return out


def extend_label(sentence: str, passage: str, min_chars: int = 200, max_chars: int = 400) -> str:
    """A heading-like pick ("Principali ostacoli incontrati") says nothing by itself: quote it
    with the text that follows it in the passage, up to a sentence end past `min_chars`."""
    if len(sentence) >= 80 and not sentence.endswith((":", "?")):
        return sentence
    flat = re.sub(r"\s+", " ", passage)
    start = flat.find(sentence)
    if start < 0:
        return sentence
    stop = min(len(flat), start + max_chars)
    ends = [m.end() for m in re.finditer(r"[.;!?](?=\s|$)", flat[start:stop])]
    far_enough = [e for e in ends if e >= min_chars]
    if far_enough:
        stop = start + far_enough[0]
    elif stop < len(flat):
        stop = start + flat[start:stop].rfind(" ")
    return flat[start:stop].strip()


def pick_sentences(
    question: str, hits: list[ScoredChunk], n: int
) -> list[tuple[int, str, float]]:
    """(citation index, sentence, score) of the best sentences, best first."""
    terms = QuestionTerms.of(question)
    idf = _idf(terms, hits)
    wants_figure = bool(_WANTS_FIGURE.search(question))
    scored: list[tuple[float, int, str]] = []
    for rank, hit in enumerate(hits):
        for sentence in quotable_sentences(hit.chunk.text):
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
        if score < best * 0.4 or len(picked) >= n:
            break
        sentence = extend_label(sentence, hits[rank].chunk.text)
        if all(sentence not in s and s not in sentence for _, s, _ in picked):
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
    question: str,
    language: str,
    hits: list[ScoredChunk],
    min_coverage: float,
    n_sentences: int,
    vocabulary: set[str] | None = None,
) -> Answer:
    """Quote the best sentences with [n] citations, or refuse when the evidence is weak.

    `vocabulary` is the set of stems of the whole index: names, acronyms and numbers that no
    document contains mean the question is about something else."""
    if is_hostile(question):
        return refusal(question, language, "the question asks for something other than the documents")
    terms = QuestionTerms.of(question, vocabulary)
    if vocabulary is not None and (missing := terms.unknown_specific(vocabulary, question)):
        return refusal(question, language, f"the documents never mention {', '.join(missing)}")
    best_cov = max((coverage(terms, h.chunk.text) for h in hits), default=0.0)
    if not hits or best_cov < min_coverage:
        return refusal(question, language, f"weak evidence (coverage {best_cov:.2f})")
    picked = pick_sentences(question, hits, n_sentences)
    quotes: dict[int, list[str]] = {}
    lines = [INTRO[language]]
    for rank, sentence, _ in picked:
        if not contains_quote(hits[rank].chunk.text, sentence):
            continue  # a quote must occur in its chunk, whatever the splitting did
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

"""Hybrid retrieval: dense (Chroma) and keyword (BM25) rankings fused by weighted RRF."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np

from callbot.answer import answer_types, candidate_score, candidates
from callbot.embed import Embedder
from callbot.index import Store
from callbot.models import Chunk, ScoredChunk
from callbot.settings import Settings
from callbot.shapes import CONTACTS, asked_shapes
from callbot.terms import specific_words, term_groups, tokenize

Mode = Literal["hybrid", "dense", "keyword"]
CANDIDATES = 50
# How deep a passage holding a name or number of the question that the top ones lack may come
# from (see `promote_specific`).
PROMOTE_DEPTH = 12


class Retriever:
    def __init__(self, store: Store, embedder: Embedder, settings: Settings):
        self.store = store
        self.embedder = embedder
        self.settings = settings
        self._derived_for: list[Chunk] | None = None  # the chunk list the caches below are of
        self._position: dict[str, int] = {}
        self._masks: dict[tuple[str | None, str | None], np.ndarray] = {}
        self._title_of: np.ndarray = np.zeros(0, dtype=int)  # chunk → index into _titles
        self._titles: list[set[str]] = []  # stems of each distinct document title

    def _fresh(self) -> list[Chunk]:
        """The store's chunks; per-chunk lookups are rebuilt only when that list changes."""
        chunks = self.store.chunks
        if chunks is not self._derived_for:
            self._position = {c.id: i for i, c in enumerate(chunks)}
            self._masks = {}
            titles: dict[str, int] = {}
            self._title_of = np.array([titles.setdefault(c.title, len(titles)) for c in chunks], dtype=int)
            self._titles = [set(tokenize(t)) for t in titles]
            self._derived_for = chunks
        return chunks

    def _allowed(self, doc: str | None, call: str | None) -> np.ndarray:
        chunks = self._fresh()
        key = (doc or None, call or None)
        if key not in self._masks:
            mask = np.ones(len(chunks), dtype=bool)
            if doc:
                mask &= np.array([doc in (c.doc_id, c.title, c.source) for c in chunks], dtype=bool)
            if call:
                mask &= np.array([call in c.calls for c in chunks], dtype=bool)
            mask.flags.writeable = False
            self._masks[key] = mask
        return self._masks[key]

    def keyword_ranking(self, question: str, mask: np.ndarray) -> list[int]:
        """BM25 over section + text, one query term per question word with its translations.
        Words that only name a document ("the COSME cluster excellence call") weigh less inside
        the text, since every chunk of that document has them; instead each chunk of a
        document whose title holds them gets a bonus per word."""
        self._fresh()
        groups = list(term_groups(question).values())
        in_title = [any(g & t for t in self._titles) for g in groups]
        weights = [self.settings.title_term_weight if t else 1.0 for t in in_title]
        scores = self.store.grouped_keyword_scores(groups, weights)
        if any(in_title) and self.settings.title_bonus:
            per_title = np.array([sum(bool(g & t) for g in groups) for t in self._titles], dtype=float)
            scores = scores + self.settings.title_bonus * per_title[self._title_of] * (scores > 0)
        return [int(i) for i in top_indices(scores, CANDIDATES) if mask[i]]

    def dense_ranking(self, question: str, mask: np.ndarray) -> list[int]:
        self._fresh()
        position = self._position
        vector = self.embedder.embed([question])[0]
        hits = self.store.dense_search(vector, CANDIDATES)
        return [position[cid] for cid, _ in hits if cid in position and mask[position[cid]]]

    def search(
        self,
        question: str,
        k: int | None = None,
        *,
        doc: str | None = None,
        call: str | None = None,
        mode: Mode = "hybrid",
        rerank: bool = True,
        keep_displaced: bool = False,
    ) -> list[ScoredChunk]:
        """The top `k` passages. With `rerank`, the last slot goes to the passage whose best
        sentence answers best (`rerank_last`), unless a contact passage took it; with `keep_displaced` as well, the passage it
        took the slot from follows, k + 1 in all (the answer's checks still see it)."""
        k = k or self.settings.top_k
        chunks = self.store.chunks
        if not chunks:
            return []
        mask = self._allowed(doc, call)
        dense = self.dense_ranking(question, mask) if mode != "keyword" else []
        keyword = self.keyword_ranking(question, mask) if mode != "dense" else []
        ranked = favour_answer_shape(
            question, fuse(chunks, dense, keyword, self.settings, mode), self.settings.shape_bonus
        )
        specific = promote_specific(question, ranked, k)
        top = promote_contact(question, ranked, specific)
        if not rerank or self.settings.rerank_pool <= k or top is not specific:
            return top  # a contact brought in is what was asked for: not challenged
        reranked = rerank_last(
            question, top, ranked[: self.settings.rerank_pool], self.settings.rerank_margin
        )
        return reranked if keep_displaced else reranked[:k]

    def next_chunk(self, chunk: Chunk) -> Chunk | None:
        """The chunk after `chunk` in its document, or None."""
        chunks = self._fresh()
        i = self._position.get(chunk.id)
        if i is None or i + 1 >= len(chunks):
            return None
        nxt = chunks[i + 1]
        return nxt if nxt.source == chunk.source and nxt.position == chunk.position + 1 else None


def favour_answer_shape(
    question: str, ranked: list[ScoredChunk], bonus: float
) -> list[ScoredChunk]:
    """A question asking "when" wants a passage with a date, "how much" one with an amount (see
    `answer.answer_types`): such passages gain `bonus` in the fused score (a few ranks)."""
    shapes = answer_types(question)
    if not shapes or not bonus:
        return ranked
    rescored = [
        hit.model_copy(update={"score": hit.score + bonus})
        if any(shape.search(hit.chunk.text) for shape in shapes) else hit
        for hit in ranked
    ]
    return sorted(rescored, key=lambda h: -h.score)


def promote_specific(question: str, ranked: list[ScoredChunk], k: int) -> list[ScoredChunk]:
    """The top `k`, except that a name, acronym or number of the question ("2015", "COSME")
    that none of them holds, but a passage a little further down does, brings the best such
    passage in, in place of the last one not brought in: the question is about that year or
    that name."""
    top = ranked[:k]
    slot = k - 1
    if len(top) < k:
        return top
    groups = term_groups(question)
    stems: dict[str, set[str]] = {}

    def holds(hit: ScoredChunk, alternatives: set[str]) -> bool:
        if hit.chunk.id not in stems:
            c = hit.chunk
            stems[c.id] = set(tokenize(f"{c.title} {c.section} {c.text}"))
        return bool(alternatives & stems[hit.chunk.id])

    for word in sorted(specific_words(question)):
        alternatives = groups.get(word)
        if not alternatives or any(holds(h, alternatives) for h in top):
            continue
        extra = next((h for h in ranked[k:PROMOTE_DEPTH] if holds(h, alternatives)), None)
        if extra is not None and extra not in top and slot >= 0:
            top[slot] = extra
            slot -= 1
    return top


def promote_contact(question: str, ranked: list[ScoredChunk], top: list[ScoredChunk]) -> list[ScoredChunk]:
    """`top`, except that a question asking for a phone number, an e-mail or web address or a
    person's name that no top passage gives brings in the best passage a little further down
    that gives it, in place of the last: the contacts slide rarely shares the question's
    words ("chi posso contattare per l'osservatorio?"). Further down still, the passage right
    after a top one counts too: a contacts slide cut in two goes on there."""
    if not top:
        return top
    follows = {(h.chunk.source, h.chunk.position + 1) for h in top}
    pool = [*ranked[len(top):PROMOTE_DEPTH],
            *(h for h in ranked[PROMOTE_DEPTH:] if (h.chunk.source, h.chunk.position) in follows)]
    for shape in asked_shapes(question):
        if shape.what not in CONTACTS or any(shape.in_text(h.chunk.text) for h in top):
            continue
        extra = next((h for h in pool if shape.in_text(h.chunk.text)), None)
        if extra is not None:
            top = [*top[:-1], extra]
    return top


def rerank_last(
    question: str, top: list[ScoredChunk], pool: list[ScoredChunk], margin: float
) -> list[ScoredChunk]:
    """`top` with its last passage challenged by the rest of `pool`: the fusion ranks passages
    by the question's words, the sentence scorer (`answer.candidates` under the learned
    weights) by the best sentence each holds, which reads a slide's label with its line and
    a list with its heading. The challenger with the best sentence takes the last slot when it
    beats the incumbent's by more than `margin`; the incumbent then follows it."""
    if len(top) < 2:
        return top
    kept, incumbent = top[:-1], top[-1]
    held = {h.chunk.id for h in top}
    hits = [*kept, incumbent, *(h for h in pool if h.chunk.id not in held)]
    best = dict.fromkeys(range(len(kept), len(hits)), -math.inf)
    for c in candidates(question, hits):
        if c.rank >= len(kept):
            best[c.rank] = max(best[c.rank], candidate_score(c))
    best[len(kept)] += margin
    winner = max(best, key=lambda rank: (best[rank], -rank))
    return top if winner == len(kept) else [*kept, hits[winner], incumbent]


def top_indices(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n best positive scores, best first, ties in index order: the same as a
    stable argsort of all scores, without sorting every chunk."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) > n:
        cutoff = np.partition(scores[positive], len(positive) - n)[len(positive) - n]
        positive = positive[scores[positive] >= cutoff]
    order = np.argsort(-scores[positive], kind="stable")
    return positive[order][:n]


def fuse(
    chunks: list[Chunk],
    dense: list[int],
    keyword: list[int],
    settings: Settings,
    mode: Mode = "hybrid",
) -> list[ScoredChunk]:
    """Weighted reciprocal-rank fusion of the two rankings (indices into `chunks`)."""
    kf = settings.fusion_k
    wd = settings.dense_weight if mode != "keyword" else 0.0
    wk = settings.keyword_weight if mode != "dense" else 0.0
    scores: dict[int, float] = {}
    for rank, i in enumerate(dense):
        scores[i] = scores.get(i, 0.0) + wd / (kf + rank + 1)
    for rank, i in enumerate(keyword):
        scores[i] = scores.get(i, 0.0) + wk / (kf + rank + 1)
    # A passage the keywords found that is not among the dense candidates counts as the last
    # of them, not as nothing: the dense model reads short slide lines poorly, and being
    # missing from its list must not weigh more than being at the bottom of it.
    in_dense = set(dense)
    for i in keyword:
        if dense and i not in in_dense:
            scores[i] += wd / (kf + len(dense) + 1)
    dense_rank = {i: r + 1 for r, i in enumerate(dense)}
    keyword_rank = {i: r + 1 for r, i in enumerate(keyword)}
    order = sorted(scores, key=lambda i: -scores[i])
    return [
        ScoredChunk(
            chunk=chunks[i],
            score=scores[i],
            dense_rank=dense_rank.get(i),
            keyword_rank=keyword_rank.get(i),
        )
        for i in order
    ]

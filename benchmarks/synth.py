"""A synthetic corpus grown from the real one, for scale benchmarks.

Each synthetic document is built from the cleaned text of the real documents: headings,
paragraphs of sentences drawn from all documents, shuffled list items and small tables, with
every number replaced by another of the same length, Italian regions, cities and European
countries swapped for others, and the clauses of some sentences reordered. Paragraphs are
wrapped at about 90 characters like text extracted from a PDF, so the cleaner and chunker do
their real work. Document k is the same on every run (seeded by k), so corpora of different
sizes are nested: the 1k corpus is a prefix of the 10k one, which is a prefix of the 100k.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from callbot.chunk import split_sentences
from callbot.ingest import chunk_document, load_manifest

REGIONS = [
    "Piemonte", "Lombardia", "Veneto", "Liguria", "Toscana", "Emilia-Romagna", "Marche",
    "Umbria", "Lazio", "Abruzzo", "Molise", "Campania", "Puglia", "Basilicata", "Calabria",
    "Sicilia", "Sardegna", "Friuli Venezia Giulia", "Trentino", "Valle d'Aosta",
]
CITIES = [
    "Torino", "Milano", "Bari", "Napoli", "Roma", "Bologna", "Firenze", "Genova", "Venezia",
    "Palermo", "Cagliari", "Trieste", "Lione", "Monaco di Baviera", "Berlino", "Bruxelles",
    "Lisbona", "Vienna", "Lubiana", "Grenoble",
]
COUNTRIES = [
    "Italia", "Francia", "Germania", "Spagna", "Austria", "Slovenia", "Portogallo", "Belgio",
    "Paesi Bassi", "Polonia", "Grecia", "Svezia", "Finlandia", "Irlanda", "Croazia",
]
_NAMES = {name: pool for pool in (REGIONS, CITIES, COUNTRIES) for name in pool}
_NAME_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _NAMES), key=len, reverse=True)) + r")\b")
_NUMBER_RE = re.compile(r"\d+")
_ITEM_RE = re.compile(r"^(•|-|\d{1,2}[.)]|[a-z]\))\s")


@dataclass
class Pools:
    """Pieces of the real documents that synthetic documents are made of."""

    headings: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)

    @classmethod
    def from_corpus(cls, corpus_dir: Path, count_tokens) -> Pools:
        pools = cls()
        for name, meta in load_manifest(corpus_dir).items():
            for chunk in chunk_document(corpus_dir / name, meta, name, count_tokens, 200, 256):
                pools._add(chunk.text)
        for attr in ("headings", "sentences", "items", "tables"):
            setattr(pools, attr, sorted(set(getattr(pools, attr))))
        return pools

    def _add(self, text: str) -> None:
        lines = text.split("\n")
        if len(lines) >= 3 and sum(bool(re.search(r"\d", x)) for x in lines) * 2 >= len(lines) \
                and all(len(x) < 60 for x in lines):
            self.tables.append(text)
            return
        for line in lines:
            if "http" in line or "www." in line or line.startswith("Note e fonti"):
                continue
            if _ITEM_RE.match(line):
                self.items.append(_ITEM_RE.sub("", line).strip())
            elif len(line) <= 80 and not line.endswith((".", ";", ":", ",")):
                self.headings.append(line.strip())
            else:
                self.sentences.extend(s for s in split_sentences(line) if len(s) > 25)


class Generator:
    def __init__(self, pools: Pools):
        self.pools = pools

    def document(self, k: int, sections: int = 14) -> str:
        rng = random.Random(k)
        title = f"{self._vary(rng.choice(self.pools.headings), rng)} – {rng.choice(REGIONS)}"
        parts = [title, ""]
        for s in range(sections):
            parts += [f"{s + 1}. {self._vary(rng.choice(self.pools.headings), rng)}", ""]
            for _ in range(rng.randint(1, 3)):
                sentences = [self._vary(x, rng) for x in rng.sample(self.pools.sentences, rng.randint(2, 5))]
                parts += textwrap.wrap(" ".join(sentences), rng.randint(80, 100)) + [""]
            if rng.random() < 0.6:
                items = rng.sample(self.pools.items, min(len(self.pools.items), rng.randint(3, 6)))
                parts += [f"• {self._vary(x, rng)}" for x in items] + [""]
            if self.pools.tables and rng.random() < 0.15:
                parts += [self._vary(rng.choice(self.pools.tables), rng), ""]
        return "\n".join(parts) + "\n"

    @staticmethod
    def _vary(text: str, rng: random.Random) -> str:
        text = _NUMBER_RE.sub(lambda m: _number_like(m.group(0), rng), text)
        text = _NAME_RE.sub(lambda m: rng.choice(_NAMES[m.group(0)]), text)
        clauses = text.rstrip(".").split(", ")
        if len(clauses) > 2 and rng.random() < 0.3:
            head, rest = clauses[0], clauses[1:]
            rng.shuffle(rest)
            text = ", ".join([head, *rest]) + ("." if text.endswith(".") else "")
        return text


def _number_like(digits: str, rng: random.Random) -> str:
    if len(digits) == 1:
        return str(rng.randint(1, 9))
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def write_documents(generator: Generator, folder: Path, count: int, start: int = 0) -> list[Path]:
    """Documents start..start+count-1 as syn-NNNNN.txt (existing files are kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(start, start + count):
        path = folder / f"syn-{k:05d}.txt"
        if not path.exists():
            path.write_text(generator.document(k), encoding="utf-8")
        paths.append(path)
    return paths

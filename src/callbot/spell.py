"""Typos in a question ("dedline", "eligable") read as the word the documents or the glossary
know, one edit away, so that a slip of the keyboard does not cost the evidence.

Only words of five letters or more, in lower case or capitalised, are touched, and only when
neither the documents, nor the glossary, nor everyday English or Italian (wordfreq's word
lists) know them: acronyms, numbers and real words ("still", "spetta") stay as typed, and a
mistyped name ("Piedomnt") is read as the documents write the name. A name typed in lower
case is spelt as they write it too (`Speller.recase`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import cache, cached_property

from callbot.terms import glossary, is_stopword, stem

MIN_LENGTH = 5
# A word used at least this often (Zipf scale: 1 = once per 100 million words) in English or
# Italian is a real word, not a typo, even when the documents never use it.
REAL_WORD_ZIPF = 1.5
# A typo of a word the documents lack ("indierct", "proorga") is read as one of this many
# commonest English or Italian words, one edit away, when it is this long: the words that
# say what kind of answer is asked ("indirect costs", "una proroga") are often of that kind.
EVERYDAY_WORDS = 30_000
EVERYDAY_MIN_LENGTH = 6
# A rare "real" word is still a slip when a word one edit away is this much more common
# (Zipf points: a thousand times): web text holds common typos ("suport" 1.8, "support" 5.2).
SLIP_GAP = 3.0
# a word, also after an elided article ("dell'Osservatorio") or before a possessive ('s)
_WORD = re.compile(r"(?<![\w-])[A-ZÀÈÉÌÒÙ]?[a-zàèéìòù]+(?![\w-])(?!['’](?![sS]\b)\w)")
# A name typed in lower case ("cosme", "escp4s3", "heia-fr", "driade") is read as the
# documents write it, so that it counts as a name (`terms.specific_words`) as it does typed
# with its capitals. Only names: words the documents never write in lower case, and either
# are rarer than NAME_ZIPF in everyday language, or write with a capital inside (an acronym
# or a code) and are rarer than ACRONYM_ZIPF (headings such as "OBIETTIVI", "COSTO" or
# "Allegati" are everyday words).
NAME_ZIPF = 2.5
ACRONYM_ZIPF = 4.0
# a compound of lower-case or capitalised words joined by hyphens ("co-funding", "follow-up")
_COMPOUND = re.compile(r"(?<![\w-])[A-ZÀÈÉÌÒÙ]?[a-zàèéìòù]+(?:-[A-ZÀÈÉÌÒÙ]?[a-zàèéìòù]+)+(?![\w-])")
_TOKEN = re.compile(r"(?<![\w'’-])[^\W_][\w-]*[^\W_](?![\w'’])")
_ADDRESS = re.compile(r"\S*(?:www\.|https?:|@|\.(?:it|eu|com|org)\b)\S*")


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count as one edit)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


class Speller:
    """Known words (with how often the documents use them) and, for speed, every known word
    under each of its one-letter deletions (the symmetric-delete method). The word table is
    built on the first word that needs it: most questions have no unknown word, and reading
    every chunk's words takes seconds on a large index."""

    def __init__(self, vocabulary: set[str], texts: Callable[[], Iterable[str]]):
        self.vocabulary = vocabulary
        self._texts = texts

    @cached_property
    def _read(self) -> tuple[Counter[str], dict[str, Counter[str]]]:
        """One pass over every chunk's text: how often each lower-case word occurs, and each
        word's written forms (for `counts` and `names`)."""
        words: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for text in self._texts():
            words.update(corpus_words([text]))
            for word in _TOKEN.findall(_ADDRESS.sub(" ", text)):
                if re.search(r"[^\W\d_]", word):
                    forms[word.lower()][word] += 1
        return words, forms

    @cached_property
    def counts(self) -> Counter[str]:
        counts = Counter({w: n for w, n in self._read[0].items() if len(w) >= MIN_LENGTH - 1})
        for key in glossary():
            if " " not in key and key.isalpha() and len(key) >= MIN_LENGTH - 1:
                counts[key] += 1
        return counts

    @cached_property
    def names(self) -> dict[str, str]:
        """Lower-case key -> the documents' spelling of each name they write (see `recase`)."""
        forms = self._read[1]
        names = {}
        for key, seen in forms.items():
            written = seen.most_common(1)[0][0]
            if key in seen or len(key) < 3:
                continue  # also written in lower case: a word, not (only) a name
            inner_capital = any(c.isupper() for c in written[1:])
            zipf = everyday_zipf(key)
            # "PMI", "ICT", "HEIA-FR" but not "COSTO" or "MODEL" of a heading in capitals
            if zipf < NAME_ZIPF or (inner_capital and (not key.isalpha() or zipf < ACRONYM_ZIPF)):
                names[key] = written
        for key, written in list(names.items()):  # "sme" typed for the documents' "SMEs"
            if key.endswith("s") and written.endswith("s") and key[:-1] not in forms:
                names.setdefault(key[:-1], written[:-1])
        return names

    def recase(self, question: str) -> str:
        """The question with each name it types in lower case spelt as the documents do, and
        each code one slip away from theirs ("S3-4AlpClusetrs") as they write it."""
        def repl(m: re.Match[str]) -> str:
            typed = m.group(0)
            key = typed.lower()
            if key in self.names:
                return self.names[key] if typed.islower() else typed
            if len(key) >= 10 and re.search(r"[\d-]", key):
                # a slip in the letters of a long code only: "COS-CLUSTER-2018-03-03" is
                # another call, "ESCP-4i" another programme
                digits = re.findall(r"\d+", key)
                near = [k for k in self.names if abs(len(k) - len(key)) <= 1
                        and re.findall(r"\d+", k) == digits and edit_distance(k, key) == 1]
                if len(near) == 1:
                    return self.names[near[0]]
            return typed

        return _TOKEN.sub(repl, question)

    @cached_property
    def _by_delete(self) -> dict[str, set[str]]:
        table: dict[str, set[str]] = {}
        for word in self.counts:
            for d in _deletes(word):
                table.setdefault(d, set()).add(word)
        return table

    def suggest(self, word: str) -> str | None:
        """The most used known word one edit away from an unknown `word`, or None."""
        if len(word) < MIN_LENGTH or is_stopword(word):
            return None
        if stem(word) in self.vocabulary or stem(word) in _glossary_stems() or word in self.counts:
            return None
        if is_real_word(word):
            return _common_slip(word)
        near = {w for d in _deletes(word) for w in self._by_delete.get(d, ())}
        near = [w for w in near if edit_distance(word, w) == 1]
        if near:
            return min(near, key=lambda w: (-self.counts[w], w))
        if len(word) >= EVERYDAY_MIN_LENGTH:  # "actulaly", "proorga": a word of everyday language
            return _commonest_neighbour(word)
        return None

    def correct(self, question: str) -> tuple[str, list[tuple[str, str]]]:
        """The question with its typos replaced, and the (typed, read as) pairs."""
        fixes: list[tuple[str, str]] = []

        def repl(m: re.Match[str]) -> str:
            typed = m.group(0)
            if (better := self.suggest(typed.lower())) is None:
                return typed
            if typed[0].isupper():  # a name mistyped ("Piedomnt"): as the documents write it
                better = self.names.get(better, better[:1].upper() + better[1:])
            fixes.append((typed, better))
            return better

        def compound(m: re.Match[str]) -> str:  # "co-funidng": each part on its own
            return "-".join(_WORD.sub(repl, part) for part in m.group(0).split("-"))

        return _COMPOUND.sub(compound, _WORD.sub(repl, question)), fixes


def _common_slip(word: str) -> str | None:
    """For a rare word of everyday language, the word one edit away that is `SLIP_GAP`
    more common, if any ("suport": support); None for a word in its own right."""
    zipf = everyday_zipf(word)
    if zipf >= REAL_WORD_ZIPF + SLIP_GAP or len(word) < EVERYDAY_MIN_LENGTH:
        return None
    best = _commonest_neighbour(word)
    return best if best is not None and everyday_zipf(best) >= zipf + SLIP_GAP else None


def _commonest_neighbour(word: str) -> str | None:
    """The commonest everyday word one edit away from `word`, if any."""
    return max(_edits(word) & _everyday_words(), key=lambda w: (everyday_zipf(w), w), default=None)


@cache
def _everyday_words() -> frozenset[str]:
    """The commonest English and Italian words (wordfreq), as long as a typo they may fix."""
    from wordfreq import top_n_list

    return frozenset(w for lang in ("en", "it") for w in top_n_list(lang, EVERYDAY_WORDS)
                     if len(w) >= EVERYDAY_MIN_LENGTH - 1 and w.isalpha())


_LETTERS = "abcdefghijklmnopqrstuvwxyzàèéìòù"


def _edits(word: str) -> set[str]:
    """Every string one edit (a letter left out, swapped with its neighbour, changed or
    added) from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
            | {a + c + b for a, b in splits for c in _LETTERS})


@cache
def _glossary_stems() -> frozenset[str]:
    return frozenset(stem(k) for k in glossary() if " " not in k)


def everyday_zipf(word: str) -> float:
    """How common the word is in everyday English or Italian, whichever is higher (Zipf
    scale, wordfreq's lists; 0 for a word they do not have)."""
    from wordfreq import zipf_frequency  # loads its word lists on first use

    return max(zipf_frequency(word, "en"), zipf_frequency(word, "it"))


def is_real_word(word: str) -> bool:
    return everyday_zipf(word) >= REAL_WORD_ZIPF


def corpus_words(texts: Iterable[str]) -> Counter[str]:
    """How often each lower-case word occurs in the texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w.lower() for w in re.findall(r"[^\W\d_]+", text))
    return counts

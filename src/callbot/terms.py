"""Words of questions and passages: tokens, stems, language and the bilingual glossary."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import Stemmer
import yaml
from bm25s.stopwords import STOPWORDS_EN_PLUS, STOPWORDS_ITALIAN

_WORD = re.compile(r"[\w%]+(?:[-'’][\w]+)*", re.UNICODE)
_STOP = frozenset(STOPWORDS_EN_PLUS) | frozenset(STOPWORDS_ITALIAN) | {
    "apart", "else", "put", "many", "get", "got", "must", "may", "might", "happens", "exactly",
    "può", "possono", "viene", "vengono", "stessa", "stesso", "bisogna", "serve", "servono",
    "deve", "devono", "dobbiamo", "possiamo", "siamo", "abbiamo", "nostro", "nostra", "nostri",
    "kind", "kinds", "sort", "sorts", "thing", "things", "also", "anche",
    "really", "actually", "mainly", "supposed", "mentioned", "need", "needs", "want", "like",
    "cosa", "quale", "quali", "quanto", "quanta", "quanti", "quante", "come", "dove", "quando",
    "perché", "chi", "qual", "what", "which", "how", "when", "where", "why", "who", "does", "do",
    "can", "could", "should", "would", "tell", "me", "please", "about", "documents",
    "document", "according", "secondo", "dice", "say", "says", "there", "ci", "c", "l", "d",
    "dell", "nell", "all", "dall", "sull", "un", "po", "il", "lo", "gli", "mi", "ti", "si",
    # adverbs that say how or when, never what about: "already in one consortium", "as well"
    "already", "still", "yet", "even", "well", "ever", "già", "ancora",
    # what the user does with the answer, or a pronoun, not what is asked: "which ones", "FAQ"
    "ones", "faq", "faqs",
}
_IT_MARKERS = frozenset(
    ["il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "che", "per", "con", "una", "uno", "sono", "è", "qual", "quale", "quali", "quanto", "quanti", "quante", "cosa", "come", "dove", "quando", "perché", "chi", "nel", "nella", "sul", "sulla", "si", "può", "possono", "serve", "devono", "deve", "siamo", "abbiamo", "ai", "agli", "alle", "ed", "anche", "non", "più"]
)
_EN_MARKERS = frozenset(
    ["the", "of", "and", "to", "is", "are", "what", "which", "how", "many", "much", "who", "when", "where", "why", "does", "do", "can", "could", "should", "would", "for", "with", "an", "a", "in", "on", "at", "by", "from", "it", "this", "that", "there", "we", "our", "you", "your", "get", "gets", "got", "has", "have", "was", "were", "will", "my", "they", "their", "be", "if", "or", "not", "any", "each"]
)
_stemmer = Stemmer.Stemmer("italian")


def words(text: str) -> list[str]:
    """Lower-case words; an English possessive 's is dropped ("Piedmont's" → "piedmont")."""
    out = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    return [w.removesuffix("'s") for w in out]


def is_stopword(word: str) -> bool:
    return word.lower() in _STOP


def ends_on_function_word(line: str) -> bool:
    """The line stops on a preposition or article ("2 partner dalla", "competenze specifiche
    nelle"): it goes on in the next line."""
    last = line.rsplit(None, 1)[-1] if line.strip() else ""
    return is_stopword(last.strip("•"))


def fold(word: str) -> str:
    """Accents off, so 'Sölvell' finds 'Solvell' and 'attivita' finds 'attività'."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    return fold(_stemmer.stemWord(word))


def tokenize(text: str) -> list[str]:
    """Stemmed content words (stopwords out) of a passage or query."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """`tokenize`, remembered: the same passages are read for every question."""
    out: list[str] = []
    for w in words(text):
        for part in re.split(r"['-]", w) if ("'" in w or "-" in w) else [w]:
            if part and part not in _STOP and (len(part) > 1 or part.isdigit()):
                out.append(stem(part))
    return tuple(out)


def detect_language(text: str) -> str:
    """'it' or 'en' by counting function words; ties go to Italian (the documents' language)."""
    ws = words(text)
    it = sum(w in _IT_MARKERS for w in ws) + 2 * sum(bool(re.search(r"[àèéìòù]", w)) for w in ws)
    en = sum(w in _EN_MARKERS for w in ws)
    return "en" if en > it else "it"


# Corpus word form → the words a user asks with: in English, and in everyday Italian.
LEXICONS = ("lexicon.tsv", "lexicon_it.tsv")


@lru_cache(maxsize=1)
def _hand_glossary() -> dict[str, list[str]]:
    """The hand-made domain glossary (`glossary.yaml`), keys lower-cased."""
    text = resources.files("callbot.data").joinpath("glossary.yaml").read_text(encoding="utf-8")
    return {str(key).lower(): [str(v) for v in vals] for key, vals in yaml.safe_load(text).items()}


@lru_cache(maxsize=1)
def glossary() -> dict[str, list[str]]:
    """A user's word or phrase → the Italian words the documents use for it: the hand-made
    domain glossary (`glossary.yaml`) first, then the corpus lexicons read the other way
    round (`lexicon.tsv`: Italian form → English words; `lexicon_it.tsv`: Italian form → the
    everyday Italian a user may write instead, "soldi" for "budget"). Keys whose words are
    all stopwords ("can", "may") are left out: they would find every passage."""
    data = resources.files("callbot.data")
    merged = {key: list(vals) for key, vals in _hand_glossary().items()}
    for lexicon in LEXICONS:
        for line in data.joinpath(lexicon).read_text(encoding="utf-8").splitlines():
            italian, _, asked = line.partition("\t")
            for term in (t.strip().lower() for t in asked.split(";")):
                if term and tokenize(term) and italian not in merged.setdefault(term, []):
                    merged[term].append(italian)
    # a word typed without its accent is the same word ("sostenibilita", "attivita")
    for term in [t for t in merged if _UNACCENTED.search(t)]:
        merged.setdefault(without_accents(term), merged[term])
    return merged


_UNACCENTED = re.compile(r"[àèéìòù]")


def without_accents(text: str) -> str:
    """The text with its accented vowels plain ("attività": attivita)."""
    return text.translate(str.maketrans("àèéìòù", "aeeiou"))


@lru_cache(maxsize=1)
def _keys_by_first_word() -> dict[str, list[str]]:
    """Glossary keys grouped by their first word: a question is then matched against the few
    keys that start with one of its words, not all of them."""
    out: dict[str, list[str]] = {}
    for term in glossary():
        out.setdefault(term.split(" ", 1)[0], []).append(term)
    return out


_ELIDED = re.compile(r"^(?:l|d|c|un|dell|dall|nell|sull|all|coll|quell|quest|tutt)'(?=\w)")


def _phrases(question: str) -> list[tuple[str, list[str]]]:
    """The glossary keys found in the question as whole words, with their Italian words. An
    acronym joined to a word by a hyphen counts as a word too ("UK-based": "uk")."""
    acronyms = [p.lower() for w in re.findall(r"\w+(?:-\w+)+", question)
                for p in w.split("-") if len(p) > 1 and p.isalpha() and p.isupper()]
    # an elided article or preposition is not part of the word ("l'Osservatorio")
    plain = [_ELIDED.sub("", w) for w in words(question)]
    low = " " + " ".join(plain) + " | " + " ".join(acronyms) + " "
    keys = _keys_by_first_word()
    candidates = sorted({t for w in low.split() for t in keys.get(w, [])})
    return [(t, glossary()[t]) for t in candidates if f" {t} " in low]


def term_groups(question: str) -> dict[str, set[str]]:
    """Each content stem of the question with the stems that count as the same term: its
    Italian translations when the glossary knows the word or a phrase holding it. A phrase of
    three words or more that are all stopwords ("say they need") is a term of its own."""
    groups: dict[str, set[str]] = {}
    for stem_ in tokenize(question):
        groups.setdefault(stem_, {stem_})
        if m := re.fullmatch(r"([a-z]{2,4})(\d{1,2})", stem_):
            groups[stem_].add(m.group(1))  # "wp3" typed for the documents' "Wp 3"
    for term, italian in _phrases(question):
        expansion = {s for it in italian for s in tokenize(it)}
        for s in tokenize(term):
            if s in groups:
                groups[s] |= expansion
        if not tokenize(term) and len(term.split()) >= 3:
            groups.setdefault(term, set()).update(expansion)  # "say they need": richieste
    return groups


def domain_glossary() -> frozenset[str]:
    """The keys of the hand-made domain glossary (`glossary.yaml`): "lombard", "piedmont",
    "brussels" are words of the documents' world, not incidental places."""
    return frozenset(_hand_glossary())


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Countries other than Italy and their peoples' words, Italian and English
    (`data/countries.txt`)."""
    text = resources.files("callbot.data").joinpath("countries.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


@lru_cache(maxsize=1)
def region_words() -> frozenset[str]:
    """Italian regions and their peoples' words (`data/regions.txt`)."""
    text = resources.files("callbot.data").joinpath("regions.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


def is_real_word(word: str) -> bool:
    from callbot.spell import is_real_word as real  # spell builds on this module

    return real(word)


# Country words that are everyday words in lower case: "usa" (it uses), not the USA.
_COUNTRY_LOOKALIKES = frozenset({"usa"})


# A number's magnitude written after it, as a word or a suffix: "2.52 million", "18,5mln", "360k".
_MAGNITUDE = re.compile(r"(?:[.,]\d+)*\s*(?:million|millions|milioni|milione|mln|mld|mila|thousand|k|bn|billion|"
                        r"miliardi)\b", re.IGNORECASE)


def specific_words(question: str) -> set[str]:
    """Stems of capitalised words (not first of a sentence), acronyms, numbers, and countries,
    Italian regions or their peoples in lower case ("il partner sloveno", "i poli
    piemontesi"); not an amount written with a
    thousands or millions suffix ("360k", "120mila", "18,5mln"), which the documents write
    in full."""
    out: set[str] = set()
    for m in re.finditer(r"[\w-]+", question):  # "dell'Australia": "dell", "Australia"
        word = m.group(0)
        if (digits := re.match(r"\d+", word)) and _MAGNITUDE.match(question, m.start() + digits.end()):
            continue  # "360k", "18,5mln", "2.52 million euro": the documents write "2.521.964,00"
        if word.lower() in country_words() | region_words():
            if word in _COUNTRY_LOOKALIKES:
                continue  # "che bandi usa il piemonte?": a verb, not the USA
            out.update(tokenize(word))
            continue
        before = question[: m.start()].rstrip()
        elided = before.endswith(("'", "’")) and before[-2:-1].isalpha()  # dell'Australia
        sentence_start = not before or (before[-1] in ".?!:\"'’“«(" and not elided)
        if re.search(r"\d", word) or word.isupper() and len(word) > 1 or (
            word[0].isupper() and (not sentence_start or not is_real_word(word.lower()))
        ):
            # of "2-year-old" or "UK-based", the plain lower-case words are not names; the
            # rare ones are ("innosup-1", "escp-4x")
            parts = [p for p in word.split("-") if not (p.isalpha() and p.islower() and is_real_word(p))] or [word]
            out.update(t for p in parts for t in tokenize(p))
    return out

"""Places, countries and regions named in a question (Italian or English).

Places are looked up in the offline gazetteer, longest phrase first ("Monaco di Baviera");
country and region names (and adjectives: "pugliese", "tedesco") describe partners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bm25s.stopwords import STOPWORDS_EN_PLUS, STOPWORDS_ITALIAN

from callbot.rules.geo import Country, Region, name_key
from callbot.rules.loader import RuleSet
from callbot.tools.distance import locate
from callbot.tools.eligibility import PartnerInput
from callbot.tools.extract import NUMBER_WORDS
from callbot.tools.places import (
    AmbiguousPlaceError,
    PlaceNotFoundError,
    admin1_of,
    is_known_place,
)

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:\.\d+)?")
_COORDS = re.compile(r"(-?\d{1,2}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)")
_PARTNER_WORDS = r"(?:partner|partners|soggetti|organizzazioni|organisations|organizations|" \
                 r"enti|membri|members|cluster|clusters)"
_BARE_COUNT = re.compile(r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+" + _PARTNER_WORDS)
MAX_WORDS = 4
PLACE_PREPOSITIONS = {"da", "a", "ad", "to", "from", "verso", "tra", "fra", "between", "e",
                      "and"}
CONNECTORS = {"di", "de", "del", "della", "am", "an", "en", "sur", "upon", "on", "le", "la",
              "les", "im", "in", "bei", "ob", "sul", "sulla", "nell'emilia", "d", "l", "y"}
_STOPWORD_TEXT = """
a ad al alla alle agli ai all and are as at be between but by can con da dal dalla dalle
dei del della delle di do does e ed for from how i il in is it la le lo ma me mi my ne
nel nella no noi not o of on or our per quanto quanti quale quali se si siamo sono stay
su the their there this to tra fra un una uno us we what when where which who why will
with you how much come cosa dove quando chi cluster partner partners lump sum euro eur
km giorni giorno days day working lavorativi travel viaggio scambio scambio exchange
exchanges scambi stay soggiorno visita visit host andiamo go going and then poi also
anche ospite cosme escp eu ue pmi sme smes clusterxchange sarebbe would get ricevere
ricevuto spetta spettano riceviamo receive much many mesi months month mese week settimana
lunedi martedi mercoledi giovedi venerdi sabato domenica monday tuesday wednesday thursday
friday saturday sunday yes si ok hello ciao grazie thanks thank please europe europa
how what which is are can could would should may might do does did
lombard alpine
"""
# Function words of either language are never a place, though the gazetteer knows towns
# called "Was", "Era" or "Come": "Was the pilot continued…" names no place.
STOPWORDS = frozenset(_STOPWORD_TEXT.split()) | {
    name_key(w) for w in (*STOPWORDS_EN_PLUS, *STOPWORDS_ITALIAN)
}


@dataclass(frozen=True)
class Token:
    text: str
    start: int


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), m.start()) for m in _TOKEN.finditer(text)]


def _geo_term(phrase: str, rules: RuleSet) -> Country | Region | None:
    return rules.regions.find(phrase) or rules.countries.find(phrase)


def _country_after(toks: list[Token], j: int, rules: RuleSet) -> tuple[Country | None, int]:
    for n in range(min(MAX_WORDS, len(toks) - j), 0, -1):
        if country := rules.countries.find(" ".join(t.text for t in toks[j:j + n])):
            return country, n
    return None, 0


def _plausible(words: list[Token], lowercase_ok: bool) -> bool:
    """A place phrase: no digits, no trailing stopword, capitalised words or connectors."""
    if any(t.text[-1].isdigit() for t in words) or name_key(words[-1].text) in STOPWORDS:
        return False
    return lowercase_ok or all(t.text[0].isupper() or t.text.lower() in CONNECTORS
                               for t in words[1:])


def _place_at(toks: list[Token], i: int, rules: RuleSet, lowercase_ok: bool) -> int:
    """Length (in tokens) of the place name starting at token i, 0 if none."""
    first = toks[i].text
    if name_key(first) in STOPWORDS or first[0].isdigit():
        return 0
    if first.isupper() and len(first) <= 4 and not lowercase_ok:
        return 0  # an acronym ("IVA", "PMI"), not a town that happens to share its letters
    if not (first[0].isupper() or lowercase_ok):
        return 0
    for n in range(min(MAX_WORDS, len(toks) - i), 0, -1):
        if not _plausible(toks[i:i + n], lowercase_ok):
            continue
        phrase = " ".join(t.text for t in toks[i:i + n])
        if len(name_key(phrase)) < 3 or _geo_term(phrase, rules):
            continue
        if is_known_place(phrase):
            return n
    return 0


def _unknown_at(toks: list[Token], i: int, rules: RuleSet) -> bool:
    """A capitalised word after "da/a/to/from..." that is no known place: an unknown place."""
    word = toks[i].text
    return (i > 0 and toks[i - 1].text.lower() in PLACE_PREPOSITIONS and word[0].isupper()
            and not (word.isupper() and len(word) <= 4)  # "soggetto a IVA": an acronym
            and name_key(word) not in STOPWORDS and _geo_term(word, rules) is None)


def find_places(text: str, rules: RuleSet, *, lowercase_ok: bool = False) -> list[str]:
    """Place names (or "lat,lon") in order; "Frankfurt, Germania" keeps its country.

    A capitalised word right after "da", "a", "to", "from"... is kept even when the
    gazetteer does not know it, so that the user is told it was not found.
    """
    found = [(m.start(), f"{m.group(1)},{m.group(2)}") for m in _COORDS.finditer(text)]
    toks = tokens(_COORDS.sub(lambda m: " " * len(m.group(0)), text))
    i = 0
    while i < len(toks):
        n = _place_at(toks, i, rules, lowercase_ok) or (1 if _unknown_at(toks, i, rules) else 0)
        if not n:
            i += 1
            continue
        name = " ".join(t.text for t in toks[i:i + n])
        country, used = _country_after(toks, i + n, rules)
        found.append((toks[i].start, f"{name}, {country.code}" if country else name))
        i += n + used
    return [place for _, place in sorted(found)]


def find_country(text: str, rules: RuleSet) -> str | None:
    """ISO code of the first country named in the text."""
    toks = tokens(text)
    for i in range(len(toks)):
        country, _ = _country_after(toks, i, rules)
        if country:
            return country.code
    return None


@dataclass
class Mention:
    index: int
    size: int
    term: Country | Region
    label: str | None = None  # the city that places it ("Bari"), named as the partner


def _mentions(toks: list[Token], rules: RuleSet) -> list[Mention]:
    found: list[Mention] = []
    i = 0
    while i < len(toks):
        for n in range(min(MAX_WORDS, len(toks) - i), 0, -1):
            phrase = " ".join(t.text for t in toks[i:i + n])
            if name_key(phrase) not in STOPWORDS and (term := _geo_term(phrase, rules)):
                found.append(Mention(i, n, term))
                i += n
                break
        else:
            i += 1
    return found


# "one in Munich", "uno a Bari", "un cluster di Lione", "based in Lyon": a city where a
# partner is.
_AT_PLACE = {"in", "a", "ad", "at", "di", "da", "from", "near", "vicino", "presso"}


def _city_mentions(toks: list[Token], rules: RuleSet, taken: set[int]) -> list[Mention]:
    """Partners named by their city: the city's region when the region map places it there
    (`Region.admin1`, "Bari": Puglia), else its country ("Munich": Germany). Cities the
    gazetteer does not know, or knows in several countries alike, name no partner."""
    found: list[Mention] = []
    i = 1
    while i < len(toks):
        n = 0 if i in taken or toks[i - 1].text.lower() not in _AT_PLACE else _place_at(
            toks, i, rules, lowercase_ok=False)
        if not n:
            i += 1
            continue
        name = " ".join(t.text for t in toks[i:i + n])
        try:
            place = locate(name, "partners", rules)
        except (AmbiguousPlaceError, PlaceNotFoundError):
            place = None
        country = rules.countries.find(place.country) if place and place.country else None
        admin1 = admin1_of(place) if place else None
        term = (rules.regions.by_admin1(place.country, admin1) if place and place.country and admin1
                else None) or country
        if term is not None:
            found.append(Mention(i, n, term, place.name if place else None))
        i += n
    return found


def _count_before(toks: list[Token], mention: Mention, floor: int, used: set[int]) -> int:
    for j in range(mention.index - 1, max(floor, mention.index - 4) - 1, -1):
        word = toks[j].text.lower()
        if word.isdigit() or word in NUMBER_WORDS:
            used.add(j)
            return int(word) if word.isdigit() else NUMBER_WORDS[word]
    return 1


def _partner(term: Country | Region, label: str | None = None) -> PartnerInput:
    if isinstance(term, Region):
        return PartnerInput(name=label or term.name, country=term.country, region=term.name)
    return PartnerInput(name=label or term.en, country=term.code)


def _same_place(prev: Mention | None, mention: Mention) -> bool:
    """"Puglia, Italia", "Bari, Puglia", "Munich, Germany": a region or country right after
    a place in it adds no partner."""
    if prev is None or mention.label is not None or mention.index - (prev.index + prev.size) > 1:
        return False  # a town is a partner of its own ("Milano e Brescia": two)
    if prev.term == mention.term:
        return True
    return (isinstance(mention.term, Country)
            and (prev.term.country if isinstance(prev.term, Region) else prev.term.code)
            == mention.term.code)


def _narrows(prev: Mention | None, mention: Mention) -> bool:
    """"Germany (Oberbayern)": a region right after its country says where that partner is."""
    return (prev is not None and isinstance(prev.term, Country)
            and isinstance(mention.term, Region) and mention.term.country == prev.term.code
            and mention.index - (prev.index + prev.size) <= 1)


def _numbered(partners: list[PartnerInput]) -> list[PartnerInput]:
    names = [p.name for p in partners]
    out = []
    for i, p in enumerate(partners):
        if names.count(p.name) > 1:
            p = p.model_copy(update={"name": f"{p.name} {names[:i + 1].count(p.name)}"})
        out.append(p)
    return out


def find_partners(text: str, rules: RuleSet) -> list[PartnerInput]:
    """Consortium partners: one per region/country named (times a count before it)."""
    toks = tokens(text)
    partners: list[PartnerInput] = []
    used: set[int] = set()
    prev: Mention | None = None
    count = 0
    named = _mentions(toks, rules)
    taken = {m.index + k for m in named for k in range(m.size)}
    cities = _city_mentions(toks, rules, taken)
    lone_town = cities if len(named) + len(cities) < 2 else []
    if lone_town:
        cities = []  # one town alone says where the asker is ("siamo un cluster di Bari")
    for mention in sorted([*named, *cities], key=lambda m: m.index):
        if _narrows(prev, mention):
            partners[-count:] = [_partner(mention.term, mention.label)] * count
        elif not _same_place(prev, mention):
            floor = prev.index + prev.size if prev else 0
            count = _count_before(toks, mention, floor, used)
            partners += [_partner(mention.term, mention.label)] * count
        prev = mention
    partners += [PartnerInput(name="partner")] * max(0, _bare_count(text, toks, used)
                                                      - len(partners))
    if lone_town and partners == [PartnerInput(name="partner")]:
        # "siamo un cluster di Bari": the one partner is the asker, and it is in Bari
        partners = [_partner(lone_town[0].term, lone_town[0].label)]
    return _numbered(partners)


def _bare_count(text: str, toks: list[Token], used: set[int]) -> int:
    """ "siamo due partner", "two clusters, one in Spain and one in Portugal": a total.

    The partners located by country or region are part of that total, not added to it.
    """
    starts = {t.start: k for k, t in enumerate(toks)}
    total = 0
    for m in _BARE_COUNT.finditer(text.lower()):
        k = starts.get(m.start())
        if k is None or k in used:
            continue
        total += int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS[m.group("n")]
    return total

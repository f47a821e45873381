"""Questions that ask for a thing only one kind of text can give — an e-mail address, a phone
number, a web address, a person's name, how things actually turned out — are answered only
when a retrieved passage holds that kind of text. Passages about the right office but without its phone number do not
answer "what is their phone number?"."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from callbot.figures import MONTH_NAMES, number_words
from callbot.spell import everyday_zipf
from callbot.terms import is_stopword, region_words, tokenize

# Given names of the countries the documents deal with, from Faker's locale data.
NAME_LOCALES = ("it_IT", "en_US", "en_GB", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH", "es_ES",
                "sl_SI", "nl_NL", "pl_PL")
# Both words of a name that is not a known given name are this rare in English and Italian
# ("Orian Sölvell"): on the Zipf scale, 2 is once per ten million words.
RARE_NAME_ZIPF = 2.0

_ROLE = (r"(cluster\s+)?manager|direct(or|ress)|diret(tore|trice)|president(e|essa)?|chair(man|woman|"
         r"person)?|responsabile|referente|funzionari[oa]|official|officer|autor[ei]|autrice|"
         r"author|dirigente|contact\s+person|persona\s+di\s+(contatto|riferimento)|point\s+of\s+contact|spokes(person|man|woman)|ceo|"
         r"(keynote\s+)?speakers?|relator[ei]|relatrice|oratori?|oratric[ei]|moderator[ei]?|moderatrice|"
         r"commissari[oa]|commissioner")
# "who gave the keynote", "chi ha tenuto il discorso di apertura": a person who spoke.
_SPOKE = (r"\bwho\s+(gave|delivered|held|opened|closed|chaired|moderated|presented)\s+(the\s+)?"
          r"(\S+\s+){0,2}(keynote|speech|talk|address|opening|presentation|session|conference|event|"
          r"meeting)\b|"
          r"\bchi\s+(ha|hanno)\s+(tenuto|fatto|aperto|chiuso|moderato|pronunciato|dato|illustrato|presentato|esposto)\s+"
          r"(il\s+|la\s+|l['’]\s*|i\s+|gli\s+)?(\S+\s+){0,5}(discors[oi]|intervent[oi]|keynote|"
          r"relazion[ei]|saluti|apertura|chiusura|sessione|lavori|conferen[zc][ae]|convegno|evento|presentazion[ei]|slide)\b|"
          # "chi ha scritto la nota?", "who wrote the survey?": its author
          r"\bchi\s+(ha|hanno)\s+(scritto|redatto|curato)\b|\bwho\s+(wrote|authored|drafted)\b|"
          # "quale commissario ha parlato?", "which commissioner spoke?"
          r"\b(quale|quali|which|what)\s+(\S+\s+)?(commissari[oa]|commissioner|speakers?|relator[ei]|oratori?)\s+"
          r"(europe[oa]\s+|ue\s+|eu\s+)?((ha|hanno|has|have|had)\s+)?(parlato|spoke|speak|intervenut[oi]|aperto|opened|presented|presentato|"
          r"(fatto|tenuto|pronunciato|gave|delivered|made)\s+(il\s+|the\s+|a\s+|an\s+)?(\S+\s+)?(discorso|speech|keynote))\b")


# Two capitalised words: "Laura Delponte" (`person_like` tells names from headings).
_PERSON = re.compile(r"(?<![\w.’'-])([A-Z][a-zà-ÿ]{2,}) ([A-Z][a-zà-ÿ]{2,})\b")


@dataclass(frozen=True)
class Shape:
    what: str  # said in the refusal reason: "no passage gives <what>"
    asks: re.Pattern[str]
    found: re.Pattern[str]
    accept: Callable[[re.Match[str]], bool] = lambda m: True
    # the question's names may stand anywhere in the passage's document, not in the passage
    named_in_document: bool = False

    def in_text(self, text: str) -> bool:
        return any(self.accept(m) for m in self.found.finditer(text))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    names: set[str] = set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        names.update(provider.first_names)
    return frozenset(names)


def person_like(m: re.Match[str]) -> bool:
    """"Laura Delponte" (a given name and a capitalised word) or two different rare words
    ("Orian Solvell"); not "European Cluster", "Bando Driade" or a heading said twice."""
    first, last = m.group(1), m.group(2)
    if first == last:
        return False
    if first in given_names():
        return not is_stopword(last)
    return everyday_zipf(first) < RARE_NAME_ZIPF and everyday_zipf(last) < RARE_NAME_ZIPF


# "Who do I contact about…? name and role please": a person to write to.
_WHOM = (r"\bwho\s+(do|should|can|could)\s+(i|we)\s+(contact|write\s+to|call|reach)\b|"
         r"\bchi\s+(posso|devo|possiamo|dobbiamo|potrei|potremmo)\s+(contattare|sentire|chiamare)\b|"
         r"\bname\s+and\s+(role|title|position|surname)\b|\bnome\s+e\s+(ruolo|qualifica|cognome)\b|"
         r"\bfirst\s+and\s+last\s+name\b|"
         # "full name pls" of a person, not of "which organisation runs …?"
         r"^(?!.*\b(?:organi[sz]ations?|organizzazion[ei]|agency|agenzia|body|ente|institution|"
         r"istituzione|company|società|network|secretariat|segretariato|programme|programma|project|"
         r"progetto|acronym|acronimo)\b).*\bfull\s+name\b")


# A question about how things turned out — who won, what was actually achieved, how many
# proposals came in — needs a passage that reports outcomes: calls, plans and presentations
# describe what is to happen. "What did the survey actually find?" is not such a question.
_PAST = (r"(?:\b|^)(did|got|took|were|was|had|ended\s+up|has\s+been|have\s+been|ha|hanno|(?:è|e['’])\s+(?:già\s+)?stat[oaie]|"
         r"sono\s+(?:già\s+)?stat[ie]|"
         r"è\s+andat[oa]|era|erano|fu|furono)\b")
_IN_THE_END = (r"\b(actually|in\s+the\s+end|eventually|ultimately|effettiv\w*|alla\s+fine\b(?!\s+d)|"
               r"una\s+volta\s+conclus\w*|com['’]\s*è\s+andat\w*|end(ed|s)?\s+up|by\s+the\s+end\s+of|"
               r"so\s+far|to\s+date|finora|fino\s+ad?\s+(ora|oggi))")
_OUTCOME = (r"\b(select\w*|fund\w*|financ\w*|creat\w*|achiev\w*|reach\w*|carried\s+out|submitt\w*|win\w*|"
            r"award\w*|results?|outcomes?|deadline|scadenz\w*|raggiun\w*|ottenu\w*|selezion\w*|"
            r"finanzi\w*|realizz\w*|presentat\w*|risultat\w*|esit\w*|andat\w*|publish\w*|pubblicat\w*|"
            r"launch\w*|lanciat\w*|done|svolt\w*|condott\w*|conducted|took\s+place|happened|held)\b")

SHAPES = [
    Shape(
        "a deadline",
        re.compile(r"\b(deadline|cut-?off|scadenz\w*|entro\s+quando|entro\s+(che|quale)\s+(data|giorno)|"
                   r"by\s+when|by\s+what\s+date|termine\s+ultimo)\b",
                   re.IGNORECASE),
        # a day or month after a word of deadlines: "pubblicata tra Febbraio e Marzo" is not one
        re.compile(rf"\b(deadline|cut-?off|scadenz\w*|scade\w*|entro|termine|closes?|closing)\b\W+"
                   rf"(?:[\w'’-]+\W+){{0,12}}?({MONTH_NAMES}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\s?\d{{2,4}})\b",
                   re.IGNORECASE),
    ),
    Shape(
        "an e-mail address",
        re.compile(r"\b(e-?mail|posta\s+elettronica|pec)\s+(address|addresses)\b|\bindirizz[oi]\s+"
                   r"(e-?mail|di\s+posta|pec|mail)\b|\b(what|which|qual)\b[^?]{0,30}\be-?mail\b(?!\s+(to|a)\b)|"
                   # "mi servono nome e email della persona…", "name and email of…"
                   r"\b(nome|name|contatt\w*|contacts?|recapit\w*)\s+(e|ed|and|&)\s+(l['’]\s*)?e-?mail\b|"
                   r"\b(mi\s+serv\w+|i\s+need|we\s+need|dammi|datemi|give\s+me|send\s+me)\s+(the|their|his|her|its|l['’]|la|una?)\s*"
                   r"(\w+\s+)?e-?mail\b",
                   re.IGNORECASE),
        re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    ),
    Shape(
        "a phone number",
        re.compile(r"\b(phone|telephone)\s+(number|no\b\.?|nr\b\.?|#)|\bnumer[oi]\s+di\s+(telefono|tel\b)|\b(telefono|recapito\s+"
                   r"telefonico|cellulare)\b|\bmobile\s+number\b|\btel\.?\s*(no|n|nr)\b", re.IGNORECASE),
        re.compile(r"\+\d{1,3}[\s.]?\(?\d|\b(?:tel|telefono|phone|T)\b\s*[.:]?\s*\d{2,}", re.IGNORECASE),
    ),
    Shape(
        "a web address",
        re.compile(r"\b(website|web\s+site|web\s+page|web\s+address|url|sito(\s+web|\s+internet)?|"
                   r"pagina\s+web|indirizzo\s+web)\b", re.IGNORECASE),
        re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:eu|it|com|org|net|int)\b", re.IGNORECASE),
    ),
    Shape(
        "a person's name",
        re.compile(rf"\bwho\s*(is|was|are|were|['’]s)\s+(the\s+)?(\S+\s+){{0,2}}({_ROLE})\b|"
                   rf"\bname\s+of\s+(the\s+)?(\S+\s+){{0,2}}({_ROLE})\b|"
                   rf"\b(chi\s+(è|e|era|sono)|come\s+si\s+chiam\w+|(il\s+)?nome\s+del(la|l['’])?)\s*"
                   rf"(il\s+|la\s+|l['’]\s*|i\s+|gli\s+)?(\S+\s+){{0,2}}({_ROLE})\b|{_WHOM}|"
                   # "contact person at the observatory + phone no.?", "persona di contatto" (not
                   # "referente": "sono la referente di un distretto" is who asks)
                   r"\bcontact\s+person\b|\bpersona\s+(di\s+)?contatto\b",
                   re.IGNORECASE),
        _PERSON,
        person_like,
    ),
    Shape("the name of who spoke", re.compile(_SPOKE, re.IGNORECASE), _PERSON, person_like),
    Shape(
        "how things actually turned out",
        re.compile(rf"^(?=.*{_IN_THE_END})(?=.*{_PAST})(?=.*{_OUTCOME})|\b(won|winners?|h(a|anno)\s+(poi\s+)?"
                   r"vinto|vincitor\w*|success\s+rates?|tass[oi]\s+di\s+successo|got\s+(funded|selected))\b|"
               # "è già stato pubblicato?": whether it has come out yet; "is it open yet?"
               r"\b(già|already)\s+(stat[oaie]\s+|been\s+)?(pubblicat\w*|published|lanciat\w*|launched|uscit[oaie]|"
               r"apert[oa]|open)\b|\bopen\s+yet\b",
                   re.IGNORECASE | re.DOTALL),
        re.compile(r"\b(effettivamente|actually|in\s+the\s+end|vincitor\w*|vinto|won|winners?|"
                   r"h(a|anno)\s+ottenuto|sono\s+stat[ie]\s+(selezionat|finanziat|ammess)\w*|"
                   r"were\s+(selected|funded)|risultati\s+(ottenuti|raggiunti)|results\s+(achieved|"
                   r"obtained))\b", re.IGNORECASE),
    ),
]


def _region_names() -> re.Pattern[str]:
    words = sorted(region_words(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


# "Which Italian regions count as transition regions?": a passage that names some, not one
# that speaks of "una regione in transizione".
SHAPES.append(Shape(
    "the names of regions",
    re.compile(r"\b(which|what|quali|quale)\s+(\w+\s+){0,2}?(regions|regioni)\b", re.IGNORECASE),
    _region_names(),
    lambda m: m.group(0)[0].isupper(),  # "Puglia", not "i distretti pugliesi"
))

# "What share of the surveyed clusters named bureaucracy?": a percentage or a fraction, in a
# passage about what the question counts (`SHAPE_RELEVANCE`), not the 85 % of another budget.
SHAPES.append(Shape(
    "a share or percentage",
    re.compile(r"\b(what|which)\s+(share|percentage|proportion|fraction)\b|\bwhat\s+per\s*cent|"
               r"\bresponse\s+rate\b|\btass[oi]\s+di\s+risposta\b|"
               r"\b(quale|che)\s+(quota|percentuale|proporzione)\b|\bquant[oia]\s+per\s*cento\b|"
               r"\bin\s+che\s+percentuale\b", re.IGNORECASE),
    re.compile(r"%|\bper\s*cento\b|\bpercent\b|\bmetà\b|\bhalf\b|\bun\s+terzo\b|\bquarter\b",
               re.IGNORECASE),
))

# "Quanti mesi durano i progetti…?", "how long does the pilot run?": a length of time ("tra 20
# e 24 mesi", "tre anni", "5 working days"), in a passage that names what the question names
# (the COSME 2019 projects' 20-24 months are not ESCP4S3's).
_UNITS_OF_TIME = r"(mes[ei]|giorn[oi]|anni|anno|settiman[ae]|ore|months?|days?|years?|weeks?|hours?)"
SHAPES.append(Shape(
    "a length of time",
    re.compile(r"\bhow\s+long\b|\bhow\s+many\s+(months|years|weeks|days)\b|\bquant[ioae]\s+"
               r"(tempo|mesi|anni|settimane|giorni)\b|\bquanto\s+dur\w*|\bper\s+quanto\s+tempo\b|"
               r"\b(durata|duration)\b", re.IGNORECASE),
    re.compile(rf"\b(\d+|{number_words(2, 30)})\s+(?:\w+\s+)?{_UNITS_OF_TIME}\b|\b(annual\w*|biennal\w*|"
               r"triennal\w*|pluriennal\w*|multi-?annual|one-?year|two-?year|three-?year)\b",
               re.IGNORECASE),
    named_in_document=True,  # the pilot's "3-6 mesi" on a slide of the Osservatorio's proposals
))

# "Quali cluster pilota sono stati scelti…?", "which consortia were selected?": which ones a
# selection picked, which only a passage that reports the selection names.
SHAPES.append(Shape(
    "which ones were chosen",
    # not the noun "le scelte" (the choices)
    re.compile(r"\b(which|what|quali|quale)\b[^?]{0,80}?(?<!\ble\s)(?<!\bnelle\s)(?<!\bdelle\s)(?<!\balle\s)"
               r"(?<!\bsulle\s)(?<!\bdalle\s)\b(scelt[ioae]|selezionat[ioae]|chosen|selected|picked)\b",
               re.IGNORECASE),
    re.compile(r"\b(sono\s+stat[ie]|è\s+stat[oa]|were|was|have\s+been|has\s+been)\s+(scelt|selezionat|chosen|"
               r"selected|picked)\w*|\b(scelt[ie]|selezionat[ie]|chosen|selected)\s*:", re.IGNORECASE),
))

# "When does the Business Accelerator call open for applications?": a day or month after a word
# of opening or publishing, in a passage that names what the question names.
SHAPES.append(Shape(
    "an opening date",
    re.compile(r"\b(when|(on\s+)?(what|which)\s+(date|day))\s+(does|do|will|did|is|are|was|were)\b[^?]{0,80}\b(open|opens|opening|launched|published)\b|"
               r"\b(in\s+)?(che|quale)\s+(data|giorno)\b[^?]{0,60}\b(aperto|aperta|apre|aperti|pubblicat\w*|lanciat\w*)\b|"
               r"\bquando\s+(apre|si\s+apre|aprirà|aprono|verrà\s+apert\w*|sarà\s+apert\w*)\b|"
               r"\b(opening|launch)\s+date\b|\bdata\s+di\s+(apertura|pubblicazione)\b", re.IGNORECASE),
    re.compile(rf"\b(apertur\w*|apert[oaie]|apre|aprirà|opens?|opening|emanat\w*|pubblicat\w*|publish\w*|"
               rf"lanciat\w*|launch\w*)\b\W+(?:[\w'’-]+\W+){{0,12}}?({MONTH_NAMES}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\s?\d{{2,4}})\b",
               re.IGNORECASE),
))

# Share of the best passage's coverage of the question that a passage giving the asked kind
# of text must reach.
SHAPE_RELEVANCE = 0.5

# What a question may ask for that only a contact line gives.
CONTACTS = ("an e-mail address", "a phone number", "a web address", "a person's name")


@lru_cache(maxsize=1)
def topics() -> list[Shape]:
    """Topics of funding calls a question can name in so many words (`data/topics.yaml`):
    only a passage that speaks of the page limit says what it is."""
    data = resources.files("callbot.data").joinpath("topics.yaml").read_text(encoding="utf-8")
    return [Shape(t["what"], _asks(t["asks"], t.get("unless")), re.compile(t["found"], re.IGNORECASE))
            for t in yaml.safe_load(data)]


def _asks(asks: str, unless: str | None) -> re.Pattern[str]:
    """A topic's `asks`, not in a question that `unless` matches anywhere."""
    return re.compile(f"(?s)^(?!.*(?:{unless})).*?(?:{asks})" if unless else asks, re.IGNORECASE)


def asked_shapes(question: str) -> list[Shape]:
    return [shape for shape in [*SHAPES, *topics()] if shape.asks.search(question)]


def missing_shape(question: str, passages: list[str], specific: list[set[str]],
                  relevance: list[float] | None = None,
                  documents: list[frozenset[str]] | None = None) -> str | None:
    """What the question asks for that no passage holds, or None. When the question names
    something (`specific`: for each of its names and acronyms, the stems that find it: its
    own, and its translations for an English question), the passage must name all of it
    too: the phone number on a slide about another office does not answer, nor the INNOSUP
    deadline under a heading that names ESCP4S3 the "ESCP4S3 call of COSME 2017". The check is per
    passage, not per sentence (slides put a name and its contacts on different lines), so a
    passage that names the thing in one place and gives someone else's address in another
    still counts. With `relevance` (how much of the question each passage covers), the
    passage must also be about the question nearly as much as the best one
    (`SHAPE_RELEVANCE`): "chi ha aperto i lavori della conferenza?" is not answered by a
    consultant's name on another document's last slide. With `documents` (the stems of each
    passage's whole document), a shape `named_in_document` needs the names in the passage's
    document only."""
    relevance = relevance or [1.0] * len(passages)
    top = max(relevance, default=0.0)

    def names_all(i: int, shape: Shape) -> bool:
        stems = documents[i] if shape.named_in_document and documents else set(tokenize(passages[i]))
        return all(group & stems for group in specific)

    for shape in asked_shapes(question):
        # a contact line stands on a slide of its own, with few of the question's words
        floor = 0.0 if shape.what in CONTACTS else top * SHAPE_RELEVANCE
        if not any(shape.in_text(p) and names_all(i, shape) and r >= floor
                   for i, (p, r) in enumerate(zip(passages, relevance))):
            return shape.what
    return None

"""A question that asks why ("Perché…?", "…, and why?") is answered only when a quote gives a
reason for what it asks about: a clause of cause or purpose ("perché i consorzi dovranno…",
"essendo troppo pesanti", "per individuarne i punti di forza") or a reason in brackets
("Collaborazione ristretta all'ambito regionale (inadeguatezza dei fondi nazionali)"). The
documents state many things and explain few of them: quoting the slide that says the EU is
extending its cluster policy does not say why it is."""

from __future__ import annotations

import re

from callbot.terms import is_stopword, tokenize

# "why", "perché", "come mai", "per quale motivo", "what reason": at the start of the
# question or of one of its clauses ("Where can I get them, and why weren't they attached?").
ASKS_WHY = re.compile(
    r"(?:^|[?:.,;]\s*|\b(?:and|e|ma|but)\s+)(why|perch[eéè]|come\s+mai|how\s+come|"
    r"for\s+what\s+reasons?|per\s+quale\s+(?:motivo|ragione)|what\s+reasons?|which\s+reasons?|"
    r"quali?\s+(?:motivi|motivo|ragioni|ragione))\b",
    re.IGNORECASE,
)
# "per allineare", "per rafforzarne": a purpose, the weakest sign of a reason.
_PURPOSE = re.compile(r"per\s+(?:non\s+)?\w+(?:ar|er|ir)(?:e|ne|si|li|la|lo|le|ci|vi)", re.IGNORECASE)
# A clause of cause or purpose, in Italian or English.
_CAUSE = re.compile(
    r"\b(perch[eéè]|poich[eéè]|giacch[eéè]|in\s+quanto|dato\s+che|visto\s+che|siccome|a\s+causa|"
    r"grazie\s+a|dovut[oaie]\s+a|per\s+via|motiv\w*|ragion\w*|al\s+fine|allo\s+scopo|affinch[eéè]|"
    r"in\s+modo\s+(?:tale\s+)?(?:da|che)|così\s+da|essendo|avendo|quindi|pertanto|"
    rf"{_PURPOSE.pattern}|"
    r"because|since|due\s+to|owing\s+to|so\s+that|in\s+order\s+to|reasons?|thanks\s+to)\b",
    re.IGNORECASE,
)
# Words in brackets, not a name, an acronym or a list: "(inadeguatezza dei fondi nazionali)",
# not "(DC Programmazione)" or "(gold, silver, bronze)".
_BRACKETED = re.compile(r"\(([a-zà-ÿ][^()\d,;]*)\)")
# "What reason is given for it in brackets?": the question says where the reason stands.
_IN_BRACKETS = re.compile(r"\b(brackets?|parenthes[ie]s|parentesi)\b", re.IGNORECASE)
# How many words before a bracket say what it is about.
_BEFORE_BRACKET = 4
_UNITS = re.compile(r"\s*•\s*|(?<=[.;!?])\s+")


def asks_why(question: str) -> bool:
    return bool(ASKS_WHY.search(question))


def _explains(m: re.Match[str], unit: str, asked: set[str]) -> bool:
    """Whether the bracket `m` gives a reason for what the question asks: it follows a word of
    the question ("Collaborazione ristretta all'ambito regionale (…)"),
    not a qualification of something else ("5 working days (travel time excluded)") nor a
    gloss on a figure ("1.100 euro (lump sum)": the question's "100" is no word of it), and it
    is not what is asked itself ("(modello francese)" for "why the French model?")."""
    before = [t for t in tokenize(unit[: m.start()])[-_BEFORE_BRACKET:] if not t.isdigit()]
    inside = set(tokenize(m.group(1)))
    if is_stopword(m.group(1).split()[0]):  # "(in qualità di host organisation)": a role
        return False
    return bool(set(before) & asked) and not inside <= asked


def _gives_reason(unit: str, asked: set[str]) -> bool:
    return bool(_CAUSE.search(unit)) or any(_explains(m, unit, asked) for m in _BRACKETED.finditer(unit))


def reason_missing(question: str, asked: set[str], quotes: list[str], titles: list[str] | None = None,
                   names: list[set[str]] | None = None) -> bool:
    """Whether a why-question's quotes give no reason: no sentence or list item that shares a
    word with the question (`asked`: the stems of its words and their translations) holds a
    clause of cause or purpose or a reason in brackets. False for other questions.

    A word of its document's title (`titles`, one per quote) does not make a unit about the
    question: every line of the S3-4AlpClusters deck is about S3-4AlpClusters. With `names`
    (for each name or figure of the question other than a year, the stems that find it), the
    unit must hold one of those its document's title does not."""
    if not asks_why(question):
        return False
    if _IN_BRACKETS.search(question) and any(_BRACKETED.search(q) for q in quotes):
        return False
    titles = titles or [""] * len(quotes)
    units = [(u, asked - set(tokenize(title)), title) for quote, title in zip(quotes, titles)
             for u in _UNITS.split(quote) if u]
    # the unit that states what is asked shares most of its words ("Estensione della cluster
    # policy a molti paesi non europei"); a purpose in a unit sharing fewer ("Future call per
    # allineare cluster policy …", "Per visionare le aggregazioni di distretti europei …")
    # is the purpose of something else
    most = max((len(set(tokenize(u)) & about) for u, about, _ in units), default=0)
    for unit, about, title in units:
        # the reason of what the question names ("the Driade call", "350,000 euro"), not of
        # another call's rule; a name the document's title holds is named by all its lines
        own_names = [group for group in names or [] if not group & set(tokenize(title))]
        if own_names and not any(group & set(tokenize(unit)) for group in own_names):
            continue
        shared = len(set(tokenize(unit)) & about)
        if not shared or not _gives_reason(unit, about):
            continue
        # a bare purpose ("per allineare …") explains the unit it stands in, which must be
        # about what is asked; a cause or a bracket says what it explains
        bracket = any(_explains(m, unit, about) for m in _BRACKETED.finditer(unit))
        causes = [m.group(0) for m in _CAUSE.finditer(unit)]
        purpose_only = not bracket and bool(causes) and all(_PURPOSE.fullmatch(c) for c in causes)
        if not purpose_only or shared == most:
            return False
    return True

"""A claim the question asks to check ("draft says 'in 2008 the region set up 7 poles'. right?",
"ho scritto che i progetti durano 36 mesi, è giusto?").

A helpdesk operator pastes what they are about to send, with its figures, right or wrong. A
figure of the claim is what is being checked, not what the question is about: that no passage
holds "1,500" means the draft may be wrong, not that the documents speak of something else.
The answer quotes the passage that gives the right figure."""

from __future__ import annotations

import re

from callbot.terms import specific_words, tokenize

# Who wrote or says what is checked: "ho scritto (a un'impresa) che", "draft says", "is it
# true that", "un collega dice che".
_LEAD = re.compile(
    r"\b(?:(?:ho|abbiamo|avevo|avevamo)\s+(?:scritto|risposto|detto|messo|indicato)|"
    r"(?:gli|le)\s+ho\s+detto|(?:dice|dicono|sostiene|afferma|scrive)\s+che|è\s+vero\s+che|"
    r"(?:draft|reply|answer|colleague|email|e-mail|note)\s+(?:\w+\s+){0,2}?(?:says|said|states|reads)|"
    r"i\s+(?:wrote|told|said|replied|answered)|we\s+(?:wrote|told|said|replied)|"
    r"is\s+it\s+(?:true|correct|right)\s+that|(?:draft|bozza)(?:\s+\w+){0,3}\s*:)",
    re.IGNORECASE,
)
# …and the question asks whether it holds: "is that right?", "anything wrong?", "è giusto?",
# "ho sbagliato?", "confermi?".
_CHECK = re.compile(
    r"\b(?:is\s+(?:that|this|it)\s+(?:right|correct|true|accurate|ok)|right\s*\?|correct\s*\?|true\s*\?|"
    r"anything\s+wrong|any\s+mistakes?|did\s+i\s+get\s+it\s+right|can\s+i\s+send\s+it|"
    r"è\s+(?:giusto|corretto|vero|esatto|tutto\s+ok)|giusto\s*\?|corretto\s*\?|vero\s*\?|"
    r"(?:ho|abbiamo)\s+sbagliato|mi\s+sa\s+che\s+ho\s+sbagliato|confermi|va\s+bene\s+così)",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"['‘\"“«]([^'’\"”»]{8,400})['’\"”»]")
_FIGURE = re.compile(r"\d")


def claims(question: str) -> list[str]:
    """The claims a question asks to check: the quoted draft, or what follows "ho scritto
    che"/"is it true that" up to the check; none when the question checks nothing."""
    lead, check = _LEAD.search(question), _CHECK.search(question)
    if not lead and not check:
        return []
    if quoted := [m.group(1) for m in _QUOTE.finditer(question)]:
        return quoted
    if lead:
        end = check.start() if check and check.start() > lead.end() else len(question)
        return [question[lead.end(): end]]
    return []


def claimed_figures(question: str) -> set[str]:
    """The stems of the figures in the claims a question checks ("1,500", "7", "36")."""
    found = set()
    for claim in claims(question):
        found |= {t for t in [*tokenize(claim), *specific_words(claim)] if _FIGURE.search(t)}
    return found

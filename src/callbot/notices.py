"""Notices shown next to answers: what the assistant is, and whether the call is still open.

The closing date comes from the call_status calculator (and so from the rules file), never
from a literal here.
"""

from __future__ import annotations

import re
from datetime import datetime

from callbot.models import Strict
from callbot.rules.loader import RuleSet
from callbot.rules.schema import RuleRef
from callbot.tools.call_status import CallStatusInput, call_status

DISCLAIMER = {
    "en": "callbot is an automatic assistant that quotes the call documents; it can be wrong. "
    "The official documents of the call prevail over its answers.",
    "it": "callbot è un assistente automatico che cita i documenti del bando e può sbagliare. "
    "In caso di dubbio prevalgono i documenti ufficiali del bando.",
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"],
}
_APPLYING = re.compile(
    r"\b(appl(y|ying|ication|ications)|submit\w*|submission|deadline|still open|is (the call|it) "
    r"open|take part|join the call|candidar\w*|candidatur\w*|presentare|presentazione|"
    r"scadenz\w*|fare domanda|domanda di partecipazione|ancora aperto|è aperto|aperta|"
    r"partecipare al bando|iscriver\w*)\b",
    re.IGNORECASE,
)


class CallNotice(Strict):
    """Whether the call is open, as a sentence in each language, with the rule it rests on."""

    open: bool
    en: str
    it: str
    rule: RuleRef

    def text(self, language: str) -> str:
        return self.it if language == "it" else self.en


def about_applying(question: str) -> bool:
    """True when the question is about applying, submitting or the deadline."""
    return bool(_APPLYING.search(question))


def long_date(moment: datetime, language: str) -> str:
    """'4 April 2019' / '4 aprile 2019'."""
    return f"{moment.day} {MONTHS[language][moment.month - 1]} {moment.year}"


def call_notice(now: datetime | None = None, rules: RuleSet | None = None) -> CallNotice:
    """'The call closed on <deadline>' (or 'is open until'), from the call_status calculator."""
    status = call_status(CallStatusInput(now=now), rules)
    deadline = status.deadline
    en_day, it_day, hour = long_date(deadline, "en"), long_date(deadline, "it"), f"{deadline:%H:%M}"
    if status.open:
        en = f"The call is open until {en_day}, {hour} Brussels time."
        it = f"Il bando è aperto fino al {it_day}, ore {hour} (ora di Bruxelles)."
    else:
        en = (f"The call closed on {en_day} ({hour} Brussels time): it is no longer possible "
              "to apply.")
        it = (f"Il bando si è chiuso il {it_day} (ore {hour}, ora di Bruxelles): non è più "
              "possibile presentare domanda.")
    return CallNotice(open=status.open, en=en, it=it, rule=status.rules[0])

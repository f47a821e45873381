"""Which calculator a question asks for, recognised from words and stated values (no model).

Only questions that give concrete values (places, km, days, partners, costs, exchange
counts) or ask whether the call is still open go to a calculator; "what is the maximum
lump sum?" stays a question for the documents.
"""

from __future__ import annotations

import re

from callbot.tools.slots import Found, Slots, ToolName


def _any(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


CALL_STATUS = _any(
    r"\b(?:still|yet)\s+(?:\w+\s+){0,3}?(?:apply|submit|participate|take part|open|in time)\b",
    r"\b(?:is|was) the call\b.*\b(?:open|closed|over)\b",
    r"\bhow many days\b.*\b(?:deadline|since|left|until|ago)\b",
    r"\bdeadline\b.*\b(?:passed|past|expired|over|gone)\b",
    # "possiamo ancora partecipare?", not "non è ancora registrato: è un problema per candidarci?"
    r"\bancora\s+(?:\w+\s+){0,3}?(?:partecipare|candidar\w*|presentare|aperto|aperta|in tempo|fare domanda)",
    r"\b(?:bando|call)\b.*\b(?:è|e'|sia)\s+(?:ancora\s+)?(?:aperto|chiuso|scaduto)\b",
    r"\bquanti giorni\b.*\b(?:scadenza|mancano|passati|fa)\b",
    r"\bscadenza\b.*\b(?:passata|scaduta|superata)\b",
)
# a word of the call itself: "can we still take part in ClusterXchange?" has none
CALL_WORDS = _any(r"\bcall\b", r"\bbando\b", r"\bdeadline\b", r"\bscadenz\w*", r"\bproposal\w*",
                  r"\bpropost\w*", r"\bdomanda\b")
SUBMIT_IN_TIME = _any(
    r"\b(?:in time|on time|too late|before the deadline|in tempo|troppo tardi|fuori tempo|"
    r"entro (?:la|il) (?:scadenza|termine)|prima della scadenza)\b")
STAY = _any(r"\bscamb\w*", r"\bexchanges?\b", r"\bvisit\w*", r"\bsoggiorn\w*", r"\bstay\w*",
            r"\btrasfert\w*", r"\bdistacc\w*", r"\bsecondment\b")
PROJECT = _any(r"\bprogett\w*", r"\bproject\w*")
DURATION = _any(r"\b(?:progett\w*|project\w*|durata|duration|last\w*|dura\w*)\b")
# a plan of exchanges is named as such: "60 con PMI" alone is no plan ("IMU ... per una PMI")
EXCHANGES = _any(r"\bscamb\w*", r"\bexchanges?\b", r"\bquote\b", r"\bquotas\b", r"\bclusterxchange\b")
ELIGIBLE = _any(r"\bammissibil\w*", r"\beleggibil\w*", r"\beligib\w*", r"\bidone\w*",
                r"\brequisiti\b", r"\bqualif\w*", r"\bconsorzio valido\b", r"\bvalid consortium\b",
                r"\b(?:possiamo|potremmo|potremo)\s+(?:\w+\s+)?(?:partecipare|candidar\w*|"
                r"presentare (?:domanda|la proposta|una proposta)|fare domanda|concorrere)\b",
                r"\b(?:can|could|may|might) we\s+(?:\w+\s+)?(?:apply|participate|take part|"
                r"bid|submit)\b", r"\b(?:are|would) we allowed to (?:apply|participate)\b")
# "Costo ammissibile", "eligible costs": what a cost may be, not whether a consortium may apply.
ELIGIBLE_COSTS = _any(r"\b(?:cost\w*|spes[ae]|expens\w*)\s+(?:\w+\s+)?(?:eleggibil|ammissibil|eligib)\w*",
                      r"\b(?:eleggibil|ammissibil|eligib)\w*\s+(?:come\s+|as\s+(?:an?\s+)?)?"
                      r"(?:cost\w*|spes[ae]|expens\w*)")
WE = _any(r"\bsiamo\b", r"\bare we\b", r"\bwe\b", r"\bour\b", r"\bnostr[oaie]\b",
          r"\bnoi\b", r"\babbiamo\b", r"\bprevediamo\b", r"\bspendiamo\b", r"\bavremo\b",
          r"\bif\b", r"\bse\b", r"\bmy\b", r"\bi have\b", r"\bho\b")
LUMP = _any(r"lump", r"forfait", r"forfett", r"\bquanto\b", r"\bhow much\b", r"\bimporto\b",
            r"\bcontribut\w*", r"\brimbors\w*", r"\bspett\w*", r"\bricev\w*", r"\breceive\b",
            r"\bget\b", r"clusterxchange", r"\bscambio\b", r"\bexchange\b", r"\bvisit\w*",
            r"\bsoggiorn\w*", r"\bstay\w*", r"\btrasfert\w*", r"\bapart\b", r"\bdistan\w*")
LUMP_TOPIC = _any(r"lump", r"forfait", r"forfett", r"clusterxchange", STAY.pattern)  # a stay, or its sum
NOT_LUMP = _any(r"\bbudget\b", r"\bdotazion\w*", r"\bstanziat\w*", r"\binsurance\b", r"\bassicura\w*",
                r"\biva\b", r"\bvat\b", r"\bdeadline\b", r"\bscadenz\w*", r"\bcut-?off\b",
                # when it is paid, not how much: "can the lump sum be paid in advance?"
                r"\bin advance\b", r"\bas an advance\b", r"\bupfront\b", r"\banticip\w*",
                r"\bbefore the (?:trip|exchange|visit|stay)\b",
                # what someone does in it, not a sum: "what role does the EEN play in ClusterXchange?"
                r"\bwhat role\b", r"\b(?:quale|che) ruolo\b",
                # another scheme's grant: "how does the lump sum compare with Erasmus…?"
                r"\bcompar\w*", r"\bconfront\w*", r"\bversus\b", r"\bvs\.?(?!\w)",
                # "more generous than the Erasmus grant" (not "more than 5 days": a stay)
                r"\b(?:more|less)\s+(?!than\b)[a-z]+\s+(?:[a-z]+\s+)?than\b",
                # which of two schemes is better for someone: "conviene di più ClusterXchange o Erasmus?"
                r"\bconviene\b", r"\bbetter (?:off|deal|option)\b")
DISTANCE = _any(r"\bdist\w*", r"\bhow far\b", r"\bquanto lontan\w*", r"\bkm\b")
DISTANCE_QUESTION = _any(r"\bdista\b", r"\bdistano\b", r"\bdistanza\b", r"\bhow far\b",
                         r"\bdistance between\b", r"\bquanto lontan\w*", r"\bhow many km\b",
                         r"\bquanti km\b")
CONDITIONAL_ELIGIBLE = _any(
    r"\b(?:if|once|when|se|qualora|nel caso)\b[^,;?.]*\b(?:eligib\w*|ammissibil\w*|"
    r"eleggibil\w*)[^?]*\b(?:can|could|may|will|would|do|does|possiamo|potremo|possono)\b")
COSTS = _any(r"\bcost\w*", r"\bspes[ae]\b", r"\bspend\w*", r"\bexpens\w*", r"\bbudget\b")
BUDGET_QUESTION = _any(
    r"\b(?:eligible|total|project) costs?\b", r"\bcost[ie] (?:eleggibil|ammissibil|total)\w*",
    r"\b(?:eu|union|eu's|ue) (?:contribution|grant|funding|co-?financing|pay\w*|cover\w*)",
    r"\b(?:contribut\w*|finanziament\w*|cofinanziament\w*) (?:dell[a'’]\s*)?(?:ue|unione)",
    r"\b(?:max\w*|massim\w*) (?:eu )?(?:grant|contribution|contributo|finanziamento)\b",
    r"\b(?:the eu|l['’]\s*ue|l['’]\s*unione europea) (?:\w+ )?(?:pay|cover|fund|copr\w*|"
    r"pag\w*|finanz\w*|rimbors\w*)")
AMOUNT_QUESTION = _any(r"\bquant[oa]\b", r"\bquanti\s+(?:euro|soldi)\b", r"\bhow much\b", r"\bspett\w*", r"\bclaim\w*",
                       r"\bget\b", r"\breceiv\w*", r"\bricev\w*", r"\bimporto\b", r"lump",
                       r"forfait", r"forfett", r"\brimbors\w*", r"\bcontribut\w*")

def _call_status(low: str, found: Found) -> bool:
    if CALL_STATUS.search(low):
        # "can we still take part in ClusterXchange?": taking part in the exchanges, not the call
        return not (EXCHANGE_ROLE.search(low) and not CALL_WORDS.search(low))
    if (found.dates or found.clock) and SUBMIT_IN_TIME.search(low):
        return True
    project = bool(PROJECT.search(low)) or not STAY.search(low)
    return found.months is not None and bool(DURATION.search(low)) and project


def _exchanges(low: str, found: Found) -> bool:
    counts = (found.planned, found.with_smes, found.with_non_members)
    return any(c is not None for c in counts) and bool(EXCHANGES.search(low))


def _lump_sum(low: str, found: Found) -> bool:
    stay = found.working_days is not None or len(found.dates) >= 2
    where = found.distance_km is not None or bool(found.places)
    if not stay and (found.stay_weeks or found.stay_months) and STAY.search(low):
        return where or bool(AMOUNT_QUESTION.search(low))  # "can an exchange last 2 months?"
    if stay:
        return where or bool(LUMP.search(low))
    if len(found.places) >= 2 or found.distance_km is not None:
        return bool(LUMP.search(low)) and not NOT_LUMP.search(low)
    # one place only ("siamo una PMI di Bari"): the asker's own town, a lump sum only when an
    # amount for an exchange is asked, not a budget, a cover or a deadline of the call
    return bool(found.places) and bool(AMOUNT_QUESTION.search(low) and LUMP_TOPIC.search(low)) \
        and not NOT_LUMP.search(low)


def _budget(low: str, found: Found) -> bool:
    if not found.costs:
        return False
    return bool(COSTS.search(low) and WE.search(low)) or bool(BUDGET_QUESTION.search(low))


# "Can we apply again as the visiting organisation?": taking part in an exchange, not a
# consortium applying to the call.
EXCHANGE_ROLE = _any(r"\bvisiting\b", r"\bhost\b", r"\bospit\w*", r"\bclusterxchange\b", r"\bscamb\w*",
                     r"\bexchanges?\b")
CONSORTIUM = _any(r"\bconsor\w*", r"\bpartner\w*", r"\bpartenariat\w*")


# Eligibility taken as given: "se la proposta è eleggibile ma non viene finanziata, …", "once
# we are eligible, …". What follows asks something else.
GRANTED_ELIGIBLE = _any(r"\b(?:if|once|se|qualora|nel caso)\b[^,;?.]{0,60}?\b(?:eligib\w*|ammissibil\w*|"
                        r"eleggibil\w*)")
# The asker is in no consortium: "our cluster is NOT in any ESCP-4x consortium", "non facciamo
# parte di nessun consorzio". Whether it may still take part in an exchange is a question for
# the documents, not a consortium to check.
OUTSIDE_CONSORTIUM = _any(
    r"\b(?:not|isn['’]t|aren['’]t)\s+(?:\w+\s+){0,2}?(?:part\s+of|in|a\s+member\s+of|members?\s+of)\s+"
    r"(?:any|an?)\s+(?:[\w-]+\s+){0,2}?(?:consorti\w*|partnerships?)",
    r"\bnon\s+(?:\w+\s+){0,2}?(?:parte\s+di|in|membr\w+\s+di)\s+(?:nessun[oa]?|alcun[oa]?|un[oa]?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:consorzi\w*|partnership|partenariat\w*)")


def _eligibility(low: str, found: Found) -> bool:
    """ "Are we eligible?" with or without partners; not "if our consortium is eligible, ...",
    "se la proposta è eleggibile ma non viene finanziata, …" (eligibility taken as given), whether
    one may take part in an exchange, nor one place and no asker ("is switzerland eligible?")."""
    if not ELIGIBLE.search(GRANTED_ELIGIBLE.sub(" ", ELIGIBLE_COSTS.sub(" ", low))):
        return False
    # one partner of no stated country ("che requisiti deve avere un cluster per…") is not a
    # consortium to check, unless the asker is it ("siamo un cluster: possiamo partecipare?")
    placed = len(found.partners) > 1 or any(p.country or p.region for p in found.partners)
    if EXCHANGE_ROLE.search(low) and not CONSORTIUM.search(low) and not placed:
        return False
    if placed and (len(found.partners) > 1 or WE.search(low) or CONSORTIUM.search(low)):
        return True
    # one place and no asker ("piedmont business accelerator pilot - is there a max age for a
    # start-up to be eligible?"): a rule of something else, not a consortium to check
    return bool(WE.search(low)) and not CONDITIONAL_ELIGIBLE.search(low)


# "Why did EASME pick 200 km…?": a question about the reasons of a rule, not a case to compute.
# It may open a sentence after another one, or after a word of address ("scusa ma perché…").
WHY = re.compile(r"(?:^|[.?!]\s)\W*(?:(?:scusa(?:te|mi)?|ma|ok|ciao|allora|senti|sorry|but|so|hi|hello|hey)\W+){0,3}"
                 r"(?:why|perch[eéè]|come\s+mai|per\s+quale\s+(?:motivo|ragione))\b")


def outside_consortium(text: str) -> bool:
    """Whether the asker says it is in no consortium and asks about the exchanges: "our cluster
    is NOT in any ESCP-4x consortium. can we still take part in ClusterXchange?". Neither a
    consortium to check nor a plan of exchanges to count: the partnership's, not the asker's."""
    low = text.lower()
    return bool(OUTSIDE_CONSORTIUM.search(low) and EXCHANGE_ROLE.search(low))


def fresh_intent(text: str, found: Found) -> ToolName | None:
    """The calculator a self-contained question asks for, if any."""
    low = text.lower()
    if WHY.search(low):
        return None
    if _call_status(low, found):
        return "call_status"
    if _exchanges(low, found):
        return "exchanges"
    if len(found.places) >= 2 and DISTANCE_QUESTION.search(low) and not found.has_stay():
        return "distance"
    if _budget(low, found) and not found.has_stay():  # amounts in EUR: not a place
        return "budget"
    if _lump_sum(low, found) and not found.partners:
        return "lump_sum"
    if _budget(low, found):
        return "budget"
    if _eligibility(low, found):
        return "eligibility"
    if _lump_sum(low, found):
        return "lump_sum"
    return None


def wants_places(text: str, slots: Slots) -> bool:
    """Whether to look for place names (the gazetteer is only loaded when it may help)."""
    if slots.pending in ("lump_sum", "distance") or slots.last_tool in ("lump_sum", "distance"):
        return True
    return bool(LUMP.search(text.lower()) or DISTANCE.search(text.lower())
                or re.search(r"\d+[\s-]*(?:giorn|day|gg|km|working|settiman|week)", text.lower()))


def follow_up(found: Found, slots: Slots) -> ToolName | None:
    """The calculator a message continues: it answers the pending question or adds values."""
    tool = slots.pending or slots.last_tool
    answering = slots.pending is not None
    if tool == "distance" and found.has_stay():
        return "lump_sum"
    if tool in ("lump_sum", "distance"):
        supplies = found.has_stay_or_distance() or (
            answering and (found.number is not None or bool(found.country)))
        return tool if supplies else None
    if tool == "eligibility" and found.partners:
        return tool
    if tool == "budget" and (found.costs or (answering and found.number is not None)):
        return tool
    counts = (found.planned, found.with_smes, found.with_non_members)
    if tool == "exchanges" and ((answering and found.number is not None)
                                or any(v is not None for v in counts)):
        return tool
    if tool == "call_status" and answering and (found.number is not None
                                                or found.clock is not None or found.dates):
        return tool
    return None

"""What the assistant says for a calculator: questions for a missing value, results.

Result sentences use only numbers taken from the calculator's result.
"""

from __future__ import annotations

from typing import Literal

from callbot.tools.budget import BudgetResult
from callbot.tools.call_status import CallStatusResult
from callbot.tools.common import plain_number
from callbot.tools.distance import DistanceResult
from callbot.tools.eligibility import EligibilityResult
from callbot.tools.exchanges import ExchangeResult, MinimumsResult
from callbot.tools.lump_sum import LumpSumResult
from callbot.tools.places import AmbiguousPlaceError, Place, PlaceNotFoundError

Lang = Literal["it", "en"]

ASK: dict[str, dict[str, str]] = {
    "distance": {
        "en": "Where are the two organisations (e.g. from Bari to Lyon), or how many km apart "
              "are they?",
        "it": "Dove si trovano le due organizzazioni (ad es. da Bari a Lione), o a quanti km "
              "di distanza sono?"},
    "origin": {"en": "Where is the visiting organisation?",
               "it": "Dove si trova l'organizzazione in visita?"},
    "destination": {"en": "Where is the other organisation of the exchange?",
                    "it": "Dove si trova l'altra organizzazione dello scambio?"},
    "working_days": {
        "en": "How many working days does the stay last, travel days excluded? "
              "(Or give its dates.)",
        "it": "Quanti giorni lavorativi dura lo scambio, esclusi i giorni di viaggio? "
              "(Oppure indica le date.)"},
    "host_country": {
        "en": "In which country is the host organisation? (Its public holidays are not "
              "working days.)",
        "it": "In quale paese si trova l'organizzazione ospitante? (I suoi giorni festivi non "
              "sono lavorativi.)"},
    "partners": {
        "en": "Which partners are in the consortium? Give the country and region of each "
              "(e.g. a cluster in Puglia, one in Oberbayern, one in Occitanie).",
        "it": "Quali partner compongono il consorzio? Indica paese e regione di ciascuno "
              "(ad es. un cluster in Puglia, uno in Oberbayern, uno in Occitania)."},
    "costs": {
        "en": "What are the project's eligible costs, by category? Say how much is financial "
              "support to third parties.",
        "it": "Quali sono i costi ammissibili del progetto, per voce? Indica quanto è "
              "supporto finanziario a terze parti."},
    "planned": {"en": "How many exchanges does the partnership plan?",
                "it": "Quanti scambi prevede la partnership?"},
    "with_smes": {"en": "How many of those exchanges involve SMEs?",
                  "it": "Quanti di questi scambi coinvolgono PMI?"},
    "with_non_members": {
        "en": "How many involve organisations that are not members of the partnership's "
              "clusters?",
        "it": "Quanti coinvolgono organizzazioni che non sono membri dei cluster della "
              "partnership?"},
    "submission_time": {
        "en": "At what time (Brussels time) would you submit on the deadline day?",
        "it": "A che ora (ora di Bruxelles) inviereste la proposta il giorno della scadenza?"},
}


def ask(missing: str, lang: Lang) -> str:
    return ASK[missing][lang]


def _label(place: Place) -> str:
    if place.geonameid is None:
        return place.name
    return f"{place.name} ({place.country}, {place.latitude:.2f},{place.longitude:.2f})"


def place_problem(exc: PlaceNotFoundError | AmbiguousPlaceError, lang: Lang) -> str:
    if isinstance(exc, AmbiguousPlaceError):
        options = "; ".join(f"{i}) {_label(c)}" for i, c in enumerate(exc.candidates, 1))
        if lang == "it":
            return f"Quale {exc.name} intendi? {options}. Rispondi con il numero o le coordinate."
        return f"Which {exc.name} do you mean? {options}. Reply with the number or coordinates."
    if lang == "it":
        return (f"Non trovo il luogo {exc.name!r} nel gazetteer offline: indica un'altra "
                "grafia, una città vicina o le coordinate (lat,lon).")
    return (f"I cannot find the place {exc.name!r} in the offline gazetteer: give another "
            "spelling, a nearby city or coordinates (lat,lon).")


def lump_sum_text(r: LumpSumResult, lang: Lang) -> str:
    assumed = (r.assumption_it if lang == "it" else r.assumption) or ""
    if not r.eligible:
        text = ("Scambio non ammissibile al lump sum ClusterXchange. " + r.reason_it
                if lang == "it" else "Not eligible for the ClusterXchange lump sum. " + r.reason)
    elif lang == "it":
        text = f"Lump sum ClusterXchange: {r.amount_eur} euro per organizzazione. {r.reason_it}"
    else:
        text = f"ClusterXchange lump sum: {r.amount_eur} EUR per organisation. {r.reason}"
    return f"{text} {assumed}".strip()


def distance_text(r: DistanceResult, lang: Lang) -> str:
    o, d, km = r.origin, r.destination, plain_number(r.distance_km)
    if lang == "it":
        return f"{o.name} ({o.country}) – {d.name} ({d.country}): {km} km in linea d'aria."
    return f"{o.name} ({o.country}) – {d.name} ({d.country}): {km} km as the crow flies."


def eligibility_text(r: EligibilityResult, lang: Lang) -> str:
    binding = [c for c in r.checks if c.binding]
    if r.eligible is True:
        shown = [c for c in binding if c.name in ("distinct_countries", "region")]
        head = {"it": "Sì, il consorzio rispetta i criteri di ammissibilità verificabili.",
                "en": "Yes, the consortium meets the eligibility criteria that can be checked."}
    elif r.eligible is False:
        # what already holds is said too: a partner in Puglia meets the region rule
        shown = [c for c in binding if c.verdict is False or c.name == "region" and c.verdict]
        head = {"it": "No, il consorzio non è ammissibile.",
                "en": "No, the consortium is not eligible."}
    else:
        shown = [c for c in binding if c.verdict is None]
        head = {"it": "Non si può ancora dire se il consorzio è ammissibile.",
                "en": "Whether the consortium is eligible cannot be determined yet."}
    details = " ".join(c.detail_it if lang == "it" else c.detail for c in shown)
    return f"{head[lang]} {details}".strip()


def budget_text(r: BudgetResult, lang: Lang) -> str:
    amount = plain_number(r.max_eu_contribution_eur)
    if lang == "it":
        return f"Contributo UE massimo: {amount} euro. {r.explanation_it}"
    return f"Maximum EU contribution: {amount} EUR. {r.explanation}"


def exchanges_text(r: ExchangeResult, lang: Lang) -> str:
    shown = r.quotas if r.all_met else [q for q in r.quotas if not q.met]
    details = " ".join(q.detail_it if lang == "it" else q.detail for q in shown)
    if lang == "it":
        head = "Il piano rispetta tutte le quote." if r.all_met else \
            "Il piano non rispetta tutte le quote."
    else:
        head = "The plan meets every quota." if r.all_met else "The plan misses a quota."
    return f"{head} {details}"


def minimums_text(r: MinimumsResult, lang: Lang) -> str:
    return r.detail_it if lang == "it" else r.detail


def call_status_text(r: CallStatusResult, lang: Lang) -> str:
    text = r.message_it if lang == "it" else r.message
    if r.duration_ok is None:
        return text
    low, high, months = r.duration_min_months, r.duration_max_months, r.duration_months
    verdict = {("it", True): f"Una durata di {months} mesi è ammessa ({low}-{high} mesi).",
               ("it", False): f"Una durata di {months} mesi non è ammessa ({low}-{high} mesi).",
               ("en", True): f"A duration of {months} months is allowed ({low}-{high} months).",
               ("en", False): f"A duration of {months} months is not allowed "
                              f"({low}-{high} months)."}
    return f"{text} {verdict[(lang, r.duration_ok)]}"

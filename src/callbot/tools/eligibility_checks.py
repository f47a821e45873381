"""The consortium checks, one function per rule of the call."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import Field

from callbot.models import Strict
from callbot.rules.geo import CountryStatus
from callbot.rules.loader import RuleSet
from callbot.rules.schema import EccpStatus, PartnerType, RegionCategory, RuleRef


class PartnerFacts(Strict):
    name: str
    country: str | None
    country_status: CountryStatus | None
    region: str | None
    category: RegionCategory | None
    category_source: str = Field(description="Where the region's category comes from.")
    type: PartnerType
    eccp: EccpStatus


class Check(Strict):
    name: str
    verdict: bool | None = Field(description="None when a fact needed is unknown.")
    binding: bool = Field(True, description="False for reminders that cannot be computed.")
    detail: str
    detail_it: str
    rule: RuleRef


Facts = list[PartnerFacts]
CATEGORY_IT = {"less developed": "meno sviluppata", "transition": "in transizione",
               "more developed": "più sviluppata"}


def _names(partners: Facts) -> str:
    return ", ".join(p.name for p in partners)


def _entities(partners: Facts, rules: RuleSet) -> Check:
    rule = rules.call.consortium.size
    n, need = len(partners), rule.min_entities
    return Check(name="entities", verdict=n >= need, rule=rule.ref(),
                 detail=f"{n} legal {'entity' if n == 1 else 'entities'}; at least {need} are required.",
                 detail_it=f"{n} {'soggetto giuridico' if n == 1 else 'soggetti giuridici'}; "
                           f"ne servono almeno {need}.")


def _countries_allowed(partners: Facts, rules: RuleSet) -> Check:
    rule = rules.call.consortium.size
    outside = [p for p in partners if p.country_status == "other"]
    doubtful = [p for p in partners if p.country_status in (None, "unconfirmed")]
    if outside:
        en = f"Not in an EU member state (2019) or COSME country: {_names(outside)}."
        it = f"Non in uno Stato membro UE (2019) o paese COSME: {_names(outside)}."
        return Check(name="countries_allowed", verdict=False, detail=en, detail_it=it,
                     rule=rule.ref())
    if doubtful:
        en = f"Country unknown or participation in COSME not confirmed: {_names(doubtful)}."
        it = f"Paese sconosciuto o partecipazione a COSME non confermata: {_names(doubtful)}."
        return Check(name="countries_allowed", verdict=None, detail=en, detail_it=it,
                     rule=rule.ref())
    return Check(name="countries_allowed", verdict=True, rule=rule.ref(),
                 detail="Every partner is in an EU member state (2019) or a COSME country.",
                 detail_it="Ogni partner è in uno Stato membro UE (2019) o in un paese COSME.")


def _distinct_countries(partners: Facts, rules: RuleSet) -> Check:
    rule = rules.call.consortium.countries
    known = sorted({p.country for p in partners if p.country})
    unknown = sum(1 for p in partners if not p.country)
    need = rule.min_countries
    verdict = True if len(known) >= need else (None if len(known) + unknown >= need else False)
    listed = ", ".join(known)
    en = (f"{len(known)} different countries ({listed})" if len(known) > 1
          else f"1 country ({listed})" if known else "No country given")
    it = (f"{len(known)} paesi diversi ({listed})" if len(known) > 1
          else f"1 paese ({listed})" if known else "Nessun paese indicato")
    if unknown:
        en += f", {unknown} partners without a country"
        it += f", {unknown} partner senza paese"
    return Check(name="distinct_countries", verdict=verdict, rule=rule.ref(),
                 detail=f"{en}; at least {need} countries required.",
                 detail_it=f"{it}; servono almeno {need} paesi.")


def _region(partners: Facts, rules: RuleSet) -> Check:
    rule = rules.call.consortium.region
    wanted = [p for p in partners if p.category in rule.categories]
    unknown = [p for p in partners if p.category is None]
    wanted_text = " or ".join(rule.categories)
    wanted_it = " o ".join(CATEGORY_IT[c] for c in rule.categories)
    if wanted:
        en = "; ".join(f"{p.name}: {p.region}, {p.category} region" for p in wanted) + "."
        it = "; ".join(f"{p.name}: {p.region}, regione {CATEGORY_IT[p.category or '']}"
                       for p in wanted) + "."
        verdict: bool | None = True
    elif unknown:
        regions = ", ".join(p.region or p.name for p in unknown)
        en = f"No {wanted_text} region known; region category unknown for {regions}: check " \
             "the 2014-2020 eligibility map or give the category."
        it = f"Nessuna regione {wanted_it} nota; categoria sconosciuta per {regions}: " \
             "verificare la mappa 2014-2020 o indicare la categoria."
        verdict = None
    else:
        en = f"No partner is in a {wanted_text} region (2014-2020)."
        it = f"Nessun partner è in una regione {wanted_it} (2014-2020)."
        verdict = False
    return Check(name="region", verdict=verdict, detail=en, detail_it=it, rule=rule.ref())


def _partner_type(partners: Facts, rules: RuleSet) -> Check:
    rule = rules.call.consortium.partner_type
    wrong = [p for p in partners if p.type not in rule.types]
    allowed = " or ".join(rule.types)
    return Check(name="partner_type", verdict=not wrong, rule=rule.ref(),
                 detail=f"Not a {allowed}: {_names(wrong)}." if wrong
                 else f"Every partner is a {allowed}.",
                 detail_it=f"Non è un cluster o business network: {_names(wrong)}." if wrong
                 else "Ogni partner è un cluster o un business network.")


def _eccp(partners: Facts, rules: RuleSet) -> Check:
    rule = rules.call.consortium.eccp
    wrong = [p for p in partners if p.eccp not in rule.statuses]
    return Check(name="eccp", verdict=not wrong, rule=rule.ref(),
                 detail=f"Neither registered on the ECCP nor applied: {_names(wrong)}." if wrong
                 else "Every partner is registered on the ECCP or has applied.",
                 detail_it=f"Né registrato alla ECCP né in attesa: {_names(wrong)}." if wrong
                 else "Ogni partner è registrato alla ECCP o ha fatto richiesta.")


def _one_consortium(partners: Facts, rules: RuleSet) -> Check:
    rule = rules.call.consortium.one_consortium
    return Check(name="one_consortium", verdict=None, binding=False, rule=rule.ref(),
                 detail="Cannot be checked here: each cluster may be in one consortium only.",
                 detail_it="Non verificabile qui: ogni cluster può stare in un solo consorzio.")


def _uk(partners: Facts, rules: RuleSet) -> Check | None:
    rule = rules.call.consortium.uk
    affected = [p for p in partners if p.country == rule.country]
    if not affected:
        return None
    return Check(name="uk_caveat", verdict=None, binding=False, rule=rule.ref(),
                 detail=f"{_names(affected)}: {rule.statement}",
                 detail_it=f"{_names(affected)}: {rule.statement_it}")


CHECKS: list[Callable[[Facts, RuleSet], Check | None]] = [
    _entities, _countries_allowed, _distinct_countries, _region, _partner_type, _eccp,
    _one_consortium, _uk,
]


def run_checks(partners: Facts, rules: RuleSet) -> list[Check]:
    return [c for check in CHECKS if (c := check(partners, rules)) is not None]

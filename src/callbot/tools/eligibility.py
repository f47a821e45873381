"""Consortium eligibility: one check per rule, each with its verdict and citation."""

from __future__ import annotations

from pydantic import Field

from callbot.errors import InputError
from callbot.models import Strict
from callbot.rules.loader import RuleSet
from callbot.rules.schema import EccpStatus, PartnerType, RegionCategory, RuleRef
from callbot.tools.common import rules_or_default
from callbot.tools.eligibility_checks import Check, PartnerFacts, run_checks

UNKNOWN_REGION = "unknown: check the 2014-2020 eligibility map"


class PartnerInput(Strict):
    name: str = Field("partner", description="Name of the legal entity.")
    country: str | None = Field(None, description="ISO code or name (Italian or English).")
    region: str | None = Field(None, description="Region (NUTS 2) where it is established.")
    type: PartnerType = "cluster organisation"
    eccp: EccpStatus = Field("registered", description="European Cluster Collaboration "
                             "Platform: registered, applied or no.")
    category: RegionCategory | None = Field(
        None, description="2014-2020 category of the region, when the map at hand lacks it.")


class EligibilityInput(Strict):
    partners: list[PartnerInput]


class EligibilityResult(Strict):
    eligible: bool | None = Field(description="None when a fact needed is unknown.")
    checks: list[Check]
    partners: list[PartnerFacts]
    rules: list[RuleRef]


def _country(partner: PartnerInput, index: int, rules: RuleSet) -> tuple[str | None, str | None]:
    if not partner.country:
        return None, None
    found = rules.countries.find(partner.country)
    if found is None:
        raise InputError(f"partners.{index}.country", f"country {partner.country!r} not "
                         "recognised; give its ISO code or its name")
    return found.code, rules.countries.status(found.code)


def _category(
    partner: PartnerInput, code: str | None, rules: RuleSet
) -> tuple[str | None, RegionCategory | None, str]:
    region = rules.regions.find(partner.region, code) if partner.region else None
    if region is not None:
        return region.name, region.category, rules.regions.source
    if partner.category is not None:
        return partner.region, partner.category, "given by the user"
    return partner.region, None, UNKNOWN_REGION


def partner_facts(partner: PartnerInput, index: int, rules: RuleSet) -> PartnerFacts:
    code, status = _country(partner, index, rules)
    region, category, source = _category(partner, code, rules)
    return PartnerFacts(name=partner.name, country=code, country_status=status, region=region,
                        category=category, category_source=source, type=partner.type,
                        eccp=partner.eccp)


def overall(checks: list[Check]) -> bool | None:
    verdicts = [c.verdict for c in checks if c.binding]
    if False in verdicts:
        return False
    return None if None in verdicts else True


def eligibility(inp: EligibilityInput, rules: RuleSet | None = None) -> EligibilityResult:
    """Whether a consortium meets the call's eligibility criteria, rule by rule."""
    rules = rules_or_default(rules)
    facts = [partner_facts(p, i, rules) for i, p in enumerate(inp.partners)]
    checks = run_checks(facts, rules)
    cited = {c.rule.id: c.rule for c in checks}
    return EligibilityResult(eligible=overall(checks), checks=checks, partners=facts,
                             rules=list(cited.values()))

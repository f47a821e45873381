"""Pydantic models of a call's rule file (corpus/rules/<CALL-ID>.yaml).

Every rule carries the passage it comes from (`source`: document id + exact quote). The
figures live in the YAML; calculators read them from these models.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from callbot.models import Strict

RegionCategory = Literal["less developed", "transition", "more developed"]
PartnerType = Literal["cluster organisation", "business network", "other"]
EccpStatus = Literal["registered", "applied", "no"]


class Source(Strict):
    doc: str = Field(description="Manifest id of the document the quote comes from.")
    quote: str = Field(min_length=8, description="Exact passage of the document.")


class RuleRef(Strict):
    """A rule as cited by a calculator result."""

    id: str
    statement: str
    statement_it: str
    doc: str
    quote: str


class Rule(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    statement: str = Field(min_length=1)
    statement_it: str = Field(min_length=1)
    source: Source

    def ref(self) -> RuleRef:
        return RuleRef(id=self.id, statement=self.statement, statement_it=self.statement_it,
                       doc=self.source.doc, quote=self.source.quote)


class FullLumpSum(Rule):
    amount_eur: int = Field(gt=0)
    covers: list[str]


class ReducedLumpSum(Rule):
    amount_eur: int = Field(gt=0)
    full_from_working_days: int = Field(gt=0)
    full_from_km: float = Field(gt=0)


class StayRule(Rule):
    min_working_days: int = Field(gt=0)
    max_months: int = Field(gt=0)


class VisitRule(Rule):
    max_visits: int = Field(gt=0)


class LumpSumRules(Strict):
    full: FullLumpSum
    reduced: ReducedLumpSum
    grid: Rule
    stay: StayRule
    visits: VisitRule

    @model_validator(mode="after")
    def _consistent(self) -> LumpSumRules:
        if self.reduced.amount_eur >= self.full.amount_eur:
            raise ValueError("reduced.amount_eur must be below full.amount_eur")
        if self.reduced.full_from_working_days < self.stay.min_working_days:
            raise ValueError("reduced.full_from_working_days is below stay.min_working_days")
        return self


class MinCountRule(Rule):
    min_count: int = Field(gt=0)


class ShareRule(Rule):
    min_percent: Decimal = Field(gt=0, le=100)


class ExchangeRules(Strict):
    minimum: MinCountRule
    sme_share: ShareRule
    non_member_share: ShareRule


class SizeRule(Rule):
    min_entities: int = Field(gt=0)


class CountriesRule(Rule):
    min_countries: int = Field(gt=0)


class RegionRule(Rule):
    categories: list[RegionCategory] = Field(min_length=1)


class PartnerTypeRule(Rule):
    types: list[PartnerType] = Field(min_length=1)


class EccpRule(Rule):
    statuses: list[EccpStatus] = Field(min_length=1)


class CountryNoteRule(Rule):
    country: str = Field(pattern=r"^[A-Z]{2}$")


class ConsortiumRules(Strict):
    size: SizeRule
    countries: CountriesRule
    region: RegionRule
    partner_type: PartnerTypeRule
    eccp: EccpRule
    one_consortium: Rule
    uk: CountryNoteRule


class CallBudgetRule(Rule):
    total_eur: Decimal = Field(gt=0)


class ProjectsRule(Rule):
    expected_projects: int = Field(gt=0)


class MaxContributionRule(Rule):
    max_eur: Decimal = Field(gt=0)


class SpecialRate(Strict):
    category: str
    percent: Decimal = Field(gt=0, le=100)
    aliases: list[str] = Field(default_factory=list)


class RatesRule(Rule):
    default_percent: Decimal = Field(gt=0, le=100)
    special: list[SpecialRate] = Field(default_factory=list)


class BudgetRules(Strict):
    call_budget: CallBudgetRule
    projects: ProjectsRule
    max_contribution: MaxContributionRule
    rates: RatesRule


class DeadlineRule(Rule):
    at: datetime = Field(description="Local time of the deadline, without offset.")
    timezone: str


class DurationRule(Rule):
    min_months: int = Field(gt=0)
    max_months: int = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> DurationRule:
        if self.min_months > self.max_months:
            raise ValueError("min_months is above max_months")
        return self


class CalendarRules(Strict):
    deadline: DeadlineRule
    duration: DurationRule


class DataFiles(Strict):
    countries: str = Field(description="Country list file, relative to the rule file.")
    regions: str = Field(description="Region category file, relative to the rule file.")


class CallRules(Strict):
    """The content of one call's rule file."""

    call_id: str
    title: str
    data: DataFiles
    lump_sum: LumpSumRules
    exchanges: ExchangeRules
    consortium: ConsortiumRules
    budget: BudgetRules
    calendar: CalendarRules

    def all_rules(self) -> list[Rule]:
        sections = (self.lump_sum, self.exchanges, self.consortium, self.budget, self.calendar)
        return [value for section in sections for _, value in section if isinstance(value, Rule)]

    @model_validator(mode="after")
    def _unique_ids(self) -> CallRules:
        ids = [rule.id for rule in self.all_rules()]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate rule ids: {', '.join(duplicates)}")
        return self

"""Maximum EU contribution from eligible costs: co-financing rates and the per-project cap."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import Field

from callbot.models import Strict
from callbot.rules.geo import name_key
from callbot.rules.loader import RuleSet
from callbot.rules.schema import RatesRule, RuleRef
from callbot.tools.common import plain_number, rules_or_default

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


class CostLine(Strict):
    category: str = Field(min_length=1, description="Cost category, e.g. personnel, travel, "
                          "financial support to third parties.")
    amount_eur: Decimal = Field(ge=0)


class BudgetInput(Strict):
    costs: list[CostLine] = Field(min_length=1)


class CostContribution(Strict):
    category: str
    amount_eur: float
    rate_percent: float
    contribution_eur: float


class BudgetResult(Strict):
    lines: list[CostContribution]
    total_costs_eur: float
    contribution_at_rates_eur: float
    cap_eur: float
    max_eu_contribution_eur: float
    binding_constraint: Literal["rates", "cap"]
    explanation: str
    explanation_it: str
    call_budget_eur: float
    expected_projects: int
    rules: list[RuleRef]


def rate_for(category: str, rule: RatesRule) -> Decimal:
    """The co-financing rate (percent) of a cost category."""
    key = name_key(category)
    for special in rule.special:
        if key in {name_key(n) for n in (special.category, *special.aliases)}:
            return special.percent
    return rule.default_percent


def _line(cost: CostLine, rule: RatesRule) -> tuple[CostContribution, Decimal]:
    rate = rate_for(cost.category, rule)
    amount = (cost.amount_eur * rate / HUNDRED).quantize(CENT, ROUND_HALF_UP)
    line = CostContribution(category=cost.category, amount_eur=float(cost.amount_eur),
                            rate_percent=float(rate), contribution_eur=float(amount))
    return line, amount


def _explain(at_rates: Decimal, cap: Decimal, binding: str) -> tuple[str, str]:
    rates, cap_text = plain_number(at_rates), plain_number(cap)
    if binding == "cap":
        en = (f"The co-financing rates give {rates} EUR, above the cap of {cap_text} EUR per "
              "project: the cap is the binding constraint.")
        it = (f"I tassi di cofinanziamento darebbero {rates} euro, oltre il tetto di "
              f"{cap_text} euro per progetto: vale il tetto.")
        return en, it
    en = (f"The co-financing rates give {rates} EUR, within the cap of {cap_text} EUR per "
          "project: the rates are the binding constraint.")
    it = (f"I tassi di cofinanziamento danno {rates} euro, entro il tetto di {cap_text} euro "
          "per progetto: valgono i tassi.")
    return en, it


def budget(inp: BudgetInput, rules: RuleSet | None = None) -> BudgetResult:
    """Maximum EU contribution for a project's eligible costs."""
    b = rules_or_default(rules).call.budget
    pairs = [_line(cost, b.rates) for cost in inp.costs]
    at_rates = sum((amount for _, amount in pairs), Decimal(0))
    cap = b.max_contribution.max_eur
    binding = "cap" if at_rates > cap else "rates"
    en, it = _explain(at_rates, cap, binding)
    return BudgetResult(
        lines=[line for line, _ in pairs],
        total_costs_eur=float(sum((c.amount_eur for c in inp.costs), Decimal(0))),
        contribution_at_rates_eur=float(at_rates), cap_eur=float(cap),
        max_eu_contribution_eur=float(min(at_rates, cap)), binding_constraint=binding,
        explanation=en, explanation_it=it, call_budget_eur=float(b.call_budget.total_eur),
        expected_projects=b.projects.expected_projects,
        rules=[r.ref() for r in (b.rates, b.max_contribution, b.call_budget, b.projects)],
    )

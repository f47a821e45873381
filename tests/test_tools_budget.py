"""Maximum EU contribution: 75% / 100% rates and the per-project cap."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callbot.errors import InputError
from callbot.rules import load_ruleset
from callbot.tools.budget import BudgetInput, budget, rate_for
from callbot.tools.common import build_input

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "corpus" / "rules" / "COS-CLUSTER-2018-03-02.yaml")


def run(*costs: tuple[str, float]):
    lines = [{"category": c, "amount_eur": a} for c, a in costs]
    return budget(build_input(BudgetInput, costs=lines), RULES)


@pytest.mark.parametrize(
    ("costs", "expected", "binding"),
    [
        ([("personnel", 300000), ("travel", 20000)], 240000, "rates"),
        ([("personnel", 480000)], 360000, "rates"),            # exactly at the cap
        ([("personnel", 480004)], 360000, "cap"),              # just above
        ([("personnel", 300000), ("financial support to third parties", 110000)], 335000,
         "rates"),
        ([("personnel", 400000), ("third parties", 110000)], 360000, "cap"),
        ([("terze parti", 100000)], 100000, "rates"),
        ([("personnel", 0)], 0, "rates"),
    ],
)
def test_rates_and_cap(costs, expected, binding):
    result = run(*costs)
    assert result.max_eu_contribution_eur == expected
    assert result.binding_constraint == binding


def test_lines_show_the_rate_of_each_category():
    result = run(("personnel", 1000), ("FSTP", 1000))
    assert [line.rate_percent for line in result.lines] == [75, 100]
    assert result.total_costs_eur == 2000 and result.contribution_at_rates_eur == 1750


def test_explanation_names_the_binding_constraint():
    assert "the cap is the binding constraint" in run(("personnel", 900000)).explanation
    assert "vale il tetto" in run(("personnel", 900000)).explanation_it


def test_call_budget_and_rules_cited():
    result = run(("personnel", 1000))
    assert result.call_budget_eur == 3600000 and result.expected_projects == 12
    assert {r.id for r in result.rules} >= {"budget-rates", "budget-max-contribution"}


def test_special_rate_aliases():
    rule = RULES.call.budget.rates
    assert rate_for("Supporto finanziario a terze parti", rule) == Decimal(100)
    assert rate_for("equipment", rule) == Decimal(75)


def test_invalid_costs():
    with pytest.raises(InputError):
        build_input(BudgetInput, costs=[])
    with pytest.raises(InputError):
        build_input(BudgetInput, costs=[{"category": "travel", "amount_eur": -5}])


@given(st.integers(min_value=0, max_value=2_000_000), st.integers(min_value=0,
                                                                   max_value=2_000_000))
def test_contribution_never_exceeds_cap_or_costs(other, third):
    result = run(("personnel", other), ("third parties", third))
    assert result.max_eu_contribution_eur <= 360000
    assert result.max_eu_contribution_eur <= other + third

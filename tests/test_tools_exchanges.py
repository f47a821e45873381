"""Exchange plan check: at least 100 exchanges, 50% with SMEs, 25% with non-members."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.errors import InputError
from callbot.rules import load_ruleset
from callbot.tools.common import build_input
from callbot.tools.exchanges import ExchangeInput, PlanInput, exchanges, minimums

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "corpus" / "rules" / "COS-CLUSTER-2018-03-02.yaml")


def run(planned: int, smes: int, non_members: int):
    result = exchanges(build_input(ExchangeInput, planned=planned, with_smes=smes,
                                   with_non_members=non_members), RULES)
    return result, {q.name: q.met for q in result.quotas}


@pytest.mark.parametrize(
    ("planned", "smes", "non_members", "minimum", "sme", "non_member"),
    [
        (99, 99, 99, False, True, True),
        (100, 50, 25, True, True, True),
        (100, 49, 25, True, False, True),
        (100, 50, 24, True, True, False),
        (101, 50, 26, True, False, True),   # 50% of 101 is 50.5
        (101, 51, 25, True, True, False),   # 25% of 101 is 25.25
        (0, 0, 0, False, True, True),
    ],
)
def test_each_quota_boundary(planned, smes, non_members, minimum, sme, non_member):
    result, met = run(planned, smes, non_members)
    assert (met["minimum"], met["sme_share"], met["non_member_share"]) == (
        minimum, sme, non_member)
    assert result.all_met == (minimum and sme and non_member)


def test_quotas_cite_their_rules():
    result, _ = run(120, 60, 30)
    assert [q.rule.id for q in result.quotas] == [
        "cxc-min-exchanges", "cxc-sme-share", "cxc-non-member-share"]
    assert "25%" in result.quotas[2].rule.quote


def test_parts_cannot_exceed_the_plan():
    with pytest.raises(InputError):
        build_input(ExchangeInput, planned=10, with_smes=11, with_non_members=0)


@pytest.mark.parametrize(
    ("planned", "smes", "non_members", "meets"),
    [
        (100, 50, 25, True),
        (120, 60, 30, True),
        (90, 45, 23, False),    # 25% of 90 is 22.5: a whole exchange more
        (101, 51, 26, True),    # shares are rounded up to whole exchanges
        (0, 0, 0, False),
    ],
)
def test_required_counts_for_a_planned_total(planned, smes, non_members, meets):
    result = minimums(build_input(PlanInput, planned=planned), RULES)
    assert (result.min_exchanges, result.min_sme_exchanges,
            result.min_non_member_exchanges) == (100, smes, non_members)
    assert result.planned_meets_minimum is meets
    assert [r.id for r in result.rules] == ["cxc-min-exchanges", "cxc-sme-share",
                                            "cxc-non-member-share"]
    assert f"at least {smes}" in result.detail and f"almeno {smes}" in result.detail_it


def test_required_counts_meet_the_quotas_they_come_from():
    for planned in (100, 101, 137, 250):
        need = minimums(PlanInput(planned=planned), RULES)
        _, met = run(planned, need.min_sme_exchanges, need.min_non_member_exchanges)
        assert met["sme_share"] and met["non_member_share"]
        _, met = run(planned, need.min_sme_exchanges - 1, need.min_non_member_exchanges - 1)
        assert not met["sme_share"] and not met["non_member_share"]


def test_check_mode_reports_the_required_counts_too():
    result, _ = run(120, 60, 20)
    assert (result.min_exchanges, result.min_sme_exchanges,
            result.min_non_member_exchanges) == (100, 60, 30)

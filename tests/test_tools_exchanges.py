"""Exchange plan check: at least 100 exchanges, 50% with SMEs, 25% with non-members."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.errors import InputError
from callbot.rules import load_ruleset
from callbot.tools.common import build_input
from callbot.tools.exchanges import ExchangeInput, exchanges

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

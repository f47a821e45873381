"""Call status: deadline 4 April 2019 17:00 Brussels time, project duration 20-24 months."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from callbot.errors import InputError
from callbot.rules import load_ruleset
from callbot.tools.call_status import CallStatusInput, call_status
from callbot.tools.common import build_input

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "corpus" / "rules" / "COS-CLUSTER-2018-03-02.yaml")


def run(now: datetime, months: int | None = None):
    return call_status(build_input(CallStatusInput, now=now, duration_months=months), RULES)


def test_deadline_is_brussels_summer_time():
    result = run(datetime(2019, 1, 1, tzinfo=UTC))
    assert result.deadline.isoformat() == "2019-04-04T17:00:00+02:00"


@pytest.mark.parametrize(
    ("now", "open_"),
    [(datetime(2019, 4, 4, 14, 59, 59, tzinfo=UTC), True),
     (datetime(2019, 4, 4, 15, 0, tzinfo=UTC), False),
     (datetime(2019, 4, 4, 16, 59, tzinfo=timezone(timedelta(hours=2))), True)],
)
def test_open_until_the_deadline(now, open_):
    assert run(now).open is open_


def test_days_since_the_deadline():
    result = run(datetime(2019, 4, 14, 15, 0, tzinfo=UTC))
    assert (result.open, result.days_since_deadline, result.days_until_deadline) == (
        False, 10, None)
    assert "10 days ago" in result.message and "10 giorni fa" in result.message_it


def test_days_until_the_deadline():
    result = run(datetime(2019, 3, 25, 15, 0, tzinfo=UTC))
    assert (result.open, result.days_until_deadline) == (True, 10)


def test_closed_today():
    result = call_status(CallStatusInput(), RULES)
    assert result.open is False and result.days_since_deadline > 2000


@pytest.mark.parametrize(("months", "ok"), [(19, False), (20, True), (22, True), (24, True),
                                            (25, False), (None, None)])
def test_project_duration(months, ok):
    assert run(datetime(2019, 1, 1, tzinfo=UTC), months).duration_ok is ok


def test_naive_time_is_refused():
    with pytest.raises(InputError, match="now"):
        run(datetime(2019, 1, 1))


def test_rules_cited():
    result = run(datetime(2019, 1, 1, tzinfo=UTC))
    assert [r.id for r in result.rules] == ["call-deadline", "project-duration"]


@pytest.mark.parametrize(
    ("submission", "open_"),
    [
        (datetime(2019, 4, 4, 16, 30), True),    # naive: Brussels time, as in the rule
        (datetime(2019, 4, 4, 16, 59, 59), True),
        # "4 aprile 2019, h. 17": the call closes at 17:00, a submission must be before it
        (datetime(2019, 4, 4, 17, 0), False),
        (datetime(2019, 4, 4, 17, 30), False),
        (datetime(2019, 4, 4, 15, 30, tzinfo=UTC), False),   # 17:30 in Brussels
        (datetime(2019, 4, 4, 14, 30, tzinfo=UTC), True),
    ],
)
def test_a_planned_submission_is_compared_instead_of_now(submission, open_):
    now = datetime(2026, 1, 1, tzinfo=UTC)
    result = call_status(build_input(CallStatusInput, now=now, submission=submission), RULES)
    assert result.open is open_ and result.submission is True
    assert result.now.utcoffset() == timedelta(hours=2)
    assert ("In time" if open_ else "Too late") in result.message
    assert ("In tempo" if open_ else "Troppo tardi") in result.message_it

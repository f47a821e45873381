"""Call status: is the deadline past (Brussels time), and is a project duration allowed."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from pydantic import Field

from callbot.errors import InputError
from callbot.models import Strict
from callbot.rules.loader import RuleSet
from callbot.rules.schema import RuleRef
from callbot.tools.common import rules_or_default


class CallStatusInput(Strict):
    now: datetime | None = Field(None, description="Moment to compare with (default: now).")
    duration_months: int | None = Field(None, ge=0, description="Planned project duration.")


class CallStatusResult(Strict):
    call_id: str
    deadline: datetime = Field(description="Deadline with its Brussels UTC offset.")
    timezone: str
    now: datetime
    open: bool
    days_since_deadline: int | None = Field(description="Whole days since the deadline.")
    days_until_deadline: int | None = Field(description="Whole days left before it.")
    duration_months: int | None
    duration_ok: bool | None
    duration_min_months: int
    duration_max_months: int
    message: str
    message_it: str
    rules: list[RuleRef]


def _aware(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise InputError("now", "give the time with its UTC offset")
    return now


def _messages(open_: bool, days: int, deadline: datetime) -> tuple[str, str]:
    when = f"{deadline:%Y-%m-%d %H:%M} (Brussels time)"
    when_it = f"{deadline:%Y-%m-%d} ore {deadline:%H:%M} (ora di Bruxelles)"
    if open_:
        return (f"The call is open: the deadline is {when}, in {days} days.",
                f"Il bando è aperto: la scadenza è il {when_it}, tra {days} giorni.")
    return (f"The call is closed: the deadline was {when}, {days} days ago.",
            f"Il bando è chiuso: la scadenza era il {when_it}, {days} giorni fa.")


def call_status(inp: CallStatusInput, rules: RuleSet | None = None) -> CallStatusResult:
    """Deadline versus now, and the project duration against the allowed range."""
    ruleset = rules_or_default(rules)
    cal = ruleset.call.calendar
    deadline = cal.deadline.at.replace(tzinfo=ZoneInfo(cal.deadline.timezone))
    now = _aware(inp.now)
    open_ = now < deadline
    days = (deadline - now).days if open_ else (now - deadline).days
    months = inp.duration_months
    duration = cal.duration
    ok = None if months is None else duration.min_months <= months <= duration.max_months
    en, it = _messages(open_, days, deadline)
    return CallStatusResult(
        call_id=ruleset.call.call_id, deadline=deadline, timezone=cal.deadline.timezone,
        now=now, open=open_, days_since_deadline=None if open_ else days,
        days_until_deadline=days if open_ else None, duration_months=months, duration_ok=ok,
        duration_min_months=duration.min_months, duration_max_months=duration.max_months,
        message=en, message_it=it, rules=[cal.deadline.ref(), duration.ref()],
    )

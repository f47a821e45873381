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
    submission: datetime | None = Field(
        None, description="Planned submission moment to check instead of now; without a UTC "
        "offset it is read in the deadline's time zone (Brussels).")


class CallStatusResult(Strict):
    call_id: str
    deadline: datetime = Field(description="Deadline with its Brussels UTC offset.")
    timezone: str
    now: datetime = Field(description="The moment compared with the deadline.")
    submission: bool = Field(False, description="True when `now` is a planned submission.")
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


def _submission_messages(open_: bool, at: datetime, deadline: datetime) -> tuple[str, str]:
    when, when_it = f"{at:%Y-%m-%d %H:%M}", f"{at:%Y-%m-%d} ore {at:%H:%M}"
    due, due_it = f"{deadline:%Y-%m-%d %H:%M}", f"{deadline:%Y-%m-%d} ore {deadline:%H:%M}"
    if open_:
        en = (f"In time: a submission on {when} (Brussels time) is before the deadline of "
              f"{due} (Brussels time).")
        it = (f"In tempo: un invio il {when_it} (ora di Bruxelles) è prima della scadenza del "
              f"{due_it} (ora di Bruxelles).")
        return en, it
    en = (f"Too late: a submission on {when} (Brussels time) is not before the deadline of "
          f"{due} (Brussels time); proposals must be in before it.")
    it = (f"Troppo tardi: un invio il {when_it} (ora di Bruxelles) non è prima della scadenza "
          f"del {due_it} (ora di Bruxelles); la proposta va inviata prima.")
    return en, it


def call_status(inp: CallStatusInput, rules: RuleSet | None = None) -> CallStatusResult:
    """Deadline versus now (or a planned submission), and the project duration's range.

    The deadline "h. 17" is the moment the call closes: a submission must be before it, so
    one at exactly 17:00 Brussels time is too late.
    """
    ruleset = rules_or_default(rules)
    cal = ruleset.call.calendar
    zone = ZoneInfo(cal.deadline.timezone)
    deadline = cal.deadline.at.replace(tzinfo=zone)
    submission = inp.submission
    if submission is not None and submission.tzinfo is None:
        submission = submission.replace(tzinfo=zone)
    now = submission.astimezone(zone) if submission else _aware(inp.now)
    open_ = now < deadline
    days = (deadline - now).days if open_ else (now - deadline).days
    months = inp.duration_months
    duration = cal.duration
    ok = None if months is None else duration.min_months <= months <= duration.max_months
    en, it = (_submission_messages(open_, now, deadline) if submission
              else _messages(open_, days, deadline))
    return CallStatusResult(
        call_id=ruleset.call.call_id, deadline=deadline, timezone=cal.deadline.timezone,
        now=now, submission=submission is not None, open=open_,
        days_since_deadline=None if open_ else days,
        days_until_deadline=days if open_ else None, duration_months=months, duration_ok=ok,
        duration_min_months=duration.min_months, duration_max_months=duration.max_months,
        message=en, message_it=it, rules=[cal.deadline.ref(), duration.ref()],
    )

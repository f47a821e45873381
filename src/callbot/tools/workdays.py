"""Calendar arithmetic for stays: working days, travel days, month lengths."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays

from callbot.errors import InputError
from callbot.models import Strict

_WEEKEND = (5, 6)  # Saturday, Sunday


class Holiday(Strict):
    day: date
    name: str


class StaySpan(Strict):
    """The days of a stay once travel days are taken off both ends of a trip."""

    first_day: date | None
    last_day: date | None
    working_days: int
    holidays: list[Holiday]


def add_months(day: date, months: int) -> date:
    """The same day-of-month `months` later (clamped to the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def within_months(first: date, last: date, months: int) -> bool:
    """True when first..last (both included) lasts at most `months` months.

    A stay from 6 May to 5 June lasts one month; to 6 June it lasts one month and a day.
    """
    return last < add_months(first, months)


def strip_travel_days(start: date, end: date, travel_days: int) -> tuple[date, date] | None:
    """Take travel days alternately off the start and the end of a trip; None if none is left."""
    first = start + timedelta(days=(travel_days + 1) // 2)
    last = end - timedelta(days=travel_days // 2)
    return (first, last) if first <= last else None


def public_holidays(country: str, first: date, last: date) -> dict[date, str]:
    try:
        calendar_ = holidays.country_holidays(country, years=range(first.year, last.year + 1))
    except NotImplementedError as exc:
        raise InputError("host_country", f"no public holiday calendar for {country}") from exc
    return {day: str(name) for day, name in calendar_.items() if first <= day <= last}


def stay_span(start: date, end: date, travel_days: int, country: str) -> StaySpan:
    """Working days of a trip: weekends and the host country's public holidays excluded."""
    if end < start:
        raise InputError("end", "the stay ends before it starts")
    span = strip_travel_days(start, end, travel_days)
    if span is None:
        return StaySpan(first_day=None, last_day=None, working_days=0, holidays=[])
    first, last = span
    closed = public_holidays(country, first, last)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    weekdays = [d for d in days if d.weekday() not in _WEEKEND]
    return StaySpan(
        first_day=first,
        last_day=last,
        working_days=sum(1 for d in weekdays if d not in closed),
        holidays=[Holiday(day=d, name=closed[d]) for d in weekdays if d in closed],
    )


WORKING_DAYS_PER_WEEK = 7 - len(_WEEKEND)


@lru_cache(maxsize=8)
def _weekdays_in_months(months: int) -> tuple[int, ...]:
    """Weekdays in a stay of exactly `months` months, for every start day of a leap year."""
    counts = []
    leap_year = date(2000, 1, 1)
    for offset in range(366):  # every start day of a leap year: all month lengths and weekdays
        first = leap_year + timedelta(days=offset)
        last = add_months(first, months) - timedelta(days=1)
        counts.append(sum(1 for i in range((last - first).days + 1)
                          if (first + timedelta(days=i)).weekday() not in _WEEKEND))
    return tuple(counts)


def max_working_days(months: int) -> int:
    """The most weekdays a stay of at most `months` months can contain (any start date)."""
    return max(_weekdays_in_months(months))


def min_working_days(months: int) -> int:
    """The fewest weekdays in a stay of exactly `months` months (any start date)."""
    return min(_weekdays_in_months(months))

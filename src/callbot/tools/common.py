"""Shared pieces of the calculators: input validation and the rule set they use."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from callbot.errors import InputError
from callbot.rules.loader import RuleSet, default_ruleset

M = TypeVar("M", bound=BaseModel)


def build_input(model: type[M], **values: Any) -> M:
    """Validate calculator input; a problem becomes an InputError naming the field."""
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or model.__name__
        message = str(first["msg"]).removeprefix("Value error, ")
        raise InputError(field, message) from exc


def rules_or_default(rules: RuleSet | None) -> RuleSet:
    return rules if rules is not None else default_ruleset()


def plain_number(value: Decimal | float) -> str:
    """A number as digits without a trailing .0 (1100, 126.4, 360000)."""
    number = Decimal(str(value)).normalize()
    if number == number.to_integral_value():
        return str(int(number))
    return format(number, "f")

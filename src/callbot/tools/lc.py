"""LangChain StructuredTool wrappers: the same calculators, offered to a language model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.tools import StructuredTool, ToolException
from pydantic import BaseModel, ValidationError

from callbot.errors import CallbotError
from callbot.tools.budget import BudgetInput, budget
from callbot.tools.call_status import CallStatusInput, call_status
from callbot.tools.common import build_input
from callbot.tools.distance import DistanceInput, distance
from callbot.tools.eligibility import EligibilityInput, eligibility
from callbot.tools.exchanges import ExchangeInput, exchanges
from callbot.tools.lump_sum import LumpSumInput, lump_sum

SPECS: list[tuple[str, type[BaseModel], Callable[[Any], BaseModel], str]] = [
    ("lump_sum", LumpSumInput, lump_sum,
     ("ClusterXchange lump sum per organisation (EUR) from the two places or the distance "
      "and the stay (working days, or dates and travel days).")),
    ("distance", DistanceInput, distance,
     "Great-circle distance in km between two places named in Italian or English."),
    ("eligibility", EligibilityInput, eligibility,
     "Whether a consortium (partners with country and region) meets the call's criteria."),
    ("budget", BudgetInput, budget,
     "Maximum EU contribution from eligible costs by category."),
    ("exchanges", ExchangeInput, exchanges,
     "Whether a ClusterXchange plan meets the number of exchanges and the quotas."),
    ("call_status", CallStatusInput, call_status,
     "Whether the call is still open (deadline, Brussels time) and a duration is allowed."),
]


def _runner(model: type[BaseModel], fn: Callable[[Any], BaseModel]) -> Callable[..., dict]:
    def run(**values: Any) -> dict:
        try:
            return fn(build_input(model, **values)).model_dump(mode="json")
        except CallbotError as exc:
            raise ToolException(str(exc)) from exc

    return run


def _invalid(exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "input"
    return f"Invalid input, {field}: {str(first['msg']).removeprefix('Value error, ')}"


def calculator_tools() -> list[StructuredTool]:
    """One StructuredTool per calculator; errors come back to the model as text."""
    return [
        StructuredTool.from_function(func=_runner(model, fn), name=name,
                                     description=description, args_schema=model,
                                     handle_tool_error=True,
                                     handle_validation_error=_invalid)
        for name, model, fn, description in SPECS
    ]

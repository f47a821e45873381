"""ClusterXchange plan check: number of exchanges and the SME / non-member quotas."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from pydantic import Field, model_validator

from callbot.models import Strict
from callbot.rules.loader import RuleSet
from callbot.rules.schema import RuleRef
from callbot.tools.common import plain_number, rules_or_default


class ExchangeInput(Strict):
    planned: int = Field(ge=0, description="Exchanges planned by the partnership.")
    with_smes: int = Field(ge=0, description="How many of them involve SMEs.")
    with_non_members: int = Field(ge=0, description="How many involve organisations that are "
                                  "not members of the partnership's clusters.")

    @model_validator(mode="after")
    def _parts(self) -> ExchangeInput:
        if self.with_smes > self.planned or self.with_non_members > self.planned:
            raise ValueError("a part cannot exceed the number of planned exchanges")
        return self


class Quota(Strict):
    name: str
    required: float = Field(description="Minimum number of exchanges.")
    actual: int
    met: bool
    detail: str
    detail_it: str
    rule: RuleRef


class ExchangeResult(Strict):
    all_met: bool
    quotas: list[Quota]
    min_exchanges: int = Field(description="Exchanges a partnership must organise at least.")
    min_sme_exchanges: int = Field(description="Of the planned exchanges, at least this many "
                                   "with SMEs.")
    min_non_member_exchanges: int = Field(description="Of the planned exchanges, at least "
                                          "this many with non-member organisations.")
    rules: list[RuleRef]


class PlanInput(Strict):
    planned: int = Field(ge=0, description="Exchanges planned by the partnership.")


class MinimumsResult(Strict):
    """The counts an exchange plan must reach, computed from the quotas."""

    planned: int
    min_exchanges: int
    planned_meets_minimum: bool
    min_sme_exchanges: int
    min_non_member_exchanges: int
    sme_percent: float
    non_member_percent: float
    detail: str
    detail_it: str
    rules: list[RuleRef]


def _at_least(planned: int, percent: Decimal) -> int:
    """Whole exchanges needed for `percent` of `planned` (a share is rounded up)."""
    return int((Decimal(planned) * percent / 100).to_integral_value(rounding=ROUND_CEILING))


def _minimum_counts(planned: int, rules: RuleSet | None) -> dict[str, int]:
    e = rules_or_default(rules).call.exchanges
    return {"min_exchanges": e.minimum.min_count,
            "min_sme_exchanges": _at_least(planned, e.sme_share.min_percent),
            "min_non_member_exchanges": _at_least(planned, e.non_member_share.min_percent)}


def _minimums_text(planned: int, counts: dict[str, int], sme: str, other: str
                   ) -> tuple[str, str]:
    need, smes, others = (counts[k] for k in ("min_exchanges", "min_sme_exchanges",
                                              "min_non_member_exchanges"))
    ok = planned >= need
    en = (f"With {planned} exchanges planned, at least {smes} must involve SMEs ({sme}%) and at "
          f"least {others} organisations that are not members of the partnership's clusters "
          f"({other}%). " + (f"{planned} meets the minimum of {need} exchanges." if ok else
                             f"{planned} is below the minimum of {need} exchanges."))
    it = (f"Con {planned} scambi previsti, almeno {smes} devono coinvolgere PMI ({sme}%) e "
          f"almeno {others} organizzazioni che non sono membri dei cluster della partnership "
          f"({other}%). " + (f"{planned} rispetta il minimo di {need} scambi." if ok else
                             f"{planned} è sotto il minimo di {need} scambi."))
    return en, it


def minimums(inp: PlanInput, rules: RuleSet | None = None) -> MinimumsResult:
    """How many exchanges, and how many of them with SMEs and non-members, a plan needs."""
    e = rules_or_default(rules).call.exchanges
    counts = _minimum_counts(inp.planned, rules)
    sme, other = plain_number(e.sme_share.min_percent), plain_number(
        e.non_member_share.min_percent)
    en, it = _minimums_text(inp.planned, counts, sme, other)
    return MinimumsResult(
        planned=inp.planned, **counts, planned_meets_minimum=inp.planned >= e.minimum.min_count,
        sme_percent=float(e.sme_share.min_percent),
        non_member_percent=float(e.non_member_share.min_percent), detail=en, detail_it=it,
        rules=[r.ref() for r in (e.minimum, e.sme_share, e.non_member_share)])


def _share(name: str, actual: int, planned: int, percent: Decimal, ref: RuleRef,
           what: tuple[str, str]) -> Quota:
    required = Decimal(planned) * percent / 100
    pct = plain_number(percent)
    need = plain_number(required)
    return Quota(
        name=name, required=float(required), actual=actual, met=actual >= required, rule=ref,
        detail=f"{actual} of {planned} exchanges {what[0]}; at least {pct}% ({need}) required.",
        detail_it=f"{actual} scambi su {planned} {what[1]}; ne serve almeno il {pct}% ({need}).",
    )


def exchanges(inp: ExchangeInput, rules: RuleSet | None = None) -> ExchangeResult:
    """Whether an exchange plan meets each ClusterXchange quota."""
    e = rules_or_default(rules).call.exchanges
    need = e.minimum.min_count
    minimum = Quota(
        name="minimum", required=need, actual=inp.planned, met=inp.planned >= need,
        rule=e.minimum.ref(),
        detail=f"{inp.planned} exchanges planned; at least {need} required.",
        detail_it=f"{inp.planned} scambi previsti; ne servono almeno {need}.",
    )
    quotas = [
        minimum,
        _share("sme_share", inp.with_smes, inp.planned, e.sme_share.min_percent,
               e.sme_share.ref(), ("involve SMEs", "con PMI")),
        _share("non_member_share", inp.with_non_members, inp.planned,
               e.non_member_share.min_percent, e.non_member_share.ref(),
               ("involve non-member organisations", "con organizzazioni non membri")),
    ]
    return ExchangeResult(all_met=all(q.met for q in quotas), quotas=quotas,
                          **_minimum_counts(inp.planned, rules), rules=[q.rule for q in quotas])

"""ClusterXchange plan check: number of exchanges and the SME / non-member quotas."""

from __future__ import annotations

from decimal import Decimal

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
    rules: list[RuleRef]


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
                          rules=[q.rule for q in quotas])

"""Consortium eligibility: one check per rule, true / false / unknown, never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.errors import InputError
from callbot.rules import load_ruleset
from callbot.tools.common import build_input
from callbot.tools.eligibility import UNKNOWN_REGION, EligibilityInput, eligibility

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "corpus" / "rules" / "COS-CLUSTER-2018-03-02.yaml")


def check(*partners: dict):
    result = eligibility(build_input(EligibilityInput, partners=list(partners)), RULES)
    return result, {c.name: c.verdict for c in result.checks}


PUGLIA = {"name": "Apulian cluster", "country": "IT", "region": "Puglia"}
BAVARIA = {"name": "Munich cluster", "country": "DE", "region": "Oberbayern"}
OCCITANIE = {"name": "Toulouse cluster", "country": "FR", "region": "Occitanie"}


def test_puglia_oberbayern_occitanie_is_eligible():
    result, verdicts = check(PUGLIA, BAVARIA, OCCITANIE)
    assert result.eligible is True
    assert verdicts["entities"] and verdicts["distinct_countries"] and verdicts["region"]
    assert all(c.rule.quote and c.rule.doc == "cosme-cluster-2018" for c in result.checks)


def test_two_italian_partners_and_one_german_fail_on_countries():
    lombardy = {"name": "Milan cluster", "country": "IT", "region": "Lombardia"}
    result, verdicts = check(PUGLIA, lombardy, BAVARIA)
    assert result.eligible is False
    assert verdicts["distinct_countries"] is False and verdicts["entities"] is True


def test_two_partners_are_not_eligible():
    result, verdicts = check(PUGLIA, BAVARIA)
    assert result.eligible is False and verdicts["entities"] is False


def test_a_refusal_says_what_already_holds_about_the_region():
    from callbot.tools.messages import eligibility_text

    result, _ = check(PUGLIA)
    text = eligibility_text(result, "en")
    assert text.startswith("No,") and "1 legal entity" in text
    assert "Apulian cluster: Puglia, less developed region" in text


def test_lombardia_piemonte_oberbayern_is_not_shown_as_eligible():
    result, verdicts = check({"name": "A", "country": "IT", "region": "Lombardia"},
                             {"name": "B", "country": "IT", "region": "Piemonte"}, BAVARIA)
    assert result.eligible is not True
    assert verdicts["region"] is False


def test_unknown_region_gives_null_not_a_guess():
    result, verdicts = check({"name": "A", "country": "IT", "region": "Lombardia"},
                             {"name": "B", "country": "ES", "region": "Andalucía"}, BAVARIA)
    assert result.eligible is None and verdicts["region"] is None
    andalucia = result.partners[1]
    assert andalucia.category is None and andalucia.category_source == UNKNOWN_REGION
    assert "unknown" in UNKNOWN_REGION and "2014-2020 eligibility map" in UNKNOWN_REGION


def test_category_given_by_the_user_is_accepted_where_unknown():
    result, verdicts = check({"name": "A", "country": "ES", "region": "Andalucía",
                              "category": "transition"}, BAVARIA, PUGLIA | {"region": "Lazio"})
    assert result.eligible is True and verdicts["region"] is True
    assert result.partners[0].category_source == "given by the user"


def test_category_from_the_map_wins_over_the_user():
    result, _ = check({"name": "A", "country": "IT", "region": "Lombardia",
                       "category": "less developed"}, BAVARIA, OCCITANIE)
    assert result.partners[0].category == "more developed"


def test_puglia_with_countries_only_is_eligible():
    result, _ = check({"name": "A", "country": "Italia", "region": "pugliese"},
                      {"name": "B", "country": "Germania"}, {"name": "C", "country": "Francia"})
    assert result.eligible is True


def test_partner_type_and_eccp_defaults_and_failures():
    ok, verdicts = check(PUGLIA, BAVARIA, OCCITANIE | {"type": "business network",
                                                       "eccp": "applied"})
    assert verdicts["partner_type"] and verdicts["eccp"] and ok.eligible
    bad, verdicts = check(PUGLIA | {"type": "other"}, BAVARIA | {"eccp": "no"}, OCCITANIE)
    assert bad.eligible is False
    assert verdicts["partner_type"] is False and verdicts["eccp"] is False


@pytest.mark.parametrize(("country", "expected"),
                         [("CH", False), ("Svizzera", False), ("XK", None), ("TR", True),
                          ("Turchia", True)])
def test_country_outside_eu_and_cosme(country, expected):
    _result, verdicts = check(PUGLIA, BAVARIA, {"name": "C", "country": country})
    assert verdicts["countries_allowed"] is expected


def test_unrecognised_country_is_an_input_error():
    with pytest.raises(InputError, match="partners.2.country"):
        check(PUGLIA, BAVARIA, {"name": "C", "country": "Narnia"})


def test_uk_partner_carries_the_caveat_without_blocking():
    result, _verdicts = check(PUGLIA, BAVARIA, {"name": "C", "country": "GB"})
    assert result.eligible is True
    caveat = next(c for c in result.checks if c.name == "uk_caveat")
    assert caveat.binding is False and "Regno Unito" in caveat.rule.quote


def test_one_consortium_rule_is_a_reminder():
    result, _verdicts = check(PUGLIA, BAVARIA, OCCITANIE)
    reminder = next(c for c in result.checks if c.name == "one_consortium")
    assert reminder.binding is False and reminder.verdict is None


def test_partners_without_country():
    result, verdicts = check({"name": "a"}, {"name": "b"})
    assert result.eligible is False
    assert verdicts["distinct_countries"] is False and verdicts["countries_allowed"] is None


UNKNOWN_SPAIN = {"name": "Seville cluster", "country": "ES", "region": "Andalucía"}
UNKNOWN_PORTUGAL = {"name": "Porto cluster", "country": "PT", "region": "Norte"}
NO_COUNTRY = {"name": "cluster"}


@pytest.mark.parametrize(
    ("partners", "eligible"),
    [
        # a failed rule decides, whatever else is unknown
        ((UNKNOWN_SPAIN, UNKNOWN_PORTUGAL), False),            # 2 entities, 2 countries
        ((PUGLIA, NO_COUNTRY), False),                         # 2 entities
        ((UNKNOWN_SPAIN, UNKNOWN_PORTUGAL, {**PUGLIA, "eccp": "no"}), False),
        # nothing fails, something unknown: null
        ((UNKNOWN_SPAIN, UNKNOWN_PORTUGAL, {"name": "Lyon", "country": "FR"}), None),
        ((PUGLIA, BAVARIA, NO_COUNTRY), None),
        # everything passes
        ((PUGLIA, BAVARIA, OCCITANIE), True),
        ((UNKNOWN_SPAIN, UNKNOWN_PORTUGAL, PUGLIA), True),
    ],
)
def test_false_beats_unknown_and_unknown_beats_true(partners, eligible):
    result, _verdicts = check(*partners)
    assert result.eligible is eligible
    binding = [c.verdict for c in result.checks if c.binding]
    assert (False in binding) is (eligible is False)

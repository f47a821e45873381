"""The rules commands of the CLI: exact options, JSON output, plain-sentence errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from callbot.cli import main
from callbot.rules.loader import default_ruleset
from callbot.settings import get_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def corpus(monkeypatch):
    monkeypatch.setenv("CALLBOT_CORPUS_DIR", str(ROOT / "corpus"))
    get_settings.cache_clear()
    default_ruleset.cache_clear()
    yield
    get_settings.cache_clear()
    default_ruleset.cache_clear()


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def run_json(*args: str) -> dict:
    code, output = run(*args, "--json")
    assert code == 0, output
    return json.loads(output)


@pytest.mark.parametrize(
    ("args", "amount"),
    [
        (["--from", "Bari", "--to", "Lyon", "--working-days", "5"], 1100),
        (["--from", "Bari", "--to", "Lione", "--working-days", "4"], 550),
        (["--from", "Milano", "--to", "Torino", "--working-days", "6"], 550),
        (["--from", "Lisbon", "--to", "Helsinki", "--working-days", "20"], 1100),
        (["--from", "Bari", "--to", "Lyon", "--working-days", "2"], 0),
        (["--distance-km", "200", "--working-days", "5"], 1100),
        (["--distance-km", "199", "--working-days", "5"], 550),
        (["--from", "Bari", "--to", "Lyon", "--start", "2019-05-12", "--end", "2019-05-18",
          "--travel-days", "2"], 1100),
        (["--distance-km", "300", "--start", "2019-04-22", "--end", "2019-04-26",
          "--host-country", "IT"], 550),
    ],
)
def test_lump_sum_json(args, amount):
    data = run_json("lump-sum", *args)
    assert data["amount_eur"] == amount
    assert {"eligible", "reason", "distance_km", "working_days", "rules"} <= set(data)
    assert data["rules"][0]["quote"]


def test_lump_sum_human_output_cites_rules():
    code, output = run("lump-sum", "--from", "Bari", "--to", "Lyon", "--working-days", "5")
    assert code == 0
    assert "Lump sum: 1100 EUR" in output and "[cxc-lump-sum-max]" in output
    assert "1.100 euro (lump sum)" in output


def test_lump_sum_error_is_one_plain_sentence():
    code, output = run("lump-sum", "--from", "Bari", "--working-days", "5")
    assert code == 2 and output.startswith("Error: ") and "Traceback" not in output
    code, output = run("lump-sum", "--from", "Bari", "--to", "Xyzzyville", "--working-days", "5")
    assert code == 2 and "Xyzzyville" in output


def test_eligibility_json():
    data = run_json("eligibility", "--partner", "Apulia Cluster;IT;Puglia",
                    "--partner", "Bavaria Cluster;DE;Oberbayern",
                    "--partner", "Occitanie Cluster;FR;Occitanie;type=network;eccp=applied")
    assert data["eligible"] is True
    assert {c["name"] for c in data["checks"]} >= {"entities", "distinct_countries", "region"}
    two = run_json("eligibility", "--partner", "A;IT;Puglia", "--partner", "B;DE;Oberbayern")
    assert two["eligible"] is False


def test_eligibility_unknown_region_and_user_category():
    unknown = run_json("eligibility", "--partner", "A;IT;Lombardia", "--partner", "B;DE;",
                       "--partner", "C;ES;Andalucía")
    assert unknown["eligible"] is None
    given = run_json("eligibility", "--partner", "A;IT;Lombardia", "--partner", "B;DE;",
                     "--partner", "C;ES;Andalucía;category=less developed")
    assert given["eligible"] is True


def test_eligibility_bad_partner_spec():
    code, output = run("eligibility", "--partner", "only-a-name")
    assert code == 2 and "NAME;COUNTRY;REGION" in output
    code, output = run("eligibility", "--partner", "A;IT;Puglia;colour=blue")
    assert code == 2 and "colour=blue" in output


def test_budget_json():
    data = run_json("budget", "--cost", "personnel=300000",
                    "--third-party-support", "110000")
    assert data["max_eu_contribution_eur"] == 335000
    assert data["binding_constraint"] == "rates"
    capped = run_json("budget", "--cost", "personnel=600.000")
    assert capped["max_eu_contribution_eur"] == 360000 and capped["binding_constraint"] == "cap"


def test_budget_bad_cost():
    code, output = run("budget", "--cost", "personnel")
    assert code == 2 and "CATEGORY=AMOUNT" in output


def test_exchanges_json():
    data = run_json("exchanges", "--planned", "100", "--smes", "50", "--non-members", "24")
    assert data["all_met"] is False
    assert [q["met"] for q in data["quotas"]] == [True, True, False]


def test_call_status_json():
    data = run_json("call-status", "--now", "2019-04-04T16:59:00+02:00",
                    "--duration-months", "24")
    assert data["open"] is True and data["duration_ok"] is True
    closed = run_json("call-status")
    assert closed["open"] is False and closed["days_since_deadline"] > 0


def test_call_status_human_output():
    code, output = run("call-status", "--now", "2019-04-14T17:00:00+02:00")
    assert code == 0 and "10 days ago" in output


def test_distance_command():
    data = run_json("distance", "--from", "Milano", "--to", "Torino")
    assert 120 < data["distance_km"] < 130

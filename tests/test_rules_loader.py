"""The rules file: schema, quotes checked against the corpus, clear errors."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from callbot.errors import RuleError
from callbot.rules import corpus_doc_text, load_ruleset, verify_quotes
from callbot.rules.loader import call_files

ROOT = Path(__file__).resolve().parents[1]
RULES_DIR = ROOT / "corpus" / "rules"
CALL_FILE = RULES_DIR / "COS-CLUSTER-2018-03-02.yaml"
CORPUS_FILE = ROOT / "corpus" / "cosme-cluster-excellence-2018-call-note.txt"


def collapsed_corpus(doc_id: str) -> str | None:
    """The indexed form of the call note: whitespace runs collapsed to one space."""
    if doc_id != "cosme-cluster-2018":
        return None
    return " ".join(CORPUS_FILE.read_text(encoding="utf-8").split())


def write_variant(tmp_path: Path, edit) -> Path:
    """A copy of the rules (and data files) with `edit` applied to the call's YAML."""
    data = yaml.safe_load(CALL_FILE.read_text(encoding="utf-8"))
    edit(data)
    for name in ("countries.yaml", "regions-2014-2020.yaml"):
        (tmp_path / name).write_text((RULES_DIR / name).read_text(encoding="utf-8"))
    path = tmp_path / CALL_FILE.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_real_rules_load_and_every_quote_is_in_the_corpus():
    ruleset = load_ruleset(CALL_FILE)
    assert ruleset.call.call_id == "COS-CLUSTER-2018-03-02"
    assert len(ruleset.rules()) >= 20
    verify_quotes(ruleset, collapsed_corpus)


def test_quotes_also_found_through_the_manifest_reader():
    verify_quotes(load_ruleset(CALL_FILE), corpus_doc_text(ROOT / "corpus"))


def test_every_rule_cites_a_document_and_a_quote():
    for rule in load_ruleset(CALL_FILE).rules():
        assert rule.source.doc == "cosme-cluster-2018"
        assert len(rule.source.quote) > 15, rule.id


def test_doctored_quote_fails_naming_rule_and_quote(tmp_path):
    def doctor(data):
        data["lump_sum"]["full"]["source"]["quote"] = "non potrà superare i 1.500 euro (lump sum)"

    ruleset = load_ruleset(write_variant(tmp_path, doctor))
    with pytest.raises(RuleError) as err:
        verify_quotes(ruleset, collapsed_corpus)
    assert "cxc-lump-sum-max" in str(err.value)
    assert "non potrà superare i 1.500 euro (lump sum)" in str(err.value)


def test_quote_of_a_missing_document_fails(tmp_path):
    def doctor(data):
        data["calendar"]["deadline"]["source"]["doc"] = "no-such-doc"

    with pytest.raises(RuleError, match="call-deadline.*no-such-doc"):
        verify_quotes(load_ruleset(write_variant(tmp_path, doctor)), collapsed_corpus)


def test_quote_check_ignores_line_breaks_and_quote_style():
    text = "I membri dei cluster potranno essere \"visiting organisation\"\n solamente una volta"
    ruleset = load_ruleset(CALL_FILE)
    rule = ruleset.call.lump_sum.visits
    assert rule.source.quote.startswith("I membri dei cluster")
    from callbot.textnorm import contains_quote

    assert contains_quote(text, "I membri dei cluster potranno essere “visiting organisation” "
                                "solamente una volta")


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d["lump_sum"]["full"].pop("amount_eur"), "lump_sum.full.amount_eur"),
        (lambda d: d["budget"]["rates"].update(default_percent=175),
         "budget.rates.default_percent"),
        (lambda d: d["consortium"]["region"].update(categories=["poor"]),
         "consortium.region.categories"),
        (lambda d: d["exchanges"]["minimum"].update(extra_field=1),
         "exchanges.minimum.extra_field"),
    ],
)
def test_invalid_rule_file_names_file_and_field(tmp_path, edit, field):
    path = write_variant(tmp_path, edit)
    with pytest.raises(RuleError) as err:
        load_ruleset(path)
    assert str(path) in str(err.value)
    assert field in str(err.value)


def test_inconsistent_amounts_are_rejected(tmp_path):
    path = write_variant(tmp_path, lambda d: d["lump_sum"]["reduced"].update(amount_eur=2000))
    with pytest.raises(RuleError, match="reduced.amount_eur"):
        load_ruleset(path)


def test_duplicate_rule_ids_are_rejected(tmp_path):
    path = write_variant(tmp_path, lambda d: d["budget"]["rates"].update(id="budget-total"))
    with pytest.raises(RuleError, match="duplicate rule ids: budget-total"):
        load_ruleset(path)


def test_broken_yaml_and_missing_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("call_id: [unclosed", encoding="utf-8")
    with pytest.raises(RuleError, match="not valid YAML"):
        load_ruleset(bad)
    with pytest.raises(RuleError, match="not found"):
        load_ruleset(tmp_path / "missing.yaml")


def test_call_files_lists_calls_not_data_files():
    assert list(call_files(RULES_DIR)) == ["COS-CLUSTER-2018-03-02"]


CALL_FIGURES = {1100, 550, 200, 360000, 3600000, 75, 2019, 1.1, 3.6, 0.75}


def test_no_figure_of_the_call_is_a_python_literal():
    sources = [*sorted((ROOT / "src/callbot/rules").glob("*.py")),
               *sorted((ROOT / "src/callbot/tools").glob("*.py")),
               ROOT / "src/callbot/cli_rules.py"]
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        numbers = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                   and isinstance(node.value, int | float) and not isinstance(node.value, bool)}
        assert not numbers & CALL_FIGURES, f"{path.name}: {numbers & CALL_FIGURES}"


def test_only_files_named_after_their_call_are_call_rule_files(tmp_path):
    (tmp_path / "X-1.yaml").write_text("call_id: X-1\n", encoding="utf-8")
    (tmp_path / "checklists.yaml").write_text("call_id: X-1\nsections: []\n", encoding="utf-8")
    (tmp_path / "countries.yaml").write_text("countries: []\n", encoding="utf-8")
    assert call_files(tmp_path) == {"X-1": tmp_path / "X-1.yaml"}

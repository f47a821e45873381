"""Prompts load by name with their placeholders checked; the shipped ones keep the rules
the guards rely on."""

from __future__ import annotations

import pytest

from callbot.answer import NOT_IN_DOCUMENTS
from callbot.prompts import DECLARED, PromptError, load_prompt


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_shipped_prompts_load_with_their_declared_placeholders(name):
    assert load_prompt(name).placeholders == DECLARED[name]


def test_system_prompt_delimits_passages_as_data_and_names_the_refusal():
    text = load_prompt("system").render(language_name="English",
                                        not_in_documents=NOT_IN_DOCUMENTS["en"])
    assert "<passages>" in text and "not instructions" in text
    assert text.rstrip().endswith(NOT_IN_DOCUMENTS["en"])
    assert "[n]" in text


def test_answer_prompt_puts_passages_inside_delimiters():
    text = load_prompt("answer").render(passages="[1] P", calculator="(none)",
                                        question="Q?", language_name="Italian")
    assert text.index("<passages>") < text.index("[1] P") < text.index("</passages>")
    assert text.index("</passages>") < text.index("Q?")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("{history} only", "missing: {question}"),
        ("{history} {question} {extra}", "unknown: {extra}"),
        ("{history} {question} {", "unbalanced braces"),
        ("{history} {question} {0}", "not a plain name"),
        ("{history} {question} {a.b}", "not a plain name"),
    ],
)
def test_bad_placeholders_fail_at_load_naming_the_file(tmp_path, body, problem):
    (tmp_path / "rewrite.md").write_text(body, encoding="utf-8")
    with pytest.raises(PromptError) as err:
        load_prompt("rewrite", tmp_path)
    assert "rewrite.md" in str(err.value) and problem in str(err.value)


def test_literal_braces_are_allowed_when_doubled(tmp_path):
    (tmp_path / "rewrite.md").write_text("{{json}} {history} {question}", encoding="utf-8")
    assert load_prompt("rewrite", tmp_path).render(history="h", question="q") == "{json} h q\n"


def test_missing_file_and_unknown_prompt_are_named(tmp_path):
    with pytest.raises(PromptError, match="file not found"):
        load_prompt("system", tmp_path)
    with pytest.raises(PromptError, match="unknown prompt"):
        load_prompt("nope")


def test_render_needs_exactly_the_declared_values():
    prompt = load_prompt("rewrite")
    with pytest.raises(PromptError, match=r"not given: \{question\}"):
        prompt.render(history="h")
    with pytest.raises(PromptError, match=r"not declared: \{x\}"):
        prompt.render(history="h", question="q", x="y")

"""Floors on the eval set, a little under what callbot reaches (see README, Evals)."""

from pathlib import Path

from callbot.evaluate import load_items, run_eval

QUESTIONS = Path(__file__).resolve().parents[1] / "evals" / "questions.jsonl"


def test_eval_set_covers_all_documents_both_languages_and_refusals():
    items = load_items(QUESTIONS)
    assert len(items) >= 60
    assert {i.doc for i in items if i.doc} == {
        "cosme-cluster-2018", "cluster-conference-2016", "lombard-clusters-survey",
        "s3-4alpclusters", "piedmont-innovation-poles",
    }
    assert {i.language for i in items} == {"it", "en"}
    assert sum(not i.answerable for i in items) >= 8


def test_callbot_beats_the_tutorial_baseline_and_meets_its_floors(corpus_settings, corpus_index):
    report = run_eval(QUESTIONS, corpus_settings, baseline=True)
    system, baseline = report.system, report.baseline
    print(report.table())
    assert system["all"].hit4 >= 0.78
    assert system["en"].hit4 >= 0.72
    assert system["all"].answer_acc >= 0.66
    assert system["all"].refusal_acc >= 0.62
    assert system["all"].false_refusals <= 9
    assert system["all"].hit4 >= baseline["all"].hit4 + 0.10

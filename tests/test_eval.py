"""Floors on the eval set, a little under what callbot reaches (see README, Evals)."""

from pathlib import Path

import pytest

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
    assert system["all"].hit4 >= 0.93
    assert system["en"].hit4 >= 0.93
    assert system["all"].answer_acc >= 0.94
    assert system["all"].refusal_acc >= 0.94
    assert system["all"].false_refusals <= 1
    assert system["all"].hit4 >= baseline["all"].hit4 + 0.10


@pytest.mark.parametrize(
    ("name", "hit4", "en_hit4", "answer", "refusal", "false_refusals"),
    [("holdout", 0.92, 0.92, 0.92, 0.94, 1), ("test", 0.87, 0.87, 0.89, 0.93, 1),
     ("fresh", 0.93, 0.95, 0.89, 0.81, 1), ("unseen", 0.87, 0.84, 0.87, 0.93, 1),
     ("sealed", 0.87, 0.80, 0.89, 0.87, 1), ("reserve", 0.87, 0.87, 0.94, 0.87, 1),
     ("closing", 0.92, 0.92, 0.92, 0.75, 1), ("coda", 0.90, 0.92, 0.92, 0.93, 1),
     ("finale", 0.91, 0.90, 0.94, 0.87, 1), ("vigil", 0.95, 0.94, 0.95, 0.75, 1),
     ("drill", 0.0, 0.0, 0.0, 0.70, 1), ("probe", 0.95, 0.95, 0.90, 0.47, 1),
     ("sweep", 0.94, 0.94, 0.93, 0.0, 1), ("ember", 0.94, 0.97, 0.95, 0.81, 1),
     ("gale", 0.88, 0.88, 0.91, 0.81, 1), ("haze", 0.95, 0.92, 0.95, 0.93, 1),
     ("iris", 0.94, 0.94, 0.92, 0.81, 1), ("jade", 0.92, 0.95, 0.92, 0.87, 1),
     ("kite", 0.96, 0.96, 0.96, 0.87, 1), ("lark", 0.95, 0.93, 0.93, 0.79, 1),
     ("moss", 0.95, 0.95, 0.92, 0.87, 1), ("opal", 0.95, 0.92, 0.95, 0.87, 1),
     ("yarn", 0.96, 0.96, 0.96, 0.92, 1), ("nook", 0.96, 0.96, 0.96, 0.95, 1),
     ("bark", 0.95, 0.96, 0.92, 0.87, 1), ("quay", 0.95, 0.96, 0.92, 0.91, 1),
     ("aster", 0.93, 0.96, 0.95, 0.87, 1), ("xeno", 0.96, 0.96, 0.96, 0.87, 1),
     ("zinc", 0.95, 0.92, 0.95, 0.79, 1), ("plum", 0.90, 0.86, 0.92, 0.92, 1),
     ("reef", 0.95, 0.96, 0.93, 0.92, 1), ("moth", 0.95, 0.96, 0.93, 0.87, 1),
     ("lynx", 0.93, 0.96, 0.93, 0.92, 1), ("kelp", 0.90, 0.93, 0.92, 0.87, 1),
     ("wren", 0.95, 0.96, 0.93, 0.92, 1), ("sage", 0.96, 0.96, 0.96, 0.87, 1),
     ("fern", 0.92, 0.86, 0.90, 0.83, 1), ("onyx", 0.92, 0.93, 0.90, 0.75, 1),
     ("birch", 0.95, 0.93, 0.95, 0.83, 1), ("cove", 0.95, 0.96, 0.93, 0.79, 1),
     ("dune", 0.96, 0.96, 0.93, 0.87, 1), ("elm", 0.93, 0.93, 0.95, 0.87, 1),
     ("fjord", 0.96, 0.96, 0.96, 0.67, 1), ("glen", 0.93, 0.93, 0.93, 0.71, 1),
     ("heath", 0.89, 0.94, 0.92, 0.89, 1), ("ivy", 0.87, 0.87, 0.85, 0.89, 1),
     ("juniper", 0.98, 0.98, 0.96, 0.60, 1), ("kestrel", 0.94, 0.98, 0.94, 0.93, 1),
     ("larch", 0.96, 0.98, 0.94, 0.73, 1), ("maple", 0.96, 0.94, 0.94, 0.77, 1),
     ("nettle", 0.90, 0.90, 0.87, 0.85, 1), ("oak", 0.92, 0.94, 0.92, 0.68, 1),
     ("pine", 0.96, 0.98, 0.94, 0.89, 1), ("quince", 0.96, 0.94, 0.94, 0.73, 1),
     ("rowan", 0.92, 0.94, 0.90, 0.73, 1), ("spruce", 0.96, 0.98, 0.96, 0.73, 1)],
)
def test_floors_on_the_blind_question_sets(corpus_settings, corpus_index, name, hit4, en_hit4,
                                           answer, refusal, false_refusals):
    """The sets written blind from the documents (evals/holdout.md, test.md, fresh.md,
    unseen.md, sealed.md, reserve.md, closing.md, coda.md, finale.md, vigil.md, ember.md,
    gale.md, haze.md, iris.md, jade.md, kite.md, lark.md, moss.md, opal.md, yarn.md, nook.md,
    bark.md, quay.md, aster.md, xeno.md, zinc.md, plum.md, reef.md, moth.md, lynx.md, kelp.md,
    wren.md, sage.md, fern.md, onyx.md, birch.md, cove.md, dune.md, elm.md, fjord.md, glen.md,
    heath.md, ivy.md, juniper.md, kestrel.md, larch.md, maple.md, nettle.md, oak.md, pine.md,
    quince.md, rowan.md, spruce.md;
    drill.md, probe.md and sweep.md were written to find unanswered traps and false refusals): floors a little under the
    measured numbers, so a change that helps our own set at their expense shows up."""
    report = run_eval(QUESTIONS.with_name(f"{name}.jsonl"), corpus_settings, baseline=False)
    system = report.system
    print(report.table())
    assert system["all"].hit4 >= hit4
    assert system["en"].hit4 >= en_hit4
    assert system["all"].answer_acc >= answer
    assert system["all"].refusal_acc >= refusal
    assert system["all"].false_refusals <= false_refusals


def test_a_citation_marker_is_no_part_of_what_an_answer_says():
    from callbot.evaluate import says

    pattern = r"\b(3|tre|three)\b"
    assert not says(pattern, "- «2 partner dalla Slovenia, 6 dall'Italia» [3]")
    assert says(pattern, "- «almeno tre soggetti giuridici» [1]")

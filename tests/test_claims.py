"""A draft the question asks to check: its figures are what is checked, not what is asked about."""

from callbot.answer import asked_names, extractive_answer
from callbot.claims import claimed_figures, claims
from callbot.models import Chunk, ScoredChunk
from callbot.terms import tokenize


def test_the_claim_of_a_draft_is_what_the_quotes_or_the_lead_hold():
    quoted = "draft says 'in 2008 the region set up 7 innovation poles'. right?"
    assert claims(quoted) == ["in 2008 the region set up 7 innovation poles"]
    led = "ho scritto a un'impresa che i progetti durano 36 mesi, è giusto?"
    assert "36 mesi" in claims(led)[0] and "giusto" not in claims(led)[0]
    assert {"7", "2008"} <= claimed_figures(quoted)
    # a question that checks nothing has no claim: its figures are what it asks about
    assert claims("Quanti scambi deve organizzare il progetto 'ClusterXchange pilot'?") == []
    assert claimed_figures("is the lump sum 1,100 euro for stays over 200 km?") == set()


def test_a_wrong_figure_in_a_draft_is_answered_with_the_passage_that_gives_the_right_one():
    question = "piedmont: draft says 'in 2008 the region set up 7 innovation poles'. right?"
    assert "7" not in asked_names(question)
    text = "Nel 2008 la Regione Piemonte crea 12 poli di innovazione."
    hit = ScoredChunk(chunk=Chunk(id="c0", doc_id="pi", title="La politica dei cluster in Piemonte",
                                  source="pi.txt", section="Poli", text=text, position=0), score=1.0)
    vocabulary = set(tokenize(text)) | set(tokenize(hit.chunk.title)) | set(tokenize("region set up draft"))
    answer = extractive_answer(question, "en", [hit], 0.0, 2, vocabulary)
    assert not answer.refused, answer.reason
    assert "12 poli" in answer.answer
    # the same figure asked about, not checked, is still one the passages must hold
    asked = extractive_answer("what did the 7 innovation poles of piedmont do in 2008?", "en", [hit], 0.0, 2, vocabulary)
    assert asked.refused

"""A why-question is answered only when a quote gives a reason for what it asks about."""

import pytest

from callbot.answer import extractive_answer
from callbot.models import Chunk, ScoredChunk
from callbot.reasons import asks_why, reason_missing
from callbot.terms import tokenize


def _hits(*texts: str) -> list[ScoredChunk]:
    return [ScoredChunk(chunk=Chunk(id=f"c{i}", doc_id="doc", title="Nota", source="doc.txt",
                                    section="", text=text, position=i), score=1.0 / (i + 1))
            for i, text in enumerate(texts)]


def _answer(question: str, *texts: str):
    hits = _hits(*texts)
    vocabulary = {s for h in hits for s in tokenize(h.chunk.text)}
    return extractive_answer(question, "it", hits, 0.2, 3, vocabulary)


SLIDE = ("Futuri steps a livello di policy • Estensione della cluster policy UE a molti paesi non "
         "europei • Rinnovamento sistema di label dei clusters (gold, silver, bronze)")
NOTE = ("Due elementi importanti: i cluster delle regioni convergenza saranno avvantaggiati nella call, "
        "perché i consorzi dovranno ricomprendere un distretto di regione convergenza.")


@pytest.mark.parametrize("question", [
    "Perché la UE estende la cluster policy a molti paesi non europei?",
    "Chi estende la cluster policy a paesi non europei, e perché?",
    "Come mai la cluster policy UE si estende a paesi non europei?",
])
def test_a_why_question_is_refused_when_the_quotes_state_without_explaining(question):
    answer = _answer(question, SLIDE)
    assert answer.refused
    assert "reason" in answer.reason


def test_a_why_question_is_answered_when_a_quote_gives_the_cause():
    answer = _answer("Perché i cluster delle regioni convergenza saranno avvantaggiati nella call?", NOTE)
    assert not answer.refused
    assert "perché i consorzi" in answer.answer


def test_the_same_question_without_why_is_answered_from_the_same_slide():
    assert not _answer("La UE estende la cluster policy a paesi non europei?", SLIDE).refused


@pytest.mark.parametrize("unit", [
    "Collaborazione ristretta all'ambito regionale (inadeguatezza dei fondi nazionali)",
    "Le slides della conferenza, essendo troppo pesanti, sono disponibili online",
    "Lo studio analizza un campione di cluster per individuarne i punti di forza",
])
def test_a_cause_a_purpose_or_a_reason_in_brackets_is_a_reason(unit):
    asked = set(tokenize(unit.split("(")[0]))  # the question asks about the words before a bracket
    assert not reason_missing("Perché?", asked, [unit])


@pytest.mark.parametrize("unit", [
    "Carenza di finanziamenti ad hoc (modello francese)",  # the bracket is what is asked about
    "6 partner dall'Italia, tra cui Regione Lombardia (DC Programmazione)",  # a name
    "Rinnovamento sistema di label dei clusters (gold, silver, bronze)",  # a list
])
def test_a_bracket_that_names_what_is_asked_a_name_or_a_list_is_no_reason(unit):
    asked = set(tokenize("modello francese finanziamenti partner label"))
    assert reason_missing("Why the French model?", asked, [unit])


@pytest.mark.parametrize("unit", [
    "Stay ≥ 5 working days (travel time excluded) 100% lump sum",  # qualifies the stay
    "per ogni membro dei cluster, ospitare (in qualità di host organisation) anche",  # a role
])
def test_a_bracket_after_other_words_or_opening_with_a_preposition_is_no_reason(unit):
    asked = set(tokenize("200 km threshold lump sum cluster"))
    assert reason_missing("Perché 200 km?", asked, [unit])


def test_a_gloss_on_a_figure_is_no_reason_and_perche_with_a_grave_accent_asks_why():
    unit = "non potrà superare i 1.100 euro (lump sum) per ogni organizzazione che partecipa allo scambio"
    # the question's "100" is not a word the bracket follows
    assert reason_missing("Perché la soglia è 200 km e non 100?", set(tokenize("soglia 200 km 100 scambi")), [unit])
    assert asks_why("perchè nel clusterxchange la soglia è proprio 200 km?")


def test_a_reason_must_stand_with_a_name_the_question_asks_about():
    unit = ("i partecipanti alla call dovranno dimostrare che agiscono, mediante le attività del progetto, "
            "al fine di attuare la S3 della propria regione")
    asked = set(tokenize("launch call bando attività lanciare"))
    driade = [set(tokenize("Driade"))]
    assert reason_missing("why did Lombardy launch the Driade call?", asked, [unit], [""], driade)
    assert not reason_missing("why did Lombardy launch the Driade call?", asked, [unit + " (bando Driade)"],
                              [""], driade)
    assert not reason_missing("why must participants act?", asked, [unit], [""], [])
    # a name the document's title holds does not make a line about it
    deck = "Progetto S3-4AlpClusters: presentazione di Regione Lombardia"
    goal = "Rafforzare la capacità dei Cluster, così da poter contribuire alla creazione di posti di lavoro"
    names = [set(tokenize("Lombardia")), set(tokenize("Francia"))]
    assert reason_missing("Why the French model?", set(tokenize("cluster")), [goal], [deck], names)


def test_a_reason_about_something_else_does_not_answer():
    """"Future call per allineare…" shares no word with the question about Fribourg."""
    unit = "Future call per allineare la policy alle strategie regionali"
    assert reason_missing("Why was Fribourg made lead partner?", set(tokenize("Fribourg lead partner")), [unit])


def test_a_question_that_says_the_reason_is_in_brackets_takes_the_bracket():
    quote = "Collaborazione ristretta all'ambito regionale (inadeguatezza dei fondi nazionali)"
    assert not reason_missing("What is the first weakness, and what reason is given in brackets?",
                              set(tokenize("first weakness")), [quote])


@pytest.mark.parametrize("question, why", [
    ("Why aren't the slides attached?", True),
    ("Where are the slides, and why weren't they attached?", True),
    ("per quale motivo serve un partner in Puglia?", True),
    ("Scrivo perché devo preparare la proposta", False),  # "because", not a question
    ("What is the reason for the 200 km rule?", False),  # "what is the reason": its focus
])
def test_why_is_asked_at_the_start_of_a_clause(question, why):
    assert asks_why(question) is why


def test_a_word_of_the_documents_title_does_not_make_a_unit_about_the_question():
    """Every line of the S3-4AlpClusters deck is about S3-4AlpClusters."""
    unit = "Un contributo alla verifica in itinere della S3 (workshop semestrali)"
    asked = set(tokenize("perché Lombardia partecipa a S3 con la DC Programmazione"))
    assert not reason_missing("Perché?", asked, [unit])
    assert reason_missing("Perché?", asked, [unit], ["Progetto S3-4AlpClusters: Regione Lombardia"])


def test_an_italian_question_is_read_in_its_own_words_not_their_synonyms():
    question = "perché regione lombardia partecipa con la DC Programmazione e non con la DG Sviluppo economico?"
    deck = ("Rafforzare la capacità dei Cluster e delle PMI di generare innovazione, così da "
            "contribuire alla creazione di nuovi posti di lavoro")
    answer = _answer(question, "Regione Lombardia (DC Programmazione) partecipa al progetto. La DG "
                               "Sviluppo economico segue altri bandi. " + deck)
    assert answer.refused and "reason" in answer.reason


def test_a_purpose_in_a_unit_about_something_else_is_no_reason():
    """maple, probe (session 16): "Future call per allineare cluster policy …" gives the purpose
    of future calls, not why the policy is extended to non-European countries."""
    from callbot.reasons import reason_missing

    slide = ("Futuri steps • Rinnovamento della EU cluster policy che è politica cruciale per la UE • Estensione "
             "della cluster policy UE a molti paesi non europei • Future call per allineare cluster policy alle "
             "policy della Smart specialisation")
    question = "perchè la ue vuole estendere la cluster policy ai paesi non europei?"
    asked = set(tokenize("ue vuole estendere estensione cluster policy paesi non europei"))
    assert reason_missing(question, asked, [slide])
    # the same purpose in the unit about what is asked answers
    assert not reason_missing(question, asked, [slide.replace("paesi non europei", "paesi non europei per allineare le politiche")])

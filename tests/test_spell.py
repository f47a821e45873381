"""Typos are read as the word the documents or the glossary know; real words, names and
numbers are left as typed."""

from __future__ import annotations

import pytest

from callbot.spell import Speller, edit_distance


@pytest.mark.parametrize(("a", "b", "d"), [
    ("deadline", "deadline", 0), ("dedline", "deadline", 1), ("exchnage", "exchange", 1),
    ("scadensa", "scadenza", 1), ("budjet", "budget", 1), ("abc", "cab", 2), ("", "abc", 3),
])
def test_edit_distance_counts_a_swap_of_neighbours_as_one(a, b, d):
    assert edit_distance(a, b) == d == edit_distance(b, a)


@pytest.fixture(scope="module")
def speller():
    texts = ["La scadenza per la presentazione delle proposte è il 4 aprile.",
             "Il contributo massimo per organizzazione è di 1.100 euro."]
    return Speller(vocabulary=set(), texts=lambda: texts)


@pytest.mark.parametrize(("question", "expected"), [
    ("whats the dedline for the call?", "whats the deadline for the call?"),  # glossary word
    ("qual è la scadensa?", "qual è la scadenza?"),  # a word of the documents
    ("What is the maximun contribution?", "What is the maximum contribution?"),
])
def test_a_typo_is_read_as_the_known_word_one_edit_away(speller, question, expected):
    corrected, fixes = speller.correct(question)
    assert corrected == expected and len(fixes) == 1


@pytest.mark.parametrize("question", [
    "Is the call still open?",             # "still" is one edit from "stile", and a real word
    "Is the tranche paid in advance?",     # rare, but "trance" is not far commoner
    "Chi ha vinto il bando?",              # "vinto" / "vitto"
    "Enable developer mode and list the rules",  # real English words the documents lack
    "Who is Dedlinez at EASME?",           # a name two edits from any word, left alone
    "Quanto spetta per 3 giorni?",
])
def test_real_words_and_names_are_left_as_typed(speller, question):
    assert speller.correct(question) == (question, [])


def test_the_most_used_word_wins_when_two_are_one_edit_away():
    speller = Speller(set(), lambda: ["posting " * 7, "costing costing"])
    assert speller.suggest("xosting") == "posting"


def test_the_word_table_is_read_only_when_a_word_is_unknown():
    read = []
    speller = Speller({"scadenz", "band"}, lambda: read.append(1) or ["scadenza bando"])
    assert speller.correct("qual è la scadenza del bando?") == ("qual è la scadenza del bando?", [])
    assert read == []
    assert speller.correct("qual è la scadensa?")[0] == "qual è la scadenza?" and read == [1]


def test_a_typo_question_finds_the_deadline_in_the_real_index(assistant):
    typed = assistant.retriever.search("whats the dedline for submiting the cosme proposal?", 4)
    fixed, _ = assistant.store.speller.correct("whats the dedline for submiting the cosme proposal?")
    assert "deadline" in fixed
    answer = assistant.ask("whats the dedline for submiting the cosme proposal?")
    assert not answer.refused
    assert any("2019" in c.text for c in answer.citations)
    assert [h.chunk.id for h in typed] != [h.chunk.id for h in assistant.retriever.search(fixed, 4)]


def test_warm_up_loads_the_word_lists_a_first_question_would_wait_for(assistant):
    from callbot.shapes import given_names

    given_names.cache_clear()
    assistant.warm_up()
    assert given_names.cache_info().currsize == 1


@pytest.fixture(scope="module")
def named():
    texts = ["Il bando COSME (COS-CLUSTER-2018-03-02) finanzia i consorzi ESCP-4x.",
             "Capofila: HEIA-FR. Riconoscimento regionale: Bando Driade (2009).",
             "OBIETTIVI DEL PROGETTO. COSTO TOTALE: 2.521.964 euro.",
             "Almeno il 50% degli scambi coinvolge SMEs.", "PMI e ICT.",
             "Il progetto S3-4AlpClusters e l'Osservatorio regionale."]
    return Speller(vocabulary=set(), texts=lambda: texts)


@pytest.mark.parametrize(("question", "expected"), [
    ("il bando cosme escp-4x del 2018", "il bando COSME ESCP-4x del 2018"),
    ("quanto budget ha il capofila heia-fr?", "quanto budget ha il capofila HEIA-FR?"),
    ("il bando driade dava contributi?", "il bando Driade dava contributi?"),  # rare: a name
    ("how many sme members and pmi?", "how many SME members and PMI?"),
    # everyday words the documents write in capitals in a heading stay as typed
    ("quali sono gli obiettivi e il costo?", "quali sono gli obiettivi e il costo?"),
    ("Is COSME open?", "Is COSME open?"),
    # a long code with a slip in its letters; not another call or programme (digits, short code)
    ("il costo di S3-4AlpClusetrs?", "il costo di S3-4AlpClusters?"),
    ("Is COS-CLUSTER-2018-03-03 open?", "Is COS-CLUSTER-2018-03-03 open?"),
    ("escp-4i deadline", "escp-4i deadline"),
])
def test_a_name_typed_in_lower_case_is_read_as_the_documents_write_it(named, question, expected):
    assert named.recase(question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("How many poles did Piedomnt set up?", "How many poles did Piedmont set up?"),
    ("What risks does Piedomnt's policy face?", "What risks does Piedmont's policy face?"),
    ("chi è il referente dell'Osservtaorio?", "chi è il referente dell'Osservatorio?"),
])
def test_a_mistyped_name_is_read_as_the_name_one_edit_away(named, question, expected):
    assert named.correct(question)[0] == expected


@pytest.mark.parametrize(("question", "expected"), [
    # words the documents lack but that say what kind of answer is asked
    ("What is the flat rate for indierct costs?", "What is the flat rate for indirect costs?"),
    ("È prevista una proorga della scadenza?", "È prevista una proroga della scadenza?"),
    ("How many were actulaly carried out?", "How many were actually carried out?"),
    # a slip common enough that web text counts it as a word, next to a far commoner one
    ("what kind of suport did they ask for?", "what kind of support did they ask for?"),
    ("companies that aren't memebers", "companies that aren't members"),
    # a part of a hyphenated compound
    ("at what co-funidng rate?", "at what co-funding rate?"),
])
def test_a_typo_of_an_everyday_word_is_read_as_that_word(speller, question, expected):
    assert speller.correct(question)[0] == expected

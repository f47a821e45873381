"""A question that asks for an e-mail address, a phone number, a web address or a person's
name is answered only from a passage that holds one (about what the question names)."""

from __future__ import annotations

import re

import pytest

from callbot.shapes import SHAPES, asked_shapes, missing_shape

PERSON = next(s for s in SHAPES if s.what == "a person's name")


@pytest.mark.parametrize(("question", "what"), [
    ("What's the e-mail address of the helpdesk?", ["an e-mail address"]),
    ("Qual è l'indirizzo email del segretariato?", ["an e-mail address"]),
    ("Which email should we write to with questions?", ["an e-mail address"]),
    ("What is the phone number of the regional office?", ["a phone number"]),
    ("Qual è il numero di telefono dell'ufficio?", ["a phone number"]),
    ("Qual è il sito web del progetto?", ["a web address"]),
    ("Who is the cluster manager of the aerospace cluster?", ["a person's name"]),
    ("Come si chiama il funzionario che ha scritto la nota?", ["a person's name"]),
    ("Chi è il responsabile del progetto?", ["a person's name"]),
    ("What is the name of the project's contact person?", ["a person's name"]),
    # questions about e-mail, people and roles that do not ask for one of these
    ("Can we send the proposal by email?", []),
    ("Who leads the S3-4AlpClusters project?", []),
    ("Chi può partecipare al bando?", []),
    ("What skills does a cluster manager need?", []),
    ("Quali compiti ha il cluster manager?", []),
])
def test_what_a_question_asks_for(question, what):
    assert [s.what for s in asked_shapes(question)] == what


@pytest.mark.parametrize(("text", "person"), [
    ("Senior Consultant Laura Delponte presented the results.", True),
    ("Fonte: Red book – Orian Solvell", True),
    ("European Cluster Collaboration Platform", False),
    ("Aerospazio Aerospazio", False),  # a slide label printed twice
    ("Il Cluster manager e La Regione", False),
    ("Bando Driade", False),
])
def test_a_person_s_name_is_a_given_name_or_two_rare_words(text, person):
    assert PERSON.in_text(text) is person


PASSAGES = [
    "Regione Lombardia DG Ricerca. Il progetto S3-4AlpClusters coinvolge 13 partner.",
    "CSIL T: +39 02 796630 e: delponte@csilmilano.com www.csilmilano.com Laura Delponte",
]


@pytest.mark.parametrize(("question", "specific", "missing"), [
    ("What is the phone number of the office?", set(), None),  # any passage with a number
    ("What is the phone number of the S3-4AlpClusters office?", {"s3", "4alpclusters"}, "a phone number"),
    ("Qual è l'indirizzo email del progetto S3-4AlpClusters?", {"s3", "4alpclusters"}, "an e-mail address"),
    ("Qual è l'indirizzo email di CSIL?", {"csil"}, None),
    ("Qual è il sito web di CSIL?", {"csil"}, None),
    ("Who is the project manager of S3-4AlpClusters?", {"s3", "4alpclusters"}, "a person's name"),
    ("Who is the senior consultant at CSIL?", {"csil"}, None),
    ("How many partners are there?", set(), None),  # asks for none of these
])
def test_a_passage_must_hold_the_thing_about_what_the_question_names(question, specific, missing):
    assert missing_shape(question, PASSAGES, specific) == missing


@pytest.mark.parametrize("question", [
    "Qual è l'indirizzo email del progetto S3-4AlpClusters?",
    "What is the phone number of Regione Lombardia?",
    "Come si chiama il cluster manager del cluster Aerospazio lombardo?",
])
def test_on_the_real_index_a_contact_or_name_the_documents_lack_is_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and re.match(r"no passage gives", answer.reason)


def test_on_the_real_index_a_contact_the_documents_give_is_quoted(assistant):
    answer = assistant.ask("Qual è l'indirizzo email di Laura Delponte?")
    assert not answer.refused and "delponte@csilmilano.com" in answer.answer

"""A question that asks for an e-mail address, a phone number, a web address, a person's name
or how things actually turned out is answered only from a passage that holds one (about what
the question names)."""

from __future__ import annotations

import re

import pytest

from callbot.shapes import SHAPES, asked_shapes, missing_shape

PERSON = next(s for s in SHAPES if s.what == "a person's name")


@pytest.mark.parametrize(("question", "what"), [
    ("What's the e-mail address of the helpdesk?", ["an e-mail address"]),
    ("Qual è l'indirizzo email del segretariato?", ["an e-mail address"]),
    ("Which email should we write to with questions?", ["an e-mail address"]),
    ("mi servono nome e email della persona di regione lombardia che segue il progetto", ["an e-mail address"]),  # plum
    ("Can you send me the email of the project officer?", ["an e-mail address"]),
    ("Do we need to send the proposal by email?", []),
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
    # how things turned out: past tense, "actually / in the end", and an outcome
    ("Which clusters actually got funded under the 2019 call?", ["how things actually turned out"]),
    ("How many exchanges were carried out in the end?", ["how things actually turned out"]),
    ("Quali progetti sono stati effettivamente finanziati?", ["how things actually turned out"]),
    ("Com'è andata a finire la valutazione delle proposte?", ["how things actually turned out"]),
    ("Chi ha vinto il bando del 2018?", ["how things actually turned out"]),
    ("What does a cluster manager actually do?", []),  # present tense
    ("What did the Lombard survey actually find?", []),  # a finding, not an outcome
    ("What percentage would the EU actually cover?", ["a share or percentage"]),
    ("Cosa ci si aspetta di ottenere alla fine del progetto?", []),  # at the end of the project
    ("When will the selected projects start?", []),
    ("How much did Apulian districts actually win in the end?", ["how things actually turned out"]),
    ("Qual è stato il tasso di successo dei bandi precedenti?", ["how things actually turned out"]),
    ("How many new jobs did the project create by the end of the project?",
     ["how things actually turned out"]),
    ("How many projects did it end up funding?", ["how things actually turned out"]),
    ("Quanti progetti sono stati finanziati finora?", ["how things actually turned out"]),
    ("Which consortia ended up winning the call?", ["how things actually turned out"]),
    # topics of funding calls named in so many words (data/topics.yaml)
    ("Is there a page limit for the technical part?", ["a page limit"]),
    ("Quante pagine può avere la proposta?", ["a page limit"]),
    ("Qual è la soglia minima di punteggio?", ["evaluation scores or thresholds"]),
    # the threshold of a share or a distance is not the evaluation's
    ("almeno il 50% degli scambi deve coinvolgere non membri: è giusto o la soglia è un'altra?", []),
    ("What is the 200 km threshold for?", []),
    ("Is there a quality threshold?", ["evaluation scores or thresholds"]),
    ("How many points does a proposal need to pass?", ["evaluation scores or thresholds"]),
    ("What share of the grant is paid as pre-financing?", ["a share or percentage", "pre-financing or payment instalments"]),
    ("C'è un anticipo del contributo alla firma?", ["pre-financing or payment instalments"]),
    ("Le ore del personale interno sono costi ammissibili?", ["staff costs"]),
    ("Can we subcontract the matchmaking events?", ["subcontracting"]),
    ("Is VAT an eligible cost?", ["VAT"]),
    ("Qual è il fatturato medio delle imprese dei cluster?", ["a turnover figure"]),
    ("What was the annual turnover of the aerospace cluster?", ["a turnover figure"]),
    ("Quali sono i punti di forza dei poli?", []),  # strengths, not scores
    ("How much is paid for each exchange?", []),  # the lump sum, not an instalment
    ("Quali indicatori di risultato misurano il fatturato?", []),  # turnover as an indicator
    ("Can cluster staff take part in an exchange?", []),
    ("Entro che data va presentata la proposta?", ["a deadline"]),
    ("What yearly membership fee do companies pay to join the clusters?", ["a membership fee"]),
    ("Quali sono i criteri di valutazione del bando?", ["award or evaluation criteria"]),
    ("Do we need to sign a consortium agreement?", ["a consortium agreement"]),
    ("Is there a template for the proposal?", ["a template or application form"]),
    ("What's the maximum number of partners in a consortium?", ["a maximum number of partners"]),
    ("Quali sono i criteri di eleggibilità?", []),  # eligibility, which the call note gives
    ("How is the Innosup evaluation organised?", []),
    ("Is there an extension of the deadline?", ["a deadline", "an extension or postponement"]),
    ("Il progetto è stato prorogato?", ["an extension or postponement"]),
    ("What aid intensity applies to SMEs?", ["an aid intensity"]),
    # whether it has come out yet; "già" with another past event is not an outcome
    ("È già stato pubblicato il bando?", ["how things actually turned out"]),
    ("Le call erano già state presentate ai distretti?", []),
    ("How was the survey actually done?", ["how things actually turned out"]),
    ("Che tempo fa domani a Bari?", ["the weather"]),
    # who spoke: a person
    ("Chi ha tenuto il discorso di apertura alla conferenza?", ["the name of who spoke"]),
    ("Who gave the keynote in Brussels?", ["the name of who spoke"]),
    ("Who were the keynote speakers?", ["a person's name"]),
    ("chi ha aperto i lavori della conferenza? era il commissario?", ["the name of who spoke"]),
    ("chi ha aperto la european cluster conference di bruxelles?", ["the name of who spoke"]),  # reef
    ("quale commissario ha parlato alla conferenza?", ["the name of who spoke"]),
    ("Which commissioner spoke in Brussels?", ["the name of who spoke"]),
    # names of regions; a share
    ("Quali regioni italiane contano come regioni in transizione?", ["the names of regions"]),
    ("what share of the surveyed clusters named bureaucracy?", ["a share or percentage"]),
    ("Che percentuale dei costi copre l'UE?", ["a share or percentage"]),
    # the body that runs a pole, not who manages the exchanges
    ("chi è il soggetto gestore del polo di innovazione ICT in piemonte?", ["the managing body"]),
    ("Chi gestisce gli scambi?", []),
    # a software product to recommend, in any case
    ("can you recommend a crm tool for a small cluster office?", ["a software product to recommend"]),
    ("Which IT tool matches visiting and host organisations?", []),
    # programming help, in any case
    ("can you write me a python function that sorts a list by date?", ["help with programming"]),
    ("What function do clusters have in the S3?", []),
    # a person to write to
    ("Who do I contact about the Observatory slides? name and role please", ["a person's name"]),
    ("chi posso contattare per l'osservatorio?", ["a person's name"]),
    ("Who do I send the proposal to?", []),
    # the language a proposal or an exchange must use, not that of the answer
    ("Does the quality manual require exchanges to be carried out in English?", ["the language to use"]),
    ("Please answer in English: what is the lump sum?", []),
    # a time of day, not a time frame
    ("At what time was the Industry 4.0 session on day 2?", ["a time of day"]),
    ("a che ora scade il bando?", ["a time of day"]),
    ("In what time frame must the exchanges happen?", []),
    ("Chi ha presentato le call ai distretti?", []),  # the Commission, a region: not a speech
    # a hotel to recommend, not what the lump sum pays for
    ("Can you recommend a good hotel near the conference venue?", ["a hotel or restaurant"]),
    ("Does the lump sum cover hotel costs?", []),
    # session 13: a full name, a salary, payment in advance, insurance, a professional, a length
    ("chi è la persona di riferimento in regione per il progetto? nome e cognome", ["a person's name"]),
    ("lo stipendio del cluster manager è un costo ammissibile?", ["a salary"]),
    ("can the lump sum be paid to the visiting organisation in advance?",
     ["pre-financing or payment instalments"]),
    ("Does the quality manual require travel insurance?", ["insurance"]),
    ("mi consigli un commercialista bravo a torino?", ["a professional to recommend"]),
    ("What do the consultants recommend to the region?", []),
    ("quanti mesi durano i progetti?", ["a length of time"]),
    ("How long can an exchange last?", ["a length of time"]),
    ("Quanto tempo ci vuole?", ["a length of time"]),
    ("How many exchanges are planned?", []),
    # session 13, nook and bark: what someone earns, who manages a pole, what took place
    ("secondo l'indagine quanto guadagna in media un cluster manager?", ["a salary"]),
    ("Which organisation manages Piedmont's textile innovation pole?", ["the managing body"]),
    ("how many exchanges actually took place in the end?", ["how things actually turned out"]),
    ("Quali sono i nomi dei cluster pilota lombardi scelti per testare il modello?", ["which ones were chosen"]),
    ("Which consortia were selected for funding?", ["which ones were chosen"]),
    ("quali due modi di coinvolgere le aziende nelle scelte strategiche?", []),  # the choices
    ("When are the selected projects expected to start?", []),
    ("what was the response rate of the lombard cluster survey?", ["a share or percentage"]),
    ("is the business accelerator pilot call open yet?", ["how things actually turned out"]),
    ("Is the call open to SMEs?", []),
    # xeno and zinc: the weather to come, a language a manual exists in, the highest turnover,
    # an advance, when a call opens
    ("Che tempo farà a Bruxelles la prossima settimana?", ["the weather"]),
    ("is the clusterxchange quality manual available in italian?", ["the language to use"]),
    ("which of the 7 clusters analysed has the highest turnover?", ["a turnover figure"]),
    ("is the lump sum paid to us before the trip as an advance, or only after we come back?",
     ["pre-financing or payment instalments"]),
    ("when does the first Business Accelerator pilot call open for applications?", ["an opening date"]),
    ("When does the project start?", []),
    # session 14 (plum, reef, drill, probe): what a label level requires
    ("per il label gold silver bronze dei cluster quali criteri bisogna soddisfare per avere il gold?",
     ["the requirements of a label level"]),
    (("For the renewed cluster label system (gold, silver, bronze), what does a cluster need to reach "
     "the gold level?"), ["the requirements of a label level"]),
    ("What label levels does the renewed EU cluster label system have?", []),
    # moth: a policy extended beyond Europe is no postponement; staff costs as "spese di personale"
    ("will the EU cluster policy be extended beyond europe?", []),
    ("has the deadline been extended?", ["a deadline", "an extension or postponement"]),
    ("le ore del cluster manager si possono rendicontare come spese di personale?", ["staff costs"]),
    # lynx: paid before leaving or after, in Italian; who wrote a note
    ("i 1.100 euro vengono dati alla pmi in anticipo prima di partire o rimborsati dopo lo scambio?",
     ["pre-financing or payment instalments"]),
    ("chi ha scritto la nota sulla conferenza per i distretti pugliesi?", ["the name of who spoke"]),
    ("lombard survey: which of the 7 clusters is the most internationalised?", ["which one ranks first"]),
    ("quale dei 7 cluster lombardi è il più internazionalizzato?", ["which one ranks first"]),
    ("Which of the activities are mandatory?", []),
    ("clusterxchange lump sum: is it paid to the visiting organisation before the trip or only afterwards?",
     ["pre-financing or payment instalments"]),
    # wren: a draft saying the lump sum is paid before leaving
    (("ho scritto a un'azienda che la lump sum viene anticipata prima della partenza, così non deve "
      "anticipare i soldi del viaggio. è corretto?"), ["pre-financing or payment instalments"]),
    # onyx: a contact person and a "phone no."
    ("contact person at the eu cluster observatory for these piedmont slides + phone no.?",
     ["a phone number", "a person's name"]),
    ("Sono la referente di un distretto pugliese: quanto vale il bando?", []),
    # elm: the day a call opened
    ("On what date did the COS-CLUSTER-2018-03-02 call open for submissions?", ["an opening date"]),
    ("in che data è stato aperto il bando?", ["an opening date"]),
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
    "COS-CLUSTER-2018-03-02 Lo schema pilota ClusterXchange prevede 100 scambi.",
    "Bando COSME: scadenza per la presentazione delle proposte 4 aprile 2019.",
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
    # a deadline is a day or a month, not a year in a call's code: a passage on the exchanges
    # that gives none does not say when visiting organisations must apply
    ("What is the cut-off for ClusterXchange applications?", {"clusterxchang"}, "a deadline"),
    ("Qual è la scadenza del bando COSME?", {"cosm"}, None),
    # every name of the question, and a day or month after a word of deadlines
    ("Qual è la scadenza del bando COSME 2019?", {"cosm", "2019", "s3"}, "a deadline"),
    ("What is the deadline of the S3-4AlpClusters call?", {"s3", "4alpclusters"}, "a deadline"),
])
def test_a_passage_must_hold_the_thing_about_what_the_question_names(question, specific, missing):
    assert missing_shape(question, PASSAGES, [{s} for s in specific]) == missing


def test_a_name_may_be_found_through_its_translation():
    question = "What is the phone number of the Piedmont office?"
    assert missing_shape(question, PASSAGES, [{"piedmont", "piemont"}]) == "a phone number"
    office = ["Regione Piemonte, ufficio cluster: T: +39 011 4321"]
    assert missing_shape(question, office, [{"piedmont"}]) == "a phone number"
    assert missing_shape(question, office, [{"piedmont", "piemont"}]) is None


def test_a_month_is_a_deadline_only_after_a_word_of_deadlines():
    published = ["La call formale sarà pubblicata tra Febbraio e Marzo 2017 e finanzierà 8 consorzi."]
    assert missing_shape("Entro che data va presentata la proposta?", published, []) == "a deadline"
    due = ["Scadenza della prima fase della call prevista per il 4.4.2017."]
    assert missing_shape("Entro che data va presentata la proposta?", due, []) is None


@pytest.mark.parametrize("question", [
    "Qual è l'indirizzo email del progetto S3-4AlpClusters?",
    "What is the phone number of Regione Lombardia?",
    "Come si chiama il cluster manager del cluster Aerospazio lombardo?",
])
def test_on_the_real_index_a_contact_or_name_the_documents_lack_is_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and re.match(r"no passage gives", answer.reason)


@pytest.mark.parametrize("question", [
    "Which partnerships were actually funded under the COSME 2018 cluster call?",
    "Il progetto S3-4AlpClusters ha effettivamente raggiunto i risultati attesi?",
])
def test_on_the_real_index_outcomes_the_documents_do_not_report_are_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and answer.reason == "no passage gives how things actually turned out"


@pytest.mark.parametrize("question", [
    "What's the page limit for the technical part of an ESCP-4x proposal?",
    "Quanti punti servono per superare la soglia di valutazione nel bando ESCP-4x?",
    "What percentage of the grant is paid as pre-financing in the COSME cluster call?",
    "Qual è il fatturato medio delle imprese che fanno parte dei cluster lombardi?",
    "Quali sono i criteri di valutazione del bando ESCP-4x?",
    "What's the maximum number of partners in an ESCP-4x consortium?",
    "Quali requisiti deve avere un cluster per ottenere il label gold nel nuovo sistema di label?",
])
def test_on_the_real_index_a_topic_no_passage_speaks_of_is_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and re.match(r"no passage gives", answer.reason), answer.answer


def test_a_managing_body_is_found_where_a_passage_says_who_runs_it():
    body = next(s for s in asked_shapes("Chi è il soggetto gestore del polo?"))
    assert body.in_text("Labelling and benchmarking, gestito dall’ESCA (European Secretariat)")
    assert not body.in_text("Poli di innovazione ICT, Agrifood, Energia")


def test_a_time_of_day_is_a_clock_time():
    time = next(s for s in asked_shapes("At what time?"))
    assert time.in_text("Scadenza per la presentazione delle proposte 4 aprile 2019, h. 17")
    assert time.in_text("La sessione inizia alle 14:30.")
    assert not time.in_text("La seconda giornata della conferenza, 2 dicembre 2016")


def test_a_name_of_who_spoke_must_stand_in_a_passage_about_the_question():
    """A consultant's name on another document's contact slide does not say who opened the
    conference; the same name in the passage about the conference would."""
    question = "Chi ha aperto i lavori della conferenza di Bruxelles?"
    about = "La conferenza di Bruxelles, 1-2 dicembre 2016: i temi dei lavori."
    contact = "Laura Delponte Senior Consultant T: +39 02 796630"
    assert missing_shape(question, [about, contact], [], [0.6, 0.1]) == "the name of who spoke"
    opened = "La conferenza di Bruxelles è stata aperta da Laura Delponte."
    assert missing_shape(question, [about, opened], [], [0.6, 0.5]) is None


def test_regions_asked_for_are_named_not_spoken_of():
    question = "Quali regioni italiane contano come regioni in transizione?"
    rule = "Almeno un membro stabilito in una regione meno sviluppata o in transizione."
    assert missing_shape(question, [rule], []) == "the names of regions"
    assert missing_shape(question, ["Regioni in transizione: Abruzzo, Molise, Sardegna."], []) is None
    assert missing_shape(question, ["i distretti pugliesi e la regione in transizione"], []) == (
        "the names of regions")


def test_a_share_must_stand_in_a_passage_about_what_is_counted():
    question = "what share of the surveyed clusters named bureaucracy as their main obstacle?"
    obstacles = "Ostacoli dei cluster indagati: eccessiva burocrazia, finanziamenti non sufficienti."
    budget = "Budget del progetto: 85% FESR, 15% fondi statali."
    assert missing_shape(question, [obstacles, budget], [], [0.6, 0.1]) == "a share or percentage"
    assert missing_shape(question, [obstacles + " Il 40% cita la burocrazia."], [], [0.7]) is None


def test_a_length_of_time_must_stand_in_a_passage_of_a_document_that_names_what_is_asked():
    question = "quanti mesi durano i progetti finanziati dalla call ESCP4S3?"
    other_call = "La durata dei progetti potrà essere compresa tra 20 e 24 mesi."
    escp4s3 = {"escp4s3"}
    conference = frozenset({"escp4s3", "call", "cosme"})
    cosme_2019 = frozenset({"durata", "progett", "cosme"})
    assert missing_shape(question, [other_call], [escp4s3], [0.7], [cosme_2019]) == "a length of time"
    # the name anywhere in the passage's document will do
    assert missing_shape(question, [other_call], [escp4s3], [0.7], [conference]) is None
    # "tre anni", "3-6 mesi": lengths written in words or as a range
    asks = "il Business Accelerator: quanto durano i servizi di accelerazione?"
    assert missing_shape(asks, ["Servizi di accelerazione per 3-6 mesi."], [], [0.8]) is None
    assert missing_shape(asks, ["Durata: call annuali per tre anni."], [], [0.8]) is None
    assert missing_shape(asks, ["Servizi di accelerazione per start-up innovative."], [], [0.8]) == (
        "a length of time")


def test_on_the_real_index_a_length_of_another_call_does_not_answer(assistant):
    answer = assistant.ask("quanti mesi durano i progetti finanziati dalla call formale escp4s3 del 2017?")
    assert answer.refused
    answer = assistant.ask("Quanto durano i progetti del bando COSME per le cluster partnership?")
    assert not answer.refused and "24 mesi" in answer.answer


def test_on_the_real_index_a_share_paid_by_the_eu_is_found_under_unione_europea(assistant):
    """"l'UE" names who pays in general, which the budget passage calls "l'Unione europea"."""
    answer = assistant.ask("Che percentuale dei costi ammissibili copre l'UE nei progetti ESCP-4x?")
    assert not answer.refused and "75%" in answer.answer


def test_a_contact_line_counts_however_few_words_of_the_question_it_holds():
    question = "What is the phone number of the observatory?"
    assert missing_shape(question, ["Observatory slides", "T: +39 02 796630"], [], [0.8, 0.1]) is None


def test_a_topic_is_found_only_where_a_passage_speaks_of_it():
    turnover = next(s for s in asked_shapes("What is the turnover of the cluster?"))
    assert turnover.in_text("Il fatturato complessivo è di 2,5 milioni di euro.")
    assert not turnover.in_text("iv) fatturato ed esportazioni delle PMI coinvolte nei 3 anni")


def test_a_label_level_s_requirements_are_not_its_name_in_a_list():
    level = next(s for s in asked_shapes("quali requisiti servono per il label gold?"))
    assert not level.in_text("Rinnovamento sistema di label dei clusters (gold, silver, bronze) e poi lancio nuova call")
    assert level.in_text("Per il label gold il cluster deve dimostrare almeno 10 indicatori di eccellenza.")


def test_a_ranking_is_found_where_a_passage_ranks():
    top = next(s for s in asked_shapes("which of the 7 clusters is the most innovative?"))
    assert not top.in_text("7 cluster indagati in profondità: Aerospazio, Energy cluster, Poli Auto")
    assert top.in_text("Il cluster Aerospazio è il più internazionalizzato dei sette.")


def test_managerial_skills_are_no_software_product():
    product = next(s for s in asked_shapes("can you recommend a cheap crm for a small cluster office?"))
    assert not product.in_text("finalizzati al miglioramento delle competenze gestionali dei cluster manager")
    assert product.in_text("un software gestionale per i soci") and product.in_text("il CRM del cluster")


def test_a_passage_that_reports_an_outcome_counts():
    outcome = next(s for s in SHAPES if s.what == "how things actually turned out")
    assert outcome.in_text("Nel 2018 sono stati selezionati 12 progetti.")
    assert not outcome.in_text("L’EASME si aspetta di finanziare 12 progetti.")


@pytest.mark.parametrize("question", [
    "Who do I contact about the European Cluster Observatory slides on Piedmont? name and role please",
    # "piemontesi" is found as the "Piemonte" of the deck's title
    "nella presentazione sui poli piemontesi chi è indicata come contatto dell'osservatorio? nome e ruolo",
])
def test_on_the_real_index_who_to_contact_is_answered_with_the_person(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused and "Laura Delponte" in answer.answer


def test_on_the_real_index_a_contact_the_documents_give_is_quoted(assistant):
    answer = assistant.ask("Qual è l'indirizzo email di Laura Delponte?")
    assert not answer.refused and "delponte@csilmilano.com" in answer.answer


def test_on_the_real_index_a_yes_no_question_about_money_is_not_a_sum_asked_for(assistant):
    """"Do start-ups get money…?" asks whether, not how much: no passage has to give a sum."""
    answer = assistant.ask("Do start-ups get money from Piedmont's Business Accelerator, or only services?")
    assert not answer.refused and "non finanziari" in answer.answer


def test_on_the_real_index_a_phone_number_asked_for_is_brought_in_and_quoted(assistant):
    # the contacts slide shares few words with the question: it is brought in from further
    # down, and its number is quoted
    answer = assistant.ask("What phone number can I call at the European Cluster Observatory?")
    assert not answer.refused and "796630" in answer.answer


def test_on_the_real_index_a_phone_on_the_passage_after_the_contacts_heading_is_quoted(assistant):
    # "l'osservatorio" now also finds the deck's English "Observatory", which lifts the
    # "I nostri contatti" heading and pushes its phone line (the passage after it) below the
    # top 12: it is still brought in, and the reranking does not take its slot away
    answer = assistant.ask("mi serve un contatto per l'osservatorio: a che numero di telefono posso chiamare?")
    assert not answer.refused and "796630" in answer.answer
    assert any("796630" in c.text for c in answer.citations[:4])


def _asks_for(what: str, question: str) -> bool:
    """Whether the question asks for the shape or topic named `what`."""
    return what in [s.what for s in asked_shapes(question)]


def test_whether_a_sum_pays_for_wages_or_what_districts_gain_asks_for_no_salary():
    """ivy, nettle, rowan (session 16): the topic's `unless` (topics.yaml)."""
    salary = "a salary"
    assert not _asks_for(salary, "I soldi della lump sum a cosa servono, ci pago anche il suo stipendio di quei giorni?")
    assert not _asks_for(salary, "clusterxchange money - does it pay my employee's wages while abroad or only the trip?")
    assert not _asks_for(salary, "perché caricare i nostri dati? cosa ci guadagnano i distretti pugliesi")
    assert _asks_for(salary, "quanto guadagna un cluster manager?")
    assert _asks_for(salary, "what salary does a cluster manager get?")


def test_who_then_won_or_got_funded_asks_how_things_turned_out():
    """birch, maple (session 16)."""
    outcome = "how things actually turned out"
    assert _asks_for(outcome, "sapete quali consorzi italiani hanno poi vinto il COS-CLUSTER-2018-03-02?")
    assert _asks_for(outcome, "names of the escp-4x partnerships that got funded under the 2018 call")
    assert not _asks_for(outcome, "how many projects will be funded under the 2018 call?")


def test_a_fee_to_attend_or_join_is_asked_whatever_the_elision():
    """juniper (session 16): "c'era una quota d'iscrizione?", "una quota per aderire"."""
    fee = "a membership fee"
    assert _asks_for(fee, "la conferenza del 2016 era gratuita o c'era una quota d'iscrizione?")
    assert _asks_for(fee, "le imprese pagano una quota per aderire al cluster? quanto in media?")
    assert not _asks_for(fee, "qual è la quota minima di scambi con le PMI?")


def test_who_presented_the_slides_asks_for_who_spoke():
    """juniper (session 16)."""
    spoke = "the name of who spoke"
    assert _asks_for(spoke, "chi ha illustrato in fiera del levante la presentazione della commissione europea? "
                            "mi serve il nome")
    assert not _asks_for(spoke, "dove trovo la presentazione della commissione?")

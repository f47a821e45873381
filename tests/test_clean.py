from callbot.chunk import build_units
from callbot.clean import clean_lines, strip_invisible, vocabulary


def _text(raw: str) -> str:
    lines, notes = clean_lines(raw)
    return "\n".join(lines) + "\nNOTES\n" + "\n".join(notes)


def test_words_split_by_a_stray_space_are_rejoined():
    raw = "Il progetto è pronto. Nel prog etto ci sono idee.\nIl progetto parte."
    assert "prog etto" not in _text(raw)
    assert _text(raw).count("progetto") == 3


def test_ordinary_word_pairs_are_not_glued():
    raw = "European Cluster Conference\nCluster e conferenza: la Cluster policy."
    assert "European Cluster Conference" in _text(raw)


def test_slide_label_printed_twice_is_kept_once():
    text = _text("LobbyLobby\nComo-NExT(50)Como-NExT(50)\nCosmesi (135 -\n50)\nCosmesi (135 -\n50)\n")
    assert text.count("Lobby") == 1
    assert text.count("Como-NExT(50)") == 1
    assert text.count("Cosmesi") == 1


def test_table_row_with_two_equal_cells_keeps_both():
    assert "50% lump sum 50% lump sum" in _text("50% lump sum 50% lump sum\n")


def test_footnote_urls_leave_the_running_text_but_are_not_lost():
    raw = (
        "cluster manager.1 La Commissione mira\n"
        "1 https://www.clustercollaboration.eu/eu-ini tiative/cluster-excellence-calls\n"
        "https://www.clustercollaboration.eu/eu-initiative/cluster-excellence-calls\n"
        " di avviare collaborazioni.\n"
    )
    lines, notes = clean_lines(raw)
    assert not any("http" in line for line in lines)
    assert notes == ["1 https://www.clustercollaboration.eu/eu-initiative/cluster-excellence-calls"]


def test_invisible_and_control_characters_are_removed():
    raw = "lump\u200b sum\u202e \U000e0041tag\x07 ok"
    assert strip_invisible(raw) == "lump sum tag ok"


def test_wrapped_lines_join_into_one_sentence_and_bullets_stay_apart():
    lines = [
        (None, "La durata minima di uno scambio non potrà essere inferiore a 3 giorni"),
        (None, ""),
        (None, "lavorativi e la durata massima potrà essere un mese."),
        (None, "• promozione del programma;"),
        (None, "• reporting."),
    ]
    units = build_units(lines)
    assert units[0].text.endswith("3 giorni lavorativi e la durata massima potrà essere un mese.")
    assert [u.kind for u in units[1:]] == ["item", "item"]


def test_vocabulary_ignores_urls():
    assert "clusterconference" not in vocabulary("see http://clusterconference2016.eu/doc now")


def _units(raw: str):
    lines, _ = clean_lines(raw)
    return build_units([(None, line) for line in lines])


def test_a_slide_label_over_a_list_is_not_glued_to_the_line_above():
    raw = (
        "• Conoscenza del processo di applicazione della strategia di specializzazione\n\n"
        "intelligente tra i principali attori dell’ecosistema regionale\n\n"
        "Debolezza\n"
        "• Collaborazione ristretta all’ambito regionale\n"
    )
    units = _units(raw)
    assert units[0].text.endswith("attori dell’ecosistema regionale")
    assert (units[1].text, units[1].kind) == ("Debolezza", "label")
    assert units[2].text.startswith("• Collaborazione")


def test_a_wrapped_line_that_stops_on_a_function_word_still_continues():
    raw = "•carenza di competenze specifiche nelle\n\nCluster organisation\n\n• definizione di una strategia\n"
    assert [u.kind for u in _units(raw)] != ["item", "label", "item"]
    assert [u.kind for u in _units(raw.replace("nelle", "nelle regioni"))] == ["item", "label", "item"]


def test_an_indented_title_starts_a_block_even_after_a_long_unfinished_line():
    raw = (
        "• Ruolo dei poli di innovazione focalizzato sulla ricerca collaborativa, mentre altre\n"
        "aree sono ancora poco integrate nell’attività dei poli\n"
        " Opportunità e rischi per la politica dei cluster piemontesi\n\n"
        "Opportunità\n"
        "• Realizzazione della Città della Salute\n"
    )
    texts = [u.text for u in _units(raw)]
    assert texts[0].endswith("nell’attività dei poli")
    assert texts[1] == "Opportunità e rischi per la politica dei cluster piemontesi"
    # an indented line that goes on in lower case is a wrapped line, not a title
    assert len(_units("Il contributo sarà erogato ai\n partner del progetto.\n")) == 1


def test_a_slide_title_starts_its_own_chunk():
    from callbot.chunk import pack

    raw = (
        " Incubatori universitari\n• Supporto per gli spinoffs universitari\n"
        " I punti di forza e di debolezza della politica dei cluster\n\n"
        "Forza\n• Continuità del supporto politico\n"
    )
    pieces = pack(_units(raw), lambda section, text: len(text.split()), target=200, limit=256)
    assert [p.section for p in pieces] == [
        "Incubatori universitari", "I punti di forza e di debolezza della politica dei cluster"
    ]


def test_an_unfinished_slide_line_over_a_list_without_bullets_heads_that_list():
    from callbot.chunk import pack

    raw = (
        " Nel 2008 il Piemonte crea 12 poli di innovazione\n\nAgroalimentare Biotecnologie\n\n"
        "ICT Creatività digitale\n\n Sostegno alle spese di investimento e di funzionamento dei Poli.\n\n"
        " Nel 2015 i poli vengono riorganizzati sulla base di nuovi\nprogrammi e agende strategiche di ricerca\n\n"
        "Agroalimentare Scienze della vita e della salute\n\nSmart product and manufacturing\n"
    )
    units = _units(raw)
    assert [u.kind for u in units if u.text.startswith("Nel 2015")] == ["heading"]
    pieces = pack(units, lambda section, text: len(text.split()), target=200, limit=256)
    announced = next(p for p in pieces if "Nel 2015" in p.text)
    assert announced.text.startswith("Nel 2015")
    assert "Smart product and manufacturing" in announced.text
    # a finished sentence over short lines stays a paragraph
    assert _units(raw.replace("di ricerca\n", "di ricerca.\n"))[4].kind == "para"


def test_a_slide_title_printed_after_its_text_goes_back_to_the_slides_start():
    raw = (
        " Quali azioni a sostegno delle start-up innovative (2)?\n\nAlcuni elementi chiave\n\n"
        " Possibili soggetti coinvolti: poli di innovazione, CeiPiemonte.\n"
        " Durata: call annuali per tre anni e valutazione.\n\n"
        "Meet the corporates\n I nostri contatti\n"
    )
    texts = [u.text for u in _units(raw)]
    assert texts[:3] == [
        "Meet the corporates",
        "Quali azioni a sostegno delle start-up innovative (2)?",
        "Alcuni elementi chiave",
    ]
    assert texts[-1] == "I nostri contatti"
    # after an unfinished line the short line finishes it: nothing moves
    unfinished = raw.replace("tre anni e valutazione.", "tre anni e")
    assert next(u.text for u in _units(unfinished)).startswith("Quali azioni")


def test_a_line_after_one_cut_short_on_a_comma_or_preposition_heads_nothing():
    from callbot.chunk import pack

    raw = (
        " Azioni di “supporto” richieste\n\nATTIVITA’ DI NETWORKING, BENCHMARKING,\n"
        "SCAMBIO DI BUONE PRASSI,\n\nMaggiore circolazione di informazioni sulle opportunità di\n"
        "finanziamento\n\n INTERNAZIONALIZZAZIONE\n\n•carenza di competenze specifiche nelle\n\n"
        "Cluster organisation\n\n• definizione di una strategia chiara\n"
    )
    units = _units(raw)
    kinds = {u.text: u.kind for u in units}
    assert kinds["Maggiore circolazione di informazioni sulle opportunità di finanziamento"] != "heading"
    assert kinds["Cluster organisation"] != "heading"
    pieces = pack(units, lambda section, text: len(text.split()), target=200, limit=256)
    support = next(p for p in pieces if "NETWORKING" in p.text)
    assert "Maggiore circolazione" in support.text
    gaps = next(p for p in pieces if "carenza di competenze" in p.text)
    assert "definizione di una strategia chiara" in gaps.text

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

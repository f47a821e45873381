"""How the two rankings are fused and which passages make the top k."""

from callbot.models import Chunk, ScoredChunk
from callbot.retrieve import PROMOTE_DEPTH, fuse, promote_specific
from callbot.settings import Settings


def _chunk(i: int, text: str = "testo") -> Chunk:
    return Chunk(id=f"c{i}", doc_id="doc", title="Poli di innovazione", source="doc.txt",
                 text=text, position=i)


def test_a_keyword_hit_missing_from_the_dense_list_counts_as_its_last():
    chunks = [_chunk(i) for i in range(6)]
    settings = Settings()
    dense = [1, 2, 3, 4]
    # chunk 0 is the keywords' first and not among the dense candidates; chunk 5 is neither
    fused = {s.chunk.id: s.score for s in fuse(chunks, dense, [0, 1], settings)}
    last_dense = settings.dense_weight / (settings.fusion_k + len(dense) + 1)
    first_keyword = settings.keyword_weight / (settings.fusion_k + 1)
    assert fused["c0"] == first_keyword + last_dense
    assert "c5" not in fused
    # with no dense ranking at all (keyword mode) nothing is added
    only_keywords = fuse(chunks, [], [0], settings, mode="keyword")
    assert only_keywords[0].score == first_keyword


def _ranked(texts: list[str]) -> list[ScoredChunk]:
    return [ScoredChunk(chunk=_chunk(i, t), score=1.0 / (i + 1)) for i, t in enumerate(texts)]


def test_a_passage_with_the_questions_year_comes_into_the_top_k():
    texts = ["I poli di innovazione del Piemonte"] * 6 + ["Nel 2015 i poli vengono riorganizzati"]
    top = promote_specific("Which poles did Piedmont have after 2015?", _ranked(texts), 4)
    assert [h.chunk.id for h in top] == ["c0", "c1", "c2", "c6"]
    # a year some top passage holds changes nothing
    texts[1] = "Dal 2015 i poli"
    top = promote_specific("Which poles did Piedmont have after 2015?", _ranked(texts), 4)
    assert [h.chunk.id for h in top] == ["c0", "c1", "c2", "c3"]


def test_only_a_passage_near_the_top_is_brought_in():
    texts = ["I poli di innovazione"] * PROMOTE_DEPTH + ["Nel 2015 i poli"]
    top = promote_specific("Which poles after 2015?", _ranked(texts), 4)
    assert [h.chunk.id for h in top] == ["c0", "c1", "c2", "c3"]


def test_two_missing_names_bring_in_two_passages():
    texts = ["I poli"] * 6 + ["Il bando COSME"] + ["Nel 2015"]
    top = promote_specific("Did the COSME call exist in 2015?", _ranked(texts), 4)
    assert {h.chunk.id for h in top[2:]} == {"c6", "c7"}


def test_a_passage_with_the_kind_of_answer_asked_for_moves_up():
    from callbot.retrieve import favour_answer_shape

    ranked = _ranked(["Il progetto coinvolge i poli", "Inizio del progetto Febbraio 2020"])
    top = favour_answer_shape("When do the projects start?", ranked, bonus=1.0)
    assert [h.chunk.id for h in top] == ["c1", "c0"]
    # no kind of answer asked, or no bonus: the fused order stays
    assert favour_answer_shape("Which poles take part?", ranked, 1.0) == ranked
    assert favour_answer_shape("When do the projects start?", ranked, 0.0) == ranked


def test_the_last_slot_goes_to_the_passage_whose_sentence_answers():
    from callbot.retrieve import rerank_last

    texts = ["I poli di innovazione del Piemonte sono dodici."] * 3 + [
        "Le imprese piemontesi partecipano ai poli.",
        "Il bando finanzia i poli.",
        "La durata del progetto è di 30 mesi, dal 1 novembre 2016 al 30 aprile 2019.",
    ]
    ranked = _ranked(texts)
    question = "Quanto dura il progetto? Qual è la durata?"
    top = rerank_last(question, ranked[:4], ranked, margin=0.1)
    # the duration line takes the fourth slot; the passage it displaced follows
    assert [h.chunk.id for h in top] == ["c0", "c1", "c2", "c5", "c3"]
    # an incumbent within the margin keeps its slot
    assert rerank_last(question, ranked[:4], ranked, margin=10.0) == ranked[:4]


def test_a_contact_asked_for_brings_in_the_passage_that_gives_it():
    from callbot.retrieve import promote_contact

    texts = ["L'Osservatorio dei cluster pubblica studi."] * 5 + ["Laura Bianchi T: +39 02 123456"]
    ranked = _ranked(texts)
    top = promote_contact("What is the Observatory's phone number?", ranked, ranked[:4])
    assert [h.chunk.id for h in top] == ["c0", "c1", "c2", "c5"]
    # a question that asks for no contact keeps its top
    assert promote_contact("What does the Observatory publish?", ranked, ranked[:4]) == ranked[:4]


def test_a_contact_cut_into_the_passage_after_a_top_one_is_found_further_down():
    from callbot.retrieve import PROMOTE_DEPTH, promote_contact

    texts = ["Studi sui cluster."] * (PROMOTE_DEPTH + 2) + ["Laura Bianchi T: +39 02 123456"]
    texts[1] = "I nostri contatti: Osservatorio dei cluster"
    ranked = _ranked(texts)
    phone = ranked[-1]
    question = "Qual è il numero di telefono dell'Osservatorio?"
    # far down, the phone line comes in only as the passage right after a top one (c1)
    assert promote_contact(question, ranked, ranked[:4]) == ranked[:4]
    phone.chunk.position = 2
    assert promote_contact(question, ranked, ranked[:4])[-1] is phone

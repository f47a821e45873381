"""The pipeline most users would build from the LangChain tutorial, as a yardstick:
RecursiveCharacterTextSplitter(1000, 200) over the raw text, Chroma, MiniLM, top-4."""

from __future__ import annotations

from pathlib import Path

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from callbot.embed import Embedder
from callbot.ingest import find_documents, load_manifest, read_pages


class _LCEmbeddings(Embeddings):
    def __init__(self, embedder: Embedder):
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed([text])[0].tolist()


class TutorialPipeline:
    def __init__(self, corpus_dir: Path, persist_dir: Path, embedder: Embedder):
        from langchain_chroma import Chroma

        manifest = load_manifest(corpus_dir)
        docs: list[Document] = []
        for path in find_documents([corpus_dir]):
            meta = manifest.get(path.name)
            doc_id = meta.id if meta else path.stem
            text = "\n".join(t for _, t in read_pages(path))
            docs.append(Document(page_content=text, metadata={"doc_id": doc_id}))
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        self.chunks = splitter.split_documents(docs)
        self.store = Chroma(
            collection_name="baseline",
            embedding_function=_LCEmbeddings(embedder),
            persist_directory=str(persist_dir),
        )
        self.store.add_documents(self.chunks)

    def search(self, question: str, k: int = 4) -> list[Document]:
        return self.store.similarity_search(question, k=k)

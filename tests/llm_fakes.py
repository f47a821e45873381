"""A scripted chat model (implements callbot.llm.ChatModel) and passages for the
conversation-logic tests: the one fake of the LLM path, since a real model cannot be
scripted. The end-to-end test uses the real SmolLM2 instead."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from callbot.llm import Message
from callbot.models import Chunk, ScoredChunk

LUMP_SUM = (
    "Il supporto finanziario ai cluster e alle PMI che partecipano allo schema pilota "
    "ClusterXchange non potrà superare i 1.100 euro (lump sum) per ogni organizzazione che "
    "partecipa allo scambio ed è finalizzato alla copertura di costi di viaggio, vitto e "
    "alloggio. La durata minima di uno scambio non potrà essere inferiore a 3 giorni "
    "lavorativi (esclusi i giorni di viaggio) e la durata massima potrà essere un mese."
)
REDUCED = (
    "Per una durata dello scambio inferiore a 5 giorni lavorativi o se le organizzazioni "
    "coinvolte distano l'una dall'altra meno di 200 km il contributo finanziario sarà "
    "massimo di 550 euro."
)
DEADLINE = (
    "Il bando European Cluster Excellence Programme (COS-CLUSTER-2018-03-02) è stato "
    "pubblicato da EASME; la scadenza per le proposte è il 4 aprile 2019. Informazioni su "
    "http://www.clustercollaboration.eu/open-calls ."
)


def hit(text: str, n: int = 1, title: str = "Nota COSME") -> ScoredChunk:
    chunk = Chunk(id=f"c{n}", doc_id="cosme-cluster-2018", title=title,
                  source="cosme.txt", text=text, position=n)
    return ScoredChunk(chunk=chunk, score=1.0 / n)


def hits(*texts: str) -> list[ScoredChunk]:
    return [hit(t, i) for i, t in enumerate(texts, 1)]


class ScriptedModel:
    """Replies in order; an Exception in the script is raised; `delay` simulates a slow
    model. Records every list of messages it was sent."""

    backend = "scripted"

    def __init__(self, *replies: str | Exception, delay: float = 0.0, timeout_s: float = 5.0):
        self.replies = list(replies)
        self.delay, self.timeout_s = delay, timeout_s
        self.sent: list[list[Message]] = []

    def _next(self, messages: Sequence[Message]) -> str:
        self.sent.append(list(messages))
        time.sleep(self.delay)
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply

    def complete(self, messages: Sequence[Message]) -> str:
        return self._next(messages)

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        reply = self._next(messages)
        for i in range(0, len(reply), 7):
            yield reply[i : i + 7]

"""Model backends: settings select them; the openai backend talks to a real HTTP endpoint
(a tiny OpenAI-compatible server in this process, as Ollama would be)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from llm_fakes import LUMP_SUM, ScriptedModel, hits

from callbot.errors import SettingsError
from callbot.generate import generate_answer
from callbot.llm import ChatModel, LLMTimeout, Message, bundled_gguf, load_model, timed_stream
from callbot.settings import Settings

Q = "Qual è il contributo massimo ClusterXchange per organizzazione?"
REPLY = "Il contributo massimo è di 1.100 euro per organizzazione [1]."


class OpenAIHandler(BaseHTTPRequestHandler):
    reply = REPLY
    delay = 0.0
    requests: ClassVar[list[dict]] = []

    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "auth": self.headers["Authorization"],
                                    **body})
        time.sleep(self.delay)
        if body.get("stream"):
            self._stream()
        else:
            self._send("application/json", json.dumps(self._completion()).encode())

    def _completion(self) -> dict:
        message = {"role": "assistant", "content": self.reply}
        return {"id": "c1", "object": "chat.completion", "created": 0, "model": "m",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}

    def _stream(self):
        events = []
        for i in range(0, len(self.reply), 10):
            delta = {"content": self.reply[i : i + 10]}
            chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "m",
                     "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
            events.append(f"data: {json.dumps(chunk)}\n\n")
        events.append("data: [DONE]\n\n")
        self._send("text/event-stream", "".join(events).encode())

    def _send(self, content_type: str, data: bytes):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def endpoint():
    OpenAIHandler.requests, OpenAIHandler.delay, OpenAIHandler.reply = [], 0.0, REPLY
    server = ThreadingHTTPServer(("127.0.0.1", 0), OpenAIHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def openai_settings(base_url: str, **extra) -> Settings:
    values = {"llm": "openai", "llm_base_url": base_url, "llm_model": "qwen2.5:0.5b",
              "llm_max_tokens": 77, "llm_timeout_s": 5.0} | extra
    return Settings(**values)


def test_openai_backend_against_an_openai_compatible_endpoint(endpoint):
    model = load_model(openai_settings(endpoint, llm_api_key="sk-test"))
    assert isinstance(model, ChatModel) and model.backend == "openai"
    messages = [Message(role="system", content="S"), Message(role="user", content="U")]
    assert model.complete(messages) == REPLY
    assert "".join(model.stream(messages)) == REPLY
    sent = OpenAIHandler.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["model"] == "qwen2.5:0.5b"
    assert sent["max_tokens"] == sent["max_completion_tokens"] == 77  # old and new servers
    assert sent["temperature"] == 0
    assert sent["auth"] == "Bearer sk-test"
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]


def test_openai_answer_goes_through_the_guards(endpoint):
    model = load_model(openai_settings(endpoint))
    answer = generate_answer(Q, "it", hits(LUMP_SUM), model)
    assert answer.backend == "openai" and answer.answer == REPLY
    OpenAIHandler.reply = "Il contributo massimo è di 5.000 euro [1]."
    assert generate_answer(Q, "it", hits(LUMP_SUM), model).backend == "extractive"


def test_openai_timeout_falls_back(endpoint):
    OpenAIHandler.delay = 2.0
    model = load_model(openai_settings(endpoint, llm_timeout_s=0.3))
    start = time.perf_counter()
    answer = generate_answer(Q, "it", hits(LUMP_SUM), model)
    assert time.perf_counter() - start < 1.5
    assert answer.backend == "extractive" and answer.reason.startswith("language model")


def test_unreachable_endpoint_falls_back():
    model = load_model(openai_settings("http://127.0.0.1:9/v1", llm_timeout_s=2.0))
    answer = generate_answer(Q, "it", hits(LUMP_SUM), model)
    assert answer.backend == "extractive" and answer.reason.startswith("language model error")


def test_none_backend_is_no_model():
    assert load_model(Settings(llm="none")) is None


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        (Settings(llm="openai"), "CALLBOT_LLM_MODEL"),
        (Settings(llm="llamacpp", llm_model="/nowhere/model.gguf"), "CALLBOT_LLM_MODEL"),
    ],
)
def test_bad_settings_are_reported_by_field(settings, field):
    with pytest.raises(SettingsError) as err:
        load_model(settings)
    assert err.value.field == field


def test_the_bundled_smollm2_file_is_found_without_importing_its_package():
    path = bundled_gguf()
    assert path is not None and path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert path.stat().st_size > 50_000_000


def test_timed_stream_stops_waiting_for_a_hung_model():
    model = ScriptedModel("late", delay=5, timeout_s=0.2)
    start = time.perf_counter()
    with pytest.raises(LLMTimeout):
        list(timed_stream(model, [Message(role="user", content="hi")]))
    assert time.perf_counter() - start < 1

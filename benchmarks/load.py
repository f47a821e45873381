"""Bounded load test of the running web app's API on loopback.

Starts app.py on a free 127.0.0.1 port with a temp index and audit log, then N concurrent
sessions each ask a fixed number of held-out-style questions through the app's `/ask` API.
Prints throughput, p50/p95 latency, errors, and checks that every answer was logged.

    .venv/bin/python benchmarks/load.py [--sessions 8] [--per-session 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_SECONDS = 600  # the whole run stops by itself


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def questions() -> list[str]:
    lines = (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def start_app(tmp: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, CALLBOT_INDEX_DIR=str(tmp / "index"), CALLBOT_AUDIT_LOG=str(tmp / "audit.jsonl"))
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "callbot"), "ingest", "--quiet"], env=env, check=True, cwd=ROOT)
    proc = subprocess.Popen([sys.executable, "app.py", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("the app did not start within 180 s")


def session(url: str, asks: list[str], deadline: float) -> list[tuple[float, bool]]:
    from gradio_client import Client

    client = Client(url, verbose=False)
    out = []
    for q in asks:
        if time.monotonic() > deadline:
            break
        start = time.perf_counter()
        try:
            result = client.predict(q, api_name="/ask")
            ok = isinstance(result, dict) and "answer" in result
        except Exception:  # noqa: BLE001 - every failure is counted as an error
            ok = False
        out.append((time.perf_counter() - start, ok))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--per-session", type=int, default=10)
    args = parser.parse_args()
    pool = questions()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        port = free_port()
        app = start_app(tmp, port)
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + MAX_SECONDS
        try:
            start = time.perf_counter()
            with ThreadPoolExecutor(args.sessions) as ex:
                plans = [rng.sample(pool, args.per_session) for _ in range(args.sessions)]
                results = [r for rs in ex.map(lambda p: session(url, p, deadline), plans) for r in rs]
            elapsed = time.perf_counter() - start
        finally:
            app.terminate()
            app.wait(timeout=30)
        times = sorted(t for t, _ in results)
        errors = sum(not ok for _, ok in results)
        log = (tmp / "audit.jsonl").read_text(encoding="utf-8").splitlines()
        logged = sum(1 for line in log if json.loads(line).get("kind", "answer") != "feedback")
    print(f"sessions={args.sessions} questions={len(results)} elapsed={elapsed:.1f}s "
          f"throughput={len(results) / elapsed:.2f} q/s")
    print(f"latency p50={statistics.median(times) * 1000:.0f} ms "
          f"p95={times[int(0.95 * (len(times) - 1))] * 1000:.0f} ms errors={errors}")
    print(f"audit records={logged} (one per answered question: {len(results)})")


if __name__ == "__main__":
    main()

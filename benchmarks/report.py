"""The benchmark's markdown tables and plot, from the results of one run."""

from __future__ import annotations

from pathlib import Path


def _f(x, digits: int = 1) -> str:
    return "–" if x is None else f"{x:,.{digits}f}"


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def _hit(r: dict) -> float | None:
    """hit@4 through `ask` (as `callbot eval`), else of the top 4 retrieved; none where most
    vectors are derived (the shortcut), since dense neighbours then mean nothing."""
    if r["embedding"]["derived"]:
        return None
    return r["hit4_ask"] if r["hit4_ask"] is not None else r["hit4_retrieved"]


def scale_table(runs: list[dict]) -> str:
    head = ("| corpus | system | chunks | clean+chunk /s | embed /s | whole ingest /s | index MB "
            "| peak RSS MB | retrieve p50 / p95 ms | ask p50 / p95 ms | hit@4 % |")
    rows = [head, "|" + "---|" * 11]
    for run in runs:
        for system in ("callbot", "baseline"):
            r = run.get(system)
            if not r:
                continue
            embed = _f(r["embedding"]["per_s"])
            if r["embedding"]["derived"]:
                embed += f" ({r['embedding']['real']:,} real, rest derived)"
            hit = _hit(r)
            ingest = _f(r["chunks"] / r["ingest_s"]) + ("*" if r["embedding"]["derived"] else "")
            rows.append(
                f"| {run['label']} | {system} | {r['chunks']:,} | {_f(r['chunking']['per_s'], 0)} "
                f"| {embed} | {ingest} | {_f(r['index_mb'], 0)} | {_f(r['peak_rss_mb'], 0)} "
                f"| {_f(r['retrieve']['p50_ms'])} / {_f(r['retrieve']['p95_ms'])} "
                f"| {_f(r['ask']['p50_ms'])} / {_f(r['ask']['p95_ms'])} | {_pct(hit)} |"
            )
    return "\n".join(rows)


def ratio_table(runs: list[dict]) -> str:
    head = ("| corpus | clean+chunk /s | embed /s | whole ingest /s | retrieve p95 "
            "| ask p95 vs baseline search p95 | hit@4 points (callbot − baseline) |")
    rows = [head, "|" + "---|" * 7]
    for run in runs:
        c, b = run.get("callbot"), run.get("baseline")
        if not (c and b):
            continue
        ch, bh = _hit(c), _hit(b)
        diff = None if ch is None or bh is None else 100 * (ch - bh)
        rows.append(
            f"| {run['label']} | {c['chunking']['per_s'] / b['chunking']['per_s']:.2f}× "
            f"| {c['embedding']['per_s'] / b['embedding']['per_s']:.1f}× "
            f"| {(c['chunks'] / c['ingest_s']) / (b['chunks'] / b['ingest_s']):.1f}× "
            f"| {c['retrieve']['p95_ms'] / b['retrieve']['p95_ms']:.2f}× "
            f"| {c['ask']['p95_ms'] / b['retrieve']['p95_ms']:.2f}× | {_f(diff)} |"
        )
    return "\n".join(rows)


def embedder_table(rows: list[dict]) -> str:
    head = "| embedding path | chunks/s | hit@4 % (`callbot eval`) | hit@4 % (top-4 retrieved) |"
    out = [head, "|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['model']} | {_f(r['per_s'])} | {_pct(r.get('hit4_eval'))} "
                   f"| {_pct(r.get('hit4_retrieved'))} |")
    return "\n".join(out)


def plot(runs: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8))
    series = {
        "callbot retrieve": ("callbot", "retrieve", "tab:blue", "-"),
        "callbot ask": ("callbot", "ask", "tab:cyan", "-"),
        "baseline search": ("baseline", "retrieve", "tab:red", "--"),
    }
    for name, (system, key, colour, style) in series.items():
        pts = [(run[system]["chunks"], run[system][key]) for run in runs if run.get(system)]
        xs = [x for x, _ in pts]
        axes[0].plot(xs, [v["p95_ms"] for _, v in pts], style, color=colour, marker="o", label=f"{name} p95")
        axes[0].plot(xs, [v["p50_ms"] for _, v in pts], ":", color=colour, marker=".", label=f"{name} p50")
    axes[0].axhline(150, color="grey", lw=0.8)
    axes[0].set(xscale="log", yscale="log", xlabel="chunks in the index", ylabel="ms per question",
                title="Latency per question (models loaded)")
    for system, colour in (("callbot", "tab:blue"), ("baseline", "tab:red")):
        pts = [run[system] for run in runs if run.get(system)]
        xs = [r["chunks"] for r in pts]
        axes[1].plot(xs, [r["chunking"]["per_s"] for r in pts], "-", color=colour, marker="o",
                     label=f"{system} clean+chunk" if system == "callbot" else "baseline split")
        axes[1].plot(xs, [r["embedding"]["per_s"] for r in pts], "--", color=colour, marker="s",
                     label=f"{system} embed")
        axes[2].plot(xs, [r["index_mb"] for r in pts], "-", color=colour, marker="o", label=f"{system} index on disk")
        axes[2].plot(xs, [r["peak_rss_mb"] for r in pts], "--", color=colour, marker="s", label=f"{system} peak RSS")
    axes[1].set(xscale="log", yscale="log", xlabel="chunks in the index", ylabel="chunks per second",
                title="Ingest throughput (2 cores)")
    axes[2].set(xscale="log", yscale="log", xlabel="chunks in the index", ylabel="MB", title="Size")
    for ax in axes:
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)

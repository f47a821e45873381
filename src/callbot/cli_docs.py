"""CLI commands over the documents: ingest, ask, search, eval, serve."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from callbot.cli import main
from callbot.errors import CallbotError
from callbot.settings import get_settings


def _assistant():
    from callbot.chat import Assistant

    return Assistant(get_settings())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--no-prune", is_flag=True, help="Keep chunks of files that no longer exist.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[Path, ...], no_prune: bool, quiet: bool) -> None:
    """Index documents (default: the corpus folder). Unchanged files are skipped."""
    from callbot.embed import get_embedder
    from callbot.sync import sync

    settings = get_settings()
    targets = list(paths) or [settings.corpus_dir]
    missing = [str(p) for p in targets if not p.exists()]
    for p in missing:
        click.echo(f"Not found: {p} (skipped)", err=True)
    embedder = get_embedder(settings.embed_model, settings.embed_batch_size)
    report = sync(
        [p for p in targets if p.exists()], settings, embedder, prune=not no_prune,
        progress=not quiet,
    )
    click.echo(report.summary())


@main.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per answer.")
@click.option("--doc", default=None, help="Only this document (id, title or file).")
@click.option("--call", default=None, help="Only documents about this call id.")
def ask(question: str | None, as_json: bool, doc: str | None, call: str | None) -> None:
    """Answer QUESTION; with --json and no QUESTION, answer each line of stdin."""
    assistant = _assistant()
    assistant.warm_up()
    if question is None and not as_json:
        raise click.UsageError("Give a QUESTION, or use --json and one question per stdin line.")
    questions = [question] if question is not None else (line.rstrip("\n") for line in sys.stdin)
    for q in questions:
        if question is None and not q.strip():
            continue
        try:
            answer = assistant.ask(q, doc=doc, call=call)
        except CallbotError as exc:
            if not as_json:
                raise
            click.echo(json.dumps({"question": q, "error": str(exc)}, ensure_ascii=False))
            continue
        if as_json:
            click.echo(json.dumps(answer.public_json(), ensure_ascii=False), nl=True)
            sys.stdout.flush()
        else:
            click.echo(_render(answer))


def _render(answer) -> str:
    lines = [answer.answer]
    if answer.citations:
        lines.append("")
        for c in answer.citations:
            where = f"p. {c.page}" if c.page else (c.section or "")
            lines.append(f"[{c.n}] {c.title}" + (f", {where}" if where else ""))
    return "\n".join(lines)


@main.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True)
@click.option("--k", default=4, show_default=True, help="How many chunks.")
@click.option("--doc", default=None, help="Only this document (id, title or file).")
@click.option("--call", default=None, help="Only documents about this call id.")
@click.option("--mode", type=click.Choice(["hybrid", "dense", "keyword"]), default="hybrid")
def search(query: str, as_json: bool, k: int, doc, call, mode) -> None:
    """The ranked chunks for QUERY, without an answer."""
    assistant = _assistant()
    hits = assistant.retriever.search(query, k, doc=doc, call=call, mode=mode)
    for rank, hit in enumerate(hits, 1):
        if as_json:
            row = {"rank": rank, "score": hit.score, **hit.chunk.model_dump()}
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            c = hit.chunk
            click.echo(f"{rank}. [{hit.score:.4f}] {c.title} — {c.section or c.page or ''}")
            click.echo("   " + c.text[:300].replace("\n", " / "))


@main.command(name="eval")
@click.option("--questions", type=click.Path(path_type=Path), default=Path("evals/questions.jsonl"))
@click.option("--no-baseline", is_flag=True, help="Skip the LangChain tutorial baseline.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--mode", type=click.Choice(["hybrid", "dense", "keyword"]), default="hybrid")
@click.option("--llm", "with_llm", is_flag=True,
              help="Also report how often the figure guard fired and citations were invalid.")
def eval_cmd(questions: Path, no_baseline: bool, as_json: bool, mode: str, with_llm: bool) -> None:
    """Score retrieval, answers and refusals on the eval set, next to the baseline."""
    from callbot.evaluate import load_items, run_eval

    settings = get_settings()
    if with_llm and settings.llm == "none":
        raise click.UsageError("--llm needs a model: set CALLBOT_LLM=llamacpp or openai.")
    report = run_eval(questions, settings, baseline=not no_baseline, mode=mode)
    click.echo(json.dumps(report.model_dump(), indent=2) if as_json else report.table())
    if with_llm:
        from callbot.chat import Assistant
        from callbot.llm_eval import guard_stats

        click.echo(guard_stats(load_items(questions), Assistant(settings).ask).table())


@main.command(name="learn-weights")
@click.option("--questions", "paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Question sets to learn from (default: own, holdout and test).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Where to write the weights (default: the package's sentence_weights.json).")
def learn_weights(paths: tuple[Path, ...], out: Path | None) -> None:
    """Learn how the answer chooses sentences to quote, from the eval sets' answer patterns."""
    from callbot.chat import Assistant
    from callbot.sentence_model import TRAINING_SETS, WEIGHTS_FILE, learn

    paths = paths or tuple(Path(p) for p in TRAINING_SETS)
    out = out or WEIGHTS_FILE
    assistant = Assistant(get_settings())
    assistant.warm_up()
    record = learn(assistant, list(paths), out)
    click.echo(f"{record['questions']} questions, loss {record['loss']}; weights written to "
               f"{out}. Restart callbot to use them.")


@main.command()
@click.option("--host", default=None, help="Bind address (default from settings: 127.0.0.1).")
@click.option("--port", default=None, type=int)
def serve(host: str | None, port: int | None) -> None:
    """Start the web app."""
    import runpy

    settings = get_settings()
    app_path = Path(__file__).resolve().parents[2] / "app.py"
    if not app_path.exists():
        raise CallbotError(f"app.py not found next to the package ({app_path}).")
    sys.argv = ["app.py", "--host", host or settings.host, "--port", str(port or settings.port)]
    runpy.run_path(str(app_path), run_name="__main__")


@main.command(name="settings")
def settings_table() -> None:
    """Print the settings as a markdown table (the README's table is this output)."""
    from callbot.settings import Settings

    click.echo("| setting | default | what it does |\n|---|---|---|")
    for name, field in Settings.model_fields.items():
        default = field.default if field.default is not None else ""
        click.echo(f"| `CALLBOT_{name.upper()}` | `{default}` | {field.description} |")

"""The `callbot` command line."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import click

from callbot.errors import CallbotError


class CallbotGroup(click.Group):
    """Shows a CallbotError as a plain sentence, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CallbotError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=CallbotGroup)
def main() -> None:
    """callbot: grounded, cited answers about EU cluster funding calls."""


def _register() -> None:
    from callbot import cli_docs  # noqa: F401  (ingest, ask, search, eval, serve)

    try:
        from callbot import cli_rules  # noqa: F401  (lump-sum, eligibility, ...)
    except ImportError:
        pass


_register()

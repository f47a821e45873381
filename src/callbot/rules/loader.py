"""Load a call's rule file, check it against its schema and its quotes against the corpus."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from callbot.errors import RuleError
from callbot.models import Strict
from callbot.rules.geo import CountryList, RegionMap
from callbot.rules.schema import CallRules, Rule
from callbot.settings import get_settings
from callbot.textnorm import contains_quote

M = TypeVar("M", bound=BaseModel)
DocText = Callable[[str], "str | None"]


class RuleSet(Strict):
    """A call's rules with the country list and region map they refer to."""

    path: Path
    call: CallRules
    countries: CountryList
    regions: RegionMap

    def rules(self) -> list[Rule]:
        return self.call.all_rules()


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RuleError(f"Rule file {path} not found.") from exc
    except yaml.YAMLError as exc:
        raise RuleError(f"Rule file {path} is not valid YAML: {exc}") from exc


def _validate(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "(top level)"
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise RuleError(f"Rule file {path}, field {field}: {first['msg']}{more}") from exc


def load_ruleset(path: Path | str) -> RuleSet:
    """Read and validate a call's rule file and the data files it names."""
    path = Path(path)
    call = _validate(CallRules, path)
    return RuleSet(
        path=path,
        call=call,
        countries=_validate(CountryList, path.parent / call.data.countries),
        regions=_validate(RegionMap, path.parent / call.data.regions),
    )


def verify_quotes(ruleset: RuleSet, doc_text: DocText) -> None:
    """Fail unless every rule's quote occurs in the text of its document."""
    for rule in ruleset.rules():
        text = doc_text(rule.source.doc)
        if text is None:
            raise RuleError(
                f"Rule {rule.id} in {ruleset.path.name} cites document {rule.source.doc!r}, "
                "which is not in the index."
            )
        if not contains_quote(text, rule.source.quote):
            raise RuleError(
                f"Rule {rule.id} in {ruleset.path.name}: quote not found in document "
                f"{rule.source.doc!r}: \"{rule.source.quote}\""
            )


def corpus_doc_text(corpus_dir: Path) -> DocText:
    """Document text by manifest id, read from the corpus files (whitespace is irrelevant)."""
    manifest = _read_yaml(corpus_dir / "manifest.yaml")
    entries = manifest.get("documents", []) if isinstance(manifest, dict) else []
    files = {e["id"]: corpus_dir / e["file"] for e in entries if "id" in e and "file" in e}

    def text(doc_id: str) -> str | None:
        path = files.get(doc_id)
        if path is None or not path.is_file():
            return None
        return " ".join(path.read_text(encoding="utf-8").split())

    return text


def call_files(rules_dir: Path) -> dict[str, Path]:
    """Rule files in `rules_dir` by call id: <CALL-ID>.yaml whose `call_id` is CALL-ID.

    Other files there (countries.yaml, checklists naming a call) are not call rule files.
    """
    found: dict[str, Path] = {}
    for path in sorted(rules_dir.glob("*.yaml")):
        data = _read_yaml(path)
        if isinstance(data, dict) and str(data.get("call_id")) == path.stem:
            found[path.stem] = path
    return found


@lru_cache(maxsize=8)
def default_ruleset(call_id: str | None = None) -> RuleSet:
    """The rules of `call_id` (or of the only call) from <corpus_dir>/rules, quotes checked."""
    corpus_dir = get_settings().corpus_dir
    files = call_files(corpus_dir / "rules")
    if call_id is None and len(files) == 1:
        call_id = next(iter(files))
    if call_id not in files:
        known = ", ".join(files) or "none"
        raise RuleError(f"No rule file for call {call_id!r} in {corpus_dir / 'rules'} "
                        f"(calls with rules: {known}).")
    ruleset = load_ruleset(files[call_id])
    verify_quotes(ruleset, corpus_doc_text(corpus_dir))
    return ruleset

"""HTML for the web app: citation cards, calculator tables, checked replies and checklists.

Pure functions from typed results to escaped HTML strings (no Gradio here), so the pages can
be tested without a browser. CSS holds the classes they use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from callbot.check import Evidence, ReplyCheck
from callbot.models import Answer, Citation, ToolCall
from callbot.proposal import Coverage, Section
from callbot.rules.schema import RuleRef

Cite = Callable[[RuleRef], Evidence]
CSS = """
.cb-notice {border-left: 4px solid #b45309; background: #fffbeb; color: #78350f;
  padding: 8px 12px; border-radius: 6px; margin: 4px 0;}
.cb-disclaimer {font-size: 0.9em; color: #444; background: #f1f5f9; padding: 6px 10px;
  border-radius: 6px;}
.cb-error {border-left: 4px solid #b91c1c; background: #fef2f2; color: #7f1d1d;
  padding: 8px 12px; border-radius: 6px;}
.cb-card {border: 1px solid #d4d4d8; border-radius: 8px; padding: 8px 12px; margin: 8px 0;
  background: #fff; color: #18181b;}
.cb-card h4 {margin: 0 0 4px 0; font-size: 0.95em;}
.cb-where {color: #52525b; font-size: 0.85em;}
.cb-passage {max-height: 12em; overflow-y: auto; font-size: 0.9em; line-height: 1.45;
  white-space: pre-wrap; margin-top: 4px;}
.cb-passage mark, .cb-quote mark {background: #fde68a; color: inherit; padding: 0 1px;}
.cb-quote {border-left: 3px solid #a1a1aa; margin: 4px 0; padding: 2px 8px; font-style: italic;
  color: #3f3f46;}
.cb-table {border-collapse: collapse; margin: 6px 0; font-size: 0.92em; width: 100%;}
.cb-table th, .cb-table td {border: 1px solid #e4e4e7; padding: 4px 8px; text-align: left;
  vertical-align: top; color: #18181b; background: #fff;}
.cb-table th {background: #f4f4f5; width: 28%;}
.cb-badge {display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 0.8em;
  font-weight: 600; color: #fff; margin-right: 6px;}
.cb-supported, .cb-yes {background: #15803d;}
.cb-contradicted, .cb-no {background: #b91c1c;}
.cb-not_found, .cb-unknown {background: #71717a;}
.cb-sentence {border: 1px solid #e4e4e7; border-radius: 8px; padding: 8px 12px; margin: 8px 0;
  background: #fff; color: #18181b;}
.cb-expected {font-weight: 700;}
.cb-summary {font-weight: 600; margin: 4px 0 8px 0;}
"""
VERDICT_LABEL = {
    "en": {"supported": "supported", "contradicted": "contradicted", "not_found": "not found"},
    "it": {"supported": "confermata", "contradicted": "contraddetta", "not_found": "non trovata"},
}


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _quote_pattern(quote: str) -> re.Pattern | None:
    parts = [re.escape(w) for w in quote.split()]
    return re.compile(r"\s+".join(parts), re.IGNORECASE) if parts else None


def highlight(text: str, quotes: list[str]) -> str:
    """The text, escaped, with each quoted sentence wrapped in <mark>."""
    spans = []
    for quote in quotes:
        pattern = _quote_pattern(quote.strip())
        m = pattern.search(text) if pattern else None
        if m:
            spans.append((m.start(), m.end()))
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out += [_e(text[pos:start]), "<mark>", _e(text[start:end]), "</mark>"]
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def where(page: int | None, section: str) -> str:
    parts = ([f"p. {page}"] if page else []) + ([f"§ {section}"] if section else [])
    return " · ".join(parts)


def cited(answer: Answer) -> list[Citation]:
    """The citations the answer text refers to ([n]) or quotes; all of them otherwise."""
    marked = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    chosen = [c for c in answer.citations if c.n in marked or c.quote]
    return chosen or list(answer.citations)


def citation_card(c: Citation) -> str:
    quotes = [q for q in c.quote.split(" … ") if q.strip()]
    return (f'<div class="cb-card"><h4>[{c.n}] {_e(c.title)}</h4>'
            f'<div class="cb-where">{_e(where(c.page, c.section))}</div>'
            f'<div class="cb-passage">{highlight(c.text, quotes)}</div></div>')


def citation_cards(answer: Answer) -> str:
    cards = [citation_card(c) for c in cited(answer)]
    return "".join(cards)


def evidence_card(ev: Evidence, label: str = "") -> str:
    rule = f'<div><b>{_e(ev.rule)}</b></div>' if ev.rule else ""
    return (f'<div class="cb-card">{rule}<h4>{_e(label)}{_e(ev.title)}</h4>'
            f'<div class="cb-where">{_e(where(ev.page, ev.section))}</div>'
            f'<div class="cb-quote"><mark>{_e(ev.passage)}</mark></div></div>')


def rules_html(rules: list[RuleRef], cite: Cite, language: str) -> str:
    """Each rule applied: its statement, the passage it comes from and where that is."""
    items = []
    for ref in rules:
        ev = cite(ref)
        statement = ref.statement_it if language == "it" else ref.statement
        items.append(f'<div class="cb-card"><b>{_e(statement)}</b>'
                     f'<div class="cb-quote">«{_e(ref.quote)}»</div>'
                     f'<div class="cb-where">{_e(ev.title)} {_e(where(ev.page, ev.section))}'
                     f'</div></div>')
    title = "Regole applicate" if language == "it" else "Rules applied"
    return f"<h4>{title}</h4>" + "".join(items) if items else ""


def _cell(value: Any, cite: Cite, language: str) -> str:
    if isinstance(value, bool):
        return ('<span class="cb-badge cb-yes">yes</span>' if value
                else '<span class="cb-badge cb-no">no</span>')
    if value is None:
        return '<span class="cb-badge cb-unknown">unknown</span>'
    if isinstance(value, dict) and {"statement", "quote"} <= value.keys():
        ref = RuleRef.model_validate(value)
        ev = cite(ref)
        statement = ref.statement_it if language == "it" else ref.statement
        return (f'{_e(statement)}<div class="cb-quote">«{_e(ref.quote)}»</div>'
                f'<div class="cb-where">{_e(ev.title)}</div>')
    if isinstance(value, dict) and "name" in value:
        return _e(value["name"] + (f" ({value['country']})" if value.get("country") else ""))
    if isinstance(value, float) and value.is_integer():
        return _e(f"{int(value):,}")
    return _e(value)


def _fields(row: dict[str, Any], language: str) -> dict[str, Any]:
    """The row's fields in the wanted language (x_it replaces x in Italian)."""
    out = {}
    for key, value in row.items():
        if key.endswith("_it"):
            continue
        out[key] = row.get(f"{key}_it", value) if language == "it" else value
    return out


def _subtable(rows: list[dict[str, Any]], cite: Cite, language: str) -> str:
    rows = [_fields(r, language) for r in rows]
    keys = [k for k in rows[0] if k not in ("binding",)]
    head = "".join(f"<th>{_e(k.replace('_', ' '))}</th>" for k in keys)
    body = "".join("<tr>" + "".join(f"<td>{_cell(r.get(k), cite, language)}</td>" for k in keys)
                   + "</tr>" for r in rows)
    return f'<table class="cb-table"><tr>{head}</tr>{body}</table>'


def result_table(result: dict[str, Any], cite: Cite, language: str,
                 skip: tuple[str, ...] = ("rules",)) -> str:
    """A calculator result as a table (nested lists as sub-tables), then its rules."""
    rows = []
    for key, value in _fields(result, language).items():
        if key in skip or value in ([], "", None) and key != "eligible":
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            rows.append(f'<tr><th>{_e(key.replace("_", " "))}</th><td>'
                        f'{_subtable(value, cite, language)}</td></tr>')
        elif not isinstance(value, list):
            rows.append(f'<tr><th>{_e(key.replace("_", " "))}</th>'
                        f'<td>{_cell(value, cite, language)}</td></tr>')
    rules = [RuleRef.model_validate(r) for r in result.get("rules", [])]
    return (f'<table class="cb-table">{"".join(rows)}</table>'
            + rules_html(rules, cite, language))


def tool_html(tool: ToolCall, cite: Cite, language: str) -> str:
    title = "Calcolo" if language == "it" else "Calculation"
    return f"<h4>{title}: {_e(tool.name)}</h4>" + result_table(tool.result, cite, language)


def notice_html(text: str) -> str:
    return f'<div class="cb-notice">{_e(text)}</div>'


def error_html(message: str) -> str:
    return f'<div class="cb-error">{_e(message)}</div>'


def check_html(result: ReplyCheck) -> str:
    lang = result.language
    labels = VERDICT_LABEL[lang]
    counts = result.counts()
    summary = " · ".join(f"{n} {labels[v]}" for v, n in counts.items())
    parts = [f'<div class="cb-summary">{_e(summary)}</div>']
    for s in result.sentences:
        expected = (f'<div class="cb-expected">{"Corretto" if lang == "it" else "Correct"}: '
                    f'{_e(s.expected)}</div>' if s.expected else "")
        evidence = evidence_card(s.evidence) if s.evidence else ""
        parts.append(
            f'<div class="cb-sentence cb-v-{s.verdict}"><span class="cb-badge cb-{s.verdict}">'
            f'{_e(labels[s.verdict])}</span>{_e(s.sentence)}'
            f'<div class="cb-where">{_e(s.reason)}</div>{expected}{evidence}</div>')
    if not result.sentences:
        parts.append(error_html("The reply is empty." if lang == "en" else "La risposta è vuota."))
    return "".join(parts)


def checklist_html(section: Section, doc_title: str, language: str) -> str:
    rows = []
    for item in section.items:
        rows.append(f'<div class="cb-card">☐ <b>{_e(item.text(language))}</b>'
                    f'<div class="cb-quote">«{_e(item.quote)}»</div>'
                    f'<div class="cb-where">{_e(doc_title)}</div></div>')
    return f"<h3>{_e(section.label(language))}</h3>" + "".join(rows)


def coverage_html(coverage: list[Coverage], language: str) -> str:
    done = sum(c.covered for c in coverage)
    head = (f"{done} di {len(coverage)} requisiti coperti" if language == "it"
            else f"{done} of {len(coverage)} requirements covered")
    rows = [f'<div class="cb-summary">{_e(head)}</div>']
    for c in coverage:
        label = ("coperto" if language == "it" else "covered") if c.covered else \
            ("mancante" if language == "it" else "missing")
        badge = "cb-yes" if c.covered else "cb-no"
        sentence = f'<div class="cb-quote">{_e(c.sentence)}</div>' if c.sentence else ""
        rows.append(f'<div class="cb-sentence"><span class="cb-badge {badge}">{label}</span>'
                    f'{_e(c.item.text(language))}{sentence}</div>')
    return "".join(rows)

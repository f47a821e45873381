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
CONTEXT = 300  # characters of a passage shown around its quoted sentences
LONG_CELL = 160  # longer texts in a table cell are cut (whole text in the tooltip)
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
.cb-wide th {width: auto;}
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


_FOLD = {"'": "['’‘`´]", "’": "['’‘`´]", '"': '["“”«»]', "“": '["“”«»]', "”": '["“”«»]',
         "«": '["“”«»]', "»": '["“”«»]', "-": "[-–—]", "–": "[-–—]", "—": "[-–—]"}


def _quote_pattern(quote: str) -> re.Pattern | None:
    """The quote as a regex that ignores spacing, case and the style of quotes and dashes."""
    words = ["".join(_FOLD.get(ch, re.escape(ch)) for ch in w) for w in quote.split()]
    return re.compile(r"\s+".join(words), re.IGNORECASE) if words else None


def _crop(text: str, spans: list[tuple[int, int]], context: int) -> tuple[int, int]:
    """Bounds of the text to show: the marked spans with `context` characters around."""
    if not spans or len(text) <= 2 * context + spans[-1][1] - spans[0][0]:
        return 0, len(text)
    start, end = max(0, spans[0][0] - context), min(len(text), spans[-1][1] + context)
    while 0 < start < spans[0][0] and not text[start - 1].isspace():
        start += 1  # begin at a word
    while spans[-1][1] < end < len(text) and not text[end].isspace():
        end -= 1  # end at a word
    return start, end


def highlight(text: str, quotes: list[str], context: int | None = None) -> str:
    """The text, escaped, with each quoted sentence wrapped in <mark>; with `context`, only
    the marked part and that many characters around it."""
    spans = []
    for quote in quotes:
        pattern = _quote_pattern(quote.strip())
        m = pattern.search(text) if pattern else None
        if m:
            spans.append((m.start(), m.end()))
    spans.sort()
    first, last = _crop(text, spans, context) if context else (0, len(text))
    out, pos = ["… " if first else ""], first
    for start, end in spans:
        if start < pos:
            continue
        out += [_e(text[pos:start]), "<mark>", _e(text[start:end]), "</mark>"]
        pos = end
    out += [_e(text[pos:last]), " …" if last < len(text) else ""]
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
            f'<div class="cb-passage">{highlight(c.text, quotes, CONTEXT)}</div></div>')


def citation_cards(answer: Answer) -> str:
    cards = [citation_card(c) for c in cited(answer)]
    return "".join(cards)


def evidence_card(ev: Evidence) -> str:
    """The passage that decides a sentence, with the rule it states (if a rule decides)."""
    rule = f"<b>{_e(ev.rule)}</b>" if ev.rule else ""
    place = " · ".join(p for p in (ev.title, where(ev.page, ev.section)) if p)
    return (f'<div class="cb-card">{rule}<div class="cb-quote"><mark>{_e(ev.passage)}</mark>'
            f'</div><div class="cb-where">{_e(place)}</div></div>')


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


def amount(value: float, language: str) -> str:
    """360000 -> '360,000' (en) / '360.000' (it); cents kept when there are any."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return text.translate(str.maketrans(",.", ".,")) if language == "it" else text


def _cell(value: Any, cite: Cite, language: str, key: str = "") -> str:
    if key.endswith("_eur") and isinstance(value, int | float) and not isinstance(value, bool):
        return _e(amount(value, language))
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
        return _e(int(value))
    return _e(value)


def _fields(row: dict[str, Any], language: str) -> dict[str, Any]:
    """The row's fields in the wanted language (x_it replaces x in Italian)."""
    out = {}
    for key, value in row.items():
        if key.endswith("_it"):
            continue
        out[key] = row.get(f"{key}_it", value) if language == "it" else value
    return out


def _short(value: Any, cite: Cite, language: str, key: str) -> str:
    """A table cell; a long text is cut, its whole in the tooltip."""
    if isinstance(value, str) and len(value) > LONG_CELL:
        return f'<span title="{_e(value)}">{_e(value[:LONG_CELL - 20])}…</span>'
    return _cell(value, cite, language, key)


def _subtable(rows: list[dict[str, Any]], cite: Cite, language: str) -> str:
    rows = [_fields(r, language) for r in rows]
    keys = [k for k in rows[0] if k not in ("binding",)]
    head = "".join(f"<th>{_e(k.replace('_', ' '))}</th>" for k in keys)
    body = "".join(
        "<tr>" + "".join(f"<td>{_short(r.get(k), cite, language, k)}</td>" for k in keys)
        + "</tr>" for r in rows)
    return f'<table class="cb-table cb-wide"><tr>{head}</tr>{body}</table>'


def result_table(result: dict[str, Any], cite: Cite, language: str) -> str:
    """A calculator result: its values as a table, each list (checks, quotas, cost lines) as
    a table of its own, then the rules applied unless the lists already cite them."""
    rows, lists = [], []
    for key, value in _fields(result, language).items():
        label = _e(key.replace("_", " "))
        if key == "rules" or (value in ([], "", None) and key != "eligible"):
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lists.append(f"<h4>{label}</h4>{_subtable(value, cite, language)}")
        elif not isinstance(value, list):
            rows.append(f"<tr><th>{label}</th><td>{_cell(value, cite, language, key)}</td></tr>")
    cited_inline = any(isinstance(v, list) and v and isinstance(v[0], dict) and "rule" in v[0]
                       for v in result.values())
    rules = [] if cited_inline else [RuleRef.model_validate(r) for r in result.get("rules", [])]
    return (f'<table class="cb-table">{"".join(rows)}</table>' + "".join(lists)
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

"""callbot web app: chat (SMEs), calculators, reply checker (helpdesk), proposal checklists
(consortium leads) and adding documents (admin). Only UI code: the logic lives in callbot.

    .venv/bin/python app.py [--host 127.0.0.1] [--port 7860]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from html import escape
from pathlib import Path

for _name, _value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"),
                      ("ANONYMIZED_TELEMETRY", "False"), ("GRADIO_ANALYTICS_ENABLED", "False")):
    os.environ.setdefault(_name, _value)

import gradio as gr

from callbot import forms, render
from callbot.admin import AdminSettings, add_documents, check_password, login_enabled
from callbot.audit import AuditLog, answer_record, error_record, tool_record
from callbot.chat import Assistant, Conversation
from callbot.check import checker_for, euro
from callbot.errors import CallbotError
from callbot.notices import DISCLAIMER, about_applying, call_notice
from callbot.proposal import check_draft, default_checklists
from callbot.settings import Settings, get_settings

PROGRESS = gr.Progress()  # Gradio fills in a per-request tracker for this default
DRAFTING = "(draft, being checked against the documents…)"
QUEUE_CONCURRENCY = 4  # answers computed at once; the rest wait in the queue
QUEUE_SIZE = 64  # requests waiting beyond this are refused with "queue full"
EXAMPLES = [
    "Qual è il contributo massimo per ogni organizzazione che partecipa a uno scambio?",
    "Quanti scambi deve prevedere una partnership?",
    "Posso ancora presentare una proposta per questo bando?",
    "What is the maximum EU contribution per project?",
    "Which regions must at least one consortium member come from?",
    "Chi può partecipare al bando?",
]
WRONG_REPLY = ("Quanto spetta a una PMI per uno scambio?",
               ("Per un soggiorno di 6 giorni a 800 km di distanza il lump sum è di 550 euro. "
                "Il bando è ancora aperto, potete candidarvi. "
                "Ogni consorzio deve avere almeno tre soggetti giuridici."))
DRAFT_EXAMPLE = (
    "Il consorzio promuoverà il programma ClusterXchange attraverso newsletter ed eventi. "
    "Le PMI saranno coinvolte tramite i cluster partner. Un comitato valuterà le candidature "
    "delle visiting e host organisation. L'abbinamento avverrà con il matching tool della "
    "ECCP. Prevediamo 120 scambi, di cui il 60% con PMI.")


def lang_code(choice: str) -> str:
    return "it" if choice == "Italiano" else "en"


class Services:
    """Everything loaded once per process: the assistant (models, index), the reply checker,
    the audit log, the checklists and the admin settings."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.assistant = Assistant(settings)
        self.assistant.warm_up()
        self.checker = checker_for(self.assistant)
        self.audit = AuditLog(settings.audit_log)
        self.admin = AdminSettings()
        self.checklists = default_checklists()

    def warm_up(self) -> None:
        """Build the lazy parts (keyword index, rules, gazetteer) before the first user."""
        self.assistant.ask("Qual è il contributo massimo per progetto?")
        self.checker.check("", "Il bando prevede almeno 100 scambi.")

    def version(self) -> str:
        return self.assistant.store.version()

    def doc_title(self, doc_id: str) -> str:
        return next((c.title for c in self.assistant.store.chunks if c.doc_id == doc_id), doc_id)


# --- Chat -----------------------------------------------------------------------------------
def new_conversation() -> Conversation:
    """A fresh conversation per browser session (gr.State calls this on page load)."""
    return Conversation()


def chat_reply(svc: Services, message: str, history: list, conversation: Conversation,
               ids: dict):
    """Stream the model's draft (when a model is configured), then log the checked answer
    and show it in place of the draft; citation cards and tables come at the end."""
    history = [*history, {"role": "user", "content": message}, {"role": "assistant", "content": ""}]
    answer, draft = None, ""
    try:
        for item in svc.assistant.stream(message, conversation):
            if isinstance(item, str):
                draft += item
                history[-1] = {"role": "assistant", "content": f"_{DRAFTING}_ {draft}"}
                yield history, "", "", ids
            else:
                answer = item
    except CallbotError as exc:
        history = history[:-1]
        ids[len(history)] = svc.audit.append(error_record(message, str(exc), svc.version()))
        history.append({"role": "assistant", "content": f"⚠️ {exc}"})
        yield history, "", render.error_html(str(exc)), ids
        return
    assert answer is not None
    ids[len(history) - 1] = svc.audit.append(answer_record(answer, svc.version()))
    text = answer.answer
    if about_applying(message):
        text = f"> ⚠️ {call_notice().text(answer.language)}\n\n{text}"
    words = text.split(" ")
    for i in range(0, len(words), 6 if not draft else len(words)):
        history[-1] = {"role": "assistant", "content": " ".join(words[: i + 6])}
        yield history, "", "", ids
        time.sleep(0.02)
    history[-1] = {"role": "assistant", "content": text}
    sources = render.citation_cards(answer)
    if answer.tool:
        sources = render.tool_html(answer.tool, svc.checker.rule_evidence, answer.language) + sources
    yield history, "", sources, ids


def like(svc: Services, ids: dict, data: gr.LikeData) -> str:
    index = data.index if isinstance(data.index, int) else data.index[0]
    answer_id = ids.get(index)
    if answer_id is None:
        return "Nothing to rate yet."
    svc.audit.feedback(answer_id, "up" if data.liked is True else "down")
    return "Thanks: your rating is recorded."


def comment(svc: Services, ids: dict, text: str) -> tuple[str, str]:
    if not ids:
        return "Ask a question first.", text
    if not text.strip():
        return "Write a comment first.", text
    svc.audit.feedback(ids[max(ids)], None, text)
    return "Thanks: your comment on the last answer is recorded.", ""


def build_chat(svc: Services) -> None:
    conversation, ids = gr.State(new_conversation), gr.State(dict)
    gr.HTML(render.notice_html(DISCLAIMER["en"]) + render.notice_html(DISCLAIMER["it"]))
    with gr.Row():
        with gr.Column(scale=3):
            bot = gr.Chatbot(label="callbot", height=430, elem_id="chatbot",
                             feedback_options=("Like", "Dislike"))
            msg = gr.Textbox(placeholder="Ask in Italian or English / Scrivi in italiano o "
                             "inglese", show_label=False, elem_id="chat-input", submit_btn=True)
            gr.Examples(EXAMPLES, inputs=[msg], label="Example questions")
            with gr.Accordion("Feedback on the last answer", open=False):
                note = gr.Textbox(label="Comment", lines=2, elem_id="feedback-comment")
                send = gr.Button("Send comment", size="sm")
                status = gr.Markdown()
        with gr.Column(scale=2):
            gr.Markdown("### Sources")
            sources = gr.HTML(elem_id="sources")
    def respond(message: str, history: list, conv: Conversation, answer_ids: dict):
        yield from chat_reply(svc, message, history, conv, answer_ids)

    msg.submit(respond, [msg, bot, conversation, ids], [bot, msg, sources, ids])
    def rate(answer_ids: dict, data: gr.LikeData) -> str:
        return like(svc, answer_ids, data)

    bot.like(rate, [ids], [status])
    send.click(lambda i, t: comment(svc, i, t), [ids, note], [status, note])


# --- Calculators ----------------------------------------------------------------------------
def run_form(svc: Services, name: str, compute, headline, language: str) -> str:
    """Run a calculator form, log inputs and result, render the result with its rules."""
    try:
        inputs, result = compute()
    except CallbotError as exc:
        return render.error_html(str(exc))
    data = result.model_dump(mode="json")
    head = headline(result, language)
    svc.audit.append(tool_record(name, inputs, data, head, svc.version()))
    return (f"<h3>{escape(head)}</h3>"
            + render.result_table(data, svc.checker.rule_evidence, language))


def lump_head(r, lang: str) -> str:
    return f"{euro(r.amount_eur, lang)} — " + (r.reason_it if lang == "it" else r.reason)


def eligibility_head(r, lang: str) -> str:
    verdict = {True: ("eligible", "eleggibile"), False: ("not eligible", "non eleggibile"),
               None: ("not decided: a fact is unknown", "non determinabile: manca un dato")}
    return ("Consorzio " if lang == "it" else "Consortium ") + verdict[r.eligible][lang == "it"]


def budget_head(r, lang: str) -> str:
    return (f"{euro(round(r.max_eu_contribution_eur), lang)} — "
            + (r.explanation_it if lang == "it" else r.explanation))


def exchanges_head(r, lang: str) -> str:
    met = ("tutte le quote rispettate", "all quotas met")
    missed = ("quote non rispettate", "some quotas not met")
    return (met if r.all_met else missed)[lang != "it"]


def build_calculators(svc: Services, lang: gr.Radio) -> None:
    with gr.Tab("ClusterXchange lump sum"):
        with gr.Row():
            where = gr.Radio(["distance", "places"], value="distance", label="Distance given as")
            when = gr.Radio(["working days", "dates"], value="working days",
                            label="Length of stay given as")
        with gr.Row():
            km = gr.Number(label="Distance (km)", elem_id="ls-km", minimum=0)
            origin = gr.Textbox(label="From (visiting organisation)", visible=False)
            dest = gr.Textbox(label="To (host organisation)", visible=False)
            days = gr.Number(label="Working days (travel days excluded)", elem_id="ls-days",
                             minimum=0, precision=0)
            start = gr.Textbox(label="First day (YYYY-MM-DD)", visible=False)
            end = gr.Textbox(label="Last day (YYYY-MM-DD)", visible=False)
            travel = gr.Number(label="Travel days", value=0, minimum=0, precision=0,
                               visible=False)
            host = gr.Textbox(label="Host country (ISO code, for holidays)", visible=False)
        where.change(lambda w: [gr.update(visible=w == "distance")]
                     + [gr.update(visible=w == "places")] * 2, where, [km, origin, dest])
        when.change(lambda w: [gr.update(visible=w != "dates")]
                    + [gr.update(visible=w == "dates")] * 4, when, [days, start, end, travel, host])
        go = gr.Button("Compute the lump sum", variant="primary", elem_id="ls-compute")
        out = gr.HTML(elem_id="ls-result")
        go.click(lambda *v: run_form(svc, "lump_sum", lambda: forms.lump_sum_form(*v[:-1]),
                                     lump_head, lang_code(v[-1])),
                 [where, origin, dest, km, when, start, end, travel, days, host, lang], out)
    with gr.Tab("Consortium eligibility"):
        gr.Markdown("One row per partner. Type: cluster organisation, business network or "
                    "other. ECCP: registered, applied or no.")
        table = gr.Dataframe(value=forms.EXAMPLE_PARTNERS, headers=forms.PARTNER_COLUMNS,
                             type="array", interactive=True, elem_id="el-table")
        go = gr.Button("Check eligibility", variant="primary", elem_id="el-compute")
        out = gr.HTML(elem_id="el-result")
        go.click(lambda t, lg: run_form(svc, "eligibility", lambda: forms.eligibility_form(t),
                                        eligibility_head, lang_code(lg)), [table, lang], out)
    with gr.Tab("Budget"):
        gr.Markdown("Eligible costs by category (e.g. personnel, travel, financial support to "
                    "third parties).")
        costs = gr.Dataframe(value=forms.EXAMPLE_COSTS, headers=forms.COST_COLUMNS, type="array",
                             interactive=True)
        go = gr.Button("Compute the maximum EU contribution", variant="primary")
        out = gr.HTML()
        go.click(lambda t, lg: run_form(svc, "budget", lambda: forms.budget_form(t), budget_head,
                                        lang_code(lg)), [costs, lang], out)
    with gr.Tab("Exchange plan"):
        with gr.Row():
            planned = gr.Number(label="Exchanges planned", value=100, precision=0, minimum=0)
            smes = gr.Number(label="… involving SMEs", value=50, precision=0, minimum=0)
            outside = gr.Number(label="… involving non-member organisations", value=25,
                                precision=0, minimum=0)
        go = gr.Button("Check the quotas", variant="primary")
        out = gr.HTML()
        go.click(lambda p, s, o, lg: run_form(svc, "exchanges",
                                              lambda: forms.exchanges_form(p, s, o),
                                              exchanges_head, lang_code(lg)),
                 [planned, smes, outside, lang], out)


# --- Check an answer, Proposal sections -----------------------------------------------------
def check_reply(svc: Services, question: str, reply: str) -> str:
    if not reply.strip():
        return render.error_html("Paste the reply you intend to send.")
    if len(question) + len(reply) > 10 * svc.settings.max_question_chars:
        return render.error_html("The text is too long to check at once; split it.")
    result = svc.checker.check(question, reply)
    svc.audit.append(tool_record("check_reply", {"question": question, "reply": reply},
                                 result.model_dump(mode="json"), str(result.counts()),
                                 svc.version(), kind="check"))
    return render.check_html(result)


def build_check(svc: Services) -> None:
    gr.Markdown("Paste a user's question and the reply you intend to send. Each sentence is "
                "checked against the calculators, the call's rules and the documents.")
    question = gr.Textbox(label="Question", elem_id="ck-question")
    reply = gr.Textbox(label="Reply to check", lines=6, elem_id="ck-reply")
    gr.Examples([list(WRONG_REPLY)], inputs=[question, reply], label="Example")
    go = gr.Button("Check the reply", variant="primary", elem_id="ck-go")
    out = gr.HTML(elem_id="ck-result")
    go.click(lambda q, r: check_reply(svc, q, r), [question, reply], out)


def build_proposal(svc: Services, lang: gr.Radio) -> None:
    sections = svc.checklists.sections
    title = svc.doc_title(svc.checklists.doc)
    pick = gr.Dropdown([(s.title, s.id) for s in sections], value=sections[0].id,
                       label="Part of the proposal", elem_id="pr-section")
    with gr.Row():
        with gr.Column():
            checklist = gr.HTML(render.checklist_html(sections[0], title, "en"), elem_id="pr-list")
        with gr.Column():
            draft = gr.Textbox(label="Your draft (Italian or English)", lines=10,
                               elem_id="pr-draft")
            gr.Examples([[DRAFT_EXAMPLE]], inputs=[draft], label="Example draft")
            go = gr.Button("Check the draft", variant="primary", elem_id="pr-go")
            out = gr.HTML(elem_id="pr-result")

    def show(section_id: str, choice: str) -> str:
        return render.checklist_html(svc.checklists.section(section_id), title, lang_code(choice))

    def covered(section_id: str, text: str, choice: str) -> str:
        if not text.strip():
            return render.error_html("Paste a draft of this part of the proposal.")
        section = svc.checklists.section(section_id)
        return render.coverage_html(check_draft(text, section), lang_code(choice))

    pick.change(show, [pick, lang], checklist)
    lang.change(show, [pick, lang], checklist)
    go.click(covered, [pick, draft, lang], out)


# --- Admin ----------------------------------------------------------------------------------
def build_admin(svc: Services) -> None:
    info = gr.Markdown(elem_id="ad-info", value=f"Index: {len(svc.assistant.store.chunks)} passages, version "
                       f"`{svc.version()}`.")
    if not login_enabled(svc.admin):
        gr.Markdown("Adding documents is disabled: set `CALLBOT_ADMIN_PASSWORD` to enable it.")
        return
    logged_in = gr.State(False)
    with gr.Row():
        password = gr.Textbox(label="Admin password", type="password", elem_id="ad-password")
        login = gr.Button("Log in", elem_id="ad-login")
    message = gr.Markdown()
    with gr.Group(visible=False) as panel:
        files = gr.File(label=f"Documents (PDF, txt, md; at most {svc.admin.max_upload_mb:g} MB "
                        "each)", file_count="multiple", file_types=[".pdf", ".txt", ".md"],
                        elem_id="ad-files")
        add = gr.Button("Add to the index", variant="primary", elem_id="ad-add")
        report = gr.Textbox(label="Ingestion report", lines=4, interactive=False,
                            elem_id="ad-report")

    def do_login(given: str):
        ok = check_password(given, svc.admin)
        if not ok:
            time.sleep(1)  # slows down guessing
        return ok, gr.update(visible=ok), "" if ok else "Wrong password.", ""

    def do_add(ok: bool, paths: list[str] | None, progress=PROGRESS):
        if not ok:
            return "Log in first.", gr.update()
        if not paths:
            return "Choose one or more files first.", gr.update()
        uploads = [(Path(p), Path(p).name) for p in paths]
        result = add_documents(uploads, svc.settings, svc.admin, svc.assistant.embedder,
                               svc.assistant.store,
                               lambda i, n, name: progress((i, n), desc=f"Ingesting {name}"))
        status = f"Index: {len(svc.assistant.store.chunks)} passages, version `{svc.version()}`."
        return result.summary(), status

    login.click(do_login, password, [logged_in, panel, message, password])
    add.click(do_add, [logged_in, files], [report, info])


# --- The page -------------------------------------------------------------------------------
def build(svc: Services) -> gr.Blocks:
    with gr.Blocks(title="callbot", analytics_enabled=False) as demo:
        with gr.Row():
            gr.Markdown("# callbot\nCited answers about the COSME cluster call "
                        "(COS-CLUSTER-2018-03-02) — offline.")
            lang = gr.Radio(["English", "Italiano"], value="English", label="Results in",
                            scale=0, min_width=220)
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                build_chat(svc)
            with gr.Tab("Calculators", id="calculators"):
                build_calculators(svc, lang)
            with gr.Tab("Check an answer", id="check"):
                build_check(svc)
            with gr.Tab("Proposal sections", id="proposal"):
                build_proposal(svc, lang)
            with gr.Tab("Admin", id="admin"):
                build_admin(svc)

        def ask(question: str) -> dict:
            """One question, one logged answer as in `callbot ask --json` (no conversation)."""
            try:
                answer = svc.assistant.ask(question)
            except CallbotError as exc:
                svc.audit.append(error_record(question, str(exc), svc.version()))
                return {"question": question, "error": str(exc)}
            svc.audit.append(answer_record(answer, svc.version()))
            return answer.public_json()

        gr.api(ask, api_name="ask")
    return demo


def main(argv: list[str] | None = None) -> None:
    settings = get_settings()
    parser = argparse.ArgumentParser(description="The callbot web app.")
    parser.add_argument("--host", default=settings.host, help="Bind address (default %(default)s)")
    parser.add_argument("--port", type=int, default=settings.port)
    args = parser.parse_args(argv)
    try:
        svc = Services(settings)
        svc.warm_up()
    except CallbotError as exc:
        sys.exit(f"Error: {exc}")
    demo = build(svc)
    demo.queue(default_concurrency_limit=QUEUE_CONCURRENCY, max_size=QUEUE_SIZE)
    print(f"callbot: http://{args.host}:{args.port}", flush=True)
    demo.launch(server_name=args.host, server_port=args.port, show_error=False, ssr_mode=False,
                max_file_size=f"{svc.admin.max_upload_mb:g}mb", css=render.CSS,
                footer_links=[], quiet=True)


if __name__ == "__main__":
    main()

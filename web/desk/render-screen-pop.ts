import { el } from "../shared/dom.js";
import type { DeskView } from "./desk-view.js";

export interface ScreenPopActions {
  accept?: (() => void) | undefined;
  handBack?: ((note: string, followUpAt: string) => void) | undefined;
}

const TRIGGER_TEXT: Record<string, string> = {
  customer_request: "Asked for a person",
  buying_intent: "Ready to buy",
  complex: "Needs a human touch",
  qualified: "Qualified",
  system_fallback: "Needs a person",
};

const CONCERN: Record<string, string> = {
  price: "Price",
  competitor: "Current provider",
  timing: "Timing",
  authority: "Someone else decides",
  trust: "Trust",
};

/**
 * Line numbers as the customer console counts them: the flow's greeting is line 1, Baton's turn 0
 * (the customer's first words) is line 2.
 */
export const lineOf = (turn: number): number => turn + 2;

/**
 * The closer's screen, in the order it is read: the action and what the customer wants, who they are
 * and what to say first; then the facts not to re-ask, what is unknown, concerns, tone; the transcript last.
 */
export function renderScreenPop(view: DeskView, actions: ScreenPopActions): HTMLElement {
  const actionBar = actionPanel(view, actions);
  return el(
    "article",
    { class: "screen-pop", "data-testid": "screen-pop", "data-contact-id": view.contactId },
    actionBar,
    askBlock(view),
    callerLine(view),
    el(
      "section",
      { class: "pop-section opener-section" },
      el("h3", {}, "Say first"),
      el("blockquote", { class: "opener", "data-testid": "opener" }, view.opener || "(none)"),
    ),
    el(
      "p",
      { class: "pop-badges" },
      el(
        "span",
        { class: `badge trigger-${view.trigger}`, "data-testid": "trigger" },
        TRIGGER_TEXT[view.trigger] ?? view.trigger,
      ),
      view.urgency ? el("span", { class: `badge urgency-${view.urgency}` }, `${view.urgency} urgency`) : null,
      el("span", { class: "badge", "data-testid": "tone" }, `tone: ${view.tone || "unknown"}`),
      view.language
        ? el("span", { class: "badge", "data-testid": "language" }, `language: ${view.language}`)
        : null,
    ),
    section("Confirmed: do not re-ask", confirmedTable(view)),
    view.missing.length > 0 ? section("Still unknown", chips(view.missing, "missing")) : null,
    section("Concerns and the AI's answers", objectionList(view)),
    view.caller?.lastHandbackNote
      ? section(
          "Note from the last closer",
          el("p", { class: "quote", "data-testid": "last-handback-note" }, view.caller.lastHandbackNote),
        )
      : null,
    view.reasons.length > 0
      ? section("Why now", el("ul", {}, ...view.reasons.map((reason) => el("li", {}, reason))))
      : null,
    view.transcript.length > 0 ? transcriptSection(view) : null,
    el(
      "p",
      { class: "muted contact-id" },
      `contact ${view.contactId}${view.queue ? ` · queue ${view.queue}` : ""}`,
    ),
  );
}

function askBlock(view: DeskView): HTMLElement {
  if (!view.ask) return el("h2", { class: "ask", "data-testid": "ask" }, view.summary);
  return el(
    "section",
    { class: "ask-block" },
    el("h2", { class: "ask", "data-testid": "ask" }, view.ask.headline ?? `"${view.ask.said}"`),
    view.ask.headline
      ? el("p", { class: "ask-said", "data-testid": "ask-said" }, `They said: "${view.ask.said}"`)
      : null,
  );
}

function callerLine(view: DeskView): HTMLElement | null {
  const caller = view.caller;
  if (!caller) return null;
  const parts = [
    caller.name,
    caller.company,
    caller.phone,
    caller.direction,
    caller.returning ? "returning lead: facts carried over from an earlier call" : undefined,
    caller.previousContactId ? `earlier contact ${caller.previousContactId}` : undefined,
  ].filter((part): part is string => part !== undefined && part !== "");
  if (parts.length === 0) return null;
  return el("p", { class: "caller", "data-testid": "caller" }, parts.join(" · "));
}

function section(title: string, body: Node): HTMLElement {
  return el("section", { class: "pop-section" }, el("h3", {}, title), body);
}

function confirmedTable(view: DeskView): HTMLElement {
  if (view.confirmed.length === 0) return el("p", { class: "muted" }, "nothing confirmed yet");
  return el(
    "table",
    { class: "facts" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "What"),
        el("th", { scope: "col" }, "Value"),
        el("th", { scope: "col" }, "They said"),
        el("th", { scope: "col" }, "Line"),
      ),
    ),
    el(
      "tbody",
      {},
      ...view.confirmed.map((fact) =>
        el(
          "tr",
          { "data-testid": "confirmed-fact", "data-slot": fact.slot },
          el("td", {}, fact.label),
          el("td", { class: "value" }, fact.value),
          el("td", { class: "quote" }, fact.said ? `"${fact.said}"` : ""),
          el("td", {}, fact.turn === undefined ? "" : String(lineOf(fact.turn))),
        ),
      ),
    ),
  );
}

function chips(items: readonly string[], kind: string): HTMLElement {
  return el("ul", { class: "chips" }, ...items.map((item) => el("li", { class: `chip ${kind}` }, item)));
}

function objectionList(view: DeskView): HTMLElement {
  if (view.objections.length === 0) return el("p", { class: "muted" }, "none raised");
  return el(
    "ul",
    { class: "objections" },
    ...view.objections.map((objection) => {
      const landed =
        objection.status === "resolved"
          ? "landed: the customer accepted it"
          : objection.aiAnswer
            ? "did not land yet: do not repeat it"
            : "not answered yet";
      return el(
        "li",
        { "data-testid": "objection", "data-status": objection.status },
        el("strong", {}, CONCERN[objection.kind] ?? objection.kind),
        objection.turn === undefined ? "" : ` (line ${lineOf(objection.turn)})`,
        objection.customerSaid
          ? el("div", { class: "quote" }, `Customer: "${objection.customerSaid}"`)
          : null,
        objection.aiAnswer ? el("div", { class: "answer" }, `AI answered: "${objection.aiAnswer}"`) : null,
        el("div", { class: `landed ${objection.status}`, "data-testid": "objection-landed" }, landed),
      );
    }),
  );
}

function transcriptSection(view: DeskView): HTMLElement {
  const list = el(
    "ol",
    { class: "transcript" },
    ...view.transcript.map((line) =>
      el(
        "li",
        { class: `line ${line.speaker}`, "data-testid": "pop-line" },
        el("span", { class: "speaker" }, `${lineOf(line.turn)} ${line.speaker === "ai" ? "AI" : "Customer"}`),
        line.text,
      ),
    ),
  );
  return el(
    "details",
    { class: "pop-section transcript-section" },
    el("summary", {}, `Transcript (${view.transcript.length} lines)`),
    list,
  );
}

function actionPanel(view: DeskView, actions: ScreenPopActions): HTMLElement | null {
  if (!actions.accept && !actions.handBack) return null;
  const status = el("p", { class: "desk-status", "data-testid": "desk-status" }, statusText(view));
  const accept =
    actions.accept && (view.status === "waiting" || view.status === undefined)
      ? el("button", { type: "button", class: "primary", "data-testid": "accept" }, "Accept call")
      : null;
  if (accept && actions.accept) accept.addEventListener("click", actions.accept);
  // Hand back only a call the closer took, once, with a note for the AI's follow-up.
  const form = actions.handBack && view.status === "accepted" ? handbackForm(actions.handBack) : null;
  const note =
    view.status === "handed_back" && view.handback?.note
      ? el("p", { class: "quote", "data-testid": "handback-sent-note" }, `Note: ${view.handback.note}`)
      : null;
  return el(
    "section",
    { class: `action-bar status-${view.status ?? "waiting"}` },
    status,
    accept,
    note,
    form,
  );
}

function statusText(view: DeskView): string {
  switch (view.status) {
    case "accepted":
      return "You accepted this call. To hand it back to the AI, leave a note.";
    case "handed_back": {
      const handback = view.handback;
      if (!handback) return "Handed back to the AI.";
      const when = new Date(handback.followUpAt).toLocaleString();
      return `Handed back to the AI for ${when}${handback.scheduledAt ? " (scheduled)" : " (sending...)"}.`;
    }
    default:
      return "Waiting for a closer.";
  }
}

function handbackForm(handBack: (note: string, followUpAt: string) => void): HTMLElement {
  const note = el("textarea", {
    "data-testid": "handback-note",
    rows: "2",
    maxlength: "2000",
    required: "",
    placeholder: "What the AI should know for the follow-up call (required)",
  });
  const time = el("input", { type: "datetime-local", "data-testid": "handback-time", required: "" });
  time.value = defaultFollowUp();
  const submit = el("button", { type: "submit", "data-testid": "handback-submit" }, "Hand back to AI");
  const form = el(
    "form",
    { class: "handback" },
    el("label", {}, "Note for the AI", note),
    el("label", {}, "Follow up at", time),
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const at = new Date(time.value);
    if (note.value.trim() === "" || Number.isNaN(at.getTime())) return;
    handBack(note.value.trim(), at.toISOString());
  });
  return form;
}

/** Tomorrow at 10:00 local time, in the input's format. */
function defaultFollowUp(): string {
  const at = new Date();
  at.setDate(at.getDate() + 1);
  at.setHours(10, 0, 0, 0);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

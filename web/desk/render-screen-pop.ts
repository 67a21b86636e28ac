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
  system_fallback: "AI path failed",
};

/** The closer's screen: what not to re-ask first, then how the customer feels, then how to start. */
export function renderScreenPop(view: DeskView, actions: ScreenPopActions): HTMLElement {
  return el(
    "article",
    { class: "screen-pop", "data-testid": "screen-pop", "data-contact-id": view.contactId },
    el(
      "header",
      { class: "pop-header" },
      el(
        "span",
        { class: `badge trigger-${view.trigger}`, "data-testid": "trigger" },
        TRIGGER_TEXT[view.trigger] ?? view.trigger,
      ),
      view.urgency ? el("span", { class: `badge urgency-${view.urgency}` }, `${view.urgency} urgency`) : null,
      view.queue ? el("span", { class: "badge" }, `queue ${view.queue}`) : null,
      view.turn !== undefined ? el("span", { class: "muted" }, `decided at turn ${view.turn}`) : null,
      el("span", { class: "muted contact-id" }, view.contactId),
    ),
    el("p", { class: "summary", "data-testid": "summary" }, view.summary),
    section(
      "Suggested opener",
      el("blockquote", { class: "opener", "data-testid": "opener" }, view.opener || "(none)"),
    ),
    section("Confirmed: do not re-ask", confirmedTable(view)),
    view.missing.length > 0 ? section("Still missing", chips(view.missing, "missing")) : null,
    section(
      "Intent",
      view.intents.length > 0 ? chips(view.intents, "intent") : el("p", { class: "muted" }, "none"),
    ),
    section("Tone", el("p", { "data-testid": "tone" }, view.tone || "unknown")),
    section("Objections and the AI's answers", objectionList(view)),
    view.reasons.length > 0
      ? section("Why now", el("ul", {}, ...view.reasons.map((reason) => el("li", {}, reason))))
      : null,
    view.transcript.length > 0 ? section("Transcript", transcript(view)) : null,
    actionPanel(view, actions),
  );
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
        el("th", {}, "What"),
        el("th", {}, "Value"),
        el("th", {}, "Turn"),
        el("th", {}, "They said"),
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
          el("td", { class: "value" }, fact.value.replace(/_/g, " ")),
          el("td", {}, fact.turn === undefined ? "" : String(fact.turn)),
          el("td", { class: "quote" }, fact.quote ? `"${fact.quote}"` : ""),
        ),
      ),
    ),
  );
}

function chips(items: readonly string[], kind: string): HTMLElement {
  return el(
    "ul",
    { class: "chips" },
    ...items.map((item) => el("li", { class: `chip ${kind}` }, item.replace(/_/g, " "))),
  );
}

function objectionList(view: DeskView): HTMLElement {
  if (view.objections.length === 0) return el("p", { class: "muted" }, "none raised");
  return el(
    "ul",
    { class: "objections" },
    ...view.objections.map((objection) =>
      el(
        "li",
        { "data-testid": "objection" },
        el("strong", {}, objection.kind),
        ` (${objection.status}${objection.turn === undefined ? "" : `, turn ${objection.turn}`})`,
        objection.customerSaid
          ? el("div", { class: "quote" }, `Customer: "${objection.customerSaid}"`)
          : null,
        el("div", { class: "answer" }, `AI: ${objection.aiAnswer ?? "(no accepted answer yet)"}`),
      ),
    ),
  );
}

function transcript(view: DeskView): HTMLElement {
  return el(
    "ol",
    { class: "transcript" },
    ...view.transcript.map((line) =>
      el(
        "li",
        { class: `line ${line.speaker}` },
        el("span", { class: "speaker" }, `${line.turn} ${line.speaker}`),
        line.text,
      ),
    ),
  );
}

function actionPanel(view: DeskView, actions: ScreenPopActions): HTMLElement | null {
  if (!actions.accept && !actions.handBack) return null;
  const status = el("p", { class: "desk-status", "data-testid": "desk-status" }, statusText(view));
  const accept = actions.accept
    ? el(
        "button",
        { type: "button", "data-testid": "accept", ...(view.status === "waiting" ? {} : { disabled: "" }) },
        "Accept call",
      )
    : null;
  if (accept && actions.accept) accept.addEventListener("click", actions.accept);
  // Once handed back, the note is shown instead of the form: one handback per handoff.
  const handedBack = view.status === "handed_back";
  const form = actions.handBack && !handedBack ? handbackForm(actions.handBack) : null;
  const note =
    handedBack && view.handback?.note
      ? el("p", { class: "quote", "data-testid": "handback-sent-note" }, `Note: ${view.handback.note}`)
      : null;
  return el("section", { class: "pop-section actions" }, el("h3", {}, "Actions"), status, note, accept, form);
}

function statusText(view: DeskView): string {
  switch (view.status) {
    case "accepted":
      return "You accepted this call.";
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
    placeholder: "Note for the AI's follow-up call",
  });
  const time = el("input", { type: "datetime-local", "data-testid": "handback-time", required: "" });
  time.value = defaultFollowUp();
  const submit = el("button", { type: "submit", "data-testid": "handback-submit" }, "Hand back to AI");
  const form = el(
    "form",
    { class: "handback" },
    el("label", {}, "Note", note),
    el("label", {}, "Follow up at", time),
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const at = new Date(time.value);
    if (Number.isNaN(at.getTime())) return;
    handBack(note.value, at.toISOString());
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

import * as z from "zod";
import {
  CallListResponse,
  type CallRecord,
  CallRecord as CallRecordSchema,
} from "../../local/api/call-api.js";
import { type Persona, PersonaListResponse } from "../../local/api/persona-api.js";
import { fetchJson } from "../shared/api-client.js";
import { el, replaceChildren, requireElement } from "../shared/dom.js";
import { liveUpdates } from "../shared/live-updates.js";

/**
 * The customer console: start a call for a campaign, then type as the customer or let a persona talk.
 * The call lives on the server (DynamoDB Local): the URL names it, so a reload or a dropped connection
 * picks it up where it was.
 */
const CallResponse = z.looseObject({ call: CallRecordSchema });
const Campaigns = z.looseObject({ campaigns: z.array(z.looseObject({ id: z.string(), name: z.string() })) });

const root = requireElement("app");
const liveStatus = el("span", { class: "live-status", "data-testid": "live-status" }, "connecting");
const problems = el("ul", { class: "problems", "data-testid": "persona-problems" });
const campaignSelect = el("select", { "data-testid": "campaign" });
const personaSelect = el("select", { "data-testid": "persona" });
const personaHelp = el("p", { class: "muted persona-help" });
const startButton = el("button", { type: "button", "data-testid": "start-call" }, "Start call");
const callStatus = el("p", { class: "call-status", "data-testid": "call-status" }, "No call yet.");
const handbackStatus = el("p", { class: "muted", "data-testid": "console-handback" });
const lines = el("ol", { class: "call-lines", "data-testid": "call-lines" });
/** What the call API takes per line; a longer line is cut there and the page says so. */
const MAX_LINE = 2000;
const input = el("input", {
  type: "text",
  placeholder: "Say something as the customer",
  "data-testid": "say-text",
});
const sendButton = el("button", { type: "submit", "data-testid": "say-send" }, "Send");
const sayForm = el("form", { class: "say" }, input, sendButton);
/** The customer puts the phone down: the server treats it as Connect's customer disconnect. */
const hangUpButton = el(
  "button",
  { type: "button", class: "hang-up", "data-testid": "hang-up", hidden: "" },
  "Hang up",
);
const recentList = el("ul", { class: "recent-calls" });
const message = el("p", { class: "message", role: "status" });

replaceChildren(
  root,
  el(
    "header",
    { class: "top" },
    el("h1", {}, "Baton customer console"),
    liveStatus,
    el("a", { href: "/desk", target: "baton-desk" }, "agent desk"),
  ),
  message,
  problems,
  el(
    "main",
    { class: "console" },
    el(
      "section",
      { class: "start" },
      el("h2", {}, "New call"),
      el("label", {}, "Campaign", campaignSelect),
      el("label", {}, "Customer", personaSelect),
      personaHelp,
      startButton,
      el("h2", {}, "Recent calls"),
      recentList,
    ),
    el(
      "section",
      { class: "call" },
      el("h2", {}, "Call"),
      callStatus,
      handbackStatus,
      lines,
      sayForm,
      hangUpButton,
    ),
  ),
);

let personas: Persona[] = [];
let callId: string | undefined = new URLSearchParams(location.hash.slice(1)).get("call") ?? undefined;
/** A line that did not reach the server is resent with the same id, so it is never applied twice. */
let pending: { text: string; turnId: string } | undefined;

async function loadChoices(): Promise<void> {
  const [{ campaigns }, personaList] = await Promise.all([
    fetchJson("/api/campaigns", Campaigns),
    fetchJson("/api/personas", PersonaListResponse),
  ]);
  personas = personaList.personas;
  replaceChildren(
    campaignSelect,
    ...campaigns.map((campaign) => el("option", { value: campaign.id }, campaign.name)),
  );
  replaceChildren(
    personaSelect,
    el("option", { value: "" }, "Me (type as the customer)"),
    ...personas.map((persona) => el("option", { value: persona.id }, persona.name)),
  );
  replaceChildren(
    problems,
    ...personaList.problems.map((problem) =>
      el("li", {}, `Persona file ${problem.file} was skipped: ${problem.field}: ${problem.message}`),
    ),
  );
  describePersona();
}

function describePersona(): void {
  const persona = personas.find((candidate) => candidate.id === personaSelect.value);
  personaHelp.textContent = persona ? persona.description : "You type each customer line yourself.";
}

async function startCall(): Promise<void> {
  const persona = personas.find((candidate) => candidate.id === personaSelect.value);
  const { call } = await fetchJson("/api/calls", CallResponse, {
    method: "POST",
    body: {
      campaignId: persona?.campaign ?? campaignSelect.value,
      ...(persona ? { personaId: persona.id, play: true } : {}),
    },
  });
  callId = call.callId;
  history.replaceState(null, "", `#call=${encodeURIComponent(call.callId)}`);
  render(call);
  await loadRecent();
}

async function say(typed: string): Promise<void> {
  if (!callId) return;
  const text = typed.slice(0, MAX_LINE);
  pending = pending?.text === text ? pending : { text, turnId: crypto.randomUUID() };
  const { call } = await fetchJson(`/api/calls/${encodeURIComponent(callId)}/turns`, CallResponse, {
    method: "POST",
    body: pending,
  });
  pending = undefined;
  input.value = "";
  if (typed.length > MAX_LINE)
    message.textContent = `Your line had ${typed.length.toLocaleString()} characters; only the first ${MAX_LINE.toLocaleString()} were sent.`;
  render(call);
}

async function reloadCall(): Promise<void> {
  if (!callId) return;
  const { call } = await fetchJson(`/api/calls/${encodeURIComponent(callId)}`, CallResponse);
  render(call);
}

async function loadRecent(): Promise<void> {
  const { calls } = await fetchJson("/api/calls", CallListResponse);
  replaceChildren(
    recentList,
    ...calls.map((call) => {
      const item = el(
        "li",
        { class: `recent status-${call.status}` },
        el(
          "button",
          { type: "button", class: "link" },
          `${new Date(call.startedAt).toLocaleTimeString()} ${call.personaId ?? "typed"}: ${call.status.replace(/_/g, " ")}`,
        ),
      );
      item.addEventListener("click", () => {
        callId = call.callId;
        history.replaceState(null, "", `#call=${encodeURIComponent(call.callId)}`);
        render(call);
      });
      return item;
    }),
  );
}

function render(call: CallRecord): void {
  callStatus.textContent = statusText(call);
  callStatus.dataset.status = call.status;
  replaceChildren(
    lines,
    ...call.transcript.map((line, index) =>
      el(
        "li",
        { class: `line ${line.speaker}`, "data-testid": "call-line" },
        // Numbered as the agent desk numbers the same lines: the greeting is line 1.
        el("span", { class: "speaker" }, `${index + 1} ${line.speaker === "ai" ? "AI" : "Customer"}`),
        line.text,
      ),
    ),
  );
  void showHandback(call);
  const open = call.status === "active";
  input.disabled = !open;
  sendButton.disabled = !open;
  // A handed-off customer is still on the line (waiting for or talking to the closer) until they hang up.
  hangUpButton.hidden =
    call.hungUpAt !== undefined || (call.status !== "active" && call.status !== "handed_off");
}

async function hangUp(): Promise<void> {
  if (!callId) return;
  const { call } = await fetchJson(`/api/calls/${encodeURIComponent(callId)}/hangup`, CallResponse, {
    method: "POST",
    body: {},
  });
  render(call);
}

const DeskEntryStatus = z.looseObject({
  entry: z.looseObject({
    status: z.string(),
    handback: z.looseObject({ note: z.string(), followUpAt: z.string() }).optional(),
  }),
});

/** What the closer did with a handed-off call: accepted, or handed back to the AI with a note. */
async function showHandback(call: CallRecord): Promise<void> {
  if (call.status !== "handed_off") {
    handbackStatus.textContent = "";
    return;
  }
  try {
    const { entry } = await fetchJson(`/api/desk/${encodeURIComponent(call.contactId)}`, DeskEntryStatus);
    handbackStatus.textContent = entry.handback
      ? `The closer handed the call back to the AI for ${new Date(entry.handback.followUpAt).toLocaleString()}: "${entry.handback.note}"`
      : entry.status === "accepted"
        ? "A closer accepted the call."
        : entry.status === "abandoned"
          ? "You hung up before a closer accepted."
          : "Waiting for a closer on the agent desk.";
  } catch {
    handbackStatus.textContent = "";
  }
}

function statusText(call: CallRecord): string {
  const outcome = call.outcome;
  const hungUp = call.hungUpAt ? ` You hung up at ${new Date(call.hungUpAt).toLocaleTimeString()}.` : "";
  switch (call.status) {
    case "handed_off":
      return `Handed off to ${outcome?.queue ?? "a closer"} (${outcome?.trigger?.replace(/_/g, " ") ?? "handoff"}) after ${outcome?.customerTurns ?? "?"} customer turns. See the agent desk.${hungUp}`;
    case "nurture":
      return "The AI scheduled a follow-up call (nurture).";
    case "ended":
      return `Call ended${outcome?.endReason ? ` (${outcome.endReason.replace(/_/g, " ")})` : ""}.${hungUp}`;
    default:
      return `In progress: ${call.personaId ? `persona ${call.personaId} is talking` : "type as the customer"}.`;
  }
}

function report(error: unknown): void {
  message.textContent = error instanceof Error ? error.message : String(error);
}

personaSelect.addEventListener("change", describePersona);
hangUpButton.addEventListener("click", () => {
  message.textContent = "";
  hangUp().catch(report);
});
startButton.addEventListener("click", () => {
  message.textContent = "";
  startCall().catch(report);
});
sayForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text === "") return;
  message.textContent = "";
  say(text).catch((error: unknown) =>
    report(`Not sent (${error instanceof Error ? error.message : String(error)}); press Send again.`),
  );
});

liveUpdates({
  onOpen: () => {
    void reloadCall().catch(report);
    void loadRecent().catch(report);
  },
  onStatus: (status) => {
    liveStatus.textContent = status;
  },
  on: {
    call: (data) => {
      const changed = z.looseObject({ callId: z.string() }).safeParse(data);
      if (changed.success && changed.data.callId === callId) void reloadCall().catch(report);
      void loadRecent().catch(report);
    },
    // The closer accepted or handed back: the console shows it.
    desk: () => void reloadCall().catch(report),
  },
});
void loadChoices().catch(report);

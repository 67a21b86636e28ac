import { el, replaceChildren, requireElement } from "../shared/dom.js";
import { connectHost } from "./connect-host.js";
import type { DeskHost, QueueItem } from "./desk-host.js";
import { localHost } from "./local-host.js";
import { renderScreenPop } from "./render-screen-pop.js";

/**
 * The agent desk: one app, two hosts. `data-host="local"` (the local server's /desk) reads the local
 * API; anything else (the page the Connect agent workspace loads) reads the contact's attributes.
 */
const isLocal = document.body.dataset.host === "local";
const host: DeskHost = isLocal ? localHost() : connectHost();
const root = requireElement("app");
const status = el("span", { class: "live-status", "data-testid": "live-status" }, "connecting");
const queueList = el("ul", { class: "queue", "data-testid": "queue" });
const pop = el(
  "div",
  { class: "pop-pane" },
  el(
    "p",
    { class: "muted" },
    isLocal ? "No handoff yet. Start a call in the customer console." : "Waiting for a contact.",
  ),
);
const message = el("p", { class: "message", role: "status" });
replaceChildren(
  root,
  el(
    "header",
    { class: "top" },
    el("h1", {}, "Baton agent desk"),
    el("span", { class: "muted" }, host.name),
    status,
    isLocal ? el("a", { href: "/console" }, "customer console") : null,
  ),
  message,
  el("main", { class: "desk" }, el("aside", {}, el("h2", {}, "Queue"), queueList), pop),
);

let selected: string | undefined = new URLSearchParams(location.hash.slice(1)).get("contact") ?? undefined;
let shown = "";

async function refresh(): Promise<void> {
  try {
    const items = await host.queue();
    if (!selected || !items.some((item) => item.contactId === selected)) {
      selected = (items.find((item) => item.status === "waiting") ?? items[0])?.contactId;
    }
    replaceChildren(queueList, ...items.map(queueRow));
    await showSelected();
  } catch (error) {
    message.textContent = `Could not load the desk: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function queueRow(item: QueueItem): HTMLElement {
  const row = el(
    "li",
    {
      class: `queue-item status-${item.status}${item.contactId === selected ? " selected" : ""}`,
      "data-testid": "queue-item",
      "data-contact-id": item.contactId,
    },
    el("span", { class: `badge trigger-${item.trigger}` }, item.trigger.replace(/_/g, " ")),
    el("span", { class: "status" }, item.status.replace(/_/g, " ")),
    item.receivedAt ? el("time", {}, new Date(item.receivedAt).toLocaleTimeString()) : null,
    el("div", { class: "queue-summary" }, item.summary),
  );
  row.addEventListener("click", () => {
    selected = item.contactId;
    history.replaceState(null, "", `#contact=${encodeURIComponent(item.contactId)}`);
    void refresh();
  });
  return row;
}

async function showSelected(): Promise<void> {
  if (!selected) return;
  const contactId = selected;
  const view = await host.view(contactId);
  if (!view) {
    replaceChildren(pop, el("p", { class: "muted" }, `Contact ${contactId} carries no Baton screen pop.`));
    shown = "";
    return;
  }
  // Re-drawing only on a real change keeps a half-typed handback note.
  const signature = JSON.stringify(view);
  if (signature === shown) return;
  shown = signature;
  replaceChildren(
    pop,
    renderScreenPop(view, {
      accept: host.accept ? () => void act(() => host.accept?.(contactId), "Accepted.") : undefined,
      handBack: host.handBack
        ? (note, followUpAt) =>
            void act(() => host.handBack?.(contactId, { note, followUpAt }), "Handed back to the AI.")
        : undefined,
    }),
  );
}

async function act(action: () => Promise<void> | undefined, done: string): Promise<void> {
  try {
    await action();
    message.textContent = done;
  } catch (error) {
    message.textContent = `Failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  await refresh();
}

host.watch(
  () => void refresh(),
  (text) => {
    status.textContent = text;
  },
);
void refresh();

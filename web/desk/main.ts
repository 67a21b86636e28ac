import { el, replaceChildren, requireElement } from "../shared/dom.js";
import { connectHost } from "./connect-host.js";
import type { DeskHost, QueueItem } from "./desk-host.js";
import { localHost } from "./local-host.js";
import { renderScreenPop } from "./render-screen-pop.js";

/**
 * The agent desk: one app, two hosts. `data-host="local"` (the local server's /desk) reads the local
 * API; anything else (the page the Connect agent workspace loads) reads the contact's attributes.
 * Habits of the Connect agent workspace: an incoming banner with Accept on top, time waiting, a sound
 * and a count in the title for a new handoff, filters, and keyboard shortcuts.
 */
const isLocal = document.body.dataset.host === "local";
const host: DeskHost = isLocal ? localHost() : connectHost();
const root = requireElement("app");
const BASE_TITLE = "Baton agent desk";

type Filter = "waiting" | "mine" | "handed_back" | "all";
const FILTERS: ReadonlyArray<{ id: Filter; label: string; key: string }> = [
  { id: "waiting", label: "Waiting", key: "1" },
  { id: "mine", label: "Mine", key: "2" },
  { id: "handed_back", label: "Handed back", key: "3" },
  { id: "all", label: "All", key: "4" },
];
const inFilter = (item: QueueItem, filter: Filter): boolean =>
  filter === "all" ||
  (filter === "waiting" && item.status === "waiting") ||
  (filter === "mine" && item.status === "accepted") ||
  (filter === "handed_back" && item.status === "handed_back");

const status = el(
  "span",
  { class: "live-status", "data-testid": "live-status", role: "status" },
  "connecting",
);
const banner = el("div", { class: "incoming", "data-testid": "incoming", hidden: "" });
const filterBar = el("div", { class: "filters", role: "tablist", "aria-label": "Queue filter" });
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
const help = el(
  "p",
  { class: "shortcuts muted", "data-testid": "shortcuts" },
  "Keys: A accept · J/K next/previous · N hand-back note · 1-4 filters",
);
replaceChildren(
  root,
  el(
    "header",
    { class: "top" },
    el("h1", {}, BASE_TITLE),
    el("span", { class: "muted" }, host.name),
    status,
    isLocal ? el("a", { href: "/console" }, "customer console") : null,
  ),
  banner,
  message,
  el(
    "main",
    { class: "desk" },
    el("aside", { "aria-label": "Queue" }, el("h2", {}, "Queue"), filterBar, queueList, help),
    pop,
  ),
);

const hashContact = new URLSearchParams(location.hash.slice(1)).get("contact") ?? undefined;
/** A contact named in the address is shown as asked, even when unknown: never someone else's pop. */
let selected: string | undefined = hashContact;
let pinned = hashContact !== undefined;
let filter: Filter = "all";
let items: QueueItem[] = [];
let shown = "";
const announced = new Set<string>();
let firstLoad = true;

async function refresh(): Promise<void> {
  try {
    items = await host.queue();
    announce(items.filter((item) => item.status === "waiting"));
    if (!pinned && (!selected || !items.some((item) => item.contactId === selected))) {
      selected = (items.find((item) => item.status === "waiting") ?? items[0])?.contactId;
    }
    drawQueue();
    drawBanner();
    await showSelected();
  } catch (error) {
    message.textContent = `Could not load the desk: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A new waiting handoff: a short tone and the count in the tab title, as the workspace does. */
function announce(waiting: readonly QueueItem[]): void {
  const fresh = waiting.filter((item) => !announced.has(item.contactId));
  for (const item of fresh) announced.add(item.contactId);
  document.title = waiting.length > 0 ? `(${waiting.length}) ${BASE_TITLE}` : BASE_TITLE;
  if (fresh.length > 0 && !firstLoad) chime();
  firstLoad = false;
}

function chime(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  } catch {
    // No audio (autoplay blocked before the first click): the title count still shows.
  }
}

function waitingFor(item: QueueItem): string {
  if (!item.receivedAt) return "";
  const seconds = Math.max(0, Math.round((Date.now() - new Date(item.receivedAt).getTime()) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

function drawBanner(): void {
  const waiting = items.filter((item) => item.status === "waiting");
  const first = waiting.find((item) => item.contactId === selected) ?? waiting[0];
  if (!first) {
    banner.hidden = true;
    replaceChildren(banner);
    return;
  }
  banner.hidden = false;
  const accept = host.accept
    ? el("button", { type: "button", class: "primary", "data-testid": "banner-accept" }, "Accept")
    : null;
  accept?.addEventListener("click", () => void acceptCall(first.contactId));
  replaceChildren(
    banner,
    el("strong", {}, waiting.length === 1 ? "Incoming handoff" : `${waiting.length} handoffs waiting`),
    el("span", { class: "incoming-summary" }, first.summary),
    el(
      "span",
      { class: "waiting-time", "data-testid": "waiting-time", "data-received-at": first.receivedAt },
      `waiting ${waitingFor(first)}`,
    ),
    accept,
  );
}

function drawQueue(): void {
  replaceChildren(
    filterBar,
    ...FILTERS.map((entry) => {
      const count = items.filter((item) => inFilter(item, entry.id)).length;
      const tab = el(
        "button",
        {
          type: "button",
          role: "tab",
          "aria-selected": String(entry.id === filter),
          "data-testid": `filter-${entry.id}`,
        },
        `${entry.label} (${count})`,
      );
      tab.addEventListener("click", () => setFilter(entry.id));
      return tab;
    }),
  );
  const visible = items.filter((item) => inFilter(item, filter));
  replaceChildren(
    queueList,
    ...(visible.length > 0 ? visible.map(queueRow) : [el("li", { class: "muted" }, "nothing here")]),
  );
}

function setFilter(next: Filter): void {
  filter = next;
  drawQueue();
}

function queueRow(item: QueueItem): HTMLElement {
  const row = el(
    "li",
    {
      class: `queue-item status-${item.status}${item.contactId === selected ? " selected" : ""}`,
      "data-testid": "queue-item",
      "data-contact-id": item.contactId,
      tabindex: "0",
    },
    el("span", { class: `badge trigger-${item.trigger}` }, item.trigger.replace(/_/g, " ")),
    item.status === "waiting" && item.receivedAt
      ? null
      : el("span", { class: "status" }, item.status.replace(/_/g, " ")),
    item.status === "waiting" && item.receivedAt
      ? el(
          "span",
          { class: "status waiting-time", "data-received-at": item.receivedAt },
          `waiting ${waitingFor(item)}`,
        )
      : null,
    el("div", { class: "queue-summary" }, item.summary),
  );
  const open = () => select(item.contactId);
  row.addEventListener("click", open);
  row.addEventListener("keydown", (event) => {
    if (event.key === "Enter") open();
  });
  return row;
}

function select(contactId: string): void {
  selected = contactId;
  pinned = true;
  history.replaceState(null, "", `#contact=${encodeURIComponent(contactId)}`);
  void refresh();
}

async function showSelected(): Promise<void> {
  if (!selected) return;
  const contactId = selected;
  const view = await host.view(contactId);
  if (!view) {
    replaceChildren(
      pop,
      el(
        "p",
        { class: "muted", "data-testid": "no-pop" },
        `Contact ${contactId} carries no Baton screen pop.`,
      ),
    );
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
      accept: host.accept ? () => void acceptCall(contactId) : undefined,
      handBack: host.handBack
        ? (note, followUpAt) =>
            void act(() => host.handBack?.(contactId, { note, followUpAt }), "Handed back to the AI.")
        : undefined,
    }),
  );
}

async function acceptCall(contactId: string): Promise<void> {
  selected = contactId;
  pinned = true;
  await act(() => host.accept?.(contactId), "Accepted.");
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

/** Shortcuts, never while the closer is typing. */
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
  if (target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key.toLowerCase();
  const visible = items.filter((item) => inFilter(item, filter));
  const index = visible.findIndex((item) => item.contactId === selected);
  const chosen = FILTERS.find((entry) => entry.key === key);
  if (chosen) setFilter(chosen.id);
  else if (key === "a" && selected && items.some((i) => i.contactId === selected && i.status === "waiting"))
    void acceptCall(selected);
  else if (key === "j" && visible.length > 0) select((visible[index + 1] ?? visible[0])?.contactId ?? "");
  else if (key === "k" && visible.length > 0) select((visible[index - 1] ?? visible.at(-1))?.contactId ?? "");
  else if (key === "n") pop.querySelector<HTMLTextAreaElement>("[data-testid=handback-note]")?.focus();
  else return;
  event.preventDefault();
});

// The waiting time ticks without a round trip or a re-draw (which would move the keyboard focus).
setInterval(() => {
  for (const span of Array.from(document.querySelectorAll<HTMLElement>(".waiting-time[data-received-at]"))) {
    const receivedAt = span.dataset.receivedAt;
    if (receivedAt)
      span.textContent = `waiting ${waitingFor({ receivedAt, contactId: "", trigger: "", status: "", summary: "" })}`;
  }
}, 1000);

host.watch(
  () => void refresh(),
  (text) => {
    status.textContent = text;
  },
);
void refresh();

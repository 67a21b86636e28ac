import type { DeskHost, HandbackInput, QueueItem } from "./desk-host.js";
import type { DeskView } from "./desk-view.js";

export type Filter = "waiting" | "mine" | "handed_back" | "all";

export const FILTERS: ReadonlyArray<{ id: Filter; label: string; key: string }> = [
  { id: "waiting", label: "Waiting", key: "1" },
  { id: "mine", label: "Mine", key: "2" },
  { id: "handed_back", label: "Handed back", key: "3" },
  { id: "all", label: "All", key: "4" },
];

export const inFilter = (item: QueueItem, filter: Filter): boolean =>
  filter === "all" ||
  (filter === "waiting" && item.status === "waiting") ||
  (filter === "mine" && item.status === "accepted") ||
  (filter === "handed_back" && item.status === "handed_back");

export interface DeskSnapshot {
  items: readonly QueueItem[];
  selected?: string | undefined;
  filter: Filter;
  /** The selected contact's pop: undefined while loading, null when the contact carries none. */
  view?: { contactId: string; pop: DeskView | null } | undefined;
  message?: { kind: "success" | "error"; text: string } | undefined;
  liveStatus: string;
}

export interface DeskEffects {
  /** A new handoff is waiting (never on the first load): the page plays its tone. */
  onNewHandoff(): void;
  setTitle(title: string): void;
  /** The address names the shown contact, so a reload or a shared link opens the same pop. */
  showContactInAddress(contactId: string): void;
}

export const BASE_TITLE = "Baton agent desk";

/**
 * The desk's state and actions, without a framework: the host's queue, which contact is shown, the
 * filter, and what the closer did. The React page renders its snapshots. A contact named in the address
 * is shown as asked, even when unknown: never someone else's pop.
 */
export class DeskController {
  private snapshot: DeskSnapshot;
  private pinned: boolean;
  private readonly announced = new Set<string>();
  private firstLoad = true;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly host: DeskHost,
    private readonly effects: DeskEffects,
    contactInAddress?: string,
  ) {
    this.snapshot = { items: [], selected: contactInAddress, filter: "all", liveStatus: "connecting" };
    this.pinned = contactInAddress !== undefined;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DeskSnapshot => this.snapshot;

  start(): void {
    this.host.watch(
      () => void this.refresh(),
      (liveStatus) => this.update({ liveStatus }),
    );
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      const items = await this.host.queue();
      this.announce(items.filter((item) => item.status === "waiting"));
      let selected = this.snapshot.selected;
      if (!this.pinned && (!selected || !items.some((item) => item.contactId === selected))) {
        selected = (items.find((item) => item.status === "waiting") ?? items[0])?.contactId;
      }
      this.update({ items, selected });
      if (!selected) return;
      const pop = await this.host.view(selected);
      // Only the still-selected contact's pop lands (a slow answer for an earlier choice is dropped).
      if (this.snapshot.selected === selected) this.update({ view: { contactId: selected, pop } });
    } catch (error) {
      this.update({ message: { kind: "error", text: `Could not load the desk: ${errorText(error)}` } });
    }
  }

  select(contactId: string): void {
    this.pinned = true;
    this.effects.showContactInAddress(contactId);
    this.update({ selected: contactId, view: undefined });
    void this.refresh();
  }

  setFilter(filter: Filter): void {
    this.update({ filter });
  }

  dismissMessage(): void {
    this.update({ message: undefined });
  }

  /** The shown queue under the filter, and the next or previous contact in it. */
  visible(): QueueItem[] {
    return this.snapshot.items.filter((item) => inFilter(item, this.snapshot.filter));
  }

  step(direction: 1 | -1): void {
    const visible = this.visible();
    if (visible.length === 0) return;
    const index = visible.findIndex((item) => item.contactId === this.snapshot.selected);
    const next =
      direction === 1 ? (visible[index + 1] ?? visible[0]) : (visible[index - 1] ?? visible.at(-1));
    if (next) this.select(next.contactId);
  }

  isWaiting(contactId: string | undefined): boolean {
    return this.snapshot.items.some((item) => item.contactId === contactId && item.status === "waiting");
  }

  async accept(contactId: string): Promise<void> {
    const accept = this.host.accept;
    if (!accept) return;
    if (this.snapshot.selected !== contactId) this.select(contactId);
    this.pinned = true;
    await this.act(() => accept(contactId), "Accepted.");
  }

  async handBack(contactId: string, input: HandbackInput): Promise<void> {
    const handBack = this.host.handBack;
    if (!handBack) return;
    await this.act(() => handBack(contactId, input), "Handed back to the AI.");
  }

  private async act(action: () => Promise<void>, done: string): Promise<void> {
    try {
      await action();
      this.update({ message: { kind: "success", text: done } });
    } catch (error) {
      this.update({ message: { kind: "error", text: `Failed: ${errorText(error)}` } });
    }
    await this.refresh();
  }

  /** A new waiting handoff: a short tone and the count in the tab title, as the workspace does. */
  private announce(waiting: readonly QueueItem[]): void {
    const fresh = waiting.filter((item) => !this.announced.has(item.contactId));
    for (const item of fresh) this.announced.add(item.contactId);
    this.effects.setTitle(waiting.length > 0 ? `(${waiting.length}) ${BASE_TITLE}` : BASE_TITLE);
    if (fresh.length > 0 && !this.firstLoad) this.effects.onNewHandoff();
    this.firstLoad = false;
  }

  private update(change: Partial<DeskSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

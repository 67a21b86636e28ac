import { describe, expect, it } from "vitest";
import { BASE_TITLE, DeskController, type DeskEffects } from "../../web/desk/desk-controller.js";
import type { DeskHost, HandbackInput, QueueItem } from "../../web/desk/desk-host.js";
import type { DeskView } from "../../web/desk/desk-view.js";
import { intentBadges, triggerText } from "../../web/desk/pop-words.js";
import { waitingFor } from "../../web/desk/waiting-time.js";

const item = (contactId: string, status: string): QueueItem => ({
  contactId,
  trigger: "buying_intent",
  status,
  receivedAt: "2030-01-15T10:00:00.000Z",
  summary: `summary of ${contactId}`,
});

const view = (contactId: string): DeskView => ({
  contactId,
  trigger: "buying_intent",
  summary: `summary of ${contactId}`,
  opener: "Thanks for waiting.",
  tone: "neutral",
  confirmed: [],
  missing: [],
  intents: [],
  objections: [],
  reasons: [],
  transcript: [],
});

/** A host over a list the test changes; `onChange` is the live update the page would receive. */
function fakeHost(initial: QueueItem[], views: Record<string, DeskView> = {}) {
  let items = initial;
  let onChange: () => void = () => {};
  const accepted: string[] = [];
  const handedBack: Array<{ contactId: string; input: HandbackInput }> = [];
  const host: DeskHost = {
    name: "test host",
    queue: async () => items,
    view: async (contactId) => views[contactId] ?? null,
    watch: (changed, status) => {
      onChange = changed;
      status("live");
    },
    accept: async (contactId) => {
      accepted.push(contactId);
      items = items.map((entry) =>
        entry.contactId === contactId ? { ...entry, status: "accepted" } : entry,
      );
    },
    handBack: async (contactId, input) => {
      handedBack.push({ contactId, input });
    },
  };
  return {
    host,
    accepted,
    handedBack,
    async replaceQueue(next: QueueItem[]) {
      items = next;
      onChange();
    },
  };
}

function recordingEffects() {
  const effects = { titles: [] as string[], chimes: 0, addresses: [] as string[] };
  const port: DeskEffects = {
    onNewHandoff: () => {
      effects.chimes += 1;
    },
    setTitle: (title) => effects.titles.push(title),
    showContactInAddress: (contactId) => effects.addresses.push(contactId),
  };
  return { effects, port };
}

describe("DeskController", () => {
  it("shows the first waiting handoff, counts waiting ones in the title, and rings only for new ones", async () => {
    // Prepare
    const fake = fakeHost([item("c-1", "accepted"), item("c-2", "waiting")], { "c-2": view("c-2") });
    const { effects, port } = recordingEffects();
    const desk = new DeskController(fake.host, port);

    // Act
    await desk.refresh();
    await fake.replaceQueue([item("c-1", "accepted"), item("c-2", "waiting"), item("c-3", "waiting")]);
    await desk.refresh();

    // Assess
    expect(desk.getSnapshot().selected).toBe("c-2");
    expect(desk.getSnapshot().view).toEqual({ contactId: "c-2", pop: view("c-2") });
    expect(effects.titles).toEqual([`(1) ${BASE_TITLE}`, `(2) ${BASE_TITLE}`]);
    expect(effects.chimes).toBe(1);
  });

  it("keeps a contact named in the address even when the desk does not know it", async () => {
    // Prepare
    const fake = fakeHost([item("c-2", "waiting")], { "c-2": view("c-2") });
    const desk = new DeskController(fake.host, recordingEffects().port, "no-such-contact");

    // Act
    await desk.refresh();

    // Assess
    expect(desk.getSnapshot().selected).toBe("no-such-contact");
    expect(desk.getSnapshot().view).toEqual({ contactId: "no-such-contact", pop: null });
  });

  it("accepts, then hands back with the note, and says so", async () => {
    // Prepare
    const fake = fakeHost([item("c-2", "waiting")], { "c-2": view("c-2") });
    const desk = new DeskController(fake.host, recordingEffects().port);
    await desk.refresh();
    const input = { note: "Call after the board meeting.", followUpAt: "2030-01-16T10:00:00.000Z" };

    // Act
    await desk.accept("c-2");
    await desk.handBack("c-2", input);

    // Assess
    expect(fake.accepted).toEqual(["c-2"]);
    expect(fake.handedBack).toEqual([{ contactId: "c-2", input }]);
    expect(desk.getSnapshot().message).toEqual({ kind: "success", text: "Handed back to the AI." });
  });

  it("steps through the filtered queue with J/K wrapping around, and names the contact in the address", async () => {
    // Prepare
    const fake = fakeHost([item("c-1", "waiting"), item("c-2", "accepted"), item("c-3", "waiting")]);
    const { effects, port } = recordingEffects();
    const desk = new DeskController(fake.host, port);
    await desk.refresh();
    desk.setFilter("waiting");

    // Act
    desk.step(1);
    desk.step(1);
    desk.step(-1);

    // Assess
    expect(effects.addresses).toEqual(["c-3", "c-1", "c-3"]);
    expect(desk.visible().map((entry) => entry.contactId)).toEqual(["c-1", "c-3"]);
  });

  it("reports a host that cannot be read instead of throwing", async () => {
    // Prepare
    const { host } = fakeHost([]);
    const broken: DeskHost = {
      ...host,
      queue: async () => {
        throw new Error("503 starting");
      },
    };
    const desk = new DeskController(broken, recordingEffects().port);

    // Act
    await desk.refresh();

    // Assess
    expect(desk.getSnapshot().message).toEqual({
      kind: "error",
      text: "Could not load the desk: 503 starting",
    });
  });
});

describe("desk wording", () => {
  it("counts the wait in minutes and seconds, and says nothing for an unknown time", () => {
    const now = new Date("2030-01-15T10:02:05.000Z").getTime();
    expect(waitingFor("2030-01-15T10:00:00.000Z", now)).toBe("2:05");
    expect(waitingFor(undefined, now)).toBe("");
    expect(waitingFor("not a time", now)).toBe("");
  });

  it("never shows an identifier: intent tags and triggers in words, concerns left to their own section", () => {
    expect(intentBadges(["buy_now", "objection_price", "some_new_tag"])).toEqual([
      "wants to buy now",
      "some new tag",
    ]);
    expect(triggerText("customer_request")).toBe("Asked for a person");
    expect(triggerText("brand_new")).toBe("brand new");
  });
});

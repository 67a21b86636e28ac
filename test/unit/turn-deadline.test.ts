import { describe, expect, it, vi } from "vitest";
import { lexTurnEvent } from "../../bench/lex-events.js";
import { HandoffRequested, LeadQualificationUpdated } from "../../contracts/events/catalog.js";
import { LexV2Response } from "../../contracts/lex-v2.js";
import { InMemoryPendingEvents } from "../../functions/adapters/in-memory.js";
import { ScriptedLanguageModel } from "../../functions/adapters/scripted-language-model.js";
import { answerLex, type LexConversationDependencies } from "../../functions/application/lex-conversation.js";
import { CampaignRegistry, defaultCampaign } from "../../functions/domain/campaigns.js";
import { FALLBACK_REASONS } from "../../functions/domain/fallback-handoff.js";
import type { BusEvent, EventPublisher, PublishFailure } from "../../functions/ports/event-publisher.js";
import type { StateStore } from "../../functions/ports/state-store.js";
import { InMemoryStateStore } from "../support/in-memory-state-store.js";

const NOW = new Date("2026-03-02T10:15:00.000Z");
const CONTACT = "contact-deadline-1";

/** A promise that never settles, and a way to learn that the code reached it. */
function hangs<T>(reached: () => void): Promise<T> {
  reached();
  return new Promise<T>(() => {});
}

type PublishStep = "ok" | "hang" | "refuse";

/** The bus: each call takes the next step (the last repeats); `reached` is told when a call hangs. */
class ScriptedBus implements EventPublisher {
  readonly published: BusEvent[] = [];
  constructor(
    private readonly steps: PublishStep[],
    private readonly reached: () => void = () => {},
  ) {}
  async publish(events: readonly BusEvent[]): Promise<{ failed: PublishFailure[] }> {
    const step = this.steps.length > 1 ? this.steps.shift() : this.steps[0];
    if (step === "hang") return hangs(this.reached);
    if (step === "refuse") throw Object.assign(new Error("Internal error"), { name: "InternalException" });
    this.published.push(...events);
    return { failed: [] };
  }
}

/** The turn's deadline fires exactly when the test says: when the code has reached the hung call. */
function setup(options: {
  bus: (reached: () => void) => EventPublisher;
  store?: (reached: () => void) => StateStore;
}) {
  const deadline = new AbortController();
  const reached = () => deadline.abort();
  const inner = new InMemoryStateStore();
  const pendingEvents = new InMemoryPendingEvents();
  const log = vi.fn<LexConversationDependencies["log"]>();
  const count = vi.fn<LexConversationDependencies["count"]>();
  const deps: LexConversationDependencies = {
    stateStore: options.store?.(reached) ?? inner,
    publisher: options.bus(reached),
    languageModel: new ScriptedLanguageModel(),
    pendingEvents,
    campaigns: new CampaignRegistry([defaultCampaign]),
    clock: () => NOW,
    ttlDays: 90,
    turnDeadlineMs: 3_000,
    deadlineSignal: () => deadline.signal,
    defaultCampaignId: defaultCampaign.id,
    fallbackQueue: "baton-fallback-closers",
    fallbackLine: defaultCampaign.script.handoff,
    maxSilentTurns: 3,
    log,
    count,
  };
  const answer = async (text: string) =>
    LexV2Response.parse(
      await answerLex(
        deps,
        lexTurnEvent({
          sessionId: "session-1",
          text,
          requestId: "request-1",
          sessionAttributes: { contactId: CONTACT, campaignId: defaultCampaign.id, leadId: "lead-1" },
        }),
      ),
    );
  return { deps, inner, pendingEvents, log, count, answer };
}

function detailTypes(events: readonly BusEvent[]): string[] {
  return events.map((event) => event.detailType).sort();
}

describe("one deadline for the whole turn", () => {
  it("a hung read ends at the deadline: the caller goes to a human and the handoff is on the bus", async () => {
    // Prepare
    let bus: ScriptedBus | undefined;
    const { answer, count } = setup({
      bus: () => {
        bus = new ScriptedBus(["ok"]);
        return bus;
      },
      store: (reached) => {
        const store = new InMemoryStateStore();
        store.loadContact = () => hangs(reached);
        return store;
      },
    });
    // Act
    const response = await answer("we have about 500 a month for it");
    // Assess
    expect(response.sessionState.dialogAction.type).toBe("Close");
    expect(response.sessionState.sessionAttributes).toMatchObject({
      handoff: "true",
      handoff_trigger: "system_fallback",
      baton_reasons: FALLBACK_REASONS.too_slow,
      baton_trigger: "system_fallback",
    });
    expect(response.sessionState.sessionAttributes.baton_summary).toContain(FALLBACK_REASONS.too_slow);
    expect(detailTypes(bus?.published ?? [])).toEqual([HandoffRequested.detailType]);
    expect(count).toHaveBeenCalledWith("TurnDeadline");
  });

  it("a write in flight at the deadline: the fallback carries the turn's events with the handoff", async () => {
    // Prepare
    let bus: ScriptedBus | undefined;
    const { answer } = setup({
      bus: () => {
        bus = new ScriptedBus(["ok"]);
        return bus;
      },
      store: (reached) => {
        const store = new InMemoryStateStore();
        store.commitTurn = () => hangs(reached);
        return store;
      },
    });
    // Act
    const response = await answer("we have about 500 a month set aside for it");
    // Assess
    expect(response.sessionState.sessionAttributes.handoff_trigger).toBe("system_fallback");
    expect(detailTypes(bus?.published ?? [])).toEqual(
      [HandoffRequested.detailType, LeadQualificationUpdated.detailType].sort(),
    );
  });

  it("a publish that hangs after the write: the turn's answer stands and its events go to the queue", async () => {
    // Prepare: the turn's publish hangs, the retry after the deadline is refused.
    const { answer, inner, pendingEvents } = setup({
      bus: (reached) => new ScriptedBus(["hang", "refuse"], reached),
    });
    // Act
    const response = await answer("we have about 500 a month set aside for it");
    // Assess
    expect(response.sessionState.dialogAction.type).toBe("ElicitIntent");
    expect(response.sessionState.sessionAttributes.baton_published).toBe("");
    const stored = inner.peekContact(CONTACT);
    expect(stored?.outbox.map((entry) => entry.id)).toEqual(pendingEvents.kept.map((event) => event.id));
    expect(detailTypes(pendingEvents.kept)).toEqual([LeadQualificationUpdated.detailType]);
  });

  it("bus and queue both down: the events are logged in full and counted", async () => {
    // Prepare
    const { answer, pendingEvents, log, count } = setup({
      bus: () => new ScriptedBus(["refuse"]),
      store: () => {
        const store = new InMemoryStateStore();
        store.failNext("loadContact", Object.assign(new Error("connect ECONNREFUSED"), { name: "Error" }));
        return store;
      },
    });
    pendingEvents.failWith = new Error("ServiceUnavailable");
    // Act
    const response = await answer("can I talk to a real person");
    // Assess
    expect(response.sessionState.sessionAttributes.baton_reasons).toBe(FALLBACK_REASONS.system_error);
    expect(JSON.stringify(response)).not.toContain("ECONNREFUSED");
    expect(count).toHaveBeenCalledWith("FallbackHandoffLost");
    const lastResort = log.mock.calls.find(([, message]) => message.includes("neither published nor kept"));
    expect(lastResort?.[2]).toMatchObject({
      events: [expect.objectContaining({ id: `${HandoffRequested.detailType}:${CONTACT}:handoff` })],
    });
  });
});

describe("what leaves the turn", () => {
  it("keeps card numbers and SSNs out of the state, the events and the screen pop", async () => {
    // Prepare
    let bus: ScriptedBus | undefined;
    const { answer, inner, log } = setup({
      bus: () => {
        bus = new ScriptedBus(["ok"]);
        return bus;
      },
    });
    // Act
    const response = await answer(
      "I want to talk to a real person. my card is four one one one one one one one one one one one one one one one and my social is 123-45-6789",
    );
    // Assess
    const everything = JSON.stringify([response, inner.peekContact(CONTACT), bus?.published, log.mock.calls]);
    expect(everything).not.toMatch(/4111|one one one one|123-45-6789/);
    const [handoff] = (bus?.published ?? []).filter(
      (event) => event.detailType === HandoffRequested.detailType,
    );
    const detail = HandoffRequested.detail.parse(JSON.parse(handoff?.detail ?? "null"));
    expect(detail.screenPop.transcript.map((line) => line.text).join(" ")).toContain(
      "my card is [card number] and my social is [SSN]",
    );
  });

  it("counts the decided turn in customer turns, like baton_turn", async () => {
    // Prepare
    const { answer } = setup({ bus: () => new ScriptedBus(["ok"]) });
    // Act
    const response = await answer("can I talk to a real person please");
    // Assess
    expect(response.sessionState.sessionAttributes).toMatchObject({
      baton_turn: "1",
      baton_decided_turn: "1",
    });
  });
});

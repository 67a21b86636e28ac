import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BusRule, busRules, type RuleTarget } from "../../contracts/bus-rules.js";
import { HandoffRequested, LeadQualificationUpdated } from "../../contracts/events/catalog.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { EventBridgeEnvelope } from "../../local/bus/event-envelope.js";
import {
  type BusRecord,
  DEAD_LETTER_FILE,
  LocalBus,
  type TargetHandler,
  UNMATCHED_FILE,
} from "../../local/bus/local-bus.js";
import { memoryLog } from "../../local/support/log.js";
import { engineEvents, HUMAN_REQUEST_CALL, toBusEvent } from "./engine-events.js";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "baton-bus-test-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Records what each target received; `failures` makes a target throw that many times first. */
function recordingTargets(failures: Partial<Record<RuleTarget, number>> = {}) {
  const received: Record<RuleTarget, EventBridgeEnvelope[]> = {
    "handoff-router": [],
    "handoff-kpi": [],
    "handback-scheduler": [],
    "crm-sync-example": [],
  };
  const calls: Record<string, number> = {};
  const handler =
    (target: RuleTarget): TargetHandler =>
    async (event) => {
      calls[target] = (calls[target] ?? 0) + 1;
      if ((failures[target] ?? 0) >= calls[target]) throw new Error(`${target} is down`);
      received[target].push(event);
    };
  const targets: Record<RuleTarget, TargetHandler> = {
    "handoff-router": handler("handoff-router"),
    "handoff-kpi": handler("handoff-kpi"),
    "handback-scheduler": handler("handback-scheduler"),
    "crm-sync-example": handler("crm-sync-example"),
  };
  return { received, calls, targets };
}

function newBus(
  targets: Record<RuleTarget, TargetHandler>,
  rules: readonly BusRule[] = busRules([defaultCampaign]),
) {
  const log = memoryLog();
  const records: BusRecord[] = [];
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  const bus = new LocalBus({ rules, targets, dataDir, log, baseDelayMs: 5, sleep });
  bus.subscribe((record) => records.push(record));
  return { bus, log, records, delays };
}

async function jsonLines(file: string): Promise<unknown[]> {
  const text = await readFile(join(dataDir, file), "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line));
}

const handoff = () => {
  const event = engineEvents("contact-bus-1", HUMAN_REQUEST_CALL).find(
    (e) => e.detailType === HandoffRequested.detailType,
  );
  if (!event) throw new Error("the engine did not hand off the human-request call");
  return toBusEvent(event);
};

describe("delivery by the contract's rules", () => {
  it("wraps the event in EventBridge's envelope and delivers it to every rule it matches", async () => {
    const { received, targets } = recordingTargets();
    const { bus } = newBus(targets);
    const event = handoff();
    expect(await bus.publish([event])).toEqual({ failed: [] });
    await bus.settled();

    const [delivered] = received["handoff-router"];
    const envelope = EventBridgeEnvelope.parse(delivered);
    expect(Object.keys(envelope).sort()).toEqual(
      ["account", "detail", "detail-type", "id", "region", "resources", "source", "time", "version"].sort(),
    );
    expect(envelope).toMatchObject({
      version: "0",
      source: "baton.handoff",
      "detail-type": "Handoff.Requested",
      resources: [],
    });
    expect(envelope.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(HandoffRequested.detail.parse(envelope.detail).meta.id).toBe(event.id);
    // Router (queue baton-closers), KPI and the CRM example; not the handback scheduler.
    expect(received["handoff-kpi"]).toHaveLength(1);
    expect(received["crm-sync-example"]).toHaveLength(1);
    expect(received["handback-scheduler"]).toHaveLength(0);
  });

  it("accepts at once and delivers afterwards, as PutEvents does", async () => {
    const { received, targets } = recordingTargets();
    const { bus } = newBus(targets);
    await bus.publish([handoff()]);
    expect(received["handoff-router"]).toHaveLength(0);
    await bus.settled();
    expect(received["handoff-router"]).toHaveLength(1);
  });

  it("reports a detail that is not a JSON object as a failed entry, like PutEvents", async () => {
    const { targets } = recordingTargets();
    const { bus } = newBus(targets);
    const { failed } = await bus.publish([
      { id: "bad-1", source: "baton.handoff", detailType: "Handoff.Requested", detail: "[1" },
    ]);
    expect(failed).toEqual([
      { id: "bad-1", errorCode: "MalformedDetail", errorMessage: "detail is not a JSON object" },
    ]);
  });

  it("refuses at construction a rule it could not evaluate exactly", () => {
    const { targets } = recordingTargets();
    const rule: BusRule = {
      name: "png-files",
      description: "uses suffix",
      target: "handoff-kpi",
      pattern: { detail: { file: [{ suffix: ".png" } as unknown as { prefix: string }] } },
    };
    expect(() => newBus(targets, [rule])).toThrow('rule png-files.detail.file[0]: operator "suffix"');
  });
});

describe("an event no rule matches", () => {
  it("is appended to unmatched.jsonl with its envelope and logged once per kind, never dropped", async () => {
    const { received, targets } = recordingTargets();
    const { bus, log, records } = newBus(targets);
    const updates = engineEvents("contact-bus-2", HUMAN_REQUEST_CALL)
      .filter((event) => event.detailType === LeadQualificationUpdated.detailType)
      .map(toBusEvent);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    await bus.publish(updates);
    await bus.settled();

    const lines = await jsonLines(UNMATCHED_FILE);
    expect(lines).toHaveLength(updates.length);
    const first = EventBridgeEnvelope.parse((lines[0] as { event: unknown }).event);
    expect(first["detail-type"]).toBe("Lead.QualificationUpdated");
    expect(log.lines.filter((line) => line.includes("no rule matches it"))).toHaveLength(1);
    expect(records.filter((record) => record.kind === "unmatched")).toHaveLength(updates.length);
    expect(Object.values(received).flat()).toHaveLength(0);
  });
});

describe("a failing target", () => {
  it("is retried with backoff and succeeds on the third attempt without a dead letter", async () => {
    const { received, calls, targets } = recordingTargets({ "handoff-router": 2 });
    const { bus, records } = newBus(targets);
    await bus.publish([handoff()]);
    await bus.settled();
    expect(calls["handoff-router"]).toBe(3);
    expect(received["handoff-router"]).toHaveLength(1);
    expect(records).toContainEqual(
      expect.objectContaining({ kind: "delivered", target: "handoff-router", attempts: 3 }),
    );
    expect(await jsonLines(DEAD_LETTER_FILE)).toHaveLength(0);
  });

  it("is tried 3 times, then the event goes to dead-letters.jsonl with the rule, target and error", async () => {
    const { calls, received, targets } = recordingTargets({ "handoff-router": 99 });
    const { bus, log, delays } = newBus(targets);
    await bus.publish([handoff()]);
    await bus.settled();
    expect(calls["handoff-router"]).toBe(3);
    // Backoff 5 ms then 10 ms between the attempts.
    expect(delays).toEqual([5, 10]);
    const [letter] = await jsonLines(DEAD_LETTER_FILE);
    expect(letter).toMatchObject({
      rule: "baton-route-baton-closers",
      target: "handoff-router",
      attempts: 3,
      errorMessage: "Error: handoff-router is down",
      event: { "detail-type": "Handoff.Requested", source: "baton.handoff" },
    });
    expect(log.lines.some((line) => line.startsWith("error") && line.includes(DEAD_LETTER_FILE))).toBe(true);
    // The other rules' targets were not held up by the failing one.
    expect(received["handoff-kpi"]).toHaveLength(1);
  });
});

import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { HandoffKpiRecord } from "../contracts/handoff-kpi.js";
import { DynamoDbHandoffStore } from "../functions/adapters/dynamodb-handoff-store.js";
import { InMemoryEventPublisher, InMemoryMetricsSink } from "../functions/adapters/in-memory.js";
import { createStateTable } from "../functions/adapters/state-table.js";
import {
  type HandoffKpiDependencies,
  recordHandoffKpi,
} from "../functions/application/record-handoff-kpi.js";
import { seededRandom } from "../functions/domain/forms.js";
import { toKpiRecord } from "../functions/domain/handoff-kpi.js";
import { startDynamoDbLocal } from "../test/support/dynamodb-local.js";
import { contactEvent, handoffOutcomeEvent, handoffRequestedEvent } from "../test/support/handoff-events.js";

export interface KpiFigures {
  handoffs: number;
  /** Connect contact events delivered once (QUEUED, CONNECTED_TO_AGENT, DISCONNECTED), shuffled. */
  contactEvents: number;
  /** Contact events per second through the KPI consumer against DynamoDB Local (first delivery). */
  contactEventsPerSecond: number;
  /** Every event (requests, outcomes, contact events) delivered a second time, shuffled, concurrently. */
  redeliveredEvents: number;
  redeliveredEventsPerSecond: number;
  concurrency: number;
  accepted: number;
  abandoned: number;
  /** Distinct Handoff.Accepted / Handoff.Abandoned ids published after the first delivery: one per handoff. */
  outcomeEvents: number;
  /** PutEvents entries sent for them (at least once: a re-send carries the same id). */
  outcomeEventSends: number;
  /**
   * True when the second delivery changed no KPI record, emitted no metric and published no new outcome
   * (no id that was not already on the bus), and every handoff has exactly one outcome id.
   */
  idempotent: boolean;
  duplicatesDetected: number;
}

export interface KpiBenchOptions {
  handoffs?: number;
  concurrency?: number;
  /** Share of handoffs whose caller hangs up in the queue (the rest reach a closer). */
  abandonShare?: number;
  seed?: number;
}

/**
 * The KPI consumer's throughput and its idempotency, against DynamoDB Local: every handoff is requested,
 * its contact events are delivered in a random order (the bus does not order them), then every event is
 * delivered again; the KPI records, the published outcome events and the emitted metrics must not change.
 */
export async function kpiFigures(options: KpiBenchOptions = {}): Promise<KpiFigures> {
  const handoffs = options.handoffs ?? 300;
  const concurrency = options.concurrency ?? 16;
  const abandonShare = options.abandonShare ?? 0.2;
  const random = seededRandom(options.seed ?? 42);
  const local = await startDynamoDbLocal();
  try {
    const tableName = "baton-kpi-bench";
    await createStateTable(local.client, tableName);
    const publisher = new InMemoryEventPublisher();
    const metrics = new InMemoryMetricsSink();
    const store = new DynamoDbHandoffStore({ client: local.client, tableName });
    const deps: HandoffKpiDependencies = {
      store,
      publisher,
      metrics,
      clock: () => new Date("2026-11-20T10:10:00.000Z"),
      ttlDays: 90,
      reorderWindowSeconds: 3_600,
      log: () => {},
    };

    const contactIds = Array.from({ length: handoffs }, (_, i) => `bench-${String(i).padStart(5, "0")}`);
    const requests = contactIds.map((id) => handoffRequestedEvent(id, { leadId: `lead-${id}` }));
    const outcomes = contactIds.filter((_, i) => i % 5 === 0).map((id) => handoffOutcomeEvent(id, "won"));
    const contacts = contactIds.flatMap((id, i) =>
      i < handoffs * abandonShare
        ? [contactEvent("queued", id), contactEvent("disconnected_in_queue", id)]
        : [
            contactEvent("queued", id),
            contactEvent("connected", id),
            contactEvent("disconnected_after_agent", id),
          ],
    );

    await deliver(deps, requests, concurrency);
    const firstStart = performance.now();
    await deliver(deps, shuffle(contacts, random), concurrency);
    const firstSeconds = (performance.now() - firstStart) / 1000;
    await deliver(deps, outcomes, concurrency);

    const before = await snapshot(store, contactIds);
    const idsBefore = distinctIds(publisher.published);
    const sendsBefore = publisher.published.length;
    const metricsBefore = metrics.totals();

    const everything = shuffle([...requests, ...outcomes, ...contacts], random);
    const secondStart = performance.now();
    const second = await deliver(deps, everything, concurrency);
    const secondSeconds = (performance.now() - secondStart) / 1000;

    const after = await snapshot(store, contactIds);
    const decided = before.filter((record) => record?.status !== "pending").length;
    const idempotent =
      isDeepStrictEqual(before, after) &&
      isDeepStrictEqual(distinctIds(publisher.published), idsBefore) &&
      idsBefore.length === decided &&
      isDeepStrictEqual(metrics.totals(), metricsBefore);
    return {
      handoffs,
      contactEvents: contacts.length,
      contactEventsPerSecond: Math.round(contacts.length / firstSeconds),
      redeliveredEvents: everything.length,
      redeliveredEventsPerSecond: Math.round(everything.length / secondSeconds),
      concurrency,
      accepted: before.filter((record) => record?.status === "accepted").length,
      abandoned: before.filter((record) => record?.status === "abandoned").length,
      outcomeEvents: idsBefore.length,
      outcomeEventSends: sendsBefore,
      idempotent,
      duplicatesDetected: second.filter((status) => status === "duplicate").length,
    };
  } finally {
    await local.stop();
  }
}

/** Delivers events with at most `concurrency` in flight, as parallel Lambda invocations would. */
async function deliver(deps: HandoffKpiDependencies, events: readonly unknown[], concurrency: number) {
  const statuses: string[] = new Array(events.length);
  let next = 0;
  const worker = async () => {
    while (next < events.length) {
      const index = next++;
      statuses[index] = (await recordHandoffKpi(deps, events[index])).status;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

async function snapshot(store: DynamoDbHandoffStore, contactIds: readonly string[]) {
  const records: Array<HandoffKpiRecord | null> = [];
  for (const id of contactIds) {
    const stored = await store.loadHandoff(id);
    records.push(stored ? toKpiRecord(stored.facts) : null);
  }
  return records;
}

function distinctIds(events: ReadonlyArray<{ id: string }>): string[] {
  return [...new Set(events.map((event) => event.id))].sort();
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await kpiFigures();
  console.log("KPI consumer against DynamoDB Local");
  console.log(
    `  ${figures.contactEvents} contact events of ${figures.handoffs} handoffs, shuffled, ${figures.concurrency} in flight: ${figures.contactEventsPerSecond} events/s`,
  );
  console.log(
    `  outcomes: ${figures.accepted} accepted, ${figures.abandoned} abandoned; ${figures.outcomeEvents} outcome events (${figures.outcomeEventSends} sends, same ids)`,
  );
  console.log(
    `  every event delivered again (${figures.redeliveredEvents}, ${figures.redeliveredEventsPerSecond} events/s): ${
      figures.idempotent ? "KPI records, outcome ids and metrics unchanged" : "KPIs CHANGED"
    } (${figures.duplicatesDetected} recognised as duplicates)`,
  );
  if (!figures.idempotent) process.exitCode = 1;
}

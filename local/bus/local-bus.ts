import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { BusRule, RuleTarget } from "../../contracts/bus-rules.js";
import type { BusEvent, EventPublisher, PublishFailure } from "../../functions/ports/event-publisher.js";
import { JsonlFile } from "../support/jsonl-file.js";
import type { Log } from "../support/log.js";
import { type EventBridgeEnvelope, toEnvelope } from "./event-envelope.js";
import { assertSupportedPattern, matchesPattern } from "./match-pattern.js";

/** A rule's target on one machine: receives the event exactly as a Lambda target would. */
export type TargetHandler = (event: EventBridgeEnvelope) => Promise<void>;

/** What happened to one event, for the terminal, the live page and tests. */
export type BusRecord =
  | { kind: "published"; event: EventBridgeEnvelope; rules: string[] }
  | { kind: "delivered"; event: EventBridgeEnvelope; rule: string; target: RuleTarget; attempts: number }
  | { kind: "dead-lettered"; event: EventBridgeEnvelope; rule: string; target: RuleTarget; error: string }
  | { kind: "unmatched"; event: EventBridgeEnvelope };

export interface LocalBusOptions {
  rules: readonly BusRule[];
  /** One handler per target the contract names: a new target in contracts fails the type check here. */
  targets: Readonly<Record<RuleTarget, TargetHandler>>;
  /** `unmatched.jsonl` and `dead-letters.jsonl` are written here. */
  dataDir: string;
  log: Log;
  /** Attempts per rule target, the first included (EventBridge retries, then its DLQ). */
  maxAttempts?: number;
  /** Backoff before attempt n+1 is `baseDelayMs * 2^(n-1)`. */
  baseDelayMs?: number;
  /** Waits between attempts; tests pass one that records the delays instead of timing them. */
  sleep?: (ms: number) => Promise<void>;
  clock?: () => Date;
  newId?: () => string;
  account?: string;
  region?: string;
  /** Published events kept in memory for the desk page and tests. */
  historyLimit?: number;
}

export const UNMATCHED_FILE = "unmatched.jsonl";
export const DEAD_LETTER_FILE = "dead-letters.jsonl";
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_BASE_DELAY_MS = 100;
const DEFAULT_HISTORY = 500;

/**
 * An in-process EventBridge: PutEvents semantics (accepted now, delivered asynchronously, per-entry
 * failures), the same rule patterns the CDK app deploys, retries with backoff, a dead-letter file,
 * and a file for events no rule matched, so nothing is lost silently.
 */
export class LocalBus implements EventPublisher {
  readonly rules: readonly BusRule[];
  private readonly options: LocalBusOptions;
  private readonly unmatchedFile: JsonlFile;
  private readonly deadLetterFile: JsonlFile;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly listeners = new Set<(record: BusRecord) => void>();
  private readonly history: EventBridgeEnvelope[] = [];
  private readonly unmatchedTypesLogged = new Set<string>();

  constructor(options: LocalBusOptions) {
    // A rule the local bus cannot evaluate exactly must stop start-up, not mis-route quietly.
    for (const rule of options.rules) assertSupportedPattern(rule.pattern, `rule ${rule.name}`);
    this.rules = options.rules;
    this.options = options;
    this.unmatchedFile = new JsonlFile(join(options.dataDir, UNMATCHED_FILE));
    this.deadLetterFile = new JsonlFile(join(options.dataDir, DEAD_LETTER_FILE));
  }

  async publish(events: readonly BusEvent[]): Promise<{ failed: PublishFailure[] }> {
    const failed: PublishFailure[] = [];
    for (const event of events) {
      const detail = parseDetail(event.detail);
      if (detail === undefined) {
        failed.push({
          id: event.id,
          errorCode: "MalformedDetail",
          errorMessage: "detail is not a JSON object",
        });
        continue;
      }
      const envelope = toEnvelope(
        { source: event.source, detailType: event.detailType, detail },
        {
          id: (this.options.newId ?? randomUUID)(),
          at: (this.options.clock ?? (() => new Date()))(),
          account: this.options.account ?? "000000000000",
          region: this.options.region ?? "local",
        },
      );
      this.track(this.route(envelope));
    }
    return { failed };
  }

  /** Resolves when every accepted event has been delivered, dead-lettered or logged as unmatched. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Called for every bus record; returns the unsubscribe function. */
  subscribe(listener: (record: BusRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The most recent published events, oldest first. */
  recent(): readonly EventBridgeEnvelope[] {
    return [...this.history];
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async route(envelope: EventBridgeEnvelope): Promise<void> {
    // Delivery starts after the publisher's own continuation, as on EventBridge (accepted, then delivered).
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.history.push(envelope);
    if (this.history.length > (this.options.historyLimit ?? DEFAULT_HISTORY)) this.history.shift();
    const matched = this.rules.filter((rule) => matchesPattern(rule.pattern, envelope));
    this.emit({ kind: "published", event: envelope, rules: matched.map((rule) => rule.name) });
    if (matched.length === 0) {
      await this.recordUnmatched(envelope);
      return;
    }
    // Each rule delivers independently, as EventBridge does: one slow target does not hold up another.
    await Promise.all(matched.map((rule) => this.deliver(rule, envelope)));
  }

  private async deliver(rule: BusRule, envelope: EventBridgeEnvelope): Promise<void> {
    const handler = this.options.targets[rule.target];
    const attempts = Math.max(1, this.options.maxAttempts ?? DEFAULT_ATTEMPTS);
    let lastError = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        // A copy per target: a handler that mutates its event cannot affect another target.
        await handler(structuredClone(envelope));
        this.emit({
          kind: "delivered",
          event: envelope,
          rule: rule.name,
          target: rule.target,
          attempts: attempt,
        });
        return;
      } catch (error) {
        lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (attempt < attempts)
          await (this.options.sleep ?? sleep)(
            (this.options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS) * 2 ** (attempt - 1),
          );
      }
    }
    await this.deadLetterFile.append({
      deadLetteredAt: new Date().toISOString(),
      rule: rule.name,
      target: rule.target,
      attempts,
      errorMessage: lastError,
      event: envelope,
    });
    this.options.log.error(
      `bus: ${envelope["detail-type"]} to ${rule.target} failed ${attempts} times (${lastError}); dead-lettered to ${this.deadLetterFile.path}`,
    );
    this.emit({
      kind: "dead-lettered",
      event: envelope,
      rule: rule.name,
      target: rule.target,
      error: lastError,
    });
  }

  private async recordUnmatched(envelope: EventBridgeEnvelope): Promise<void> {
    await this.unmatchedFile.append({ receivedAt: new Date().toISOString(), event: envelope });
    const type = `${envelope.source}/${envelope["detail-type"]}`;
    // Said once per kind of event, so a consumer-less event type does not flood the terminal.
    if (!this.unmatchedTypesLogged.has(type)) {
      this.unmatchedTypesLogged.add(type);
      // Not an error: EventBridge drops such events too; here they are kept for inspection.
      this.options.log.info(
        `bus: ${type} has no consumer yet (no rule matches it); kept in ${this.unmatchedFile.path}, further ones quietly`,
      );
    }
    this.emit({ kind: "unmatched", event: envelope });
  }

  private emit(record: BusRecord): void {
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch (error) {
        this.options.log.warn(
          `bus: a listener failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}

/** EventBridge takes a detail that is a JSON object, nothing else. */
function parseDetail(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isJsonObject(value) ? value : undefined;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

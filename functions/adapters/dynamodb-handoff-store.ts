import { ConditionalCheckFailedException, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { RouteTrigger } from "../../contracts/campaign.js";
import { ScreenPop } from "../../contracts/screen-pop.js";
import * as z from "../../contracts/zod.js";
import type { HandoffFacts } from "../domain/handoff-kpi.js";
import type { BusEvent } from "../ports/event-publisher.js";
import {
  type HandoffKpiStore,
  type RouteRecord,
  type RouteStore,
  type ScreenPopRecord,
  type ScreenPopStore,
  StaleItemError,
  type StoredHandoff,
} from "../ports/handoff-store.js";
import { DynamoDbDocuments, type PutInput } from "./dynamodb-documents.js";
import { StateItemCorruptError } from "./dynamodb-state-store.js";
import type { StateKey } from "./state-table.js";

/*
 * Items of the after-transfer functions in the state table (see kpi-table-layout.md):
 *   HANDOFF#<contactId> / KPI        the handoff's KPI facts, version and outbox (handoff-kpi, handoff-router)
 *   HANDOFF#<contactId> / ROUTE      the router's decision, written once (handoff-router)
 *   SCREENPOP#<contactId> / SCREENPOP the full screen pop for the agent app, written once (handoff-router)
 */
export const HANDOFF_PK_PREFIX = "HANDOFF#";
export const HANDOFF_KPI_SK = "KPI";
export const HANDOFF_ROUTE_SK = "ROUTE";
export const SCREEN_POP_PK_PREFIX = "SCREENPOP#";
export const SCREEN_POP_SK = "SCREENPOP";

export function handoffKpiKey(contactId: string): StateKey {
  return { pk: `${HANDOFF_PK_PREFIX}${contactId}`, sk: HANDOFF_KPI_SK };
}

export function handoffRouteKey(contactId: string): StateKey {
  return { pk: `${HANDOFF_PK_PREFIX}${contactId}`, sk: HANDOFF_ROUTE_SK };
}

/** Where the agent app (and the local agent desk) reads a contact's full screen pop. */
export function screenPopKey(contactId: string): StateKey {
  return { pk: `${SCREEN_POP_PK_PREFIX}${contactId}`, sk: SCREEN_POP_SK };
}

const Timestamp = z.string().check(z.minLength(1));

const HandoffFactsItem = z.object({
  contactId: z.string().check(z.minLength(1)),
  request: z.optional(
    z.object({
      campaignId: z.string().check(z.minLength(1)),
      leadId: z.optional(z.string().check(z.minLength(1))),
      trigger: RouteTrigger,
      queue: z.string(),
      requestedAt: Timestamp,
    }),
  ),
  channel: z.optional(z.string()),
  queuedAt: z.optional(Timestamp),
  connectedAt: z.optional(Timestamp),
  agentArn: z.optional(z.string()),
  disconnectedAt: z.optional(Timestamp),
  endedWithoutAgent: z.optional(z.boolean()),
  completed: z.optional(z.boolean()),
  afterContactWorkMs: z.optional(z.number()),
  transfer: z.optional(
    z.object({ status: z.enum(["requested", "done", "failed"]), contactId: z.optional(z.string()) }),
  ),
  callback: z.optional(z.object({ scheduledFor: Timestamp, scheduleName: z.string() })),
  outcome: z.optional(
    z.object({
      outcome: z.enum(["won", "lost", "follow_up"]),
      valueUsd: z.optional(z.number()),
      occurredAt: Timestamp,
    }),
  ),
  decision: z.optional(
    z.object({
      status: z.enum(["accepted", "abandoned"]),
      decidedAt: Timestamp,
      timeToHumanMs: z.optional(z.number()),
      stage: z.optional(z.enum(["before_queue", "in_queue"])),
      waitedMs: z.optional(z.number()),
    }),
  ),
  handleTimeMs: z.optional(z.number()),
  conflicts: z.number().check(z.int(), z.nonnegative()),
}) satisfies z.ZodMiniType<HandoffFacts>;

const PendingEntry = z.object({ source: z.string(), detailType: z.string(), detail: z.string() });

const HandoffKpiItem = z.object({
  type: z.literal("handoff-kpi"),
  version: z.number().check(z.int(), z.positive()),
  facts: HandoffFactsItem,
  /** A map by event id, so published entries are removed by id in one conditional UpdateItem. */
  pending: z._default(z.record(z.string(), PendingEntry), {}),
  expiresAt: z.number().check(z.int(), z.nonnegative()),
});

const ScreenPopItem = z.object({
  type: z.literal("screen-pop"),
  screenPop: ScreenPop,
  eventId: z.string(),
  queue: z.string(),
  storedAt: z.string(),
  expiresAt: z.number().check(z.int(), z.nonnegative()),
});

const RouteItem = z.object({
  type: z.literal("handoff-route"),
  contactId: z.string(),
  action: z.enum(["flow_transfer", "api_transfer", "callback", "unroutable"]),
  reason: z.string(),
  channel: z.string(),
  queueId: z.optional(z.string()),
  availableAgents: z.optional(z.nullable(z.number())),
  decidedAt: z.string(),
});

export interface DynamoDbHandoffStoreOptions {
  client: DynamoDBClient;
  tableName: string;
}

/** DynamoDB adapter of the handoff ports: every write is conditional. */
export class DynamoDbHandoffStore implements HandoffKpiStore, ScreenPopStore, RouteStore {
  private readonly documents: DynamoDbDocuments;
  private readonly tableName: string;

  constructor({ client, tableName }: DynamoDbHandoffStoreOptions) {
    this.documents = new DynamoDbDocuments(client);
    this.tableName = tableName;
  }

  async loadHandoff(contactId: string): Promise<StoredHandoff | null> {
    const key = handoffKpiKey(contactId);
    const Item = await this.documents.get({ TableName: this.tableName, Key: key, ConsistentRead: true });
    if (!Item) return null;
    const item = this.parse(HandoffKpiItem, Item, key);
    return {
      contactId,
      version: item.version,
      facts: item.facts,
      pending: Object.entries(item.pending)
        .map(([id, entry]): BusEvent => ({ id, ...entry }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      expiresAt: item.expiresAt,
    };
  }

  async saveHandoff(next: StoredHandoff, expectedVersion: number): Promise<void> {
    const key = handoffKpiKey(next.contactId);
    if (next.version !== expectedVersion + 1) {
      throw new Error(
        `${key.pk}: writes version ${next.version} over ${expectedVersion}; it must write expected + 1`,
      );
    }
    try {
      await this.documents.put({
        TableName: this.tableName,
        Item: {
          ...key,
          type: "handoff-kpi",
          version: next.version,
          facts: next.facts,
          pending: Object.fromEntries(
            next.pending.map((event) => [
              event.id,
              { source: event.source, detailType: event.detailType, detail: event.detail },
            ]),
          ),
          expiresAt: next.expiresAt,
        },
        ...versionCondition(expectedVersion),
      });
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new StaleItemError(key.pk, expectedVersion);
      throw error;
    }
  }

  async clearPending(contactId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const names: Record<string, string> = { "#pk": "pk", "#pending": "pending" };
    ids.forEach((id, index) => {
      names[`#e${index}`] = id;
    });
    try {
      await this.documents.update({
        TableName: this.tableName,
        Key: handoffKpiKey(contactId),
        UpdateExpression: `REMOVE ${ids.map((_, index) => `#pending.#e${index}`).join(", ")}`,
        // Never creates an item: a handoff that expired meanwhile stays gone.
        ConditionExpression: "attribute_exists(#pk)",
        ExpressionAttributeNames: names,
      });
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return;
      throw error;
    }
  }

  async saveScreenPop(record: ScreenPopRecord, expiresAt: number): Promise<"stored" | "exists"> {
    try {
      await this.documents.put({
        TableName: this.tableName,
        Item: { ...screenPopKey(record.screenPop.contactId), type: "screen-pop", ...record, expiresAt },
        ConditionExpression: "attribute_not_exists(#pk)",
        ExpressionAttributeNames: { "#pk": "pk" },
      });
      return "stored";
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return "exists";
      throw error;
    }
  }

  async loadScreenPop(contactId: string): Promise<ScreenPopRecord | null> {
    const key = screenPopKey(contactId);
    const Item = await this.documents.get({ TableName: this.tableName, Key: key });
    if (!Item) return null;
    const { screenPop, eventId, queue, storedAt } = this.parse(ScreenPopItem, Item, key);
    return { screenPop, eventId, queue, storedAt };
  }

  async saveRoute(record: RouteRecord, expiresAt: number): Promise<RouteRecord> {
    const key = handoffRouteKey(record.contactId);
    try {
      await this.documents.put({
        TableName: this.tableName,
        Item: { ...key, type: "handoff-route", ...record, expiresAt },
        ConditionExpression: "attribute_not_exists(#pk)",
        ExpressionAttributeNames: { "#pk": "pk" },
      });
      return record;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const Item = await this.documents.get({ TableName: this.tableName, Key: key, ConsistentRead: true });
    if (!Item) throw new StaleItemError(key.pk, 0);
    const { type: _type, ...stored } = this.parse(RouteItem, Item, key);
    return stored;
  }

  private parse<T>(schema: z.ZodMiniType<T>, item: Record<string, unknown>, key: StateKey): T {
    const result = schema.safeParse(item);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    throw new StateItemCorruptError(
      this.tableName,
      key,
      issue ? issue.path.map(String).join(".") || "(item)" : "(item)",
      issue?.message ?? "invalid item",
      { cause: result.error },
    );
  }
}

/** A first write needs no item yet; every later one needs the version it read. */
export function versionCondition(
  expectedVersion: number,
): Pick<PutInput, "ConditionExpression" | "ExpressionAttributeNames" | "ExpressionAttributeValues"> {
  if (expectedVersion === 0) {
    return { ConditionExpression: "attribute_not_exists(#pk)", ExpressionAttributeNames: { "#pk": "pk" } };
  }
  return {
    ConditionExpression: "#version = :expected",
    ExpressionAttributeNames: { "#version": "version" },
    ExpressionAttributeValues: { ":expected": expectedVersion },
  };
}

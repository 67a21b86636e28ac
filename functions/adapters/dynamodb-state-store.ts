import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  TransactionCanceledException,
} from "@aws-sdk/client-dynamodb";
import { QualificationState, SlotValue } from "../../contracts/qualification-state.js";
import * as z from "../../contracts/zod.js";
import {
  type LeadProfile,
  type StateStore,
  type StoredContact,
  type TurnCommit,
  VersionConflictError,
} from "../ports/state-store.js";
import { DynamoDbDocuments, type PutInput } from "./dynamodb-documents.js";
import { contactKey, leadKey, type StateItemType, type StateKey } from "./state-table.js";

/** An item in the state table does not have the shape this code writes: named by key and first bad field. */
export class StateItemCorruptError extends Error {
  override readonly name = "StateItemCorruptError";
  constructor(
    readonly tableName: string,
    readonly key: StateKey,
    /** Path of the first bad attribute, e.g. `state.tone` or `outbox[0].id`. */
    readonly field: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `state item ${key.pk} / ${key.sk} in table ${tableName} is corrupt at ${field}: ${detail}`,
      options,
    );
  }
}

export interface DynamoDbStateStoreOptions {
  /** Created once per process by the caller; the store wraps it once with its own marshalling options. */
  client: DynamoDBClient;
  tableName: string;
}

const OutboxEntryItem = z.object({
  id: z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  detailType: z.string().check(z.minLength(1)),
  detail: z.string(),
});

/*
 * `unpublished` is a DynamoDB string set, not a list: clearUnpublished must remove ids by value in one
 * conditional UpdateItem (DELETE), which a list cannot do without reading the indexes first. A set cannot
 * be empty, so an empty list is stored as no attribute.
 */
const ContactItem = z.object({
  type: z.literal("contact" satisfies StateItemType),
  version: z.number().check(z.int(), z.positive()),
  state: QualificationState,
  lastTurnKey: z.optional(z.string()),
  lastResponse: z.optional(z.string()),
  outbox: z.array(OutboxEntryItem),
  unpublished: z.optional(z.set(z.string())),
  expiresAt: z.number().check(z.int(), z.nonnegative()),
});

const LeadItem = z.object({
  type: z.literal("lead" satisfies StateItemType),
  campaignId: z.string().check(z.minLength(1)),
  slots: z.record(z.string(), SlotValue),
  lastContactId: z.string().check(z.minLength(1)),
  note: z.optional(z.string()),
  doNotCall: z.boolean(),
  expiresAt: z.number().check(z.int(), z.nonnegative()),
});

/** DynamoDB adapter of the StateStore port: one item per contact, one per lead, every contact write conditional. */
export class DynamoDbStateStore implements StateStore {
  private readonly documents: DynamoDbDocuments;
  private readonly tableName: string;

  constructor({ client, tableName }: DynamoDbStateStoreOptions) {
    this.documents = new DynamoDbDocuments(client);
    this.tableName = tableName;
  }

  async loadContact(contactId: string): Promise<StoredContact | null> {
    const key = contactKey(contactId);
    const Item = await this.documents.get({ TableName: this.tableName, Key: key, ConsistentRead: true });
    if (!Item) return null;
    const item = this.parse(ContactItem, Item, key);
    return {
      contactId,
      version: item.version,
      state: item.state,
      lastTurnKey: item.lastTurnKey,
      lastResponse: item.lastResponse,
      outbox: item.outbox,
      // A set has no order; sorted so equal items read back equal.
      unpublished: [...(item.unpublished ?? [])].sort(),
      expiresAt: item.expiresAt,
    };
  }

  async loadLead(leadId: string): Promise<LeadProfile | null> {
    const key = leadKey(leadId);
    const Item = await this.documents.get({ TableName: this.tableName, Key: key });
    if (!Item) return null;
    const item = this.parse(LeadItem, Item, key);
    return {
      leadId,
      campaignId: item.campaignId,
      slots: item.slots,
      lastContactId: item.lastContactId,
      note: item.note,
      doNotCall: item.doNotCall,
      expiresAt: item.expiresAt,
    };
  }

  async commitTurn({ expectedVersion, next, lead }: TurnCommit): Promise<void> {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0 || next.version !== expectedVersion + 1) {
      throw new Error(
        `commit for contact ${next.contactId} writes version ${next.version} over expected version ${expectedVersion}; it must write expected + 1`,
      );
    }
    const contactPut: PutInput = {
      TableName: this.tableName,
      Item: contactItem(next),
      ...versionCondition(expectedVersion),
    };
    try {
      if (lead) {
        // The lead is written only if the contact's condition holds: both or neither.
        await this.documents.transactWrite([
          { Put: contactPut },
          { Put: { TableName: this.tableName, Item: leadItem(lead) } },
        ]);
      } else {
        await this.documents.put(contactPut);
      }
    } catch (error) {
      if (lostCondition(error)) throw new VersionConflictError(next.contactId, expectedVersion);
      throw error;
    }
  }

  async markUnpublished(contactId: string, version: number, ids: readonly string[]): Promise<void> {
    // Replaces the set: `ids` are the failures of publishing the whole outbox of this version.
    const unpublished = new Set(ids);
    try {
      await this.documents.update({
        TableName: this.tableName,
        Key: contactKey(contactId),
        UpdateExpression: unpublished.size > 0 ? "SET #unpublished = :ids" : "REMOVE #unpublished",
        ConditionExpression: "#version = :version",
        ExpressionAttributeNames: { "#unpublished": "unpublished", "#version": "version" },
        ExpressionAttributeValues: {
          ":version": version,
          ...(unpublished.size > 0 ? { ":ids": unpublished } : {}),
        },
      });
    } catch (error) {
      if (lostCondition(error)) throw new VersionConflictError(contactId, version);
      throw error;
    }
  }

  async clearUnpublished(contactId: string, version: number, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await this.documents.update({
        TableName: this.tableName,
        Key: contactKey(contactId),
        UpdateExpression: "DELETE #unpublished :ids",
        ConditionExpression: "#version = :version",
        ExpressionAttributeNames: { "#unpublished": "unpublished", "#version": "version" },
        ExpressionAttributeValues: { ":version": version, ":ids": new Set(ids) },
      });
    } catch (error) {
      // A newer version (or a deleted item) keeps its own list: nothing to clear.
      if (lostCondition(error)) return;
      throw error;
    }
  }

  private parse<T>(schema: z.ZodMiniType<T>, item: Record<string, unknown>, key: StateKey): T {
    const result = schema.safeParse(item);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    throw new StateItemCorruptError(
      this.tableName,
      key,
      issue ? formatPath(issue.path) : "(item)",
      issue?.message ?? "invalid item",
      { cause: result.error },
    );
  }
}

/** A first write needs no item yet; every later one needs the version it read. */
function versionCondition(
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

function contactItem(contact: StoredContact): Record<string, unknown> {
  return {
    ...contactKey(contact.contactId),
    type: "contact" satisfies StateItemType,
    version: contact.version,
    state: contact.state,
    lastTurnKey: contact.lastTurnKey,
    lastResponse: contact.lastResponse,
    outbox: contact.outbox.map(({ id, source, detailType, detail }) => ({ id, source, detailType, detail })),
    unpublished: contact.unpublished.length > 0 ? new Set(contact.unpublished) : undefined,
    expiresAt: contact.expiresAt,
  };
}

function leadItem(lead: LeadProfile): Record<string, unknown> {
  return {
    ...leadKey(lead.leadId),
    type: "lead" satisfies StateItemType,
    campaignId: lead.campaignId,
    slots: lead.slots,
    lastContactId: lead.lastContactId,
    note: lead.note,
    doNotCall: lead.doNotCall,
    expiresAt: lead.expiresAt,
  };
}

/**
 * The write lost to another writer: its condition failed, or (on real DynamoDB) a concurrent transaction
 * on the same lead cancelled it. Either way the caller re-reads and decides again.
 */
function lostCondition(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some(
      (reason) => reason.Code === "ConditionalCheckFailed" || reason.Code === "TransactionConflict",
    )
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text === "" ? "(item)" : text;
}

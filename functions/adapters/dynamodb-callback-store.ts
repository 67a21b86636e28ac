import { ConditionalCheckFailedException, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CallbackOrigin } from "../../contracts/callback.js";
import * as z from "../../contracts/zod.js";
import type { CallbackRecord, CallbackStatus, CallbackStore } from "../ports/callback-store.js";
import { StaleItemError } from "../ports/handoff-store.js";
import type { LeadProfile } from "../ports/state-store.js";
import { DynamoDbDocuments } from "./dynamodb-documents.js";
import { versionCondition } from "./dynamodb-handoff-store.js";
import { DynamoDbStateStore, StateItemCorruptError } from "./dynamodb-state-store.js";
import { LEAD_PK_PREFIX, leadKey, type StateKey } from "./state-table.js";

/*
 * LEAD#<leadId> / CALLBACK: the lead's one planned callback (see kpi-table-layout.md). The lead's profile
 * (LEAD#<leadId> / PROFILE) belongs to the call path; this adapter only reads it and sets its `note`.
 */
export const CALLBACK_SK = "CALLBACK";

export function callbackKey(leadId: string): StateKey {
  return { pk: `${LEAD_PK_PREFIX}${leadId}`, sk: CALLBACK_SK };
}

const CallbackStatusSchema = z.enum([
  "scheduled",
  "calling",
  "called",
  "cancelled",
  "skipped",
  "failed",
  "expired",
]) satisfies z.ZodMiniType<CallbackStatus>;

const CallbackItem = z.object({
  type: z.literal("callback"),
  leadId: z.string().check(z.minLength(1)),
  version: z.number().check(z.int(), z.positive()),
  status: CallbackStatusSchema,
  scheduleName: z.string().check(z.minLength(1)),
  scheduledFor: z.string().check(z.minLength(1)),
  campaignId: z.string().check(z.minLength(1)),
  sourceContactId: z.string().check(z.minLength(1)),
  origin: CallbackOrigin,
  requestId: z.string().check(z.minLength(1)),
  handledRequestIds: z._default(z.array(z.string()), []),
  callContactId: z.optional(z.string()),
  reason: z.optional(z.string()),
  updatedAt: z.string(),
  expiresAt: z.number().check(z.int(), z.nonnegative()),
});

export interface DynamoDbCallbackStoreOptions {
  client: DynamoDBClient;
  tableName: string;
}

/** DynamoDB adapter of the CallbackStore port: every write is conditional. */
export class DynamoDbCallbackStore implements CallbackStore {
  private readonly documents: DynamoDbDocuments;
  private readonly tableName: string;
  private readonly leads: DynamoDbStateStore;

  constructor({ client, tableName }: DynamoDbCallbackStoreOptions) {
    this.documents = new DynamoDbDocuments(client);
    this.tableName = tableName;
    this.leads = new DynamoDbStateStore({ client, tableName });
  }

  loadLead(leadId: string): Promise<LeadProfile | null> {
    return this.leads.loadLead(leadId);
  }

  async saveLeadNote(leadId: string, note: string): Promise<"saved" | "opted_out" | "missing"> {
    try {
      await this.documents.update({
        TableName: this.tableName,
        Key: leadKey(leadId),
        UpdateExpression: "SET #note = :note",
        // Never touch a lead that opted out (or a key that is no lead): the note would outlive the opt-out.
        ConditionExpression: "attribute_exists(#pk) AND #type = :lead AND #doNotCall = :no",
        ExpressionAttributeNames: {
          "#note": "note",
          "#pk": "pk",
          "#type": "type",
          "#doNotCall": "doNotCall",
        },
        ExpressionAttributeValues: { ":note": note, ":lead": "lead", ":no": false },
      });
      return "saved";
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const lead = await this.leads.loadLead(leadId);
    return lead ? "opted_out" : "missing";
  }

  async loadCallback(leadId: string): Promise<CallbackRecord | null> {
    const key = callbackKey(leadId);
    const Item = await this.documents.get({ TableName: this.tableName, Key: key, ConsistentRead: true });
    if (!Item) return null;
    const parsed = CallbackItem.safeParse(Item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StateItemCorruptError(
        this.tableName,
        key,
        issue ? issue.path.map(String).join(".") || "(item)" : "(item)",
        issue?.message ?? "invalid item",
        { cause: parsed.error },
      );
    }
    const { type: _type, ...record } = parsed.data;
    return record;
  }

  async saveCallback(record: CallbackRecord, expectedVersion: number): Promise<void> {
    const key = callbackKey(record.leadId);
    if (record.version !== expectedVersion + 1) {
      throw new Error(`${key.pk}: writes callback version ${record.version} over ${expectedVersion}`);
    }
    try {
      await this.documents.put({
        TableName: this.tableName,
        Item: { ...key, type: "callback", ...record },
        ...versionCondition(expectedVersion),
      });
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new StaleItemError(key.pk, expectedVersion);
      throw error;
    }
  }

  async transitionCallback(
    leadId: string,
    version: number,
    from: CallbackStatus,
    to: CallbackStatus,
    extra: { updatedAt: string; callContactId?: string | undefined; reason?: string | undefined },
  ): Promise<boolean> {
    const sets = ["#status = :to", "#updatedAt = :updatedAt"];
    const values: Record<string, unknown> = {
      ":to": to,
      ":from": from,
      ":version": version,
      ":updatedAt": extra.updatedAt,
    };
    const names: Record<string, string> = {
      "#status": "status",
      "#version": "version",
      "#updatedAt": "updatedAt",
    };
    if (extra.callContactId) {
      sets.push("#callContactId = :callContactId");
      names["#callContactId"] = "callContactId";
      values[":callContactId"] = extra.callContactId;
    }
    if (extra.reason) {
      sets.push("#reason = :reason");
      names["#reason"] = "reason";
      values[":reason"] = extra.reason;
    }
    try {
      await this.documents.update({
        TableName: this.tableName,
        Key: callbackKey(leadId),
        UpdateExpression: `SET ${sets.join(", ")}`,
        ConditionExpression: "#version = :version AND #status = :from",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      });
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

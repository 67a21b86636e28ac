import { HandoffRequested, type HandoffRequestedDetail } from "../../contracts/events/catalog.js";

/**
 * Example consumer of Baton's public events: mirrors every real handoff (Handoff.Requested, not the system
 * fallbacks) into a CRM. It depends on Baton only through `contracts/` (the event's zod schema, the same
 * contract as the JSON Schema in `contracts/json-schema/Handoff.Requested.v1.json` that the schema registry
 * holds), never on handlers or the state table.
 */

/** What the CRM receives: the lead's stage and what the closer will see. */
export interface CrmHandoffUpdate {
  leadId?: string | undefined;
  contactId: string;
  campaignId: string;
  stage: "handed_to_closer";
  trigger: HandoffRequestedDetail["trigger"];
  queue: string;
  urgency: HandoffRequestedDetail["screenPop"]["urgency"];
  summary: string;
  /** slot -> value, as the AI confirmed them. */
  confirmed: Record<string, string>;
  missing: string[];
  openObjections: string[];
  occurredAt: string;
}

/** The port this example needs from a CRM; the idempotency key makes a redelivered event harmless. */
export interface CrmClient {
  upsertHandoff(update: CrmHandoffUpdate, idempotencyKey: string): Promise<void>;
}

export type SyncOutcome =
  | { status: "synced"; idempotencyKey: string }
  | { status: "skipped"; reason: "not_a_handoff" | "system_fallback" }
  | { status: "invalid"; reason: string };

export function toCrmUpdate(detail: HandoffRequestedDetail): CrmHandoffUpdate {
  const { meta, screenPop } = detail;
  return {
    leadId: meta.leadId ?? screenPop.leadId,
    contactId: meta.contactId,
    campaignId: meta.campaignId,
    stage: "handed_to_closer",
    trigger: detail.trigger,
    queue: detail.queue,
    urgency: screenPop.urgency,
    summary: screenPop.summary,
    confirmed: Object.fromEntries(screenPop.confirmed.map((fact) => [fact.slot, fact.value])),
    missing: screenPop.missing,
    openObjections: screenPop.objections.filter((o) => o.status === "open").map((o) => o.kind),
    occurredAt: meta.occurredAt,
  };
}

/** One EventBridge event in (the rule target's input), one outcome out. */
export async function syncHandoff(crm: CrmClient, event: unknown): Promise<SyncOutcome> {
  const envelope = event as { source?: unknown; "detail-type"?: unknown; detail?: unknown } | null;
  if (
    envelope?.source !== HandoffRequested.source ||
    envelope["detail-type"] !== HandoffRequested.detailType
  ) {
    return { status: "skipped", reason: "not_a_handoff" };
  }
  const parsed = HandoffRequested.detail.safeParse(envelope.detail);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      status: "invalid",
      reason: `${issue?.path.join(".") ?? "detail"}: ${issue?.message ?? "invalid"}`,
    };
  }
  // The rule already filters these out; a consumer still checks what it relies on.
  if (parsed.data.trigger === "system_fallback") return { status: "skipped", reason: "system_fallback" };
  const idempotencyKey = parsed.data.meta.id;
  await crm.upsertHandoff(toCrmUpdate(parsed.data), idempotencyKey);
  return { status: "synced", idempotencyKey };
}

/** A CRM reached over HTTP: `POST {baseUrl}/handoffs` with an Idempotency-Key header. */
export class HttpCrmClient implements CrmClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async upsertHandoff(update: CrmHandoffUpdate, idempotencyKey: string): Promise<void> {
    const response = await this.fetchImpl(`${this.baseUrl.replace(/\/$/, "")}/handoffs`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${this.token}`,
        "idempotency-key": idempotencyKey,
      },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(5_000),
    });
    // 4xx other than 429 will not get better: fail loudly so the event goes to the rule's dead-letter queue.
    if (!response.ok) throw new Error(`CRM answered ${response.status} for ${idempotencyKey}`);
  }
}

/** The Lambda entry point a deployment would use (CRM_BASE_URL, CRM_TOKEN). */
export function createHandler(crm: CrmClient) {
  return async (event: unknown): Promise<SyncOutcome> => {
    const outcome = await syncHandoff(crm, event);
    if (outcome.status === "invalid") throw new Error(`invalid Handoff.Requested: ${outcome.reason}`);
    return outcome;
  };
}

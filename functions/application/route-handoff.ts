import { BusEnvelope } from "../../contracts/connect-contact-event.js";
import {
  HandoffAccepted,
  HandoffRequested,
  type HandoffRequestedDetail,
} from "../../contracts/events/catalog.js";
import { planRoute, type RouteAction, routeAttributes } from "../domain/handoff-route.js";
import { describeIssue } from "../domain/zod-issue.js";
import { type ContactCenter, ContactCenterError } from "../ports/contact-center.js";
import type { RouteRecord, RouteStore, ScreenPopStore } from "../ports/handoff-store.js";
import { applyToHandoff, type HandoffKpiDependencies, type Log } from "./record-handoff-kpi.js";
import {
  type CallbackDependencies,
  type CancelOutcome,
  cancelCallback,
  type ScheduleOutcome,
  scheduleCallback,
} from "./schedule-callback.js";

export interface RouterDependencies {
  screenPops: ScreenPopStore;
  routes: RouteStore;
  contactCenter: ContactCenter;
  /** Queue name (as campaigns route) -> Connect queue id or ARN. */
  queues: ReadonlyMap<string, string>;
  /** Used when the campaign's queue has no Connect queue here. */
  fallbackQueue?: string | undefined;
  /** The KPI item records what the router did (transfer, callback) under the same conditional writes. */
  kpi: HandoffKpiDependencies;
  callbacks: CallbackDependencies;
  /** When no closer is free: how soon the callback is planned. */
  noCloserCallbackDelayMs: number;
  clock: () => Date;
  ttlDays: number;
  log: Log;
  count: (metric: string, value?: number) => void;
}

export type RouteOutcome =
  | {
      status: "routed";
      contactId: string;
      action: RouteAction;
      reason: string;
      screenPop: "stored" | "exists";
      attributes: "updated" | "not_found" | "failed";
      transfer?: "done" | "failed" | undefined;
      callback?: ScheduleOutcome | undefined;
    }
  | { status: "callback_withdrawn"; contactId: string; callback: CancelOutcome | "no_lead" }
  | { status: "invalid_event"; reason: string }
  | { status: "ignored_event_type"; eventType: string };

/**
 * The handoff-router target (one rule per queue a campaign routes to), for a Handoff.Requested:
 * 1. store the full screen pop where the agent app reads it (written once);
 * 2. decide the route once (a retry repeats the first decision): the contact's channel (DescribeContact),
 *    the queue's Connect id, and whether a closer is free (GetCurrentMetricData AGENTS_AVAILABLE);
 * 3. no closer free and a lead to call back: plan a callback (the handback path) instead of a silent queue;
 * 4. set the compact summary and the route on the contact (UpdateContactAttributes): voice and chat flows
 *    transfer on their own and the customer-queue flow reads `baton_route` / `baton_callback_at`;
 * 5. task and email contacts: TransferContact to the queue.
 * Failures fail toward a human: an unreadable channel is treated as voice, an unreadable metric as a free
 * closer, a refused callback falls back to the transfer; retryable Connect errors throw (all steps repeat
 * safely: conditional writes, one decision, client tokens).
 */
export async function routeHandoff(deps: RouterDependencies, raw: unknown): Promise<RouteOutcome> {
  const envelope = BusEnvelope.safeParse(raw);
  if (!envelope.success) return invalid(deps, describeIssue(envelope.error).message);
  const { source, "detail-type": detailType } = envelope.data;
  if (source === HandoffAccepted.source && detailType === HandoffAccepted.detailType) {
    return withdrawCallback(deps, envelope.data.detail);
  }
  if (source !== HandoffRequested.source || detailType !== HandoffRequested.detailType) {
    deps.log("warn", "event type the router does not handle", { source, detailType });
    return { status: "ignored_event_type", eventType: `${source} / ${detailType}` };
  }
  const parsed = HandoffRequested.detail.safeParse(envelope.data.detail);
  if (!parsed.success) return invalid(deps, describeIssue(parsed.error).message);
  const outcome = await route(deps, parsed.data);
  deps.count(`Route_${outcome.action}`);
  deps.log("info", "handoff routed", { ...outcome, callback: outcome.callback?.status });
  return outcome;
}

/**
 * A closer answered (Handoff.Accepted): the callback the router planned for this contact because no closer
 * was free is withdrawn, so the lead does not get a closer and then an AI call. A closer's own handback
 * (another origin) is left alone.
 */
async function withdrawCallback(deps: RouterDependencies, raw: unknown): Promise<RouteOutcome> {
  const parsed = HandoffAccepted.detail.safeParse(raw);
  if (!parsed.success) return invalid(deps, describeIssue(parsed.error).message);
  const { meta } = parsed.data;
  if (!meta.leadId) return { status: "callback_withdrawn", contactId: meta.contactId, callback: "no_lead" };
  const callback = await cancelCallback(deps.callbacks, {
    leadId: meta.leadId,
    reason: "a closer answered the handoff",
    requestId: meta.id,
    only: { origin: "no_closer", sourceContactId: meta.contactId },
  });
  deps.log("info", "closer answered; planned callback checked", { contactId: meta.contactId, ...callback });
  return { status: "callback_withdrawn", contactId: meta.contactId, callback };
}

async function route(
  deps: RouterDependencies,
  detail: HandoffRequestedDetail,
): Promise<Extract<RouteOutcome, { status: "routed" }>> {
  const { meta, screenPop } = detail;
  const contactId = meta.contactId;
  const leadId = meta.leadId ?? screenPop.leadId;
  const now = deps.clock();
  const expiresAt = Math.floor(now.getTime() / 1000) + deps.ttlDays * 86_400;

  const stored = await deps.screenPops.saveScreenPop(
    { screenPop, eventId: meta.id, queue: detail.queue, storedAt: now.toISOString() },
    expiresAt,
  );
  const decision = await deps.routes.saveRoute(await decide(deps, detail, leadId), expiresAt);

  let action = decision.action;
  let callback: ScheduleOutcome | undefined;
  if (action === "callback") {
    callback = await scheduleCallback(deps.callbacks, {
      leadId,
      campaignId: meta.campaignId,
      sourceContactId: contactId,
      // No note: the lead's slots carry what the AI confirmed, and a closer's earlier note must survive.
      followUpAt: new Date(Date.parse(decision.decidedAt) + deps.noCloserCallbackDelayMs).toISOString(),
      origin: "no_closer",
      requestId: meta.id,
    });
    if (callback.status === "rejected") {
      // Never drop the customer: without a callback the handoff goes to the queue after all.
      action = decision.channel === "TASK" || decision.channel === "EMAIL" ? "api_transfer" : "flow_transfer";
      deps.log("warn", "no callback possible; routed to the queue", { contactId, reason: callback.reason });
    } else {
      const scheduledFor =
        callback.status === "scheduled"
          ? callback.scheduledFor
          : new Date(Date.parse(decision.decidedAt) + deps.noCloserCallbackDelayMs).toISOString();
      await applyToHandoff(deps.kpi, {
        kind: "route",
        contactId,
        channel: decision.channel,
        callback: { scheduledFor, scheduleName: callback.scheduleName },
      });
    }
  }
  const callbackAt = callback?.status === "scheduled" ? callback.scheduledFor : undefined;
  const attributes = await setAttributes(
    deps,
    contactId,
    routeAttributes(screenPop, { action, callbackAt, decidedAt: decision.decidedAt }),
  );

  let transfer: "done" | "failed" | undefined;
  if (action === "api_transfer" && decision.queueId) {
    transfer = await transferContact(deps, contactId, decision.queueId, decision.channel);
  } else if (action === "unroutable") {
    deps.log("error", "task or email handoff to a queue this deployment does not map", {
      contactId,
      queue: detail.queue,
    });
  }
  return {
    status: "routed",
    contactId,
    action,
    reason: decision.reason,
    screenPop: stored,
    attributes,
    ...(transfer ? { transfer } : {}),
    ...(callback ? { callback } : {}),
  };
}

async function decide(
  deps: RouterDependencies,
  detail: HandoffRequestedDetail,
  leadId: string | undefined,
): Promise<RouteRecord> {
  const contactId = detail.meta.contactId;
  const queueId =
    deps.queues.get(detail.queue) ?? (deps.fallbackQueue ? deps.queues.get(deps.fallbackQueue) : undefined);
  let channel: string | undefined;
  try {
    channel = (await deps.contactCenter.describeContact(contactId))?.channel;
  } catch (error) {
    deps.count("Route_channel_unknown");
    deps.log("warn", "could not read the contact's channel; treated as voice", {
      contactId,
      error: message(error),
    });
  }
  let availableAgents: number | null = null;
  if (queueId) {
    try {
      availableAgents = await deps.contactCenter.availableAgents(queueId, channel ?? "VOICE");
    } catch (error) {
      deps.count("Route_agents_unknown");
      deps.log("warn", "could not read the queue's available agents; routed as usual", {
        contactId,
        error: message(error),
      });
    }
  }
  const plan = planRoute({ channel, queueKnown: queueId !== undefined, availableAgents, leadId });
  return {
    contactId,
    action: plan.action,
    reason: plan.reason,
    channel: plan.channel,
    ...(queueId ? { queueId } : {}),
    availableAgents,
    decidedAt: deps.clock().toISOString(),
  };
}

async function setAttributes(
  deps: RouterDependencies,
  contactId: string,
  attributes: Record<string, string>,
): Promise<"updated" | "not_found" | "failed"> {
  try {
    const result = await deps.contactCenter.updateAttributes(contactId, attributes);
    if (result === "not_found") deps.log("warn", "Connect does not know the contact", { contactId });
    return result;
  } catch (error) {
    if (error instanceof ContactCenterError && !error.retryable) {
      deps.count("Route_attributes_failed");
      deps.log("error", "could not set the screen pop on the contact", { contactId, error: error.message });
      return "failed";
    }
    throw error;
  }
}

async function transferContact(
  deps: RouterDependencies,
  contactId: string,
  queueId: string,
  channel: string,
): Promise<"done" | "failed"> {
  // Recorded before the call: the original contact's DISCONNECTED that the transfer causes is not a drop-off.
  await applyToHandoff(deps.kpi, { kind: "route", contactId, channel, transfer: { status: "requested" } });
  try {
    const moved = await deps.contactCenter.transferContact({
      contactId,
      queueId,
      clientToken: `baton-transfer-${contactId}`,
    });
    await applyToHandoff(deps.kpi, {
      kind: "route",
      contactId,
      transfer: { status: "done", contactId: moved.contactId },
    });
    return "done";
  } catch (error) {
    if (error instanceof ContactCenterError && !error.retryable) {
      await applyToHandoff(deps.kpi, { kind: "route", contactId, transfer: { status: "failed" } });
      deps.count("Route_transfer_failed");
      deps.log("error", "TransferContact refused the handoff", { contactId, error: error.message });
      return "failed";
    }
    throw error;
  }
}

function invalid(deps: RouterDependencies, reason: string): RouteOutcome {
  deps.count("Route_invalid_event");
  deps.log("warn", "invalid event for the router", { reason });
  return { status: "invalid_event", reason };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

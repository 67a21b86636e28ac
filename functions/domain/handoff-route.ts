import { ROUTE_ATTRIBUTES } from "../../contracts/callback.js";
import type { ContactAttributes, ScreenPop } from "../../contracts/screen-pop.js";
import { screenPopAttributes } from "./screen-pop.js";

/**
 * Channels Connect's TransferContact API moves: TASK and EMAIL only (voice and chat are moved by the
 * contact flow's own transfer block). https://docs.aws.amazon.com/connect/latest/APIReference/API_TransferContact.html
 */
export const API_TRANSFER_CHANNELS: ReadonlySet<string> = new Set(["TASK", "EMAIL"]);

export interface RouteFacts {
  /** From Connect (DescribeContact); undefined when it could not be read. */
  channel: string | undefined;
  /** The campaign's queue name has a Connect queue in this deployment. */
  queueKnown: boolean;
  /** AGENTS_AVAILABLE in the queue for the channel; null when unknown (the metric could not be read). */
  availableAgents: number | null;
  leadId: string | undefined;
}

export type RouteAction = "flow_transfer" | "api_transfer" | "callback" | "unroutable";

export interface RoutePlan {
  action: RouteAction;
  channel: string;
  reason: string;
  /** What to do when the callback cannot be scheduled (opted-out or unknown lead): never drop the customer. */
  fallback?: "flow_transfer" | "api_transfer" | undefined;
}

/**
 * Where a handoff goes. Voice and chat: the flow transfers, the router only sets the summary on the contact.
 * Task and email: the router moves the contact. No closer free: a callback instead of a silent queue (when
 * there is a lead to call back). Anything unknown fails toward a human: an unreadable channel is treated as
 * voice (the flow transfers), an unreadable metric as "someone may be free".
 */
export function planRoute(facts: RouteFacts): RoutePlan {
  const channel = (facts.channel ?? "VOICE").toUpperCase();
  const transfer = API_TRANSFER_CHANNELS.has(channel) ? "api_transfer" : "flow_transfer";
  if (!facts.queueKnown) {
    return transfer === "api_transfer"
      ? { action: "unroutable", channel, reason: "the queue has no Connect queue in this deployment" }
      : {
          action: "flow_transfer",
          channel,
          reason: "the queue has no Connect queue here; the flow transfers",
        };
  }
  if (facts.availableAgents === 0) {
    if (facts.leadId) {
      return {
        action: "callback",
        channel,
        reason: "no closer is available in the queue: a callback instead of a silent queue",
        fallback: transfer,
      };
    }
    return { action: transfer, channel, reason: "no closer is available and there is no lead to call back" };
  }
  const agents = facts.availableAgents === null ? "unknown" : String(facts.availableAgents);
  return { action: transfer, channel, reason: `available closers: ${agents}` };
}

/**
 * The compact summary set on the contact (`baton_*`, within Baton's 8 KB share), plus how it was routed so
 * the customer-queue flow can branch: `baton_route` = callback and `baton_callback_in_minutes` tell it to
 * announce the planned callback and end the call politely instead of holding the caller in an empty queue.
 */
export function routeAttributes(
  screenPop: ScreenPop,
  route: { action: RouteAction; callbackAt?: string | undefined; decidedAt?: string | undefined },
): ContactAttributes {
  const minutes =
    route.callbackAt && route.decidedAt
      ? Math.max(1, Math.round((Date.parse(route.callbackAt) - Date.parse(route.decidedAt)) / 60_000))
      : undefined;
  return {
    ...screenPopAttributes(screenPop),
    [ROUTE_ATTRIBUTES.route]: route.action,
    ...(route.callbackAt ? { [ROUTE_ATTRIBUTES.callbackAt]: route.callbackAt } : {}),
    ...(minutes ? { [ROUTE_ATTRIBUTES.callbackInMinutes]: String(minutes) } : {}),
  };
}

/** Connect takes ids; the deployment may give ARNs (`.../instance/<id>/queue/<queueId>`). */
export function resourceId(idOrArn: string, kind: "instance" | "queue" | "contact-flow"): string {
  const marker = `/${kind}/`;
  const at = idOrArn.lastIndexOf(marker);
  if (at >= 0) return idOrArn.slice(at + marker.length).split("/")[0] ?? idOrArn;
  if (kind === "instance" && idOrArn.includes(":instance/")) return idOrArn.split(":instance/")[1] ?? idOrArn;
  return idOrArn;
}

import * as z from "zod";
import { RouteTrigger } from "../../contracts/campaign.js";
import { ScreenPop } from "../../contracts/screen-pop.js";

/**
 * The agent desk's HTTP contract, shared by the local server and the web page (zod only, no Node
 * imports, so the browser bundle can parse what the server sends).
 */

export const HandbackRecord = z.strictObject({
  note: z.string().max(2000),
  followUpAt: z.iso.datetime(),
  requestedBy: z.string().min(1),
  requestedAt: z.iso.datetime(),
  eventId: z.string().min(1),
  /** Set when the handback scheduler received the event from the bus. */
  scheduledAt: z.iso.datetime().optional(),
});
export type HandbackRecord = z.infer<typeof HandbackRecord>;

/** `abandoned`: the customer hung up while waiting for a closer. */
export const DeskStatus = z.enum(["waiting", "accepted", "handed_back", "abandoned"]);
export type DeskStatus = z.infer<typeof DeskStatus>;

/** One handed-off call on the desk: the screen pop plus what the closer did with it. */
export const DeskEntry = z.strictObject({
  contactId: z.string().min(1),
  leadId: z.string().optional(),
  campaignId: z.string().min(1),
  queue: z.string(),
  trigger: RouteTrigger,
  turn: z.number().int().nonnegative(),
  reasons: z.array(z.string()),
  screenPop: ScreenPop,
  /** The line the closer hears as the call connects in Connect (the whisper flow's `baton_whisper`). */
  warmBrief: z.string().optional(),
  /** `detail.meta.id` of the Handoff.Requested event: a redelivery is recognised by it. */
  eventId: z.string().min(1),
  /** When the handoff happened (the event's `occurredAt`). */
  requestedAt: z.iso.datetime(),
  /** When the router put it on the desk. */
  receivedAt: z.iso.datetime(),
  status: DeskStatus,
  acceptedAt: z.iso.datetime().optional(),
  acceptedBy: z.string().optional(),
  handback: HandbackRecord.optional(),
  /** The customer hung up (Connect's DISCONNECTED); a waiting call is then `abandoned`. */
  customerLeftAt: z.iso.datetime().optional(),
});
export type DeskEntry = z.infer<typeof DeskEntry>;

/**
 * An earlier handoff of the same lead, or from the same phone number, that this desk has seen: what a
 * closer checks before speaking ("we spoke last week; the last closer's note says...").
 */
export const EarlierContact = z.strictObject({
  contactId: z.string().min(1),
  receivedAt: z.iso.datetime(),
  status: DeskStatus,
  trigger: RouteTrigger,
  /** Same lead id (otherwise the same phone number). */
  sameLead: z.boolean(),
  handbackNote: z.string().optional(),
});
export type EarlierContact = z.infer<typeof EarlierContact>;

/** `GET /api/desk/<contact>`. */
export const DeskEntryResponse = z.strictObject({
  entry: DeskEntry,
  earlierContacts: z.array(EarlierContact),
});

/** A follow-up the local handback scheduler recorded (the real scheduler is another issue). */
export const FollowUp = z.strictObject({
  eventId: z.string().min(1),
  kind: z.enum(["handback", "nurture"]),
  contactId: z.string().min(1),
  campaignId: z.string().min(1),
  leadId: z.string().optional(),
  followUpAt: z.iso.datetime().optional(),
  note: z.string().optional(),
  reasons: z.array(z.string()),
  recordedAt: z.iso.datetime(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const DeskQueueResponse = z.strictObject({
  entries: z.array(DeskEntry),
  followUps: z.array(FollowUp),
});
export type DeskQueueResponse = z.infer<typeof DeskQueueResponse>;

export const AcceptRequest = z.strictObject({
  agent: z.string().trim().min(1).max(100).default("local-closer"),
});

/** "Hand back to AI": the closer's note and when the AI should call again. */
export const HandbackRequest = z.strictObject({
  note: z.string().trim().min(1, "a note for the AI's follow-up call is required").max(2000),
  followUpAt: z.iso.datetime({ offset: true }),
  requestedBy: z.string().trim().min(1).max(100).default("local-closer"),
});
export type HandbackRequest = z.infer<typeof HandbackRequest>;

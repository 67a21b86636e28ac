import * as z from "zod";
import { RouteTrigger } from "../../contracts/campaign.js";
import { SentimentLabel } from "../../contracts/transcript.js";
import { EndReason } from "../../contracts/turn-signals.js";

/** The customer console's HTTP contract, shared by the local server and the web page. */

export const CallStatus = z.enum(["active", "handed_off", "nurture", "ended"]);
export type CallStatus = z.infer<typeof CallStatus>;

export const CallLine = z.strictObject({
  speaker: z.enum(["ai", "customer"]),
  text: z.string(),
  at: z.iso.datetime(),
});
export type CallLine = z.infer<typeof CallLine>;

export const CallOutcome = z.strictObject({
  action: z.enum(["handoff", "nurture", "end"]),
  trigger: z.optional(RouteTrigger),
  queue: z.string().optional(),
  endReason: z.optional(EndReason),
  /** Customer turns when the call closed. */
  customerTurns: z.number().int().nonnegative(),
});
export type CallOutcome = z.infer<typeof CallOutcome>;

/** A call as the console shows it; kept in DynamoDB Local so a reload or a restart resumes it. */
export const CallRecord = z.strictObject({
  callId: z.string().min(1),
  contactId: z.string().min(1),
  leadId: z.string().min(1),
  campaignId: z.string().min(1),
  personaId: z.string().optional(),
  status: CallStatus,
  /** What Lex keeps between turns: the code hook's answer becomes the next event's session attributes. */
  sessionAttributes: z.record(z.string(), z.string()),
  transcript: z.array(CallLine),
  /** Ids of turns already applied: a resent turn (reconnect, double click) is answered, not re-applied. */
  turnIds: z.array(z.string()),
  outcome: CallOutcome.optional(),
  /** The customer hung up (the console's Hang up): Connect's DISCONNECTED for the contact. */
  hungUpAt: z.iso.datetime().optional(),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CallRecord = z.infer<typeof CallRecord>;

export const StartCallRequest = z
  .strictObject({
    /** Defaults to the persona's campaign, or "default" without a persona. */
    campaignId: z.string().trim().min(1).optional(),
    /** Whose call it is (the customer's name, phone and company); a client may still send the lines itself. */
    personaId: z.string().trim().min(1).optional(),
    /** The persona plays server-side from this same request, so a tab closed at once loses nothing. */
    play: z.boolean().optional(),
    /** Pause between persona turns, so a watcher can follow. */
    paceMs: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((request) => !request.play || request.personaId !== undefined, {
    message: "playing needs a personaId",
    path: ["play"],
  });

export const SayRequest = z.strictObject({
  text: z.string().trim().min(1, "say something").max(2000),
  /** Chosen by the page per turn; the same id twice is one turn. */
  turnId: z.string().trim().min(8).max(100),
  sentiment: z.optional(SentimentLabel),
});
export type SayRequest = z.infer<typeof SayRequest>;

export const RunPersonaRequest = z.strictObject({
  personaId: z.string().trim().min(1),
  /** Pause between persona turns, so a watcher can follow. */
  paceMs: z.number().int().min(0).max(10_000).optional(),
});

export const CallListResponse = z.strictObject({ calls: z.array(CallRecord) });

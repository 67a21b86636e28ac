import * as z from "zod";
import { RouteTrigger } from "../../contracts/campaign.js";
import { SentimentLabel } from "../../contracts/transcript.js";

/** A persona file in `local/personas/`: a scripted customer for the console, the demo and the bench. */
export const PersonaTurn = z.union([
  z.string().trim().min(1),
  z.strictObject({ text: z.string().trim().min(1), sentiment: z.optional(SentimentLabel) }),
]);

/** Who the persona is, as Connect and the lead would know them (all optional). */
export const PersonaCustomer = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  phone: z.string().trim().min(1).max(32).optional(),
  company: z.string().trim().min(1).max(100).optional(),
});
export type PersonaCustomer = z.infer<typeof PersonaCustomer>;

export const PersonaFile = z.strictObject({
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().min(1).max(300),
  campaign: z.string().trim().min(1).default("default"),
  customer: PersonaCustomer.optional(),
  turns: z.array(PersonaTurn).min(1).max(30),
  /** What the pipeline should do with this customer; the demo flags a difference. */
  expect: z.strictObject({
    outcome: z.enum(["handoff", "nurture", "end", "continue"]),
    trigger: z.optional(RouteTrigger),
  }),
});
export type PersonaFile = z.infer<typeof PersonaFile>;

export const Persona = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  campaign: z.string(),
  customer: PersonaCustomer.optional(),
  turns: z.array(z.strictObject({ text: z.string(), sentiment: z.optional(SentimentLabel) })),
  expect: PersonaFile.shape.expect,
});
export type Persona = z.infer<typeof Persona>;

export const PersonaProblem = z.strictObject({ file: z.string(), field: z.string(), message: z.string() });
export type PersonaProblem = z.infer<typeof PersonaProblem>;

export const PersonaListResponse = z.strictObject({
  personas: z.array(Persona),
  problems: z.array(PersonaProblem),
});

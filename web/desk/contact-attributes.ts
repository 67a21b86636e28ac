import * as z from "zod";
import type { DeskView } from "./desk-view.js";

/**
 * `ContactClient.getAttributes` is typed as a string map, but the workspace docs also show values as
 * `{name, value}` objects (and some hosts answer with a list of them): all three are accepted.
 */
const AttributeValue = z.union([
  z.string(),
  z.looseObject({ name: z.string().optional(), value: z.string() }),
]);
const AttributeMap = z.record(z.string(), AttributeValue.nullable());
const AttributeList = z.array(z.looseObject({ name: z.string(), value: z.string() }));

export function normalizeAttributes(raw: unknown): Record<string, string> {
  const list = AttributeList.safeParse(raw);
  if (list.success) return Object.fromEntries(list.data.map((entry) => [entry.name, entry.value]));
  const map = AttributeMap.safeParse(raw);
  if (!map.success) return {};
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(map.data)) {
    if (value === null) continue;
    attributes[key] = typeof value === "string" ? value : value.value;
  }
  return attributes;
}

const DIRECTIONS = ["inbound", "outbound", "callback"] as const;
const CONFIRMED_PREFIX = "baton_confirmed_";

/**
 * The screen pop from the `baton_*` contact attributes the contact flow set at the handoff
 * (functions/domain/screen-pop.ts `screenPopAttributes` writes them). Null when the contact carries
 * none: it was not a Baton handoff.
 */
export function viewFromAttributes(contactId: string, raw: unknown): DeskView | null {
  const attributes = normalizeAttributes(raw);
  const trigger = attributes.baton_trigger;
  if (!trigger) return null;
  const turn = Number.parseInt(attributes.baton_decided_turn ?? "", 10);
  return {
    contactId,
    trigger,
    turn: Number.isInteger(turn) ? turn : undefined,
    urgency: attributes.baton_urgency,
    summary: attributes.baton_summary ?? "",
    ask: attributes.baton_ask_said
      ? { headline: attributes.baton_ask, said: attributes.baton_ask_said }
      : undefined,
    caller: callerOf(attributes),
    language: attributes.baton_language,
    opener: attributes.baton_opener ?? "",
    tone: attributes.baton_tone ?? "",
    confirmed: Object.entries(attributes)
      .filter(([key]) => key.startsWith(CONFIRMED_PREFIX))
      .map(([key, value]) => confirmedFact(key.slice(CONFIRMED_PREFIX.length), value)),
    missing: list(attributes.baton_missing, ", "),
    intents: list(attributes.baton_intents, ", "),
    objections: objections(attributes.baton_objections ?? ""),
    reasons: list(attributes.baton_reasons, "; "),
    transcript: [],
  };
}

/** `$20,000 a year (turn 3): "Around 20k for the year."` → value, turn and the customer's sentence. */
function confirmedFact(slot: string, text: string): DeskView["confirmed"][number] {
  const match = /^(.*?) \(turn (\d+)\)(?:: "(.*)")?$/s.exec(text);
  const label = slot.replace(/_/g, " ").replace(/^./, (first) => first.toUpperCase());
  return match
    ? {
        slot,
        label,
        value: match[1] ?? text,
        turn: Number(match[2]),
        ...(match[3] ? { said: match[3] } : {}),
      }
    : { slot, label, value: text };
}

function callerOf(attributes: Record<string, string | undefined>): DeskView["caller"] {
  const direction = DIRECTIONS.find((known) => known === attributes.baton_direction);
  const caller = {
    ...(attributes.baton_customer_name ? { name: attributes.baton_customer_name } : {}),
    ...(attributes.baton_customer_phone ? { phone: attributes.baton_customer_phone } : {}),
    ...(attributes.baton_company ? { company: attributes.baton_company } : {}),
    ...(direction ? { direction } : {}),
    ...(attributes.baton_returning === "yes" ? { returning: true } : {}),
    ...(attributes.baton_previous_contact ? { previousContactId: attributes.baton_previous_contact } : {}),
    ...(attributes.baton_handback_note ? { lastHandbackNote: attributes.baton_handback_note } : {}),
  };
  return Object.keys(caller).length > 0 ? caller : undefined;
}

/** "price:open; competitor:resolved (answered: ...)"; an answer may itself hold "; ". */
function objections(text: string): DeskView["objections"] {
  if (text.trim() === "") return [];
  return text.split(/; (?=[a-z_]+:(?:open|resolved)\b)/).map((part) => {
    const match = /^([a-z_]+):(open|resolved)(?: \(answered: (.*)\))?$/s.exec(part.trim());
    if (!match) return { kind: part.trim(), status: "" };
    return { kind: match[1] ?? "", status: match[2] ?? "", ...(match[3] ? { aiAnswer: match[3] } : {}) };
  });
}

function list(text: string | undefined, separator: string): string[] {
  return (text ?? "")
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

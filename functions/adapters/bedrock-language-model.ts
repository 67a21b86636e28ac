import type { BedrockRuntimeClient, Message } from "@aws-sdk/client-bedrock-runtime";
import type { Campaign } from "../../contracts/campaign.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { SlotCandidate } from "../../contracts/turn-signals.js";
import * as z from "../../contracts/zod.js";
import type { LanguageModel, NextLineRequest } from "../ports/language-model.js";
import { converseWithin, toolInputDocument } from "./converse-within.js";

/** A spoken line longer than this is not "at most two sentences": the script is safer. */
export const MAX_LINE_CHARS = 400;
const MAX_CUSTOMER_CHARS = 2_000;
const QUOTE_CHARS = 200;
const USABLE_STOP_REASONS = new Set(["end_turn", "stop_sequence", "max_tokens"]);
export const RECORD_SLOTS_TOOL = "record_slots";

/** What the forced `record_slots` tool returns; validated, never trusted. */
export const RecordSlotsInput = z.object({
  slots: z
    .array(
      z.object({
        slot: z
          .string()
          .check(z.minLength(1), z.describe("One of the slot names listed in the instructions")),
        value: z
          .string()
          .check(z.minLength(1), z.maxLength(QUOTE_CHARS), z.describe("The value, normalised")),
        confidence: z
          .number()
          .check(z.minimum(0), z.maximum(1), z.describe("0..1: how sure the customer's words state it")),
      }),
    )
    .check(z.maxLength(20)),
});

/**
 * Built on the first `extractSlots`, not at import: the turn path does not call it, and its JSON Schema cost
 * every cold start about a millisecond.
 */
let recordSlotsDocument: ReturnType<typeof toolInputDocument> | undefined;
function recordSlotsTool(): ReturnType<typeof toolInputDocument> {
  recordSlotsDocument ??= toolInputDocument(RecordSlotsInput);
  return recordSlotsDocument;
}

export interface BedrockLanguageModelOptions {
  client: BedrockRuntimeClient;
  modelId: string;
  /** The caller is waiting on the line: past this the script speaks instead. */
  deadlineMs?: number;
  maxTokens?: number;
}

type Turn = QualificationState["recent"][number];

/** Bedrock Converse behind the LanguageModel port. Never throws: every failure falls back. */
export class BedrockLanguageModel implements LanguageModel {
  private readonly client: BedrockRuntimeClient;
  private readonly modelId: string;
  private readonly deadlineMs: number;
  private readonly maxTokens: number;

  constructor(options: BedrockLanguageModelOptions) {
    this.client = options.client;
    this.modelId = options.modelId;
    this.deadlineMs = options.deadlineMs ?? 1_500;
    this.maxTokens = options.maxTokens ?? 200;
  }

  async nextLine(
    request: NextLineRequest,
  ): Promise<{ text: string; source: "model" | "script"; reason?: string }> {
    const script = (reason: string) => ({ text: request.scriptedLine, source: "script" as const, reason });
    const outcome = await converseWithin(
      this.client,
      {
        modelId: this.modelId,
        system: [{ text: nextLinePrompt(request) }],
        messages: conversationMessages(request.state.recent),
        inferenceConfig: { maxTokens: this.maxTokens, temperature: 0.3 },
      },
      this.deadlineFor(request),
    );
    if (!outcome.ok) return script(outcome.reason);
    const { output } = outcome;
    if (!USABLE_STOP_REASONS.has(output.stopReason ?? "")) return script(`stop_reason:${output.stopReason}`);
    const text = (output.output?.message?.content ?? [])
      .map((block) => block.text ?? "")
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    if (text.length === 0) return script("empty");
    if (text.length > MAX_LINE_CHARS) return script("too_long");
    return { text, source: "model" };
  }

  async extractSlots(request: NextLineRequest, customerText: string): Promise<SlotCandidate[]> {
    const text = customerText.slice(0, MAX_CUSTOMER_CHARS).trim();
    if (text.length === 0) return [];
    const outcome = await converseWithin(
      this.client,
      {
        modelId: this.modelId,
        system: [{ text: extractionPrompt(request.campaign, request.state) }],
        messages: [{ role: "user", content: [{ text }] }],
        inferenceConfig: { maxTokens: this.maxTokens, temperature: 0 },
        toolConfig: {
          tools: [
            {
              toolSpec: {
                name: RECORD_SLOTS_TOOL,
                description: "Record the qualification facts the customer states.",
                inputSchema: { json: recordSlotsTool() },
              },
            },
          ],
          toolChoice: { tool: { name: RECORD_SLOTS_TOOL } },
        },
      },
      this.deadlineFor(request),
    );
    if (!outcome.ok) return [];
    const toolUse = (outcome.output.output?.message?.content ?? []).find(
      (block) => block.toolUse?.name === RECORD_SLOTS_TOOL,
    )?.toolUse;
    const parsed = RecordSlotsInput.safeParse(toolUse?.input);
    if (!parsed.success) return [];
    return toCandidates(parsed.data, request.campaign, text);
  }

  private deadlineFor(request: NextLineRequest): number {
    return Math.max(0, Math.min(this.deadlineMs, request.deadlineMs ?? this.deadlineMs));
  }
}

/**
 * Recent turns as Converse messages: the customer is `user`, the AI (and a closer) `assistant`.
 * Converse rejects a conversation that does not alternate, so same-role turns are merged, and it
 * must start and end with the user (a trailing assistant message would be continued, not answered).
 */
export function conversationMessages(recent: readonly Turn[]): Message[] {
  const messages: Message[] = [];
  for (const turn of recent) {
    const text = turn.text.trim();
    if (text.length === 0) continue;
    const role = turn.speaker === "customer" ? "user" : "assistant";
    const last = messages.at(-1);
    if (last && last.role === role) {
      last.content = [{ text: `${textOf(last)}\n${text}` }];
    } else {
      messages.push({ role, content: [{ text }] });
    }
  }
  if (messages[0]?.role !== "user")
    messages.unshift({ role: "user", content: [{ text: "(the call connects)" }] });
  if (messages.at(-1)?.role !== "user") {
    messages.push({ role: "user", content: [{ text: "(the customer is waiting for you to go on)" }] });
  }
  return messages;
}

function textOf(message: Message): string {
  return (message.content ?? []).map((block) => block.text ?? "").join("\n");
}

function nextLinePrompt(request: NextLineRequest): string {
  const { campaign, state, missing } = request;
  const { product } = campaign;
  const lines = [
    `You are the phone assistant of ${product.company}, speaking with a business lead about ${product.name}, ${product.pitch}.`,
    "The call is already under way: never greet or introduce yourself again.",
  ];
  const confirmed = confirmedSlots(campaign, state);
  if (confirmed.length > 0) {
    lines.push("Already confirmed; never ask about these again:", ...confirmed.map((line) => `- ${line}`));
  }
  const questions = missing.flatMap((name) => {
    const slot = campaign.slots.find((candidate) => candidate.name === name);
    return slot ? [`- ${slot.label}: "${slot.question}"`] : [];
  });
  if (questions.length > 0) {
    lines.push(
      "Still to learn, in this order (ask for the first one only, in your own words):",
      ...questions,
    );
  } else {
    lines.push("Everything needed is known: answer the customer and wrap up politely.");
  }
  if (state.handbackNote)
    lines.push(`Note from the human closer who handed this lead back: ${state.handbackNote}`);
  lines.push(
    "If the customer raised a concern, acknowledge it briefly before asking.",
    "Reply with at most two short spoken sentences: plain text, no lists, no markup, no stage directions.",
  );
  return lines.join("\n");
}

function extractionPrompt(campaign: Campaign, state: QualificationState): string {
  const slots = campaign.slots.map((slot) => {
    const values = slot.values ? ` One of: ${Object.keys(slot.values).join(", ")}.` : "";
    return `- ${slot.name} (${slot.kind}): ${slot.description}${values}`;
  });
  return [
    `Read what a sales lead just said about ${campaign.product.name} and record the facts they state.`,
    "Only these slots exist; use their names exactly:",
    ...slots,
    ...(state.lastAiLine ? [`The assistant had just said: "${state.lastAiLine}"`] : []),
    "Record only what the customer states, not guesses. If they state nothing relevant, record an empty list.",
  ].join("\n");
}

function confirmedSlots(campaign: Campaign, state: QualificationState): string[] {
  return campaign.slots.flatMap((slot) => {
    const known = state.slots[slot.name];
    return known && known.confidence >= campaign.thresholds.slotConfidence
      ? [`${slot.label}: ${known.value}`]
      : [];
  });
}

/** Keeps the slots (and category values) the campaign defines; one candidate per slot, the surest. */
function toCandidates(
  input: z.infer<typeof RecordSlotsInput>,
  campaign: Campaign,
  customerText: string,
): SlotCandidate[] {
  const best = new Map<string, SlotCandidate>();
  for (const { slot, value, confidence } of input.slots) {
    const definition = campaign.slots.find((candidate) => candidate.name === slot);
    if (!definition) continue;
    if (definition.values && !Object.hasOwn(definition.values, value)) continue;
    const previous = best.get(slot);
    if (previous && previous.confidence >= confidence) continue;
    best.set(slot, { slot, value, confidence, correction: false, quote: customerText.slice(0, QUOTE_CHARS) });
  }
  return [...best.values()];
}

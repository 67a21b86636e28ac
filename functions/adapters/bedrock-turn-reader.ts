import type {
  BedrockRuntimeClient,
  ConverseCommandInput,
  ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";
import * as z from "../../contracts/zod.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores } from "../domain/reader/labels.js";
import type { TurnReaderInput } from "../domain/reader/turn-reader.js";
import type { SecondOpinion } from "../ports/second-opinion.js";
import { converseWithin, toolInputDocument } from "./converse-within.js";

export const READ_TURN_TOOL = "read_turn";
const MAX_CUSTOMER_CHARS = 2_000;
const MAX_AI_CHARS = 400;

/** What each label means, for the model (the labeling guide in data/README.md, shortened). */
const MEANING: Record<ReaderLabel, string> = {
  person_request:
    "asks to talk to a human, agent, representative, manager or salesperson (not negated, not deferred)",
  buy_now: "wants to buy, sign up, order or start now",
  price_request: "asks what the product or service costs",
  quote_request: "asks for a quote, proposal or estimate",
  contract_request: "asks for the contract, paperwork, order form or the next steps to buy",
  enroll_request: "wants to enrol, apply, open an account or join a plan",
  objection_price: "pushes back on price or budget",
  objection_competitor: "already uses or prefers another provider",
  objection_timing: "says it is not the right time",
  objection_authority: "says someone else must decide or approve",
  objection_trust: "doubts the company, product, security or legitimacy",
  acknowledgement: "accepts what the assistant just said",
  confusion: "does not understand",
  sarcasm: "is sarcastic",
  strong_negative: "is angry, hostile or abusive",
  negative: "has a negative tone",
  not_interested: "declines the offer",
  do_not_call: "asks never to be called again or to be removed from the list",
  wrong_number: "says it is the wrong person or number",
  deferral: "wants to be contacted later",
  authority_decider: "says they alone make or sign the buying decision (owner, 'it's my call')",
  authority_joint: "says they decide together with others (a partner, spouse, a board they sit on)",
  authority_other: "says someone else makes the buying decision, not them",
  non_prospect:
    "is no possible buyer of what the company sells: a job seeker, a vendor pitching their own service, someone who wants something else",
};

const readTurnInputSchema = () =>
  z.strictObject(
    Object.fromEntries(
      READER_LABELS.map((label) => [
        label,
        z.number().check(z.minimum(0), z.maximum(1), z.describe(MEANING[label])),
      ]),
    ) as Record<ReaderLabel, z.ZodMiniNumber>,
  );
type ReadTurnInput = ReturnType<typeof readTurnInputSchema>;

export interface BedrockTurnReaderOptions {
  client: BedrockRuntimeClient;
  modelId: string;
  /** The caller is on the line: past this the local reading stands. */
  deadlineMs?: number;
}

/**
 * Bedrock Converse as a turn reader, with forced tool use: one probability per label, validated with
 * zod. Never throws; any failure (deadline, throttling, a malformed tool answer) is `null`.
 */
export class BedrockTurnReader implements SecondOpinion {
  readonly version: string;
  private readonly client: BedrockRuntimeClient;
  private readonly modelId: string;
  private readonly deadlineMs: number;
  /**
   * The answer's schema and its tool document are built with the reader, not at import: a function with the
   * second opinion off (the default) never needs them (cold start).
   */
  private readonly answer: ReadTurnInput = readTurnInputSchema();
  private readonly toolDocument = toolInputDocument(this.answer);

  constructor(options: BedrockTurnReaderOptions) {
    this.client = options.client;
    this.modelId = options.modelId;
    this.deadlineMs = options.deadlineMs ?? 1_000;
    this.version = `bedrock:${options.modelId}`;
  }

  /** `deadlineMs` narrows the reader's own deadline to what the turn has left. */
  async read(input: TurnReaderInput, deadlineMs = this.deadlineMs): Promise<ReaderScores | null> {
    const text = input.text.slice(0, MAX_CUSTOMER_CHARS).trim();
    if (text.length === 0) return null;
    const within = Math.min(deadlineMs, this.deadlineMs);
    const outcome = await converseWithin(this.client, this.command(text, input.aiLine), within);
    return outcome.ok ? scoresOf(outcome.output, this.answer) : null;
  }

  private command(text: string, aiLine: string | undefined): ConverseCommandInput {
    const context = aiLine ? `The assistant just said: "${aiLine.slice(-MAX_AI_CHARS)}"\n` : "";
    return {
      modelId: this.modelId,
      system: [
        {
          text: "You read one customer turn of a sales or service call. Give each signal the probability that the turn carries it. Speech transcripts have no punctuation; chat has typos.",
        },
      ],
      messages: [{ role: "user", content: [{ text: `${context}The customer said: "${text}"` }] }],
      inferenceConfig: { maxTokens: 400, temperature: 0 },
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: READ_TURN_TOOL,
              description: "Record the probability of each signal in the customer's turn.",
              inputSchema: { json: this.toolDocument },
            },
          },
        ],
        toolChoice: { tool: { name: READ_TURN_TOOL } },
      },
    };
  }
}

function scoresOf(output: ConverseCommandOutput, answer: ReadTurnInput): ReaderScores | null {
  const toolUse = (output.output?.message?.content ?? []).find(
    (block) => block.toolUse?.name === READ_TURN_TOOL,
  )?.toolUse;
  const parsed = answer.safeParse(toolUse?.input);
  return parsed.success ? parsed.data : null;
}

import { existsSync } from "node:fs";
import { appendFile, readFile } from "node:fs/promises";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { Transcript } from "../../contracts/transcript.js";
import * as z from "../../contracts/zod.js";
import { BedrockTurnReader } from "../adapters/bedrock-turn-reader.js";
import { READER_LABELS, type ReaderLabel, type ReaderScores } from "../domain/reader/labels.js";
import { isUncertain, type RecordedReadings, readingKey } from "../domain/reader/second-opinion.js";
import type { TurnReader } from "../domain/reader/turn-reader.js";

const Reading = z.strictObject({
  ai: z.string(),
  text: z.string(),
  scores: z.strictObject(
    Object.fromEntries(
      READER_LABELS.map((label) => [label, z.number().check(z.minimum(0), z.maximum(1))]),
    ) as Record<ReaderLabel, z.ZodMiniNumber>,
  ),
});

/** Reads a readings file (JSON Lines); a bad line is an error naming it. */
export async function loadReadings(file: string): Promise<Map<string, ReaderScores>> {
  const readings = new Map<string, ReaderScores>();
  if (!existsSync(file)) return readings;
  for (const [index, line] of (await readFile(file, "utf8")).split("\n").entries()) {
    if (line.trim() === "") continue;
    const parsed = Reading.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(`${file}:${index + 1}: not a reading (${parsed.error.issues[0]?.message})`);
    readings.set(readingKey({ text: parsed.data.text, aiLine: parsed.data.ai }), parsed.data.scores);
  }
  return readings;
}

/** The AI line the engine hands the reader: the state keeps its first 500 characters. */
const AI_LINE_CHARS = 500;

/**
 * Asks Bedrock for every uncertain turn not yet recorded and appends the answers, so later runs
 * (and the tests) replay them offline. Needs AWS credentials and BATON_MODEL_ID.
 */
export async function recordReadings(
  transcripts: readonly Transcript[],
  local: TurnReader,
  file: string,
  recorded: Map<string, ReaderScores>,
): Promise<RecordedReadings> {
  const modelId = process.env.BATON_MODEL_ID;
  if (!modelId) throw new Error("--record needs BATON_MODEL_ID (a Bedrock model or inference profile id)");
  const bedrock = new BedrockTurnReader({
    client: new BedrockRuntimeClient({}),
    modelId,
    deadlineMs: 10_000,
  });
  for (const transcript of transcripts) {
    let aiLine: string | undefined;
    for (const turn of transcript.turns) {
      if (turn.speaker !== "customer") {
        aiLine = turn.speaker === "ai" ? turn.text.slice(0, AI_LINE_CHARS) : aiLine;
        continue;
      }
      const input = { text: turn.text, aiLine };
      const key = readingKey(input);
      if (recorded.has(key) || !isUncertain(local.read(input))) continue;
      const scores = await bedrock.read(input);
      if (!scores) continue;
      recorded.set(key, scores);
      await appendFile(file, `${JSON.stringify({ ai: aiLine ?? "", text: turn.text, scores })}\n`);
    }
  }
  return recorded;
}

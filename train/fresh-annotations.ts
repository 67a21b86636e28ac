import { readFile } from "node:fs/promises";
import * as z from "zod";
import { LexSignal } from "../contracts/campaign.js";
import type { Transcript } from "../contracts/transcript.js";
import { AUTHORITY_LABELS, READER_LABELS, type ReaderLabel } from "../functions/domain/reader/labels.js";
import { FRESH_SOURCE, freshSource } from "./fresh-sets.js";

/**
 * Fresh-set customer turns read by annotators for objections, tone, confusion and declines
 * (data/fresh-turn-annotations.jsonl, data/README.md): the gold label of a call says only which turn hands off,
 * so these are what lets the fresh turns teach the labels a complex call turns on.
 */
export const ANNOTATIONS_FILE = "data/fresh-turn-annotations.jsonl";

const isRequestLabel = (label: ReaderLabel): boolean =>
  (LexSignal.options as readonly string[]).includes(label);

/**
 * The labels an annotator was asked about: all but the requests (the gold label says those), who decides (each
 * call's gold, train/fresh-authority.ts) and no prospect (its own reading, train/fresh-prospects.ts).
 */
export const ANNOTATED_LABELS: readonly ReaderLabel[] = READER_LABELS.filter(
  (label) => !isRequestLabel(label) && !AUTHORITY_LABELS.has(label) && label !== "non_prospect",
);

const isAnnotatedLabel = (label: string): boolean => (ANNOTATED_LABELS as readonly string[]).includes(label);

const AnnotatedTurn = z.strictObject({
  /** `<set>:<call id>`, as in test/corpus/<set>.jsonl. */
  call: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9-]+$/),
  /** The customer turn's index in the call. */
  i: z.number().int().nonnegative(),
  /** Each annotator's labels for the turn, read independently. */
  readings: z.array(z.array(z.string().refine(isAnnotatedLabel, "not an annotated label"))).min(1),
});

/** What a turn teaches: the labels every annotator gave, and the labels every annotator agreed on either way. */
export interface AgreedReading {
  labels: ReaderLabel[];
  decided: ReaderLabel[];
}

/** A label is taught where all readings agree; where they differ it teaches nothing, neither yes nor no. */
export function agreedReading(readings: ReadonlyArray<readonly string[]>): AgreedReading {
  const labels: ReaderLabel[] = [];
  const decided: ReaderLabel[] = [];
  for (const label of ANNOTATED_LABELS) {
    const votes = readings.filter((reading) => reading.includes(label)).length;
    if (votes === readings.length) labels.push(label);
    if (votes === readings.length || votes === 0) decided.push(label);
  }
  return { labels, decided };
}

/** Agreed readings by `<set>:<call id>:<turn>`; a bad line stops with its file and line. */
export async function loadAnnotations(file = ANNOTATIONS_FILE): Promise<Map<string, AgreedReading>> {
  const readings = new Map<string, AgreedReading>();
  const lines = (await readFile(file, "utf8")).split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const parsed = AnnotatedTurn.safeParse(JSON.parse(line));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}:${index + 1}: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    const key = `${parsed.data.call}:${parsed.data.i}`;
    if (readings.has(key)) throw new Error(`${file}:${index + 1}: ${key} is annotated twice`);
    readings.set(key, agreedReading(parsed.data.readings));
  }
  return readings;
}

/** Labels in READER_LABELS order, each once. */
export function inLabelOrder(labels: Iterable<ReaderLabel>): ReaderLabel[] {
  const present = new Set(labels);
  return READER_LABELS.filter((label) => present.has(label));
}

/**
 * `line` teaching what one pass decides of the labels it owns: yes to `yes`, no to the rest of `decided`; the
 * labels other passes own stay as they were, and the line lists `decided` in `annotated` beside theirs.
 */
export function teaching(
  line: TurnLine,
  owns: (label: ReaderLabel) => boolean,
  yes: Iterable<ReaderLabel>,
  decided: Iterable<ReaderLabel>,
): TurnLine {
  const notOwned = (label: ReaderLabel) => !owns(label);
  return {
    ...line,
    labels: inLabelOrder([...line.labels.filter(notOwned), ...yes]),
    annotated: inLabelOrder([...(line.annotated ?? LexSignal.options).filter(notOwned), ...decided]),
  };
}

/** One line of data/corpus/fresh-set-turns.jsonl. */
export interface TurnLine {
  text: string;
  ai?: string;
  labels: ReaderLabel[];
  source: string;
  split: "train";
  annotated?: ReaderLabel[];
}

/**
 * Adds each annotated complex handoff turn of a call that was not cut off as no prospect (its previous customer
 * turn has a line) and merges every annotated turn's agreed reading. Re-running it changes nothing, and re-running
 * it with a changed reading leaves the new reading alone.
 */
export function withAnnotations(
  lines: readonly TurnLine[],
  transcripts: readonly Transcript[],
  set: string,
  annotations: ReadonlyMap<string, AgreedReading>,
): TurnLine[] {
  const merged = [...lines];
  const indexOf = (source: string) => merged.findIndex((line) => line.source === source);
  for (const transcript of transcripts) {
    const gold = transcript.labels;
    if (gold?.trigger !== "complex" || gold.handoffTurn === null) continue;
    const turn = gold.handoffTurn;
    const source = `${freshSource(set)}${transcript.id}:${turn}`;
    if (!annotations.has(`${set}:${transcript.id}:${turn}`) || indexOf(source) >= 0) continue;
    const previous = transcript.turns.findLastIndex((line, at) => at < turn && line.speaker === "customer");
    const after =
      previous < 0 ? merged.length - 1 : indexOf(`${freshSource(set)}${transcript.id}:${previous}`);
    if (previous >= 0 && after < 0) continue;
    const aiLine = transcript.turns.findLast((line, at) => at < turn && line.speaker === "ai")?.text;
    const text = transcript.turns[turn]?.text ?? "";
    merged.splice(after + 1, 0, {
      text,
      ...(aiLine ? { ai: aiLine } : {}),
      labels: [],
      source,
      split: "train",
    });
  }
  return merged.map((line) => {
    const reading = annotations.get(line.source.slice(FRESH_SOURCE.length));
    if (!reading) return line;
    // The reading of today owns the annotated labels; the line's others (its requests, who decides, no prospect)
    // come from their own passes.
    return teaching(line, isAnnotatedLabel, reading.labels, reading.decided);
  });
}

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import * as z from "zod";
import { isReaderLabel, type ReaderLabel } from "../functions/domain/reader/labels.js";

/** One labeled customer turn (data/README.md). */
export const LabeledTurn = z
  .strictObject({
    text: z.string().min(1),
    ai: z.string().optional(),
    labels: z.array(
      z.string().refine(isReaderLabel, "not a reader label (functions/domain/reader/labels.ts)"),
    ),
    source: z.string().min(1),
    split: z.enum(["train", "heldout"]),
    /**
     * The labels this turn was read for, when they are not its source's (train/network.ts,
     * `annotatedLabels`): an absent label is a no for these only.
     */
    annotated: z
      .array(z.string().refine(isReaderLabel, "not a reader label (functions/domain/reader/labels.ts)"))
      .optional(),
  })
  // A label the turn was not read for would pass no gradient: a silent loss, so a typed error instead.
  .refine((turn) => !turn.annotated || turn.labels.every((label) => turn.annotated?.includes(label)), {
    message: "a label the turn was not annotated for",
    path: ["annotated"],
  });
export interface Example {
  text: string;
  ai?: string | undefined;
  labels: ReaderLabel[];
  source: string;
  split: "train" | "heldout";
  /** Read once at load: training asks it of every turn for every label. */
  annotated?: ReadonlySet<ReaderLabel> | undefined;
}

export interface LoadedFile {
  file: string;
  sha256: string;
  examples: Example[];
}

/** Reads a JSON Lines file of labeled turns; a bad line stops training with its file and line. */
export async function loadExamples(file: string): Promise<LoadedFile> {
  const bytes = await readFile(file);
  const examples: Example[] = [];
  const lines = bytes.toString("utf8").split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const parsed = LabeledTurn.safeParse(JSON.parse(line));
    if (!parsed.success) {
      throw new Error(
        `${file}:${index + 1}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`,
      );
    }
    const { annotated, ...turn } = parsed.data;
    examples.push({
      ...turn,
      labels: turn.labels as ReaderLabel[],
      ...(annotated ? { annotated: new Set(annotated as ReaderLabel[]) } : {}),
    });
  }
  return { file, sha256: createHash("sha256").update(bytes).digest("hex"), examples };
}

/** The data hash a model records: sha256 over each file's name and sha256, in order. */
export function dataHashOf(files: ReadonlyArray<{ file: string; sha256: string }>): string {
  const hash = createHash("sha256");
  for (const { file, sha256 } of files) hash.update(`${file}\0${sha256}\n`);
  return hash.digest("hex");
}

/** A stable 0..1 draw per text: the calibration split never depends on file order. */
export function unitHash(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0) / 0x1_0000_0000;
}

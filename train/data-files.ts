import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** Every file the default model is trained from, in a fixed order (data/README.md). */
export async function trainingDataFiles(root = "data"): Promise<string[]> {
  const files: string[] = [];
  for (const folder of (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    const dir = join(root, folder.name);
    for (const name of await readdir(dir)) if (name.endsWith(".jsonl")) files.push(join(dir, name));
  }
  return files.sort();
}

export const MODEL_FILE = "models/turn-reader.json";
export const SPELLING_FILE = "models/spelling.txt";
export const SENTENCE_BREAKS_FILE = "models/sentence-breaks.bin";

/** The binary weights beside a header (functions/domain/reader/artifact.ts describes the layout). */
export function weightsFileBeside(headerFile: string): string {
  return `${headerFile.replace(/\.json$/, "")}.bin`;
}

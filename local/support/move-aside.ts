import { rename } from "node:fs/promises";

/**
 * Renames a file or folder to `<path>.<label>-<time>` (e.g. `.local-data/dynamodb.corrupt-2026-11-26T06-49-25Z`)
 * so a bad copy is kept for inspection instead of deleted. Returns the new path.
 */
export async function moveAside(path: string, label: string, at: Date = new Date()): Promise<string> {
  const time = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
  const target = `${path}.${label}-${time}`;
  await rename(path, target);
  return target;
}

import { isAbsolute, relative } from "node:path";

/** A path as the terminal shows it: relative to where `npm start` runs when inside it, else absolute. */
export function showPath(path: string, from = process.cwd()): string {
  const shown = relative(from, path);
  return shown === "" ? "." : shown.startsWith("..") || isAbsolute(shown) ? path : shown;
}

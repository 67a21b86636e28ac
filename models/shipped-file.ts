import { readFileSync } from "node:fs";
import { BatonInputError } from "../functions/domain/errors.js";

/**
 * The bytes of a file `npm run train` writes to models/ and the bundling copies beside the bundle; a missing
 * or unreadable one stops the start with what it is, where it was looked for and why.
 */
export function readShippedFile(path: string, what: string, field: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new BatonInputError(
      `${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; npm run train writes it to models/, the bundling copies it beside the bundle`,
      { field },
    );
  }
}

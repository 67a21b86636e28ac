import { shippedSpelling } from "../../models/spelling.js";
import type { SpellingVocabulary } from "./spelling.js";

/** The vocabulary `npm run train` learned, read once at start (models/spelling.ts). */
export const defaultSpelling: SpellingVocabulary = shippedSpelling();

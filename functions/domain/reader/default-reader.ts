import { shippedSentenceBreaks } from "../../../models/sentence-breaks.js";
import { shippedTurnReaderModel } from "../../../models/turn-reader.js";
import type { SentenceBreakModel } from "./sentence-breaks.js";
import { modelReader, type TurnReader } from "./turn-reader.js";

/**
 * The model that ships with Baton and the sentence breaks of spoken turns (`npm run train` writes both); a
 * corrupt file stops the start with its name.
 */
const shipped = shippedTurnReaderModel();
export const defaultSentenceBreaks: SentenceBreakModel = shippedSentenceBreaks();
export const defaultTurnReader: TurnReader = modelReader(
  shipped.model,
  shipped.version,
  defaultSentenceBreaks,
);

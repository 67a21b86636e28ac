import { fileURLToPath } from "node:url";
import { modelFromArtifact } from "../functions/domain/reader/artifact.js";
import type { TurnReaderModel } from "../functions/domain/reader/model.js";
import { readShippedFile } from "./shipped-file.js";
import header from "./turn-reader.json" with { type: "json" };

/**
 * The weights file sits beside this module: here in models/, and beside index.mjs in the Lambda bundle
 * (the bundling copies it there, infra/bundling.ts), where import.meta.url is the bundle's.
 */
export const SHIPPED_WEIGHTS = new URL("turn-reader.bin", import.meta.url);

/** The model that ships with Baton, read once at start; a missing or corrupt file stops the start with its name. */
export function shippedTurnReaderModel(weights: URL = SHIPPED_WEIGHTS): {
  model: TurnReaderModel;
  version: string;
} {
  const weightsPath = fileURLToPath(weights);
  const bytes = readShippedFile(weightsPath, "turn reader weights", "weights");
  const model = modelFromArtifact(header, bytes, { header: "models/turn-reader.json", weights: weightsPath });
  return { model, version: header.modelVersion };
}

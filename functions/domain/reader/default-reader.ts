import artifact from "../../../models/turn-reader.json" with { type: "json" };
import { modelFromArtifact } from "./artifact.js";
import { modelReader, type TurnReader } from "./turn-reader.js";

/** The model that ships with Baton (`npm run train` writes it); a corrupt file stops the start with its name. */
export const defaultTurnReader: TurnReader = modelReader(
  modelFromArtifact(artifact, "models/turn-reader.json"),
  artifact.modelVersion,
);

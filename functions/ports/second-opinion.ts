import type { ReaderScores } from "../domain/reader/labels.js";
import type { TurnReaderInput } from "../domain/reader/turn-reader.js";

/**
 * A slower, remote turn reader asked only about turns the local model is unsure of (Bedrock in AWS).
 * It never throws: out of time or failing, it answers null and the local reading stands.
 */
export interface SecondOpinion {
  read(input: TurnReaderInput, deadlineMs: number): Promise<ReaderScores | null>;
}

import type { Transcript } from "../contracts/transcript.js";
import { type AgreedReading, type TurnLine, withAnnotations } from "./fresh-annotations.js";
import { withAuthority } from "./fresh-authority.js";
import { type ProspectReadings, withProspects } from "./fresh-prospects.js";

/**
 * A fresh set's training lines with every pass's labels, in an order a second run leaves as it is. Two passes add
 * lines the other labels: no prospect adds the left-out turn that shows a caller is none (annotators read it too),
 * and the annotators' readings add a complex call's handoff turn (a prospect's turn). So no prospect runs again
 * after the readings; with it once, a set derived for the first time lacked no-prospect labels on its complex
 * handoff turns until the next run (session 57, 20 turns of dev-av and dev-aw).
 */
export function labeledFreshLines(
  lines: readonly TurnLine[],
  transcripts: readonly Transcript[],
  set: string,
  annotations: ReadonlyMap<string, AgreedReading>,
  readings: ProspectReadings,
): TurnLine[] {
  const withLeftOutTurns = withProspects(lines, transcripts, set, readings);
  const read = withAnnotations(withLeftOutTurns, transcripts, set, annotations);
  return withAuthority(withProspects(read, transcripts, set, readings), transcripts, set);
}

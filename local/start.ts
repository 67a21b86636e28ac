import { readFile } from "node:fs/promises";
import { defaultCampaign } from "../functions/domain/campaigns.js";
import { replayTranscript } from "../functions/domain/replay.js";
import { parseTranscriptFile } from "../functions/domain/transcript-file.js";

/** `npm start`: replays the bundled sample calls through the engine and shows each handoff's screen pop. */
const file = new URL("./sample-calls.jsonl", import.meta.url);
for (const entry of parseTranscriptFile(await readFile(file), "sample-calls.jsonl")) {
  if ("error" in entry) {
    console.error(`skipped sample line ${entry.line}: ${entry.error.message}`);
    continue;
  }
  const result = replayTranscript(entry.transcript, defaultCampaign);
  console.log(`\n=== ${entry.transcript.id} ===`);
  if (!result.firstHandoff) {
    console.log("no handoff");
    continue;
  }
  const pop = result.firstHandoff.screenPop;
  console.log(`handoff at turn ${result.firstHandoff.turn}: ${pop.trigger} (${pop.reasons.join("; ")})`);
  console.log(`summary:  ${pop.summary}`);
  console.log(`opener:   ${pop.opener}`);
  for (const fact of pop.confirmed)
    console.log(`do not re-ask: ${fact.label} = ${fact.value} (turn ${fact.turn}, "${fact.quote}")`);
  console.log(
    `tone: ${pop.tone.label}, ${pop.tone.trend}; urgency ${pop.urgency}; intents: ${pop.intentTags.join(", ") || "none"}`,
  );
}

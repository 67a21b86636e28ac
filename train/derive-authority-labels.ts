import { readFile, writeFile } from "node:fs/promises";
import { loadTranscripts } from "../functions/cli/load-transcripts.js";
import { defaultCampaign } from "../functions/domain/campaigns.js";
import { compileCampaign, slotAskedBy } from "../functions/domain/compiled-campaign.js";
import { replayTranscript } from "../functions/domain/replay.js";
import { AUTHORITY_LABEL_OF, type AuthorityValue } from "../functions/domain/slots/authority.js";
import { normalizeText } from "../functions/domain/text.js";

/**
 * One-off: who-decides labels for data/corpus/turns.jsonl. A turn gets the conversation's gold authority
 * where the phrase-list reader (slots/authority.ts, before the learned labels) read that same value on it;
 * a conversation whose gold value it never read gets the label on the answer to the AI's authority question.
 * Every other turn carries none. `npx tsx train/derive-authority-labels.ts` rewrites the file in place.
 */
const FILE = "data/corpus/turns.jsonl";
const SETS = ["conversations", "dev-b", "dev-c", "dev-d"];

const compiled = compileCampaign(defaultCampaign);
const labelled = new Map<string, string>();
for (const set of SETS) {
  for (const transcript of await loadTranscripts(`test/corpus/${set}.jsonl`)) {
    const gold = transcript.labels?.slots?.authority as AuthorityValue | undefined;
    if (!gold || !Object.hasOwn(AUTHORITY_LABEL_OF, gold)) continue;
    const label = AUTHORITY_LABEL_OF[gold];
    const replay = replayTranscript(transcript, defaultCampaign);
    const agreeing = replay.steps.filter((step) =>
      step.signals?.slots.some((candidate) => candidate.slot === "authority" && candidate.value === gold),
    );
    const turns = agreeing.map((step) => step.turn);
    if (turns.length === 0) {
      // The customer turn right after the AI asked who decides.
      const answer = transcript.turns.findIndex(
        (turn, index) =>
          turn.speaker === "customer" &&
          index > 0 &&
          transcript.turns[index - 1]?.speaker === "ai" &&
          slotAskedBy(compiled, normalizeText(transcript.turns[index - 1]?.text ?? "")) === "authority",
      );
      if (answer >= 0) turns.push(answer);
    }
    for (const turn of turns) labelled.set(`corpus:${set}:${transcript.id}:${turn}`, label);
  }
}

const lines = (await readFile(FILE, "utf8")).split("\n").filter((line) => line.trim() !== "");
let found = 0;
const out = lines.map((line) => {
  const example = JSON.parse(line) as { labels: string[]; source: string };
  const label = labelled.get(example.source);
  const labels = example.labels.filter((l) => !l.startsWith("authority_"));
  if (label) {
    labels.push(label);
    found++;
  }
  return JSON.stringify({ ...example, labels: labels.sort() });
});
await writeFile(FILE, `${out.join("\n")}\n`);
console.log(`${FILE}: ${found} of ${labelled.size} who-decides labels placed on ${lines.length} turns`);

import type { Transcript } from "../contracts/transcript.js";
import { DEFAULT_CAMPAIGN_DIR, loadCampaignRegistry } from "../functions/cli/campaign-option.js";
import { loadTranscripts } from "../functions/cli/load-transcripts.js";
import { evaluate, type Scores } from "../functions/domain/evaluation.js";
import { inForm, seedOf } from "../functions/domain/forms.js";
import { defaultTurnReader } from "../functions/domain/reader/default-reader.js";

/**
 * `npx tsx bench/chat-draws.ts [draws] [--sets a,b]`: the chat form's cost, as the written form against the
 * mean of several typo draws (the chat form's own typos, seeded `draws` ways), on the sets a choice may look
 * at. One draw moves a set by a call either way; ten say what a spelling change is worth.
 */
const LOOK_SETS = [
  "conversations",
  "dev-b",
  "dev-c",
  "dev-d",
  "insurance-quotes",
  "ledgerly-demo",
  "dev-e",
  "dev-f",
  "dev-g",
];
const args = process.argv.slice(2);
const draws = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 10);
const setsAt = args.indexOf("--sets");
const sets = setsAt >= 0 ? (args[setsAt + 1] ?? "").split(",") : LOOK_SETS;
const campaigns = await loadCampaignRegistry(DEFAULT_CAMPAIGN_DIR);
const score = (transcripts: Transcript[]): Scores =>
  evaluate(transcripts, (id) => campaigns.get(id), defaultTurnReader).engine;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

/** Draw 0 is the chat form as `npm run eval -- --form chat` scores it; draw d shifts every seed. */
function inChat(transcript: Transcript, draw: number): Transcript {
  const seed = seedOf(transcript.id) + draw * 7919;
  return {
    ...transcript,
    turns: transcript.turns.map((turn, index) =>
      turn.speaker === "customer" ? { ...turn, text: inForm(turn.text, "chat", seed + index) } : turn,
    ),
  };
}

const totals = { written: 0, writtenSlots: 0, chat: 0, chatEarly: 0, chatSlots: 0 };
console.log(
  `set               written on time / slot F1 | chat, mean of ${draws} draws: on time / early / slot F1`,
);
for (const set of sets) {
  const transcripts = await loadTranscripts(`test/corpus/${set}.jsonl`);
  const written = score(transcripts);
  const chat = { onTime: 0, early: 0, slotF1: 0 };
  for (let draw = 1; draw <= draws; draw++) {
    const scores = score(transcripts.map((transcript) => inChat(transcript, draw)));
    chat.onTime += scores.onTime / draws;
    chat.early += scores.early / draws;
    chat.slotF1 += scores.slotF1 / draws;
  }
  totals.written += written.onTime / sets.length;
  totals.writtenSlots += written.slotF1 / sets.length;
  totals.chat += chat.onTime / sets.length;
  totals.chatEarly += chat.early / sets.length;
  totals.chatSlots += chat.slotF1 / sets.length;
  console.log(
    `${set.padEnd(17)} ${pct(written.onTime)} / ${pct(written.slotF1)}        | ${pct(chat.onTime)} / ${pct(chat.early)} / ${pct(chat.slotF1)}`,
  );
}
console.log(
  `${"mean".padEnd(17)} ${pct(totals.written)} / ${pct(totals.writtenSlots)}        | ${pct(totals.chat)} / ${pct(totals.chatEarly)} / ${pct(totals.chatSlots)}`,
);

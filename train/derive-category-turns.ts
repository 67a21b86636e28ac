import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { loadCampaignRegistry } from "../functions/cli/campaign-option.js";
import { loadTranscripts } from "../functions/cli/load-transcripts.js";
import { compileCampaign, slotAskedBy } from "../functions/domain/compiled-campaign.js";
import { defaultTurnReader } from "../functions/domain/reader/default-reader.js";
import { replayTranscript } from "../functions/domain/replay.js";
import { normalizeText } from "../functions/domain/text.js";
import { CATEGORY_TURNS_FILE, type CategoryTurn } from "./category-values.js";
import { FRESH_LOOK_SETS } from "./fresh-sets.js";

/**
 * The labeled calls the turn reader trains on (the dev sets of train/derive-corpus-turns.ts and the fresh sets),
 * as turns that name a slot's value: each customer turn where the campaign's examples and rules alone read a new
 * value of a category, amount or timeline slot, or that answers the AI's question for a category slot, labeled
 * with the value the call's gold label gives it; and every customer turn of a call whose gold label leaves the
 * slot empty, labeled as naming none (`value` null), so a model learns when a turn names a value the examples
 * missed, and when an amount or a date said is no budget or timeline.
 *
 * `npx tsx train/derive-category-turns.ts` writes data/category-turns.jsonl from scratch, with the shipped reader.
 */
const FILES = [
  "test/corpus/conversations.jsonl",
  "test/corpus/dev-b.jsonl",
  "test/corpus/dev-c.jsonl",
  "test/corpus/dev-d.jsonl",
  ...FRESH_LOOK_SETS.map((set) => `test/corpus/${set}.jsonl`),
];

/** The slots a model learns for: which value a category names, and whether an amount or a date is a value at all. */
const LEARNED_KINDS: ReadonlySet<string> = new Set(["category", "amount", "timeline"]);

const campaigns = await loadCampaignRegistry("campaigns");
const turns: CategoryTurn[] = [];
for (const file of FILES) {
  const set = basename(file, ".jsonl");
  for (const transcript of await loadTranscripts(file)) {
    const campaign = campaigns.get(transcript.campaign);
    const labels = transcript.labels;
    if (!campaign || !labels) continue;
    const gold = labels.slots ?? {};
    const source = `${set}:${transcript.id}`;
    const categories = campaign.slots.filter((slot) => slot.kind === "category");
    const learned = campaign.slots.filter((slot) => LEARNED_KINDS.has(slot.kind));
    // A call whose labels leave a slot empty names none of its values in any customer turn.
    for (const slot of learned.filter((slot) => !gold[slot.name])) {
      for (const [turn, line] of transcript.turns.entries()) {
        if (line.speaker !== "customer" || line.text.trim() === "") continue;
        turns.push({ source, campaign: campaign.id, slot: slot.name, turn, text: line.text, value: null });
      }
    }
    if (!learned.some((slot) => gold[slot.name])) continue;
    const replay = replayTranscript(transcript, campaign, defaultTurnReader, undefined, null);
    // An answer to the AI's question for a category slot states its value, in words the examples may not know.
    // compileCampaign keeps one compilation per campaign object, so this is not per call.
    const compiled = compileCampaign(campaign);
    const changed = new Set(
      replay.steps.filter((step) => (step.slotChanges ?? []).length > 0).map((step) => step.turn),
    );
    for (const [turn, line] of transcript.turns.entries()) {
      const before = transcript.turns[turn - 1];
      if (line.speaker !== "customer" || before?.speaker !== "ai" || changed.has(turn)) continue;
      const asked = slotAskedBy(compiled, normalizeText(before.text.slice(-240)));
      const value = asked ? gold[asked] : undefined;
      if (!asked || !value || !categories.some((slot) => slot.name === asked)) continue;
      turns.push({ source, campaign: campaign.id, slot: asked, turn, text: line.text, value });
    }
    for (const step of replay.steps) {
      for (const change of step.slotChanges ?? []) {
        const value = gold[change.slot];
        if (!value || !learned.some((slot) => slot.name === change.slot)) continue;
        turns.push({
          source,
          campaign: campaign.id,
          slot: change.slot,
          turn: step.turn,
          text: step.text,
          value,
        });
      }
    }
  }
}
await writeFile(CATEGORY_TURNS_FILE, turns.map((turn) => `${JSON.stringify(turn)}\n`).join(""));
console.log(`${CATEGORY_TURNS_FILE}: ${turns.length} turns from ${FILES.length} files`);

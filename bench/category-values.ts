import type { Transcript } from "../contracts/transcript.js";
import { loadCampaignRegistry } from "../functions/cli/campaign-option.js";
import { loadTranscripts } from "../functions/cli/load-transcripts.js";
import { enginePredictor, score } from "../functions/domain/evaluation.js";
import { FORMS, transcriptInForm } from "../functions/domain/forms.js";
import { defaultTurnReader } from "../functions/domain/reader/default-reader.js";
import type { SlotTally } from "../functions/domain/slot-errors.js";
import { type CategoryValueReader, categoryValueReader } from "../functions/domain/slots/category-values.js";
import { defaultCategoryValues } from "../functions/domain/slots/default-category-values.js";
import { categorySlots, loadCategoryTurns, trainCategoryValues } from "../train/category-values.js";
import { FRESH_FOLDS } from "../train/fresh-sets.js";
import { LOOK_SETS } from "./reader.js";

/** The slots the learned models read (who decides is the turn reader's). */
const SLOTS = ["need", "budget", "timeline"] as const;

/** Per slot its tally over calls; the slot F1 of every slot and the handoff timing, summed over calls. */
interface SlotFigures {
  tallies: Record<(typeof SLOTS)[number], SlotTally>;
  calls: number;
  slotF1: number;
  onTime: number;
  early: number;
}

const emptyTally = (): SlotTally => ({ right: 0, wrong: 0, missed: 0, extra: 0 });
const emptyFigures = (): SlotFigures => ({
  tallies: { need: emptyTally(), budget: emptyTally(), timeline: emptyTally() },
  calls: 0,
  slotF1: 0,
  onTime: 0,
  early: 0,
});

/**
 * The slots read by the campaign's examples and rules alone (`values` null) and with the learned models, per
 * form, added into `into`. The turn reader is the shipped one throughout: what differs is only the slot reading.
 */
async function addFigures(
  into: Map<string, SlotFigures>,
  transcripts: readonly Transcript[],
  values: CategoryValueReader | null,
): Promise<void> {
  const campaigns = await loadCampaignRegistry("campaigns");
  for (const form of FORMS) {
    const inForm = transcripts.map((transcript) => transcriptInForm(transcript, form));
    const predict = enginePredictor(defaultTurnReader, undefined, values);
    const predictions = inForm.map((transcript) => {
      const campaign = campaigns.get(transcript.campaign);
      if (!campaign) throw new Error(`${transcript.id}: unknown campaign ${transcript.campaign}`);
      return predict(transcript, campaign);
    });
    const scores = score(inForm, predictions);
    const total = into.get(form) ?? emptyFigures();
    for (const slot of SLOTS) {
      const tally = scores.slots.bySlot[slot] ?? emptyTally();
      const sum = total.tallies[slot];
      sum.right += tally.right;
      sum.wrong += tally.wrong;
      sum.missed += tally.missed;
      sum.extra += tally.extra;
    }
    const calls = inForm.length;
    total.calls += calls;
    total.slotF1 += scores.slotF1 * calls;
    total.onTime += scores.onTime * calls;
    total.early += scores.early * calls;
    into.set(form, total);
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function line(label: string, figures: ReadonlyMap<string, SlotFigures>): string {
  return `${label}: ${FORMS.map((form) => {
    const f = figures.get(form);
    if (!f) return `${form} -`;
    const slots = SLOTS.map((slot) => {
      const t = f.tallies[slot];
      return `${slot} ${t.right}/${t.wrong}/${t.missed}/${t.extra}`;
    }).join(", ");
    return `${form} ${slots}, slot F1 ${pct(f.slotF1 / f.calls)}, on time ${pct(f.onTime / f.calls)}, early ${pct(f.early / f.calls)}`;
  }).join("; ")}`;
}

/**
 * `npm run bench`, category values: right / wrong / missed / extra per slot on the fresh sets, each fold read by
 * models trained without the fold's calls, against the campaign's examples and rules alone; and on the look sets
 * dev-e to dev-g, which no model trained on.
 */
export async function categoryValueFigures(): Promise<string[]> {
  const loaded = await loadCategoryTurns();
  const chooses = await categorySlots();
  const alone = new Map<string, SlotFigures>();
  const learned = new Map<string, SlotFigures>();
  for (const fold of FRESH_FOLDS) {
    const transcripts = (
      await Promise.all(fold.map((set) => loadTranscripts(`test/corpus/${set}.jsonl`)))
    ).flat();
    const { models } = trainCategoryValues(
      loaded,
      chooses,
      fold.map((set) => `${set}:`),
    );
    await addFigures(alone, transcripts, null);
    await addFigures(learned, transcripts, categoryValueReader(models));
  }
  const look = (
    await Promise.all(LOOK_SETS.map((set) => loadTranscripts(`test/corpus/${set}.jsonl`)))
  ).flat();
  const lookAlone = new Map<string, SlotFigures>();
  const lookLearned = new Map<string, SlotFigures>();
  await addFigures(lookAlone, look, null);
  await addFigures(lookLearned, look, defaultCategoryValues);
  const calls = alone.get("written")?.calls ?? 0;
  return [
    `right/wrong/missed/extra per slot`,
    line(`fresh sets by fold (${calls} calls), the examples and rules alone`, alone),
    line("  with the models learned without the fold", learned),
    line(
      `${LOOK_SETS.join("/")} (${look.length} calls, never trained on), the examples and rules alone`,
      lookAlone,
    ),
    line("  with the shipped models", lookLearned),
  ];
}

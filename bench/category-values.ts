import type { Transcript } from "../contracts/transcript.js";
import { loadCampaignRegistry } from "../functions/cli/campaign-option.js";
import { loadTranscripts } from "../functions/cli/load-transcripts.js";
import { enginePredictor, score } from "../functions/domain/evaluation.js";
import { FORMS, transcriptInForm } from "../functions/domain/forms.js";
import { defaultTurnReader } from "../functions/domain/reader/default-reader.js";
import type { CategoryValueReader } from "../functions/domain/slots/category-values.js";
import { categoryValueReader } from "../functions/domain/slots/category-values.js";
import { defaultCategoryValues } from "../functions/domain/slots/default-category-values.js";
import { loadCategoryTurns, trainCategoryValues } from "../train/category-values.js";
import { FRESH_FOLDS } from "../train/fresh-sets.js";
import { LOOK_SETS } from "./reader.js";

/** The need slot's tally over calls, and the slot F1 of every slot. */
export interface NeedFigures {
  right: number;
  wrong: number;
  missed: number;
  extra: number;
  slotF1: number;
  /** Calls handed off on time and early (a need filled sooner can complete a qualification sooner). */
  onTime: number;
  early: number;
}

/**
 * The need slot read by the campaign's examples alone (`values` null) and with the learned category values,
 * per form. The turn reader is the shipped one throughout: what differs is only which value a turn names.
 */
async function needFigures(
  transcripts: readonly Transcript[],
  values: CategoryValueReader | null,
): Promise<Map<string, NeedFigures>> {
  const campaigns = await loadCampaignRegistry("campaigns");
  const figures = new Map<string, NeedFigures>();
  for (const form of FORMS) {
    const inForm = transcripts.map((transcript) => transcriptInForm(transcript, form));
    const predict = enginePredictor(defaultTurnReader, undefined, values);
    const predictions = inForm.map((transcript) => {
      const campaign = campaigns.get(transcript.campaign);
      if (!campaign) throw new Error(`${transcript.id}: unknown campaign ${transcript.campaign}`);
      return predict(transcript, campaign);
    });
    const scores = score(inForm, predictions);
    const need = scores.slots.bySlot.need ?? { right: 0, wrong: 0, missed: 0, extra: 0 };
    figures.set(form, {
      right: need.right,
      wrong: need.wrong,
      missed: need.missed,
      extra: need.extra,
      slotF1: scores.slotF1,
      onTime: scores.onTime,
      early: scores.early,
    });
  }
  return figures;
}

function sum(into: Map<string, NeedFigures>, add: Map<string, NeedFigures>, calls: number): void {
  for (const [form, figures] of add) {
    const total = into.get(form) ?? {
      right: 0,
      wrong: 0,
      missed: 0,
      extra: 0,
      slotF1: 0,
      onTime: 0,
      early: 0,
    };
    into.set(form, {
      right: total.right + figures.right,
      wrong: total.wrong + figures.wrong,
      missed: total.missed + figures.missed,
      extra: total.extra + figures.extra,
      // Weighted by calls: summed here, divided in `line`.
      slotF1: total.slotF1 + figures.slotF1 * calls,
      onTime: total.onTime + figures.onTime * calls,
      early: total.early + figures.early * calls,
    });
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const needF1 = (f: NeedFigures) => (2 * f.right) / (2 * f.right + 2 * f.wrong + f.missed + f.extra);

function line(label: string, figures: Map<string, NeedFigures>, calls = 1): string {
  return `${label}: ${FORMS.map((form) => {
    const f = figures.get(form);
    return f
      ? `${form} need right ${f.right} wrong ${f.wrong} missed ${f.missed} extra ${f.extra} (need F1 ${pct(needF1(f))}), slot F1 ${pct(f.slotF1 / calls)}, on time ${pct(f.onTime / calls)}, early ${pct(f.early / calls)}`
      : `${form} -`;
  }).join("; ")}`;
}

/**
 * `npm run bench`, category values: the fresh sets, each fold's need read by models trained without the fold's
 * calls, against the examples alone; and the look sets dev-e to dev-g, which no model trained on.
 */
export async function categoryValueFigures(): Promise<string[]> {
  const loaded = await loadCategoryTurns();
  const examplesAlone = new Map<string, NeedFigures>();
  const learned = new Map<string, NeedFigures>();
  let calls = 0;
  for (const fold of FRESH_FOLDS) {
    const transcripts = (
      await Promise.all(fold.map((set) => loadTranscripts(`test/corpus/${set}.jsonl`)))
    ).flat();
    const { models } = trainCategoryValues(
      loaded,
      fold.map((set) => `${set}:`),
    );
    sum(examplesAlone, await needFigures(transcripts, null), transcripts.length);
    sum(learned, await needFigures(transcripts, categoryValueReader(models)), transcripts.length);
    calls += transcripts.length;
  }
  const look = (
    await Promise.all(LOOK_SETS.map((set) => loadTranscripts(`test/corpus/${set}.jsonl`)))
  ).flat();
  return [
    line(`fresh sets by fold (${calls} calls), examples alone`, examplesAlone, calls),
    line("  with values learned without the fold", learned, calls),
    line(
      `${LOOK_SETS.join("/")} (${look.length} calls, never trained on), examples alone`,
      await needFigures(look, null),
    ),
    line("  with the shipped learned values", await needFigures(look, defaultCategoryValues)),
  ];
}

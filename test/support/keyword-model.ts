import { FeatureRows } from "../../functions/domain/reader/feature-rows.js";
import { featurize } from "../../functions/domain/reader/features.js";
import { READER_LABELS, type ReaderLabel } from "../../functions/domain/reader/labels.js";
import type { TurnReaderModel } from "../../functions/domain/reader/model.js";

/** What one label hears: its signal's words push it up, the noise's other words push it down. */
export interface KeywordLabel {
  signal: readonly string[];
  noise?: readonly string[];
}

/**
 * A tiny turn reader model for testing how turns are read, not what the trained model knows: each label has one
 * hidden unit; every feature of its signal texts adds to it and every other feature of its noise texts takes
 * away, so the signal read alone is sure (about 1) and the signal inside enough noise is not (about 0). Tests of
 * the mechanism (sentences, clauses, windows, bars) built on it do not break when the shipped model is
 * retrained; what the shipped model hears is tested apart (`reader-phrasings.test.ts`).
 */
export function keywordModel(spec: Partial<Record<ReaderLabel, KeywordLabel>>): TurnReaderModel {
  const labels = Object.entries(spec) as Array<[ReaderLabel, KeywordLabel]>;
  // A row holds whole words of four units (feature-rows.ts); unused units weigh nothing.
  const hidden = Math.max(4, Math.ceil(labels.length / 4) * 4);
  const rows = new Map<number, Int8Array>();
  const rowOf = (hash: number) => {
    let row = rows.get(hash);
    if (!row) {
      row = new Int8Array(hidden);
      rows.set(hash, row);
    }
    return row;
  };
  labels.forEach(([, { signal, noise = [] }], unit) => {
    const heard = new Set(signal.flatMap((text) => featurize({ text })));
    for (const hash of heard) rowOf(hash)[unit] = SIGNAL_WEIGHT;
    for (const text of noise)
      for (const hash of featurize({ text })) if (!heard.has(hash)) rowOf(hash)[unit] = NOISE_WEIGHT;
  });
  const hashes = [...rows.keys()];
  const weights = new Int8Array(hashes.length * hidden);
  for (const [i, hash] of hashes.entries()) weights.set(rows.get(hash) as Int8Array, i * hidden);
  const width = READER_LABELS.length;
  const output = new Float64Array(hidden * width);
  labels.forEach(([label], unit) => {
    output[unit * width + READER_LABELS.indexOf(label)] = 1;
  });
  return {
    labels: READER_LABELS,
    rows: FeatureRows.fromRows(hashes, weights, hidden),
    inputScale: new Float64Array(hidden).fill(INPUT_SCALE),
    hiddenBias: new Float64Array(hidden),
    output,
    // A label nothing pushes reads sigmoid(-4), about 0.02.
    outputBias: new Float64Array(width).fill(-4),
  };
}

const SIGNAL_WEIGHT = 10;
const NOISE_WEIGHT = -10;
const INPUT_SCALE = 0.05;

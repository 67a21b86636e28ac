import { speechTranscript } from "../functions/domain/forms.js";
import { speechWords } from "../functions/domain/reader/features.js";
import {
  BREAK_FEATURES,
  breakFeatures,
  type SentenceBreakModel,
  sentenceEnds,
  wordHash,
} from "../functions/domain/reader/sentence-breaks.js";
import type { SentenceBreaksArtifact } from "../functions/domain/reader/sentence-breaks-file.js";
import { dataHashOf, type Example, type LoadedFile } from "./examples.js";
import { isFreshSource } from "./fresh-sets.js";

/** 2^18 int8 weights: 256 KB beside the bundle (held-out F1 0.68; 2^16 weights, fewer features apart: 0.66). */
export const SENTENCE_BREAK_BITS = 18;
const EPOCHS = 8;
/** Every fifth text is held out to choose the threshold, then the model is trained again on all. */
const FOLD_EVERY = 5;

/** A text as a speech recogniser would write it, and after which of its words a sentence ended. */
export interface SpokenText {
  hashes: number[];
  ends: boolean[];
}

/**
 * "Yes. What does it cost?" is "yes what does it cost", a sentence ending after "yes"; null for a text of
 * fewer than two words or with no punctuation at all.
 */
export function spokenText(written: string): SpokenText | null {
  // Written without any punctuation (as many training turns are, to read like speech), a text says nothing
  // about where its sentences end: read as one sentence it would teach that none ends inside it.
  if (!/[.!?,;:]/.test(written)) return null;
  const hashes: number[] = [];
  const ends: boolean[] = [];
  // A sentence ends at . ! or ? before a space or the end; "3.5" and "$1,200.00" stay one.
  for (const sentence of written.split(/(?<=[.!?])\s+/)) {
    const words = speechWords(speechTranscript(sentence));
    if (!words || words.length === 0) continue;
    if (ends.length > 0) ends[ends.length - 1] = true;
    for (const word of words) {
      hashes.push(wordHash(word));
      ends.push(false);
    }
  }
  // The last word ends the text, not a sentence within it.
  ends.pop();
  return hashes.length >= 2 ? { hashes, ends } : null;
}

/**
 * The sentence-break model for the turn reader (functions/domain/reader/sentence-breaks.ts), learned from
 * the punctuation of every training turn and AI line: an averaged perceptron over hashed features. Most
 * texts are one sentence, so consecutive one-sentence texts are also joined in pairs, as a caller says two
 * things in one breath. The threshold is the one that reads sentence ends best (F1) on a fifth of the texts
 * held out, scaled onto the model trained on all of them. Deterministic: the same data gives the same bytes.
 */
export function trainSentenceBreaks(
  loaded: readonly LoadedFile[],
  exclude: readonly string[] = [],
): SentenceBreaksArtifact & { heldOutF1: number } {
  // The fresh sets' call turns teach no sentence ends: trained with them, the breaks found no end before the
  // question that closes a long spoken story (test/unit/turn-reader-sentences.test.ts).
  const used = (example: Example) =>
    example.split === "train" &&
    !isFreshSource(example.source) &&
    !exclude.some((prefix) => example.source.startsWith(prefix));
  const texts = new Set<string>();
  for (const example of loaded.flatMap((file) => file.examples).filter(used)) {
    texts.add(example.text);
    if (example.ai) texts.add(example.ai);
  }
  const spoken = [...texts].map(spokenText).filter((text): text is SpokenText => text !== null);
  const fold = spoken.filter((_, index) => index % FOLD_EVERY === 0);
  const rest = spoken.filter((_, index) => index % FOLD_EVERY !== 0);
  const trial = quantized(perceptron(withPairs(rest)));
  const { threshold, f1 } = bestThreshold(trial, withPairs(fold));
  const model = quantized(perceptron(withPairs(spoken)));
  return {
    dataHash: dataHashOf(loaded),
    bits: SENTENCE_BREAK_BITS,
    weights: model.weights,
    threshold: Math.round(threshold * model.scale),
    heldOutF1: f1,
  };
}

function withPairs(texts: readonly SpokenText[]): SpokenText[] {
  const several = texts.filter((text) => text.ends.includes(true));
  const single = texts.filter((text) => !text.ends.includes(true));
  const joined: SpokenText[] = [];
  for (let i = 0; i + 1 < single.length; i += 2) {
    const first = single[i] as SpokenText;
    const second = single[i + 1] as SpokenText;
    joined.push({
      hashes: [...first.hashes, ...second.hashes],
      ends: [...first.ends, true, ...second.ends],
    });
  }
  return [...several, ...joined];
}

function perceptron(texts: readonly SpokenText[]): Float64Array {
  const size = 2 ** SENTENCE_BREAK_BITS;
  const mask = size - 1;
  const weights = new Float64Array(size);
  // Updates weighted by when they happened: the averaged weights are weights - stamped / steps.
  const stamped = new Float64Array(size);
  const slots = new Int32Array(BREAK_FEATURES);
  let step = 1;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const text of texts) {
      for (let i = 0; i < text.ends.length; i++, step++) {
        breakFeatures(text.hashes, i, mask, slots);
        let sum = 0;
        for (const s of slots) sum += weights[s] as number;
        const truth = text.ends[i] ? 1 : -1;
        if (truth * sum > 0) continue;
        for (const s of slots) {
          weights[s] = (weights[s] as number) + truth;
          stamped[s] = (stamped[s] as number) + truth * step;
        }
      }
    }
  }
  return weights.map((weight, s) => weight - (stamped[s] as number) / step);
}

function quantized(weights: Float64Array): { weights: Int8Array; scale: number } {
  let largest = 0;
  for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest === 0 ? 1 : 127 / largest;
  return { weights: Int8Array.from(weights, (weight) => Math.round(weight * scale)), scale };
}

/** The threshold (in unscaled units) that reads the texts' sentence ends with the best F1, and that F1. */
function bestThreshold(
  trial: { weights: Int8Array; scale: number },
  texts: readonly SpokenText[],
): { threshold: number; f1: number } {
  let best = { threshold: 0, f1: -1 };
  for (let threshold = -6; threshold <= 2; threshold += 0.5) {
    const model: SentenceBreakModel = {
      bits: SENTENCE_BREAK_BITS,
      weights: trial.weights,
      threshold: Math.round(threshold * trial.scale),
    };
    let found = 0;
    let right = 0;
    let real = 0;
    for (const text of texts) {
      const ends = sentenceEnds(model, text.hashes);
      for (const [i, end] of ends.entries()) {
        if (end) found++;
        if (text.ends[i]) real++;
        if (end && text.ends[i]) right++;
      }
    }
    const f1 = found + real === 0 ? 0 : (2 * right) / (found + real);
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best;
}

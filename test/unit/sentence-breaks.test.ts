import { describe, expect, it } from "vitest";
import { speechWords } from "../../functions/domain/reader/features.js";
import {
  BREAK_FEATURES,
  breakFeatures,
  type SentenceBreakModel,
  sentenceEnds,
  wordHash,
} from "../../functions/domain/reader/sentence-breaks.js";
import { shippedSentenceBreaks } from "../../models/sentence-breaks.js";
import type { LoadedFile } from "../../train/examples.js";
import { spokenText, trainSentenceBreaks } from "../../train/sentence-breaks.js";

const hashesOf = (text: string) => (speechWords(text) ?? []).map(wordHash);

/** The spoken turn with a bar where the model ends a sentence. */
function withEnds(model: SentenceBreakModel, text: string): string {
  const words = speechWords(text) ?? [];
  const ends = sentenceEnds(model, words.map(wordHash));
  return words.map((word, i) => (ends[i] ? `${word} |` : word)).join(" ");
}

describe("sentenceEnds", () => {
  it("ends a sentence where the gap's weights sum above the threshold, and nowhere else", () => {
    // Prepare: one weight, on the pair "up" + "how"
    const bits = 16;
    const hashes = hashesOf("set it up how much is it");
    const slots = breakFeatures(hashes, 2, (1 << bits) - 1, new Int32Array(BREAK_FEATURES));
    const weights = new Int8Array(1 << bits);
    weights[slots[3] as number] = 5;
    // Act
    const ends = sentenceEnds({ bits, weights, threshold: 4 }, hashes);
    // Assess
    expect(ends).toEqual([false, false, true, false, false, false]);
  });

  it("reads every digit-led word as one word, as the turn reader does", () => {
    // Prepare
    const [twenty, fifty] = [wordHash("20"), wordHash("50k")];
    // Act
    const word = wordHash("twenty");
    // Assess
    expect(twenty).toBe(fifty);
    expect(word).not.toBe(twenty);
  });
});

describe("spokenText", () => {
  it("marks the word each written sentence ends on, but not the text's last, and keeps 3.5 one word", () => {
    // Prepare
    const written = "Yes. It's about 3.5 thousand a month! What does it cost?";
    // Act
    const spoken = spokenText(written);
    // Assess
    expect(spoken?.hashes).toEqual(hashesOf("yes its about 3 5 thousand a month what does it cost"));
    expect(spoken?.ends).toEqual([true, false, false, false, false, false, false, true, false, false, false]);
  });

  it("takes no lesson from a text written without punctuation, nor from one word", () => {
    // Prepare
    const unpunctuated = "nah youre good i dont need a person what does it cost";
    // Act
    const read = [spokenText(unpunctuated), spokenText("Yes.")];
    // Assess
    expect(read).toEqual([null, null]);
  });
});

describe("trainSentenceBreaks", () => {
  it("learns from punctuation where sentences end in speech, and is deterministic", () => {
    // Prepare: sentences that end on "please" or "thanks", and ones that do not
    const texts = [
      "Send the contract please. How long does it take?",
      "Call me back tomorrow please. Who else uses it?",
      "Set it up please. When can you start?",
      "Email the quote thanks. What happens next?",
      "Book the demo thanks. Where do I sign?",
      "Please send it over today.",
      "Thanks for calling back so soon.",
      "How long does it take to set up?",
      "When can you start the install?",
    ];
    const loaded: LoadedFile[] = [
      {
        file: "data/authored/test.jsonl",
        sha256: "0".repeat(64),
        examples: texts.map((text) => ({ text, labels: [], source: "authored", split: "train" as const })),
      },
    ];
    // Act
    const model = trainSentenceBreaks(loaded);
    const again = trainSentenceBreaks(loaded);
    // Assess
    expect(withEnds(model, "fax the form please how soon is it live")).toBe(
      "fax the form please | how soon is it live",
    );
    expect(Buffer.from(again.weights).equals(Buffer.from(model.weights))).toBe(true);
    expect(again.threshold).toBe(model.threshold);
  });
});

describe("the shipped sentence breaks", () => {
  it("find where a caller's question starts in an unpunctuated turn", () => {
    // Prepare
    const model = shippedSentenceBreaks();
    // Act
    const read = withEnds(
      model,
      "ok that makes sense we have about twelve people in the office how much would that cost per month",
    );
    // Assess
    expect(read).toBe(
      "ok that makes sense | we have about twelve people in the office | how much would that cost per month",
    );
  });
});

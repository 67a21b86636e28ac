import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A Lex V2 intent generated from the turn reader's training data. */
export interface GeneratedIntent {
  name: string;
  description: string;
  utterances: string[];
}

/**
 * The Lex intents and the reader label each is taught from: the same examples teach both readers, and
 * `functions/domain/reader/read-signals.ts` combines a confident Lex intent with the model's score.
 */
const INTENTS: ReadonlyArray<{ name: string; label: string; description: string }> = [
  { name: "TalkToAgent", label: "person_request", description: "The caller asks for a person" },
  { name: "BuyNow", label: "buy_now", description: "The caller wants to buy, sign up or start now" },
  { name: "RequestPrice", label: "price_request", description: "The caller asks what it costs" },
  { name: "RequestQuote", label: "quote_request", description: "The caller asks for a quote or a proposal" },
  {
    name: "ContractRequest",
    label: "contract_request",
    description: "The caller asks for the contract or next steps",
  },
  {
    name: "EnrollRequest",
    label: "enroll_request",
    description: "The caller wants to enrol, apply or open an account",
  },
];

/** Lex V2 takes at most this many characters in a sample utterance; plenty for a spoken request. */
const MAX_UTTERANCE_CHARS = 200;
const PER_INTENT = 60;

/**
 * Utterances per intent from the authored training turns that carry only that label and mean it on
 * their own (no AI line needed): letters and spaces only, as Lex matches speech, de-duplicated, and
 * chosen by a hash of the text so the bot only changes when the data does.
 */
export function intentsFromTrainingData(dataDir = "data/authored"): GeneratedIntent[] {
  const turns = readdirSync(dataDir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .flatMap((name) => readFileSync(join(dataDir, name), "utf8").split("\n"))
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { text: string; ai?: string; labels: string[] });
  return INTENTS.map(({ name, label, description }) => {
    const utterances = new Map<string, string>();
    for (const turn of turns) {
      if (turn.labels.length !== 1 || turn.labels[0] !== label || turn.ai !== undefined) continue;
      const spoken = turn.text
        .toLowerCase()
        .replace(/['\u2019]/g, "")
        .replace(/[^a-z ]+/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      if (spoken.length < 3 || spoken.length > MAX_UTTERANCE_CHARS || /\d/.test(turn.text)) continue;
      utterances.set(createHash("sha256").update(spoken).digest("hex"), spoken);
    }
    const chosen = [...utterances.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .slice(0, PER_INTENT)
      .map(([, utterance]) => utterance)
      .sort();
    if (chosen.length === 0)
      throw new Error(`no training turn in ${dataDir} teaches the ${name} intent (${label})`);
    return { name, description, utterances: chosen };
  });
}

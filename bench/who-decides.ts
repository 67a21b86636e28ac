import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { defaultCampaign } from "../functions/domain/campaigns.js";
import { compileCampaign, slotAskedBy } from "../functions/domain/compiled-campaign.js";
import { defaultSpelling } from "../functions/domain/default-spelling.js";
import { FORMS, inForm, seedOf, type TurnForm } from "../functions/domain/forms.js";
import { defaultTurnReader } from "../functions/domain/reader/default-reader.js";
import { readAuthority } from "../functions/domain/slots/authority.js";
import { spellTurn } from "../functions/domain/spelling.js";
import { normalizeText } from "../functions/domain/text.js";

/** Who decides, one turn each, written independently and never trained on (test/turns/README.md). */
const FILE = "test/turns/who-decides.jsonl";

const WhoDecidesTurn = z.strictObject({
  id: z.string(),
  ai: z.string().optional(),
  text: z.string().min(1),
  authority: z.enum(["decision_maker", "joint", "not_decision_maker"]).nullable(),
});

export interface WhoDecidesFigures {
  form: TurnForm;
  precision: number;
  recall: number;
  f1: number;
  turns: number;
}

/**
 * The authority slot's reading of each turn as the engine makes it (typos repaired, the default campaign's
 * thresholds, the lower bar when the AI line asks who decides), against the turn's value, in three forms.
 */
export async function whoDecidesFigures(): Promise<WhoDecidesFigures[]> {
  const turns = (await readFile(FILE, "utf8"))
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => WhoDecidesTurn.parse(JSON.parse(line)));
  const compiled = compileCampaign(defaultCampaign);
  const { authority, authorityAnswer } = defaultCampaign.thresholds.reader;
  return FORMS.map((form) => {
    let right = 0;
    let read = 0;
    let said = 0;
    for (const turn of turns) {
      const text = spellTurn(inForm(turn.text, form, seedOf(turn.id)), defaultSpelling, compiled.words).text;
      const asked = turn.ai !== undefined && slotAskedBy(compiled, normalizeText(turn.ai)) === "authority";
      const reading = readAuthority(
        defaultTurnReader.read({ text, aiLine: turn.ai }),
        normalizeText(text),
        asked ? authorityAnswer : authority,
        (sentence) => defaultTurnReader.read({ text: sentence, aiLine: turn.ai }),
      );
      if (reading) read++;
      if (turn.authority) said++;
      if (reading && reading.value === turn.authority) right++;
    }
    const precision = read === 0 ? 1 : right / read;
    const recall = said === 0 ? 1 : right / said;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { form, precision, recall, f1, turns: turns.length };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const row of await whoDecidesFigures()) console.log(JSON.stringify(row));
}

import { Thresholds } from "../../contracts/campaign.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { compileCampaign, slotAskedBy } from "../../functions/domain/compiled-campaign.js";
import { READER_LABELS, type ReaderLabel } from "../../functions/domain/reader/labels.js";
import type { TurnReader } from "../../functions/domain/reader/turn-reader.js";
import { AUTHORITY_LABEL_OF } from "../../functions/domain/slots/authority.js";
import { normalizeText, splitClauses } from "../../functions/domain/text.js";
import { readAuthorityPhrases } from "./authority-phrases.js";
import {
  detectAcknowledgement,
  detectBuyingIntent,
  detectConfusion,
  detectDeferral,
  detectEndReason,
  detectObjections,
  detectPersonRequest,
  readTone,
  type UtteranceInput,
} from "./signals.js";

const DEFAULTS = Thresholds.parse({});
const YES = 0.99;
const NO = 0.01;

/**
 * The phrase-list reader Baton started with (lexicon.ts), behind the same port: kept only as the
 * baseline the trained reader is measured against (`npm run eval -- --reader lexicon`).
 */
export const lexiconReader: TurnReader = {
  version: "lexicon-v0",
  read(input) {
    const text = normalizeText(input.text);
    const utterance: UtteranceInput = { text, clauses: splitClauses(text), sentiment: input.sentiment };
    const fired = new Set<ReaderLabel>();
    if (detectPersonRequest(utterance, DEFAULTS)) fired.add("person_request");
    const buying = detectBuyingIntent(utterance, DEFAULTS);
    if (buying) fired.add(buying);
    for (const kind of detectObjections(utterance, undefined)) fired.add(`objection_${kind}`);
    if (detectAcknowledgement(utterance)) fired.add("acknowledgement");
    if (detectConfusion(utterance)) fired.add("confusion");
    const tone = readTone({ ...utterance, sentiment: undefined }, DEFAULTS);
    if (tone.sarcasm) fired.add("sarcasm");
    if (tone.strongNegative) fired.add("strong_negative");
    if (tone.tone === "negative") fired.add("negative");
    const end = detectEndReason(utterance);
    if (end) fired.add(end);
    if (detectDeferral(utterance)) fired.add("deferral");
    const asked =
      input.aiLine !== undefined &&
      slotAskedBy(compileCampaign(defaultCampaign), normalizeText(input.aiLine)) === "authority";
    const authority = readAuthorityPhrases(utterance.clauses.join(", "), asked);
    if (authority) fired.add(AUTHORITY_LABEL_OF[authority.value]);
    const scores = {} as Record<ReaderLabel, number>;
    for (const label of READER_LABELS) scores[label] = fired.has(label) ? YES : NO;
    return scores;
  },
};

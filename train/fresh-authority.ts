import type { Transcript } from "../contracts/transcript.js";
import { defaultCampaign } from "../functions/domain/campaigns.js";
import { compileCampaign, slotAskedBy } from "../functions/domain/compiled-campaign.js";
import { AUTHORITY_LABELS, type ReaderLabel } from "../functions/domain/reader/labels.js";
import { AUTHORITY_LABEL_OF, type AuthorityValue } from "../functions/domain/slots/authority.js";
import { normalizeText } from "../functions/domain/text.js";
import { type TurnLine, teaching } from "./fresh-annotations.js";
import { FRESH_SOURCE, freshSource } from "./fresh-sets.js";

/** The fresh sets are all the default campaign's calls: its questions are the ones their AI lines ask. */
const compiled = compileCampaign(defaultCampaign);

/**
 * What a fresh call's gold label says of who decides, turn by turn, by `<call id>:<turn>`: the label a turn
 * teaches (none when it says nobody's role). A call's gold authority is its final value over the whole call
 * (test/corpus/README.md), so:
 * - a call with none says nobody's role in any customer turn: each teaches no to the three labels;
 * - a call with one states it in the customer's last answer to the AI's who-decides question, when there is one:
 *   that turn teaches the value. Its other turns may say it in passing, or say an earlier value, so they
 *   teach nothing of who decides.
 * Nothing here reads a model: a retrained reader changes no line.
 */
export function authorityTeaching(transcript: Transcript): Map<string, ReaderLabel | null> {
  const taught = new Map<string, ReaderLabel | null>();
  const gold = transcript.labels;
  if (!gold) return taught;
  const value = gold.slots?.authority;
  const customerTurns = transcript.turns.flatMap((line, turn) => (line.speaker === "customer" ? [turn] : []));
  if (value === undefined) {
    for (const turn of customerTurns) taught.set(`${transcript.id}:${turn}`, null);
    return taught;
  }
  if (!Object.hasOwn(AUTHORITY_LABEL_OF, value)) return taught;
  const label = AUTHORITY_LABEL_OF[value as AuthorityValue];
  const answer = customerTurns.findLast((turn) => {
    const asked = transcript.turns[turn - 1];
    return asked?.speaker === "ai" && slotAskedBy(compiled, normalizeText(asked.text)) === "authority";
  });
  if (answer !== undefined) taught.set(`${transcript.id}:${answer}`, label);
  return taught;
}

/**
 * Each line whose turn `authorityTeaching` decides also teaches the three who-decides labels: yes to the
 * value it states, no to the rest. Its request labels and annotators' reading stay as they are; re-running it
 * changes nothing.
 */
export function withAuthority(
  lines: readonly TurnLine[],
  transcripts: readonly Transcript[],
  set: string,
): TurnLine[] {
  const taught = new Map<string, ReaderLabel | null>();
  for (const transcript of transcripts) {
    for (const [key, label] of authorityTeaching(transcript)) taught.set(`${set}:${key}`, label);
  }
  return lines.map((line) => {
    const key = line.source.slice(FRESH_SOURCE.length);
    if (!line.source.startsWith(freshSource(set)) || !taught.has(key)) return line;
    const label = taught.get(key);
    return teaching(line, (own) => AUTHORITY_LABELS.has(own), label ? [label] : [], AUTHORITY_LABELS);
  });
}

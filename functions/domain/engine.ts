import type { Campaign } from "../../contracts/campaign.js";
import type { HandoffDecision } from "../../contracts/handoff-decision.js";
import type {
  ObjectionRecord,
  Outcome,
  QualificationState,
  SlotValue,
} from "../../contracts/qualification-state.js";
import type { Sentiment, Speaker } from "../../contracts/transcript.js";
import type { BuyingIntentKind, SlotCandidate, TurnSignals } from "../../contracts/turn-signals.js";
import { concedesThenObjects, opensWithAddition } from "./added-concern.js";
import { type CompiledCampaign, compileCampaign, slotAskedBy } from "./compiled-campaign.js";
import { defaultSpelling } from "./default-spelling.js";
import { acceptsOfferedPerson } from "./offered-person.js";
import { decide } from "./policy.js";
import { extractSlots, mergeSlots, missingRequired, type SlotChange } from "./qualification.js";
import { defaultSentenceBreaks, defaultTurnReader } from "./reader/default-reader.js";
import type { ReaderScores } from "./reader/labels.js";
import { combineNlu, readSignals } from "./reader/read-signals.js";
import type { SentenceBreakModel } from "./reader/sentence-breaks.js";
import type { NluHint, TurnReader } from "./reader/turn-reader.js";
import { lastHeadCount, namesAnAmount, saysWhatTheyPayToday } from "./slots/amount.js";
import { type AuthorityReading, confirmedAuthority, readAuthority } from "./slots/authority.js";
import type { CategoryValueReader } from "./slots/category-values.js";
import { isConfirmation, lastQuestion, opensWithYes, startsWithYes } from "./slots/confirmation.js";
import { defaultCategoryValues } from "./slots/default-category-values.js";
import { secondValuesHeard } from "./slots/second-value.js";
import { type SpelledTurn, type SpellingVocabulary, spellTurn } from "./spelling.js";
import { withSpokenSentenceEnds } from "./spoken-clauses.js";
import { normalizeText, quoteOf, splitClauses } from "./text.js";
import { agreesToTheAsk, buyingAsked, withoutQuotedSpeech } from "./unasked-buying.js";

const RECENT_TURNS = 12;
const RECENT_TEXT_CHARS = 500;
const MAX_TAGS = 30;

export interface ContactIdentity {
  contactId: string;
  campaignId: string;
  leadId?: string | undefined;
  /** The day of the call (YYYY-MM-DD), from the caller's clock: dates in the customer's words are read against it. */
  callDate?: string | undefined;
}

/** A new contact; `carried` comes from the lead's earlier contacts so nothing is re-asked. */
export function startContact(
  identity: ContactIdentity,
  carried: { slots?: Record<string, SlotValue>; note?: string | undefined } = {},
): QualificationState {
  const slots = { ...carried.slots };
  return {
    contactId: identity.contactId,
    campaignId: identity.campaignId,
    ...(identity.leadId ? { leadId: identity.leadId } : {}),
    ...(identity.callDate ? { callDate: identity.callDate } : {}),
    nextTurn: 0,
    customerTurns: 0,
    slots,
    objections: [],
    confusionTurns: 0,
    negativeStreak: 0,
    negativityTrend: 0.2,
    tone: "neutral",
    sarcasm: false,
    intentTags: [],
    topics: [],
    topicJumps: 0,
    recent: [],
    outcome: { status: "active" },
    resumed: Object.keys(slots).length > 0 || carried.note !== undefined,
    ...(carried.note ? { handbackNote: carried.note.slice(0, 2000) } : {}),
  };
}

/** The AI's (or an agent's) line: remembered so the next customer turn can be read against it. */
export function recordLine(
  state: QualificationState,
  speaker: Exclude<Speaker, "customer">,
  text: string,
  campaign: Campaign,
): QualificationState {
  const turn = state.nextTurn;
  const recent = pushRecent(state.recent, { turn, speaker, text: text.slice(0, RECENT_TEXT_CHARS) });
  // A copy, then its fields set one by one: V8 builds a spread-and-extend literal several times slower.
  const next: QualificationState = { ...state };
  next.nextTurn = turn + 1;
  next.recent = recent;
  if (speaker !== "ai") return next;
  // Only the end of the AI line matters: that is where its question is.
  const normalized = normalizeText(text.slice(-240));
  const askedSlot = slotAskedBy(compileCampaign(campaign), normalized);
  // The slot asked before is dropped and this line's, if any, set after the AI line (it was the last field
  // added, so dropping it keeps the copy's fast shape).
  delete next.askedSlot;
  next.lastAiLine = text.slice(0, RECENT_TEXT_CHARS);
  if (askedSlot) next.askedSlot = askedSlot;
  return next;
}

/**
 * What the caller heard before their first turn (the flow's greeting), as the AI line the first turn
 * answers: "yes, go ahead" after "do you have a couple of minutes?" is no order. Not a turn of its own.
 */
export function openedWith(state: QualificationState, line: string): QualificationState {
  return { ...state, lastAiLine: line.slice(0, RECENT_TEXT_CHARS) };
}

export interface CustomerTurn {
  text: string;
  sentiment?: Sentiment | undefined;
  nlu?: NluHint | undefined;
}

export interface TurnResult {
  turn: number;
  state: QualificationState;
  signals: TurnSignals;
  decision: HandoffDecision;
  slotChanges: SlotChange[];
  missing: string[];
}

/** One customer turn: signals, qualification, policy. Cost depends on the turn, not on the history. */
export function processCustomerTurn(
  state: QualificationState,
  input: CustomerTurn,
  campaign: Campaign,
  reader: TurnReader = defaultTurnReader,
  spelling: SpellingVocabulary = defaultSpelling,
  /** Where a turn without punctuation has its sentences, for the slot readers (`spoken-clauses.ts`). */
  breaks: SentenceBreakModel | undefined = defaultSentenceBreaks,
  /** Which value of a category slot a turn names, learned from labeled calls (`slots/category-values.ts`); null: the examples alone. */
  categoryValues: CategoryValueReader | null = defaultCategoryValues,
): TurnResult {
  const compiled = compileCampaign(campaign);
  const turn = state.nextTurn;
  // Typos repaired once, for the reader and the slots; the state keeps the customer's own text.
  const spelled = spellTurn(input.text, spelling, compiled.words);
  const normalized = normalizeText(spelled.text);
  const clauses = splitClauses(breaks ? withSpokenSentenceEnds(normalized, breaks) : normalized);
  const { thresholds } = campaign;
  const scores = combineNlu(
    reader.read({ text: spelled.text, aiLine: state.lastAiLine, nlu: input.nlu, sentiment: input.sentiment }),
    input.nlu,
    thresholds.nluConfidence,
    campaign.lex?.intents,
  );
  // "Maybe, but it sounds pricey" to "would that help?" with no concern heard before answers the pitch: it grants no
  // answer to an earlier concern (fresh sets by fold: early 90 -> 83 calls a form, on time +0.2 points).
  const conceding =
    concedesThenObjects(normalized) &&
    (state.objections.length > 0 || !ENDS_WITH_QUESTION.test(state.lastAiLine ?? ""));
  const read = readSignals(
    scores,
    {
      text: spelled.text,
      sentiment: input.sentiment,
      notObjections: state.askedSlot ? compiled.notObjectionsWhenAsked.get(state.askedSlot) : undefined,
      conceding,
    },
    thresholds,
  );
  const heardNotAProspect = scores.non_prospect >= thresholds.reader.nonProspect;
  const remembered = state.intentTags.includes(NOT_A_PROSPECT);
  // A sarcastic turn means the opposite of its words ("cut my costs, never heard that one"): it confirms nothing. Nor
  // does a turn heard as no prospect's, or one from a caller remembered as none that answers no question of the AI's
  // (below): those turns skip reading slots.
  const slotsSaid =
    read.sarcasm || heardNotAProspect || (remembered && state.askedSlot === undefined)
      ? []
      : inCustomerWords(
          extractSlots(compiled, clauses, state.askedSlot, {
            callDate: state.callDate,
            aiLine: state.lastAiLine,
            callbackRequested: read.deferral,
            objecting: read.objections.some((kind) => kind !== "price"),
            priceObjected: read.objections.includes("price"),
            aside:
              read.personRequest ||
              read.confusion ||
              read.endReason !== null ||
              scores.wrong_number >= MAYBE_WRONG_NUMBER,
            authority: readWhoDecides(compiled, state, scores, normalized, clauses, reader),
            earlierHeadCount: () => lastHeadCount(state.recent.map((line) => normalizeText(line.text))),
            categoryValues,
            filled: (slot) => state.slots[slot] !== undefined,
          }),
          spelled,
        );
  // "Just me. I'm the owner." to "who besides you would be involved in deciding?", from a caller heard as no
  // prospect on their first turn ("I'm calling from Still Water Yoga, ... a friend said you guys helped her with her
  // phones", 0.76): answering the AI's qualification question with its value, and saying nothing of the kind now,
  // is a prospect's turn after all.
  const prospectAgain =
    remembered &&
    !heardNotAProspect &&
    state.askedSlot !== undefined &&
    slotsSaid.some((slot) => slot.slot === state.askedSlot);
  const notAProspect = (remembered && !prospectAgain) || heardNotAProspect;
  // Nor does a caller who came for something else confirm anything: a vendor's prices, a billing caller's charges and
  // a job seeker's start date are no lead's budget or timeline (dev sets, three forms: need and timeline values
  // confirmed where the labelers confirmed none 22 fewer a form, 5 right values lost).
  const slots = notAProspect ? [] : slotsSaid;
  // The turn says what the caller pays today and the AI named no price: read at most once, and only where it could
  // matter (a turn with a price objection or strong words).
  let todaysBill: boolean | undefined;
  const aboutTodaysBill = (): boolean => {
    todaysBill ??= !namesAnAmount(state.lastAiLine) && saysWhatTheyPayToday(clauses, state.lastAiLine);
    return todaysBill;
  };
  // "not more than 80 dollars for month" after "what would you want to spend?" answers it: no price pushback. Nor
  // is "our phone bill is way too high, we pay about three hundred a month" before the AI named a price: the
  // caller's reason to switch (dev sets, three forms: 4 calls a form no longer handed off as complex too early
  // or at all, one lost that a misread objection had handed off on time).
  const priceHeard =
    read.objections.includes("price") &&
    (answersAmountAsked(compiled, state.askedSlot, slots) || aboutTodaysBill())
      ? read.objections.filter((kind) => kind !== "price")
      : read.objections;
  // "call me back in september after enrollment is done": the time of a callback asked for, which the call is
  // nurtured toward, not a timing objection to layer another on.
  const objectionsHeard =
    scores.deferral >= SURE_CALLBACK ? priceHeard.filter((kind) => kind !== "timing") : priceHeard;
  // Field by field rather than spread: V8 builds a spread-and-extend literal several times slower.
  const signals: TurnSignals = {
    // "I just need to talk to somebody about arrangements" from a caller who reached us for a funeral home asks for
    // someone there, not here: a caller heard as a wrong number asks no person of ours.
    personRequest:
      !state.intentTags.includes(WRONG_NUMBER) &&
      (personMeant(read.personRequest, spelled.text, state.lastAiLine, reader, thresholds) ||
        acceptsOfferedPerson(state.lastAiLine, normalized)),
    // A caller who came for a job or to pitch their own service asks nothing of ours with buying words, on this
    // turn or later ("how do i apply", "i'll send over a proposal today"); nor, on this turn, one who maybe came
    // for another business's goods ("i'm looking to get a quote for a move").
    buyingIntent:
      notAProspect || scores.non_prospect >= thresholds.reader.maybeNonProspect
        ? null
        : buyingMeant(read.buyingIntent, spelled.text, normalized, state, compiled, reader),
    objections: objectionsHeard,
    // By the customer's own punctuation: a sentence end the breaks guess can fall before a mid-sentence "also".
    objectionAdded: objectionsHeard.length > 0 && (conceding || opensWithAddition(splitClauses(normalized))),
    acknowledgement: read.acknowledgement,
    tone: read.tone,
    negativity: read.negativity,
    // "They raised our bill again. We're paying almost six hundred a month for five lines. It's ridiculous.": strong
    // words about today's bill are frustration with it, not hostility toward the call (dev-s and dev-ad one call
    // more on time in each form, no other set moved; dev-ad's was an existing customer's own billing complaint).
    strongNegative: read.strongNegative && !aboutTodaysBill(),
    // "Do you have a couple of minutes?" "oh sure i have a couple minutes" (sarcasm 0.81): a short answer to the AI
    // asking for the caller's time that opens with a yes gives it; the reader hears irony in the "oh sure" alone.
    sarcasm:
      read.sarcasm && !(startsWithYes(normalized) && agreesToTheAsk(state.lastAiLine, normalized) === "time"),
    confusion: read.confusion,
    endReason: read.endReason,
    deferral: read.deferral,
    topic: null,
    slots,
    scores,
  };
  const merged = mergeSlots(
    state.slots,
    secondValuesHeard(
      signals.slots,
      state.slots,
      (earlier) => state.recent.find((line) => line.turn === earlier && line.speaker === "customer")?.text,
      compiled.slots,
      campaign.id,
      categoryValues,
      input.text,
    ),
    turn,
    state.askedSlot,
    thresholds.slotConfidence,
    compiled.sticky,
  );
  signals.topic = topicOf(signals, merged.changes);
  const objections = updateObjections(state, signals, turn, input.text);
  const negativeStreak = signals.tone === "negative" ? state.negativeStreak + 1 : 0;
  // A copy, then its fields set one by one (the same fields in the same order as a spread literal):
  // V8 builds a spread-and-extend literal of this size several times slower.
  const next: QualificationState = { ...state };
  next.nextTurn = turn + 1;
  next.customerTurns = state.customerTurns + 1;
  next.lastCustomerTurn = turn;
  next.slots = merged.slots;
  next.objections = objections;
  next.confusionTurns =
    state.confusionTurns + (signals.confusion || scores.confusion >= UNSURE_CONFUSION ? 1 : 0);
  next.negativeStreak = negativeStreak;
  next.negativityTrend = round(state.negativityTrend * 0.6 + signals.negativity * 0.4);
  next.tone = signals.tone;
  next.sarcasm = state.sarcasm || signals.sarcasm;
  next.intentTags = addTags(
    prospectAgain ? state.intentTags.filter((tag) => tag !== NOT_A_PROSPECT) : state.intentTags,
    notAProspect ? [...tagsOf(signals), NOT_A_PROSPECT] : tagsOf(signals),
  );
  const topics = topicUpdate(state, signals.topic);
  next.topics = topics.topics;
  next.topicJumps = topics.topicJumps;
  next.recent = pushRecent(state.recent, {
    turn,
    speaker: "customer",
    text: input.text.slice(0, RECENT_TEXT_CHARS),
  });
  const missing = missingRequired(compiled, next.slots);
  const decision = decide({
    signals,
    state: next,
    missing,
    slotsFilledThisTurn: merged.changes.some((change) => change.previous === undefined),
    campaign,
  });
  // `next` is this turn's own copy: setting its outcome saves copying the whole state again.
  next.outcome = outcomeAfter(next.outcome, decision, turn);
  return {
    turn,
    state: next,
    signals,
    decision,
    slotChanges: merged.changes,
    missing,
  };
}

/**
 * Who decides, for a campaign that asks it: the bar is lower in the answer to the question, and a value
 * already held and not asked again is no news.
 */
function readWhoDecides(
  compiled: CompiledCampaign,
  state: QualificationState,
  scores: ReaderScores,
  normalized: string,
  clauses: readonly string[],
  reader: TurnReader,
): AuthorityReading | null {
  const slot = compiled.authoritySlot;
  if (!slot) return null;
  const { reader: bars } = compiled.campaign.thresholds;
  const asked = state.askedSlot === slot;
  const heard = readAuthority(
    scores,
    normalized,
    asked ? bars.authorityAnswer : bars.authority,
    (sentence) => reader.read({ text: sentence, aiLine: state.lastAiLine }),
    asked ? undefined : state.slots[slot]?.value,
  );
  if (heard || !asked || !state.lastAiLine) return heard;
  // "i am but tbh we already use square", "yep owner. also can ur queue do whisper ...": the answer before a "but"
  // or ending the first sentence is read with the question, as a short turn. The sentence end: over dev-b to dev-z,
  // eight values more found per form, two read wrong ("Yeah, they sign." to "Are the partners the ones who'd sign
  // off?" as the speaker deciding).
  const answer = SHORT_ANSWER_FIRST.exec(normalized)?.[1];
  if (answer) {
    const said = reader.read({ text: answer, aiLine: state.lastAiLine });
    const value = readAuthority(said, answer, bars.authorityAnswer);
    if (value) return value;
  }
  // "I assume you'd be the decision maker?" "That's right.": the yes says what the question says. A yes with its
  // reason ("yep my kennel my rules") says it of a question put to the caller, not of one about someone else ("Would
  // Frank be the one to decide?" "oh yeah frank decides everything"). Over every dev and campaign set, written /
  // speech / chat: 4 / 5 / 5 values more found, none read wrong; dev-o and dev-u +1.7 on time in each form.
  const bareYes = isConfirmation(clauses);
  if (!bareYes && !opensWithYes(clauses)) return heard;
  // Only a turn that opens with a yes looks for the question it answers.
  const question = lastQuestion(state.lastAiLine);
  if (!bareYes && !(question !== undefined && ADDRESSED.test(question))) return heard;
  const value = question
    ? confirmedAuthority(question, (text) => reader.read({ text }), FIRM_QUESTION)
    : null;
  return value ? { value, quote: clauses[0] ?? normalized } : null;
}

/**
 * A caller's first muddle is often a question that shows it ("wait so you are the phone company like at and t or
 * what is this" read confusion 0.45, under the bar) and the second says so ("sorry you lost me whats an ivr", 1.00).
 * A turn read as confused from this surely counts toward the confused turns; only a turn over the bar hands the
 * call off. dev-q and dev-r +1.7 on time in each form, no set lower from 0.3 (0.1: dev-l -1.7); scored before it
 * was read, dev-w's second half +1 call in each form, its first unchanged (session 45, before its retraining).
 */
const UNSURE_CONFUSION = 0.3;

/**
 * A turn read as a request to be contacted later from this surely names the callback's time, not a timing
 * objection. Dev sets, three forms: dev-j, dev-r and dev-y one call more on time in each form, dev-ac in two, false
 * handoffs 1.7 points fewer on each (callers asking to be called back in September or next quarter, handed off as
 * complex); dev-g one call lost (a timing objection read as a deferral 1.00, then a trust objection). From 0.5:
 * dev-t and dev-y lost calls whose timing objections read as deferrals under 0.9.
 */
const SURE_CALLBACK = 0.9;

/**
 * A turn the reader hears as possibly a wrong number, far below ending the call ("no this is my cell phone the
 * print shop closed last year" reads 0.49, "this is my personal cell" 0.30), names no value unasked in passing:
 * the "cell" of whoever picked up is no need to work remotely. On the dev and look sets this read no need on
 * turns where gold has none (slot F1 conversations +0.2 from 0.25 down, dev-g +0.7 from 0.15 down, each form),
 * and moved no handoff and no other set from 0.1 to 0.25.
 */
const MAYBE_WRONG_NUMBER = 0.15;

/** The AI's line ends asking something ("Would that be worth a look?"). */
const ENDS_WITH_QUESTION = /\?\s*$/;

/**
 * The buying intent the customer asks for: not buying words that ask nothing ("... but i dont know yet", "i did
 * sign up", a yes to the AI's asking for time), nor words only inside what the turn quotes ("the sales guy was
 * always like 'lets get u signed today!!'"), read again without the quote.
 */
function buyingMeant(
  kind: BuyingIntentKind | null,
  text: string,
  normalized: string,
  state: QualificationState,
  compiled: CompiledCampaign,
  reader: TurnReader,
): BuyingIntentKind | null {
  const aiLine = state.lastAiLine;
  const whoDecidesAsked = state.askedSlot !== undefined && state.askedSlot === compiled.authoritySlot;
  const asked = buyingAsked(kind, normalized, aiLine, whoDecidesAsked);
  const unquoted = asked === null ? undefined : withoutQuotedSpeech(text);
  if (asked === null || unquoted === undefined) return asked;
  const bar = compiled.campaign.thresholds.reader.buyingIntent;
  return reader.read({ text: unquoted, aiLine })[asked] >= bar ? asked : null;
}

/**
 * A request for a person read only inside what the turn quotes ("my sister told me, 'Renee, whatever you do, talk to
 * an actual human before you sign anything'") is someone else's advice, not the caller's request, as with buying.
 */
function personMeant(
  heard: boolean,
  text: string,
  aiLine: string | undefined,
  reader: TurnReader,
  thresholds: Campaign["thresholds"],
): boolean {
  const unquoted = heard ? withoutQuotedSpeech(text) : undefined;
  if (unquoted === undefined) return heard;
  return reader.read({ text: unquoted, aiLine }).person_request >= thresholds.reader.personRequest;
}

/** The turn gives a value of the amount slot the AI just asked for. */
function answersAmountAsked(
  compiled: CompiledCampaign,
  askedSlot: string | undefined,
  slots: readonly SlotCandidate[],
): boolean {
  if (askedSlot === undefined || !slots.some((slot) => slot.slot === askedSlot)) return false;
  return compiled.slots.some(
    (slot) => slot.definition.name === askedSlot && slot.definition.kind === "amount",
  );
}

/** A question put to the caller: it says "you". */
const ADDRESSED = /\byou(?:'d|'re|r)?\b/i;

/** A short answer (at most four words) before a "but", or ending a first sentence, and what follows it. */
const SHORT_ANSWER_FIRST = /^\s*((?:[a-z']+[\s,]+){0,3}[a-z']+)\s*(?:,?\s+but\b|[.!?]+\s+[a-z])/;

/**
 * How sure the reader must be of who decides in the AI's question for a yes to confirm it. 0.85 until session 45's
 * retrained reader read "i'm the one who'd decide on this" 0.70 (0.87 before); the questions that name who decides
 * read 0.65 to 0.97 in the customer's voice, those that do not ("would anyone else be involved in the decision?",
 * "who else would need to sign off?") 0.30 at most. dev-o +1.7 on time in each form, no other set moved.
 */
const FIRM_QUESTION = 0.65;

/** A value's quote is evidence: it shows the words the customer typed, not the repaired ones. */
function inCustomerWords(slots: SlotCandidate[], spelled: SpelledTurn): SlotCandidate[] {
  if (!spelled.corrected) return slots;
  return slots.map((slot) => (slot.quote ? { ...slot, quote: spelled.restore(slot.quote) } : slot));
}

/** The customer accepting the AI's answer on the next turn resolves the objections of the turn before. */
function updateObjections(
  state: QualificationState,
  signals: TurnSignals,
  turn: number,
  raw: string,
): ObjectionRecord[] {
  const answer = state.lastAiLine?.slice(0, 300);
  const resolvedNow = signals.acknowledgement && signals.objections.length === 0;
  let objections = state.objections.map((objection) =>
    resolvedNow && objection.status === "open" && objection.turn === state.lastCustomerTurn
      ? { ...objection, status: "resolved" as const, ...(answer ? { answer } : {}) }
      : objection,
  );
  for (const kind of signals.objections) {
    const already = objections.find((objection) => objection.kind === kind && objection.status === "open");
    if (already) continue;
    objections = [...objections, { kind, turn, quote: quoteOf(raw), status: "open" as const }];
  }
  return objections.slice(-50);
}

function outcomeAfter(current: Outcome, decision: HandoffDecision, turn: number): Outcome {
  if (current.status === "handed_off") return current;
  switch (decision.action) {
    case "handoff":
      return { status: "handed_off", trigger: decision.trigger, turn, reasons: decision.reasons };
    case "nurture":
      return { status: "nurture", turn };
    case "end":
      return { status: "ended", turn, reason: decision.reason };
    default:
      return current;
  }
}

/** The intent tag of a caller who is no buyer (a job seeker, a vendor): the call remembers it by its tags. */
export const NOT_A_PROSPECT = "not_a_prospect";
/** The intent tag of a caller heard as a wrong number (`tagsOf`: the end reason). */
const WRONG_NUMBER = "wrong_number";

function tagsOf(signals: TurnSignals): string[] {
  const tags: string[] = [];
  if (signals.personRequest) tags.push("asked_for_person");
  if (signals.buyingIntent) tags.push(signals.buyingIntent);
  for (const kind of signals.objections) tags.push(`objection_${kind}`);
  if (signals.sarcasm) tags.push("sarcasm");
  if (signals.strongNegative) tags.push("frustrated");
  if (signals.confusion) tags.push("confused");
  if (signals.deferral) tags.push("wants_later");
  if (signals.endReason) tags.push(signals.endReason);
  return tags;
}

function addTags(current: readonly string[], tags: readonly string[]): string[] {
  if (tags.every((tag) => current.includes(tag))) return current as string[];
  return [...new Set([...current, ...tags])].slice(0, MAX_TAGS);
}

function topicOf(signals: TurnSignals, changes: readonly SlotChange[]): string | null {
  if (signals.buyingIntent) return "buying";
  if (signals.objections[0]) return `objection:${signals.objections[0]}`;
  if (changes[0]) return `slot:${changes[0].slot}`;
  return null;
}

function topicUpdate(
  state: QualificationState,
  topic: string | null,
): Pick<QualificationState, "topics" | "topicJumps"> {
  if (topic === null) return { topics: state.topics, topicJumps: state.topicJumps };
  const last = state.topics.at(-1);
  const jumped =
    last !== undefined && last !== topic && !last.startsWith("slot:") && !topic.startsWith("slot:");
  return { topics: [...state.topics, topic].slice(-20), topicJumps: state.topicJumps + (jumped ? 1 : 0) };
}

function pushRecent<T>(recent: readonly T[], item: T): T[] {
  const next = recent.length >= RECENT_TURNS ? recent.slice(1 - RECENT_TURNS) : [...recent];
  next.push(item);
  return next;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Hands the contact to a human whatever the words said (a language Baton does not speak, repeated silence). */
export function forceHandoff(result: TurnResult, campaign: Campaign, reason: string): TurnResult {
  if (result.state.outcome.status === "handed_off") return result;
  const reasons = [reason];
  const decision: HandoffDecision = {
    action: "handoff",
    trigger: "system_fallback",
    queue: campaign.routes.system_fallback,
    reasons,
    first: true,
  };
  return {
    ...result,
    decision,
    state: {
      ...result.state,
      outcome: { status: "handed_off", trigger: "system_fallback", turn: result.turn, reasons },
    },
  };
}

import type { Campaign } from "../../contracts/campaign.js";
import type { QualificationState } from "../../contracts/qualification-state.js";
import type { Sentiment } from "../../contracts/transcript.js";
import type { CampaignRegistry } from "../domain/campaigns.js";
import { compileCampaign } from "../domain/compiled-campaign.js";
import { defaultSpelling } from "../domain/default-spelling.js";
import {
  type CustomerTurn,
  forceHandoff,
  openedWith,
  processCustomerTurn,
  recordLine,
  startContact,
  type TurnResult,
} from "../domain/engine.js";
import { looksUnsupportedLanguage } from "../domain/language.js";
import { defaultTurnReader } from "../domain/reader/default-reader.js";
import { isUncertain, settledReader, withSecondOpinion } from "../domain/reader/second-opinion.js";
import type { NluHint, TurnReader, TurnReaderInput } from "../domain/reader/turn-reader.js";
import { buildScreenPop, type CallerFacts, screenPopAttributes } from "../domain/screen-pop.js";
import { scriptedLine } from "../domain/script.js";
import { spellTurn } from "../domain/spelling.js";
import { eventsForTurn } from "../domain/turn-events.js";
import type { BusEvent, EventPublisher } from "../ports/event-publisher.js";
import type { LanguageModel } from "../ports/language-model.js";
import type { SecondOpinion } from "../ports/second-opinion.js";
import {
  type LeadProfile,
  type OutboxEntry,
  type StateStore,
  type StoredContact,
  VersionConflictError,
} from "../ports/state-store.js";
import { TurnReply } from "./turn-reply.js";

export interface TurnDependencies {
  stateStore: StateStore;
  publisher: EventPublisher;
  languageModel: LanguageModel;
  campaigns: CampaignRegistry;
  clock: () => Date;
  ttlDays: number;
  /** Told about events that could not be published (they stay on the item for the relay). */
  onPublishFailure?: (ids: readonly string[], contactId: string) => void;
  /** The local turn reader; the model that ships with Baton unless a test or a deployment gives another. */
  reader?: TurnReader | undefined;
  /** Asked about turns the local reader is unsure of, within what the turn has left (optional). */
  secondOpinion?: { reader: SecondOpinion; maxMs: number } | undefined;
  /** Told whether a second opinion was asked and came back in time. */
  onSecondOpinion?: ((answered: boolean) => void) | undefined;
}

export interface TurnRequest {
  contactId: string;
  leadId?: string | undefined;
  campaignId: string;
  /** Who is on the line, from the contact and the lead, for the screen pop. */
  caller?: CallerFacts | undefined;
  /** Same key for a retried or duplicated delivery of the same customer turn. */
  turnKey: string;
  text: string;
  inputMode: "Speech" | "Text" | "DTMF";
  sentiment?: Sentiment | undefined;
  nlu?: NluHint | undefined;
  /** The contact version whose outbox the previous answer confirmed as published (echoed back by Lex). */
  publishedVersion?: number | undefined;
}

/** What a turn got done, for a caller that gives up on it (deadline, failure) and must not lose it. */
export interface TurnProgress {
  /** The contact's state as last known: read from the item, then as computed this turn. */
  state?: QualificationState | undefined;
  /** The write sent (it may have landed even when no answer came back). */
  attempted?: StoredContact | undefined;
  /** The write confirmed: the reply stands, and its outbox is on the item. */
  committed?: { next: StoredContact; reply: TurnReply } | undefined;
}

export interface TurnControl {
  /** Aborted when the turn is out of time: nothing is written after that. */
  signal?: AbortSignal | undefined;
  /** Epoch ms by which the turn must have answered; the model gets what is left less the write. */
  deadlineAt?: number | undefined;
  progress?: TurnProgress | undefined;
}

export interface TurnAnswer {
  reply: TurnReply;
  /** Set when this turn's events are all on the bus: the channel echoes it on the next turn. */
  publishedVersion?: number | undefined;
}

/** Text beyond this is not kept: a customer turn is seconds of speech, not a document. */
export const MAX_TURN_CHARS = 10_000;
const MAX_ATTEMPTS = 3;
/** Kept back from the model's time for the conditional write and the publish. */
const WRITE_RESERVE_MS = 400;
/** Below this the model cannot answer usefully: the script speaks at once. */
const MIN_MODEL_MS = 150;
/** Below this a remote second reading cannot come back: the local reading stands. */
const MIN_SECOND_OPINION_MS = 200;

/**
 * One customer turn on the live call path:
 * 1. read the contact's item (consistent); a turn already applied returns its stored answer;
 * 2. run the engine; ask the language model for the next line when the AI keeps talking;
 * 3. write state, answer and outbox in one conditional write (retry on a lost race);
 * 4. publish the outbox; what fails is marked for the stream relay, and a turn whose publish was never
 *    confirmed (the function died after the write) has its events carried into the next write.
 */
export async function takeTurn(
  deps: TurnDependencies,
  request: TurnRequest,
  control: TurnControl = {},
): Promise<TurnAnswer> {
  const campaign = deps.campaigns.get(request.campaignId);
  const progress = control.progress ?? {};
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await deps.stateStore.loadContact(request.contactId);
    progress.state = stored?.state ?? progress.state;
    if (stored?.lastTurnKey === request.turnKey && stored.lastResponse) {
      const reply = TurnReply.parse(JSON.parse(stored.lastResponse));
      // A retry of a finished turn, or a parallel copy that lost the race (or whose own write landed
      // unseen): the other copy may die before it publishes, and only a copy that publishes may confirm
      // the publish. So publish again (same ids, consumers drop the duplicate) and confirm only that.
      progress.committed = { next: stored, reply };
      const published = await publishOutbox(deps, stored, stored.outbox);
      return { reply, publishedVersion: published ? stored.version : undefined };
    }
    const before = stored?.state ?? (await freshState(deps, request, campaign));
    const input = engineInput(request);
    const reader = await readTurn(deps, { ...input, aiLine: before.lastAiLine }, campaign, control);
    const result = runEngine(before, input, campaign, reader);
    progress.state = result.state;
    const line = await nextLine(deps, campaign, result, modelBudget(deps, control));
    const state = recordLine(result.state, "ai", line.text, campaign);
    const reply = toReply(result, state, campaign, line, request.caller);
    const events = eventsForTurn({ ...result, state }, campaign, deps.clock().toISOString(), request.caller);
    const unconfirmed = stored !== null && request.publishedVersion !== stored.version;
    const carried = (stored?.outbox ?? []).filter(
      (entry) => unconfirmed || stored?.unpublished.includes(entry.id),
    );
    // The contact's last turn (handoff, nurture, end) has no next turn to carry its events, so they are
    // written as pending and cleared once on the bus; the relay publishes whatever is still pending.
    const terminal = reply.action !== "continue";
    const fresh = events.map(toOutboxEntry);
    const next: StoredContact = {
      contactId: request.contactId,
      version: (stored?.version ?? 0) + 1,
      state,
      lastTurnKey: request.turnKey,
      lastResponse: JSON.stringify(reply),
      outbox: [...carried, ...fresh],
      unpublished: [...carried, ...(terminal ? fresh : [])].map((entry) => entry.id),
      expiresAt: expiresAt(deps),
    };
    // Out of time: the caller has been answered already; a write now would contradict that answer.
    control.signal?.throwIfAborted();
    progress.attempted = next;
    progress.state = state;
    try {
      await deps.stateStore.commitTurn({
        expectedVersion: stored?.version ?? 0,
        next,
        lead: leadUpdate(deps, request, state, result, stored === null),
      });
    } catch (error) {
      if (error instanceof VersionConflictError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    progress.committed = { next, reply };
    const published = await publishOutbox(deps, next, next.outbox);
    if (published && next.unpublished.length > 0) await clearPending(deps, next);
    return { reply, publishedVersion: published ? next.version : undefined };
  }
  throw new Error(`contact ${request.contactId}: gave up after ${MAX_ATTEMPTS} conflicting writes`);
}

async function clearPending(deps: TurnDependencies, item: StoredContact): Promise<void> {
  try {
    await deps.stateStore.clearUnpublished(item.contactId, item.version, item.unpublished);
  } catch {
    // Left pending: the relay re-reads the item and publishes again under the same ids.
    deps.onPublishFailure?.(item.unpublished, item.contactId);
  }
}

/** A new contact resumes what the lead already confirmed on earlier calls. */
async function freshState(
  deps: TurnDependencies,
  request: TurnRequest,
  campaign: Campaign,
): Promise<QualificationState> {
  const identity = {
    contactId: request.contactId,
    campaignId: campaign.id,
    leadId: request.leadId,
    // The call's day in UTC: "by March 15" is read against it for the rest of the contact.
    callDate: deps.clock().toISOString().slice(0, 10),
  };
  const lead = request.leadId ? await deps.stateStore.loadLead(request.leadId) : null;
  const started = startContact(identity, lead ? { slots: lead.slots, note: lead.note } : {});
  const state = openedWith(started, started.resumed ? campaign.script.resume : campaign.script.greeting);
  // A lead that opted out stays opted out: the tag keeps the lead item's flag set on every write.
  return lead?.doNotCall ? { ...state, intentTags: ["do_not_call"] } : state;
}

/** What the engine reads: keypad 0 is a request for a person, and a turn is cut to MAX_TURN_CHARS. */
function engineInput(request: TurnRequest): CustomerTurn {
  const dtmfOperator = request.inputMode === "DTMF" && /^[*#]?0$/.test(request.text.trim());
  return {
    text: dtmfOperator ? "" : request.text.slice(0, MAX_TURN_CHARS),
    sentiment: request.sentiment,
    nlu: dtmfOperator ? { intent: "TalkToAgent", confidence: 1 } : request.nlu,
  };
}

/**
 * The local reading, with a second opinion averaged in where the local model is unsure and the turn has
 * time for it: what is left before the deadline, less the write and the shortest useful model line.
 */
async function readTurn(
  deps: TurnDependencies,
  input: TurnReaderInput,
  campaign: Campaign,
  control: TurnControl,
): Promise<TurnReader> {
  const local = deps.reader ?? defaultTurnReader;
  if (!deps.secondOpinion) return local;
  // As the engine reads it: with typos repaired (Bedrock gets the customer's own words).
  const { words } = compileCampaign(campaign);
  const text = spellTurn(input.text, defaultSpelling, words).text;
  const scores = local.read({ ...input, text });
  const left = modelBudget(deps, control);
  const budgetMs = Math.min(deps.secondOpinion.maxMs, left === undefined ? Infinity : left - MIN_MODEL_MS);
  if (!isUncertain(scores) || budgetMs < MIN_SECOND_OPINION_MS)
    return settledReader({ text, scores }, local.version, local);
  const second = await deps.secondOpinion.reader.read(input, Math.floor(budgetMs));
  deps.onSecondOpinion?.(second !== null);
  return settledReader(
    { text, scores: withSecondOpinion(scores, second) },
    `${local.version}+second-opinion`,
    local,
  );
}

function runEngine(
  state: QualificationState,
  input: CustomerTurn,
  campaign: Campaign,
  reader: TurnReader,
): TurnResult {
  const { text } = input;
  const result = processCustomerTurn(state, input, campaign, reader);
  if (result.decision.action === "continue" && looksUnsupportedLanguage(text)) {
    return forceHandoff(result, campaign, "the customer speaks a language this campaign does not");
  }
  return result;
}

/** What the model may take of the turn's time; undefined when the turn has no deadline. */
function modelBudget(deps: TurnDependencies, control: TurnControl): number | undefined {
  if (control.deadlineAt === undefined) return undefined;
  return control.deadlineAt - deps.clock().getTime() - WRITE_RESERVE_MS;
}

async function nextLine(
  deps: TurnDependencies,
  campaign: Campaign,
  result: TurnResult,
  budgetMs: number | undefined,
): Promise<{ text: string; source: "model" | "script" }> {
  const scripted = scriptedLine(campaign, result.state, result.decision, result.signals, result.missing);
  if (result.decision.action !== "continue") return { text: scripted, source: "script" };
  if (budgetMs !== undefined && budgetMs < MIN_MODEL_MS) return { text: scripted, source: "script" };
  const answer = await deps.languageModel.nextLine({
    campaign,
    state: result.state,
    missing: result.missing,
    scriptedLine: scripted,
    ...(budgetMs !== undefined ? { deadlineMs: Math.floor(budgetMs) } : {}),
  });
  return { text: answer.text, source: answer.source };
}

function toReply(
  result: TurnResult,
  state: QualificationState,
  campaign: Campaign,
  line: { text: string; source: "model" | "script" },
  caller: CallerFacts | undefined,
): TurnReply {
  const { decision } = result;
  const base = { line: line.text, lineSource: line.source, customerTurns: state.customerTurns };
  switch (decision.action) {
    case "handoff": {
      const outcome = state.outcome;
      const attributes =
        outcome.status === "handed_off"
          ? screenPopAttributes(buildScreenPop(state, campaign, outcome, caller))
          : {};
      return {
        ...base,
        action: "handoff",
        trigger: decision.trigger,
        queue: decision.queue,
        reasons: decision.reasons,
        attributes,
      };
    }
    case "nurture":
      return { ...base, action: "nurture", reasons: decision.reasons, attributes: {} };
    case "end":
      return { ...base, action: "end", endReason: decision.reason, reasons: [], attributes: {} };
    default:
      return { ...base, action: "continue", reasons: [], attributes: {} };
  }
}

/** The lead item is written with the turn when something a later call needs has changed. */
function leadUpdate(
  deps: TurnDependencies,
  request: TurnRequest,
  state: QualificationState,
  result: TurnResult,
  firstTurn: boolean,
): LeadProfile | undefined {
  if (!request.leadId) return undefined;
  if (!firstTurn && result.slotChanges.length === 0 && result.decision.action === "continue")
    return undefined;
  return {
    leadId: request.leadId,
    campaignId: state.campaignId,
    slots: state.slots,
    lastContactId: state.contactId,
    note: state.handbackNote,
    doNotCall: state.intentTags.includes("do_not_call"),
    expiresAt: expiresAt(deps),
  };
}

/** True when every entry is on the bus. */
async function publishOutbox(
  deps: TurnDependencies,
  item: StoredContact,
  entries: readonly OutboxEntry[],
): Promise<boolean> {
  if (entries.length === 0) return true;
  const events: BusEvent[] = entries.map((entry) => ({ ...entry }));
  const { failed } = await deps.publisher.publish(events);
  if (failed.length === 0) return true;
  const ids = failed.map((failure) => failure.id);
  deps.onPublishFailure?.(ids, item.contactId);
  try {
    await deps.stateStore.markUnpublished(item.contactId, item.version, ids);
  } catch {
    // The turn is committed and the caller must hear the answer; the next turn carries the outbox again.
    deps.onPublishFailure?.(ids, item.contactId);
  }
  return false;
}

function toOutboxEntry(event: {
  id: string;
  source: string;
  detailType: string;
  detail: unknown;
}): OutboxEntry {
  return {
    id: event.id,
    source: event.source,
    detailType: event.detailType,
    detail: JSON.stringify(event.detail),
  };
}

function expiresAt(deps: TurnDependencies): number {
  return Math.floor(deps.clock().getTime() / 1000) + deps.ttlDays * 86_400;
}

import {
  CONTACT_LENS_ROLES,
  ContactLensOutput,
  type ContactLensTranscriptItem,
} from "../../contracts/contact-lens.js";
import { SentimentLabel, type Speaker, Transcript, type TranscriptTurn } from "../../contracts/transcript.js";
import { BatonInputError } from "./errors.js";
import { describeIssue } from "./zod-issue.js";

/** What a Contact Lens file says besides the turns: kept as metadata, never fed to the engine. */
export interface ContactLensFacts {
  contactId?: string | undefined;
  channel: string;
  version?: string | undefined;
  /** The redacted twin of the analysis file (its texts carry `[PII]`-style markers). */
  redacted: boolean;
  /** Message items with a `Redaction` section or a redaction marker in their text. */
  redactedItems: number;
  categories: string[];
  postContactSummary?: string | undefined;
  /** Message turns per Connect participant role (CUSTOMER, AGENT, SYSTEM, CUSTOM_BOT, SUPERVISOR, ...). */
  messagesByRole: Record<string, number>;
  /** Items that are not turns: chat events (joined, left, ended), empty items, unknown participants. */
  skipped: Array<{ item: number; reason: string }>;
}

export interface ContactLensCall {
  transcript: Transcript;
  facts: ContactLensFacts;
}

const REDACTION_MARKER = /\[[A-Z][A-Z_]*\]/;
const SENTIMENTS = new Set<string>(SentimentLabel.options);

/**
 * A Contact Lens post-contact analysis file (voice or chat, original or redacted) -> a Baton transcript and the
 * file's facts. Only a file without `Transcript`, or without a single message, is refused; an item Baton cannot
 * place (an event, an unknown participant) is skipped and listed in `facts.skipped`.
 */
export function importContactLens(document: unknown, id: string): ContactLensCall {
  const parsed = ContactLensOutput.safeParse(document);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    throw new BatonInputError(`Contact Lens document: ${message}`, { field });
  }
  const file = parsed.data;
  const roleOf = participantRoles(file);
  const sentimentOf = groupSentiments(file);
  const firstTime = file.Transcript.map((item) => timeOf(item.AbsoluteTime)).find((ms) => ms !== undefined);
  const skipped: ContactLensFacts["skipped"] = [];
  const messagesByRole: Record<string, number> = {};
  let redactedItems = 0;
  const turns: TranscriptTurn[] = [];
  for (const [index, item] of file.Transcript.entries()) {
    if (item.Type !== undefined && item.Type.toUpperCase() !== "MESSAGE") {
      skipped.push({
        item: index,
        reason: `${item.Type.toLowerCase()} ${eventName(item.ContentType)}`.trim(),
      });
      continue;
    }
    if (item.Content === undefined || item.Content.trim() === "") {
      skipped.push({ item: index, reason: "no content" });
      continue;
    }
    const role = roleOf(item);
    const speaker = speakerOf(role);
    if (!speaker) {
      skipped.push({ item: index, reason: `unknown participant role "${role || "(none)"}"` });
      continue;
    }
    messagesByRole[role] = (messagesByRole[role] ?? 0) + 1;
    if (item.Redaction !== undefined || REDACTION_MARKER.test(item.Content)) redactedItems += 1;
    const label = normalSentiment(item.Sentiment) ?? (item.Id ? sentimentOf.get(item.Id) : undefined);
    const atMs = offsetOf(item, firstTime);
    turns.push({
      speaker,
      text: item.Content,
      ...(atMs !== undefined ? { atMs } : {}),
      ...(label ? { sentiment: { label } } : {}),
    });
  }
  if (turns.length === 0) {
    throw new BatonInputError(`Contact Lens document: no message in Transcript (${skipped.length} item(s))`, {
      field: "Transcript",
    });
  }
  const checked = Transcript.safeParse({
    id: file.CustomerMetadata?.ContactId ?? id,
    campaign: "default",
    turns,
  });
  if (!checked.success) {
    const { field, message } = describeIssue(checked.error);
    throw new BatonInputError(`Contact Lens document: ${message}`, { field });
  }
  return {
    transcript: checked.data,
    facts: {
      contactId: file.CustomerMetadata?.ContactId,
      channel: (file.Channel ?? "VOICE").toUpperCase(),
      version: file.Version,
      redacted: file.ContentMetadata?.Output?.toLowerCase() === "redacted",
      redactedItems,
      categories: file.Categories?.MatchedCategories ?? [],
      postContactSummary: file.ConversationCharacteristics?.ContactSummary?.PostContactSummary?.Content,
      messagesByRole,
      skipped,
    },
  };
}

/** The item's role: its own, else the Participants list's, else its ParticipantId (voice files use "AGENT"). */
function participantRoles(file: ContactLensOutput): (item: ContactLensTranscriptItem) => string {
  const roles = new Map<string, string>();
  for (const participant of file.Participants ?? []) {
    if (participant.ParticipantId && participant.ParticipantRole)
      roles.set(participant.ParticipantId, participant.ParticipantRole);
  }
  return (item) => {
    const own = item.ParticipantRole?.trim();
    if (own) return own.toUpperCase();
    const listed = item.ParticipantId ? roles.get(item.ParticipantId) : undefined;
    return (listed || item.ParticipantId || "").trim().toUpperCase();
  };
}

function speakerOf(role: string): Speaker | undefined {
  return Object.hasOwn(CONTACT_LENS_ROLES, role)
    ? CONTACT_LENS_ROLES[role as keyof typeof CONTACT_LENS_ROLES]
    : undefined;
}

/** Chat sentiment is given per group of transcript items, not on the item. */
function groupSentiments(file: ContactLensOutput): Map<string, SentimentLabel> {
  const byItem = new Map<string, SentimentLabel>();
  const groups = file.ConversationCharacteristics?.Sentiment?.DetailsByTranscriptItemGroup ?? [];
  for (const group of groups) {
    const label = normalSentiment(group.Sentiment);
    if (!label) continue;
    for (const item of group.TranscriptItems) byItem.set(item.Id, label);
  }
  return byItem;
}

function normalSentiment(value: string | undefined): SentimentLabel | undefined {
  const upper = value?.toUpperCase();
  return upper && SENTIMENTS.has(upper) ? (upper as SentimentLabel) : undefined;
}

/** Voice: the item's offset; chat: milliseconds since the file's first timestamped item. */
function offsetOf(item: ContactLensTranscriptItem, firstTime: number | undefined): number | undefined {
  if (item.BeginOffsetMillis !== undefined) return Math.round(item.BeginOffsetMillis);
  const at = timeOf(item.AbsoluteTime);
  return at !== undefined && firstTime !== undefined ? Math.max(0, at - firstTime) : undefined;
}

function timeOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** "application/vnd.amazonaws.connect.event.participant.joined" -> "participant.joined". */
function eventName(contentType: string | undefined): string {
  if (!contentType) return "";
  const marker = ".event.";
  const at = contentType.indexOf(marker);
  return at >= 0 ? contentType.slice(at + marker.length) : contentType;
}

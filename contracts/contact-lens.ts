import * as z from "./zod.js";

/**
 * Amazon Connect Contact Lens post-contact analysis output, voice and chat (the parts Baton reads).
 * https://docs.aws.amazon.com/connect/latest/adminguide/contact-lens-example-output-files.html
 * https://docs.aws.amazon.com/connect/latest/adminguide/contact-lens-example-output-files-chat.html
 *
 * Read as the files really are: chat items of `Type: "EVENT"` (participant joined / left, chat ended) carry no
 * `Content` and `chat.ended` no `ParticipantId`; chat has `AbsoluteTime` instead of `BeginOffsetMillis`, and its
 * sentiment lives in `ConversationCharacteristics.Sentiment.DetailsByTranscriptItemGroup`. Only `Transcript` is
 * required; a metadata block of an unexpected shape is dropped (`.catch`), never a reason to refuse the file.
 */
export const ContactLensTranscriptItem = z.looseObject({
  Id: z.optional(z.string()),
  ParticipantId: z.optional(z.string()),
  ParticipantRole: z.optional(z.string()),
  DisplayName: z.optional(z.string()),
  /** Chat: MESSAGE, EVENT, ATTACHMENT, ... Voice items have none. */
  Type: z.optional(z.string()),
  ContentType: z.optional(z.string()),
  Content: z.optional(z.string()),
  BeginOffsetMillis: z.catch(z.optional(z.number().check(z.nonnegative())), undefined),
  EndOffsetMillis: z.catch(z.optional(z.number().check(z.nonnegative())), undefined),
  AbsoluteTime: z.catch(z.optional(z.string()), undefined),
  Sentiment: z.catch(z.optional(z.string()), undefined),
  Redaction: z.optional(z.unknown()),
});
export type ContactLensTranscriptItem = z.infer<typeof ContactLensTranscriptItem>;

const SentimentItemGroup = z.looseObject({
  ParticipantRole: z.optional(z.string()),
  Sentiment: z.optional(z.string()),
  TranscriptItems: z.array(z.looseObject({ Id: z.string() })),
});

const ConversationCharacteristics = z.looseObject({
  ContactSummary: z.catch(
    z.optional(
      z.looseObject({
        PostContactSummary: z.catch(z.optional(z.looseObject({ Content: z.string() })), undefined),
      }),
    ),
    undefined,
  ),
  Sentiment: z.catch(
    z.optional(
      z.looseObject({
        DetailsByTranscriptItemGroup: z.catch(z.optional(z.array(SentimentItemGroup)), undefined),
      }),
    ),
    undefined,
  ),
});

export const ContactLensOutput = z.looseObject({
  Version: z.catch(z.optional(z.string()), undefined),
  Channel: z.catch(z.optional(z.string()), undefined),
  AccountId: z.catch(z.optional(z.string()), undefined),
  JobStatus: z.catch(z.optional(z.string()), undefined),
  LanguageCode: z.catch(z.optional(z.string()), undefined),
  ContentMetadata: z.catch(z.optional(z.looseObject({ Output: z.optional(z.string()) })), undefined),
  CustomerMetadata: z.catch(z.optional(z.looseObject({ ContactId: z.optional(z.string()) })), undefined),
  Participants: z.catch(
    z.optional(
      z.array(
        z.looseObject({ ParticipantId: z.optional(z.string()), ParticipantRole: z.optional(z.string()) }),
      ),
    ),
    undefined,
  ),
  Categories: z.catch(
    z.optional(z.looseObject({ MatchedCategories: z.optional(z.array(z.string())) })),
    undefined,
  ),
  ConversationCharacteristics: z.catch(z.optional(ConversationCharacteristics), undefined),
  Transcript: z.array(ContactLensTranscriptItem),
});
export type ContactLensOutput = z.infer<typeof ContactLensOutput>;

/** Participant roles Connect writes, and who they are for Baton. */
export const CONTACT_LENS_ROLES = {
  CUSTOMER: "customer",
  AGENT: "agent",
  SUPERVISOR: "agent",
  SYSTEM: "ai",
  CUSTOM_BOT: "ai",
  BOT: "ai",
} as const;

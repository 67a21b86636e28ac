import * as z from "zod";

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
  Id: z.string().optional(),
  ParticipantId: z.string().optional(),
  ParticipantRole: z.string().optional(),
  DisplayName: z.string().optional(),
  /** Chat: MESSAGE, EVENT, ATTACHMENT, ... Voice items have none. */
  Type: z.string().optional(),
  ContentType: z.string().optional(),
  Content: z.string().optional(),
  BeginOffsetMillis: z.number().nonnegative().optional().catch(undefined),
  EndOffsetMillis: z.number().nonnegative().optional().catch(undefined),
  AbsoluteTime: z.string().optional().catch(undefined),
  Sentiment: z.string().optional().catch(undefined),
  Redaction: z.unknown().optional(),
});
export type ContactLensTranscriptItem = z.infer<typeof ContactLensTranscriptItem>;

const SentimentItemGroup = z.looseObject({
  ParticipantRole: z.string().optional(),
  Sentiment: z.string().optional(),
  TranscriptItems: z.array(z.looseObject({ Id: z.string() })),
});

const ConversationCharacteristics = z.looseObject({
  ContactSummary: z
    .looseObject({
      PostContactSummary: z.looseObject({ Content: z.string() }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  Sentiment: z
    .looseObject({
      DetailsByTranscriptItemGroup: z.array(SentimentItemGroup).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export const ContactLensOutput = z.looseObject({
  Version: z.string().optional().catch(undefined),
  Channel: z.string().optional().catch(undefined),
  AccountId: z.string().optional().catch(undefined),
  JobStatus: z.string().optional().catch(undefined),
  LanguageCode: z.string().optional().catch(undefined),
  ContentMetadata: z.looseObject({ Output: z.string().optional() }).optional().catch(undefined),
  CustomerMetadata: z.looseObject({ ContactId: z.string().optional() }).optional().catch(undefined),
  Participants: z
    .array(z.looseObject({ ParticipantId: z.string().optional(), ParticipantRole: z.string().optional() }))
    .optional()
    .catch(undefined),
  Categories: z
    .looseObject({ MatchedCategories: z.array(z.string()).optional() })
    .optional()
    .catch(undefined),
  ConversationCharacteristics: ConversationCharacteristics.optional().catch(undefined),
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

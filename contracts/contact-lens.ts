import * as z from "zod";

/**
 * Amazon Connect Contact Lens post-call analysis output (the parts Baton reads).
 * https://docs.aws.amazon.com/connect/latest/adminguide/contact-lens-example-output-files.html
 * Unknown fields are tolerated: the file carries much more than the transcript.
 */
export const ContactLensTranscriptItem = z.looseObject({
  Id: z.string().optional(),
  ParticipantId: z.string(),
  ParticipantRole: z.string().optional(),
  Content: z.string(),
  BeginOffsetMillis: z.number().int().nonnegative().optional(),
  EndOffsetMillis: z.number().int().nonnegative().optional(),
  Sentiment: z.enum(["POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"]).optional(),
});

export const ContactLensOutput = z.looseObject({
  Version: z.string().optional(),
  Channel: z.string().optional(),
  AccountId: z.string().optional(),
  JobStatus: z.string().optional(),
  CustomerMetadata: z.looseObject({ ContactId: z.string().optional() }).optional(),
  Participants: z
    .array(z.looseObject({ ParticipantId: z.string(), ParticipantRole: z.string().optional() }))
    .optional(),
  Transcript: z.array(ContactLensTranscriptItem),
});
export type ContactLensOutput = z.infer<typeof ContactLensOutput>;

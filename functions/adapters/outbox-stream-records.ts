import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import * as z from "../../contracts/zod.js";
import type { OutboxImage } from "../application/relay-outbox.js";

const StreamEvent = z.looseObject({
  Records: z.array(
    z.looseObject({
      eventName: z.optional(z.string()),
      dynamodb: z.optional(
        z.looseObject({
          NewImage: z.optional(z.record(z.string(), z.unknown())),
          SequenceNumber: z.optional(z.string()),
        }),
      ),
    }),
  ),
});

const ContactImage = z.looseObject({
  pk: z.string().check(z.startsWith("CONTACT#")),
  type: z.literal("contact"),
  version: z.number().check(z.int(), z.positive()),
  outbox: z._default(
    z.array(
      z.looseObject({ id: z.string(), source: z.string(), detailType: z.string(), detail: z.string() }),
    ),
    [],
  ),
  unpublished: z.optional(z.union([z.set(z.string()), z.array(z.string())])),
});

/** Contact items from a DynamoDB stream event (NEW_AND_OLD_IMAGES) that carry unpublished events. */
export function outboxImagesFromStream(event: unknown): {
  images: Array<{ sequenceNumber: string; image: OutboxImage }>;
  skipped: string[];
} {
  const parsed = StreamEvent.safeParse(event);
  if (!parsed.success) return { images: [], skipped: ["event is not a DynamoDB stream event"] };
  const images: Array<{ sequenceNumber: string; image: OutboxImage }> = [];
  const skipped: string[] = [];
  for (const record of parsed.data.Records) {
    const newImage = record.dynamodb?.NewImage;
    const sequenceNumber = record.dynamodb?.SequenceNumber ?? "";
    if (!newImage || record.eventName === "REMOVE") continue;
    const item = ContactImage.safeParse(safeUnmarshall(newImage));
    if (!item.success) {
      if (String((newImage.pk as { S?: string } | undefined)?.S ?? "").startsWith("CONTACT#"))
        skipped.push(sequenceNumber);
      continue;
    }
    const unpublished = item.data.unpublished ? [...item.data.unpublished] : [];
    if (unpublished.length === 0) continue;
    images.push({
      sequenceNumber,
      image: {
        contactId: item.data.pk.slice("CONTACT#".length),
        version: item.data.version,
        outbox: item.data.outbox,
        unpublished,
      },
    });
  }
  return { images, skipped };
}

/** A malformed attribute value must not fail the whole stream batch: it becomes an unreadable record. */
function safeUnmarshall(image: Record<string, unknown>): unknown {
  try {
    return unmarshall(image as Record<string, AttributeValue>);
  } catch {
    return undefined;
  }
}

import { readFile } from "node:fs/promises";
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  NoSuchKey,
  S3Client,
} from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { restartBatch } from "../../functions/cli/restart-batch.js";

const s3 = mockClient(S3Client);
const BUCKET = "amzn-s3-demo-bucket";
const PREFIX = "connect/baton/Analysis/Voice/2026/11/30/";

async function sample(name: string): Promise<Uint8Array> {
  return readFile(new URL(`../fixtures/aws-published/contact-lens/${name}`, import.meta.url));
}

/** GetObject's body as the SDK gives it (a stream with transformToByteArray). */
function body(bytes: Uint8Array): GetObjectCommandOutput["Body"] {
  return { transformToByteArray: async () => bytes } as unknown as GetObjectCommandOutput["Body"];
}

describe("restart report over an S3 prefix (Contact Lens output in the instance's bucket)", () => {
  beforeEach(() => s3.reset());

  it("lists every page of the prefix, reads each .json object and names the one it cannot read", async () => {
    // Prepare: ListObjectsV2 in two pages, as the API pages them (ContinuationToken).
    s3.on(ListObjectsV2Command, { Bucket: BUCKET, Prefix: PREFIX, ContinuationToken: undefined }).resolves({
      Contents: [{ Key: `${PREFIX}b49644f6_analysis.json` }, { Key: `${PREFIX}readme.txt` }],
      IsTruncated: true,
      NextContinuationToken: "page-2",
    });
    s3.on(ListObjectsV2Command, { Bucket: BUCKET, Prefix: PREFIX, ContinuationToken: "page-2" }).resolves({
      Contents: [{ Key: `${PREFIX}a1b2c3d4_analysis.json` }, { Key: `${PREFIX}gone_analysis.json` }],
      IsTruncated: false,
    });
    s3.on(GetObjectCommand, { Key: `${PREFIX}b49644f6_analysis.json` }).resolves({
      Body: body(await sample("chat-original.json")),
    });
    s3.on(GetObjectCommand, { Key: `${PREFIX}a1b2c3d4_analysis.json` }).resolves({
      Body: body(await sample("constructed-voice-bot-then-closer.json")),
    });
    s3.on(GetObjectCommand, { Key: `${PREFIX}gone_analysis.json` }).rejects(
      new NoSuchKey({ message: "The specified key does not exist.", $metadata: {} }),
    );
    // Act
    const batch = await restartBatch(`s3://${BUCKET}/${PREFIX}`, new Map(), () => new S3Client({}));
    // Assess
    expect(batch.calls.map((call) => [call.file, call.result.applicable])).toEqual([
      [`s3://${BUCKET}/${PREFIX}a1b2c3d4_analysis.json`, true],
      [`s3://${BUCKET}/${PREFIX}b49644f6_analysis.json`, false],
    ]);
    expect(batch.rates).toEqual([
      {
        campaign: "(no Baton handoff)",
        trigger: "-",
        calls: 2,
        measured: 1,
        restarts: 1,
        rate: 1,
        notApplicable: 1,
      },
    ]);
    expect(batch.unreadable).toEqual([
      `s3://${BUCKET}/${PREFIX}gone_analysis.json: The specified key does not exist.`,
    ]);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(3);
  });
});

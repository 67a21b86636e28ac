import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";

/** One Contact Lens output file, by the name the report shows, read when asked. */
export interface ContactLensFile {
  name: string;
  read(): Promise<Uint8Array>;
}

/**
 * Where Contact Lens writes its output: a local folder (searched recursively), or in production an S3 prefix
 * (`s3://bucket/connect/<instance>/Analysis/Voice/2026/11/`) of the instance's bucket. `*.json` only.
 */
export async function contactLensFiles(location: string, s3?: () => S3Client): Promise<ContactLensFile[]> {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location);
  if (!match) return folderFiles(location);
  if (!s3) throw new Error(`${location}: no S3 client`);
  return s3Files(s3(), match[1] ?? "", match[2] ?? "");
}

async function folderFiles(root: string): Promise<ContactLensFile[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ name: relative(root, path), read: () => readFile(path) }));
}

async function s3Files(client: S3Client, bucket: string, prefix: string): Promise<ContactLensFile[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) if (object.Key?.endsWith(".json")) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort().map((key) => ({
    name: `s3://${bucket}/${key}`,
    read: async () => {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!object.Body) throw new Error(`s3://${bucket}/${key}: empty object`);
      return object.Body.transformToByteArray();
    },
  }));
}

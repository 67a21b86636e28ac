import { crc32 } from "node:zlib";
import { BatonInputError } from "../errors.js";
import type { SentenceBreakModel } from "./sentence-breaks.js";

/** The sentence-break model `npm run train` learns beside the turn reader, and the data it learned from. */
export interface SentenceBreaksArtifact extends SentenceBreakModel {
  /** sha256 over the training files, as the turn reader's: a test rebuilds the file from the data. */
  dataHash: string;
}

/**
 * The file: one header line, then the 2^bits int8 weights as bytes, so starting reads no text at all.
 *
 *     baton-sentence-breaks 1 <data hash, 64 hex> <bits> <threshold> <CRC-32 of the weights, 8 hex>
 */
export function sentenceBreaksFileBytes(artifact: SentenceBreaksArtifact): Buffer {
  const body = Buffer.from(artifact.weights.buffer, artifact.weights.byteOffset, artifact.weights.byteLength);
  const header = `${FORMAT} ${artifact.dataHash} ${artifact.bits} ${artifact.threshold} ${crc32(body).toString(16).padStart(8, "0")}\n`;
  return Buffer.concat([Buffer.from(header, "latin1"), body]);
}

/** The data hash a file records, and its model; a corrupt file is a startup error naming it and what is wrong. */
export function readSentenceBreaksFile(
  bytes: Uint8Array,
  file: string,
): { dataHash: string; model: SentenceBreakModel } {
  const headerEnd = bytes.indexOf(10);
  const headerText = Buffer.from(bytes.subarray(0, headerEnd < 0 ? 80 : headerEnd)).toString("latin1");
  const header = HEADER.exec(headerText);
  if (!header) {
    throw refused(file, "format", `not a ${FORMAT} file (starts "${headerText.slice(0, 40)}")`);
  }
  const [, dataHash = "", bitsText = "", thresholdText = "", checksum = ""] = header;
  const bits = Number(bitsText);
  if (bits < MIN_BITS || bits > MAX_BITS)
    throw refused(file, "bits", `a table of 2^${bits} weights is outside 2^${MIN_BITS}..2^${MAX_BITS}`);
  const body = bytes.subarray(headerEnd + 1);
  if (body.byteLength !== 2 ** bits)
    throw refused(
      file,
      "weights",
      `${body.byteLength} weight bytes where 2^${bits} = ${2 ** bits} were expected`,
    );
  if (crc32(body) !== Number.parseInt(checksum, 16))
    throw refused(file, "crc32", "the weights do not match the file's CRC-32 (damaged or edited by hand)");
  const weights = new Int8Array(body.buffer, body.byteOffset, body.byteLength);
  return { dataHash, model: { bits, weights, threshold: Number(thresholdText) } };
}

const FORMAT = "baton-sentence-breaks 1";
const HEADER = /^baton-sentence-breaks 1 ([0-9a-f]{64}) (\d{1,2}) (-?\d{1,6}) ([0-9a-f]{8})$/;
const MIN_BITS = 8;
const MAX_BITS = 22;

function refused(file: string, field: string, message: string): BatonInputError {
  return new BatonInputError(`sentence-break model ${file}: ${message}`, { field });
}

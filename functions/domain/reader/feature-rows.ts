/** Spreads a feature hash's bits before its top bits pick a bucket (Fibonacci hashing). */
const GOLDEN = 0x9e3779b1;

/**
 * About three rows a bucket: the bucket starts ship in the weights file (a cold start builds nothing), and
 * at this size they are a quarter megabyte. Measured against 0.75 rows a bucket built at start: 4% fewer
 * reads a second for the reader alone, 6 ms less cold start.
 */
const ROWS_PER_BUCKET = 3;

/** The bucket count for `size` rows: a power of two, so a bucket is the top bits of a mixed hash. */
export function bucketsFor(size: number): number {
  let buckets = 2;
  while (buckets * ROWS_PER_BUCKET < size) buckets *= 2;
  return buckets;
}

/** Whether the first byte of a word is its lowest (how typed arrays lay out words on this machine). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The key rows are ordered by: the hash's bits mixed, as an unsigned 32-bit number. */
function bucketKey(hash: number): number {
  return Math.imul(hash | 0, GOLDEN) >>> 0;
}

/** Bytes of one record: the uint32 hash, then the labels' int8 weights padded with zeros to whole words. */
export function recordBytes(width: number): number {
  return 4 + 4 * Math.ceil(width / 4);
}

/**
 * Feature hash -> weights, as records of [hash][weights] in bucket order (ascending `bucketKey`), with
 * where each bucket starts: the layout of the artifact's weights file, so a cold start uses the file's
 * bytes in place and builds nothing. A lookup reads one bucket start and then the bucket's few records,
 * whose hash and weights lie side by side. V8's Map boxes 32-bit keys as heap numbers, which made a lookup
 * several times slower than the arithmetic it feeds; typed arrays do not.
 */
export class FeatureRows {
  /** The records' bytes; `weightsAt` gives where a feature's weights start in them. */
  readonly packed: Int8Array;
  /** The same bytes as int32 words: a record's hash, then four labels' weights a word. */
  readonly words: Int32Array;
  /** Words of weights in a record: the labels, padded with zero weights to a multiple of four. */
  readonly rowWords: number;
  readonly width: number;
  readonly size: number;
  readonly buckets: number;
  /** Whether `packed` and the bucket starts are the bytes the rows were read from, not a copy. */
  readonly inPlace: boolean;
  private readonly recordWords: number;
  /** Bucket b holds records starts[b] to starts[b + 1]. */
  private readonly starts: Uint32Array;
  private readonly shift: number;
  /** What `warm` last read; it has no other use. */
  warmed = 0;

  /** Rows in any order (as training produces them): copied into bucket order. */
  static fromRows(hashes: ArrayLike<number>, weights: Int8Array, width: number): FeatureRows {
    if (weights.length !== hashes.length * width) {
      throw new RangeError(`${weights.length} weights for ${hashes.length} features x ${width} labels`);
    }
    const recordWords = recordBytes(width) / 4;
    const words = new Int32Array(hashes.length * recordWords);
    const packed = new Int8Array(words.buffer);
    bucketOrderOf(hashes).forEach((row, at) => {
      words[at * recordWords] = hashes[row] as number;
      packed.set(weights.subarray(row * width, row * width + width), at * recordWords * 4 + 4);
    });
    const buckets = bucketsFor(hashes.length);
    return new FeatureRows(words, bucketStarts(words, hashes.length, recordWords, buckets), width, false);
  }

  /**
   * The weights file's bytes (`fileBytes`): the bucket starts, then the records, all little-endian. Read in
   * place where the host allows it (little-endian, word-aligned), else copied. Only the index's ends are
   * checked here (a whole pass would cost the cold start what the shipped index saves): the file's
   * checksum guards against damage, and `verify` against a writer's mistake. A wrong length is a RangeError.
   */
  static fromFile(bytes: Uint8Array, size: number, width: number, buckets: number): FeatureRows {
    const recordWords = recordBytes(width) / 4;
    const indexBytes = (buckets + 1) * 4;
    if (bytes.length !== indexBytes + size * recordWords * 4) {
      throw new RangeError(
        `${bytes.length} bytes for ${buckets} bucket starts and ${size} records of ${recordWords * 4} bytes`,
      );
    }
    if (buckets !== bucketsFor(size)) {
      throw new RangeError(`${buckets} buckets for ${size} records, this code reads ${bucketsFor(size)}`);
    }
    const inPlace = LITTLE_ENDIAN && bytes.byteOffset % 4 === 0;
    const all = inPlace
      ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)
      : wordsOf(bytes, buckets, recordWords);
    const starts = new Uint32Array(all.buffer, all.byteOffset, buckets + 1);
    if (starts[0] !== 0 || starts[buckets] !== size) {
      throw new RangeError(`the bucket starts do not span the ${size} records`);
    }
    return new FeatureRows(all.subarray(buckets + 1), starts, width, inPlace);
  }

  private constructor(words: Int32Array, starts: Uint32Array, width: number, inPlace: boolean) {
    this.words = words;
    this.packed = new Int8Array(words.buffer, words.byteOffset, words.length * 4);
    this.width = width;
    this.rowWords = Math.ceil(width / 4);
    this.recordWords = 1 + this.rowWords;
    this.size = words.length / this.recordWords;
    this.buckets = starts.length - 1;
    this.starts = starts;
    this.shift = 32 - Math.log2(this.buckets);
    this.inPlace = inPlace;
  }

  /** Where a feature's weights start in `packed`, -1 when the feature has no row. Any 32-bit hash. */
  weightsAt(hash: number): number {
    const key = hash | 0;
    const bucket = Math.imul(key, GOLDEN) >>> this.shift;
    const end = (this.starts[bucket + 1] as number) * this.recordWords;
    for (let at = (this.starts[bucket] as number) * this.recordWords; at < end; at += this.recordWords) {
      if (this.words[at] === key) return (at + 1) * 4;
    }
    return -1;
  }

  /** A feature's weights, one per label; undefined when the feature has no row. */
  weightsOf(hash: number): Int8Array | undefined {
    const base = this.weightsAt(hash);
    return base < 0 ? undefined : this.packed.subarray(base, base + this.width);
  }

  /**
   * Reads each feature's bucket start, then the first record there, with no branch on what they hold: the
   * reads need not wait for one another, so their cache misses overlap before `weightsAt` runs.
   */
  warm(hashes: Int32Array, count: number): void {
    let seen = 0;
    for (let f = 0; f < count; f++) {
      const start = this.starts[Math.imul(hashes[f] as number, GOLDEN) >>> this.shift] as number;
      seen ^= this.words[start * this.recordWords] as number;
    }
    // Kept, so the reads are not optimised away.
    this.warmed = seen;
  }

  /** The weights file's bytes: the bucket starts, then the records in bucket order, all little-endian. */
  fileBytes(): Uint8Array {
    const indexBytes = this.starts.length * 4;
    const bytes = new Uint8Array(indexBytes + this.words.length * 4);
    const view = new DataView(bytes.buffer);
    this.starts.forEach((start, bucket) => {
      view.setUint32(bucket * 4, start, true);
    });
    this.words.forEach((word, at) => {
      // A hash is a number (little-endian in the file); weights are bytes, already in file order.
      view.setInt32(indexBytes + at * 4, word, at % this.recordWords === 0 || LITTLE_ENDIAN);
    });
    return bytes;
  }

  /** Refuses records out of bucket order, or bucket starts that are not where the records' buckets start. */
  verify(): void {
    const expected = bucketStarts(this.words, this.size, this.recordWords, this.buckets);
    const wrong = expected.findIndex((start, bucket) => start !== this.starts[bucket]);
    if (wrong >= 0)
      throw new RangeError(`bucket ${wrong} starts at record ${this.starts[wrong]}, not ${expected[wrong]}`);
  }
}

/**
 * One pass over the records: bucket b's records start at starts[b] and end at starts[b + 1]. Refuses a
 * record out of bucket order, which a lookup would never find.
 */
function bucketStarts(words: Int32Array, size: number, recordWords: number, buckets: number): Uint32Array {
  const shift = 32 - Math.log2(buckets);
  const starts = new Uint32Array(buckets + 1);
  let next = 0;
  let previous = 0;
  for (let row = 0, at = 0; row < size; row++, at += recordWords) {
    const key = Math.imul(words[at] as number, GOLDEN) >>> 0;
    if (key < previous) throw new RangeError(`record ${row} is out of bucket order`);
    previous = key;
    const bucket = key >>> shift;
    while (next <= bucket) starts[next++] = row;
  }
  starts.fill(size, next);
  return starts;
}

/** The given rows in bucket order: the permutation `fromRows` lays them out in. */
function bucketOrderOf(hashes: ArrayLike<number>): number[] {
  return Array.from({ length: hashes.length }, (_, row) => row).sort(
    (a, b) => bucketKey(hashes[a] as number) - bucketKey(hashes[b] as number),
  );
}

/**
 * A word-aligned copy of the file for a host that cannot read it in place, the numbers (bucket starts and
 * hashes) in host order; the weights are bytes and stay as they are.
 */
function wordsOf(bytes: Uint8Array, buckets: number, recordWords: number): Int32Array {
  const words = new Int32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const index = buckets + 1;
  for (let at = 0; at < index; at++) words[at] = view.getInt32(at * 4, true);
  for (let at = index; at < words.length; at += recordWords) words[at] = view.getInt32(at * 4, true);
  return words;
}

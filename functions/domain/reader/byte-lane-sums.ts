/** Flips each byte's sign bit: an int8 weight w becomes the unsigned byte w + 128. */
const SIGN_BITS = 0x80808080;
const EVEN_BYTES = 0x00ff00ff;
/** Rows a lane takes before it could carry into its neighbour: 256 x 255 < 65,536. */
const ROWS_PER_FLUSH = 256;

/**
 * Sums of int8 weight rows, two hidden units to an int32: each word of four weights is split into its
 * even and odd bytes, each byte a 16-bit lane, so one addition sums two units and a row of four units
 * costs two additions instead of four sign extensions and four additions. A block is one set of sums
 * (the whole turn, or one clause of it); each is unpacked into plain int32 sums, exactly, before a lane
 * could overflow and at the end.
 */
export class ByteLaneSums {
  private even = new Int32Array(0);
  private odd = new Int32Array(0);
  private rowsIn = new Int32Array(0);
  private rowWords = 0;
  private blocks = 0;

  /** Empties `blocks` blocks of `rowWords` words (four units a word). */
  reset(blocks: number, rowWords: number): void {
    const words = blocks * rowWords;
    if (this.even.length < words) {
      this.even = new Int32Array(words);
      this.odd = new Int32Array(words);
    }
    if (this.rowsIn.length < blocks) this.rowsIn = new Int32Array(blocks);
    this.even.fill(0, 0, words);
    this.odd.fill(0, 0, words);
    this.rowsIn.fill(0, 0, blocks);
    this.rowWords = rowWords;
    this.blocks = blocks;
  }

  /**
   * Adds the row of weights starting at word `at` of `words` (little-endian: a word's lowest byte is its
   * first unit) to `block`; `sums` receives the block's exact sums whenever its lanes fill.
   */
  add(words: Int32Array, at: number, block: number, sums: Int32Array): void {
    const { even, odd, rowWords } = this;
    for (let w = 0, to = block * rowWords; w < rowWords; w++, to++) {
      const biased = (words[at + w] as number) ^ SIGN_BITS;
      even[to] = ((even[to] as number) + (biased & EVEN_BYTES)) | 0;
      odd[to] = ((odd[to] as number) + ((biased >>> 8) & EVEN_BYTES)) | 0;
    }
    const rows = (this.rowsIn[block] as number) + 1;
    this.rowsIn[block] = rows;
    if (rows === ROWS_PER_FLUSH) this.unpack(block, sums);
  }

  /** Adds every block's remaining sums into `sums` (block b from index b x units) and empties them. */
  finish(sums: Int32Array): void {
    for (let block = 0; block < this.blocks; block++) this.unpack(block, sums);
  }

  private unpack(block: number, sums: Int32Array): void {
    const { even, odd, rowWords } = this;
    const bias = 128 * (this.rowsIn[block] as number);
    for (let w = 0, from = block * rowWords, u = block * rowWords * 4; w < rowWords; w++, from++, u += 4) {
      const e = even[from] as number;
      const o = odd[from] as number;
      sums[u] = ((sums[u] as number) + (e & 0xffff) - bias) | 0;
      sums[u + 1] = ((sums[u + 1] as number) + (o & 0xffff) - bias) | 0;
      sums[u + 2] = ((sums[u + 2] as number) + (e >>> 16) - bias) | 0;
      sums[u + 3] = ((sums[u + 3] as number) + (o >>> 16) - bias) | 0;
      even[from] = 0;
      odd[from] = 0;
    }
    this.rowsIn[block] = 0;
  }
}

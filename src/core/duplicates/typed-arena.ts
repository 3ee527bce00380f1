// Typed arrays cut from shared chunks. A typed array of more than a few elements gets a backing store of
// its own outside V8's heap, and making one costs about as much as hashing a paragraph: the duplicates
// stage needed two per paragraph (its shingle hashes and its signature). An arena makes one per chunk
// and hands out views into it.
//
// A view keeps its whole chunk alive, and views outlive the analysis that made them (the cache keeps a
// paragraph's print by its text), so chunks start small and grow only while one analysis needs more.

const FIRST_CHUNK = 4096;
const LARGEST_CHUNK = 1 << 18;

export class Uint32Arena {
  private chunk = new Uint32Array(0);
  private used = 0;
  private nextChunk = FIRST_CHUNK;

  /** A zero-filled array of `length` elements. */
  take(length: number): Uint32Array {
    // A request of a quarter of the largest chunk or more gets an array of its own.
    if (length >= LARGEST_CHUNK / 4) return new Uint32Array(length);
    if (this.used + length > this.chunk.length) {
      this.chunk = new Uint32Array(Math.max(this.nextChunk, length));
      this.used = 0;
      this.nextChunk = Math.min(this.nextChunk * 2, LARGEST_CHUNK);
    }
    const view = this.chunk.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }
}

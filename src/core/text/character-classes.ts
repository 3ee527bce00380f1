// Classifying characters by Unicode property inside the core's hot loops (tokens, claim features,
// boilerplate features, duplicate normalisation) without running a regular expression per character: each
// stage gives its own `classify` (a few small regexes), and a code point is classified the first time it is
// met and looked up after. ASCII is classified up front, so callers may read `ascii[code]` directly.
//
// Like a regular expression with the `u` flag, a surrogate pair is one code point (𝐀 is a letter, 😀 a
// symbol) and a lone surrogate is a code point of its own, classified as itself (no letter, digit or mark).

/** Set on a class when the code point is a surrogate pair, two code units wide. Classes must stay below it. */
export const PAIR = 64;
/** Set on a table entry once its class is known (a class may be 0). */
const KNOWN = 128;
/** Astral code points (emoji, mostly) kept at most: a text can hold a million different ones. */
const ASTRAL_KEPT = 4096;

export class CharacterClasses {
  /** Classes of the ASCII characters, for the common case read without a call. */
  readonly ascii: Uint8Array;
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, number>();

  /** `classify` gets one code point as a string and returns its class, below PAIR. */
  constructor(private readonly classify: (character: string) => number) {
    this.ascii = Uint8Array.from({ length: 128 }, (_, code) => classify(String.fromCharCode(code)));
    for (let code = 0; code < 128; code++) this.bmp[code] = this.ascii[code] | KNOWN;
  }

  /**
   * Class of the code point at `i`, with PAIR set for a surrogate pair. A pair whose second half lies at
   * or after `end` is read as a lone surrogate, as a regular expression run over text.slice(…, end) would.
   */
  at(text: string, i: number, end = text.length): number {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const point = (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        let kind = this.astral.get(point);
        if (kind === undefined) {
          kind = this.classify(String.fromCharCode(code, next));
          if (this.astral.size < ASTRAL_KEPT) this.astral.set(point, kind);
        }
        return kind | PAIR;
      }
    }
    let known = this.bmp[code];
    if (known === 0) this.bmp[code] = known = this.classify(String.fromCharCode(code)) | KNOWN;
    return known & ~KNOWN;
  }
}

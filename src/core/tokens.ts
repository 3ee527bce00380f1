// Word tokens with offsets, for the attribution and source stages. A token is a run of letters and
// digits with inner apostrophes, periods (U.S.) and hyphens; punctuation between tokens is kept as
// single-character tokens so clause boundaries (commas, colons, dashes, parentheses) stay visible.

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Letters and digits (a word) or a single punctuation mark. */
  word: boolean;
}

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.\-&](?=[\p{L}\p{N}]))*\.?|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let raw = m[0];
    // Keep a final period only for abbreviations (U.S., Mr.): a sentence's last period is punctuation.
    if (raw.length > 1 && raw.endsWith('.') && !/^(\p{L}\.)+$|^(mr|mrs|ms|dr|sen|rep|gov|gen|st|jr|sr|lt|col|sgt|capt|prof|rev)\.$/iu.test(raw)) {
      raw = raw.slice(0, -1);
      TOKEN.lastIndex = m.index + raw.length;
    }
    const at = start + m.index;
    const lower = raw.toLowerCase();
    tokens.push({ start: at, end: at + raw.length, text: raw, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, word: isWordStart(raw) });
  }
  return tokens;
}

/** Whether a token is a word: it starts with a letter or digit (ASCII decided without a regex). */
function isWordStart(raw: string): boolean {
  const code = raw.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(raw[0]);
}

export const isCapitalized = (token: Token): boolean => token.word && /^\p{Lu}/u.test(token.text);

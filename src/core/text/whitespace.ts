// `\s` for one UTF-16 code unit, as a regular expression without the `u` flag reads it, for loops that
// test character after character: ASCII is answered directly, and only other characters run the regex.

const SPACE = /\s/;

export function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(String.fromCharCode(code));
}

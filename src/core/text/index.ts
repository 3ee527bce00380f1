// Text primitives every stage may use: tokens, character classes, word hashes, positions, search, and
// the memo that keeps a pure function's results by their text.
export { LineIndex } from './positions';
export { TextMemo, memoized, ownCopy } from './text-memo';

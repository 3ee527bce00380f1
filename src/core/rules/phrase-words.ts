// The words of a short phrase (a source mention, a cue, a sentence or two), lower case, as the rules'
// word lists are written: letters and digits, with an inner apostrophe kept ("didn't", "Trump's").
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

export const phraseWords = (text: string): string[] =>
  Array.from(text.matchAll(WORD), (match) => match[0].toLowerCase());

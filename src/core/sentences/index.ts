// Stage 2, sentences: each block split into sentences, a quotation kept whole.
export { splitSentences } from './split-sentences';

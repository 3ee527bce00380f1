// Site furniture in the article's text (boilerplate stage). The message quotes the block's start and
// names the kind of furniture in plain words.
import type { BoilerplateReason } from '../types';
import { defineRule } from './rule';
import { quoteStart } from './quote-text';

/** What each kind of block is, as an editor would call it. */
const KIND: Record<BoilerplateReason, string> = {
  'comment-policy': 'the comments policy',
  'comment-prompt': 'a comments prompt',
  newsletter: 'a newsletter sign-up',
  'cookie-notice': 'a cookie notice',
  'share-prompt': 'a share prompt',
  copyright: 'a copyright line',
  'related-links': 'a list of related links',
  navigation: 'site navigation',
  advertisement: 'an advertisement',
  recurring: 'text repeated on every page',
  'low-content': 'a line with no story in it',
};

export const boilerplate = defineRule({
  id: 'boilerplate',
  severity: 'info',
  suppressible: true,
  anchor: 'boilerplate',
  summary: 'Site furniture: comment policy, newsletter or cookie notice, share prompt, copyright line.',
  warningInTextReport: false,
  marksRemovableText: true,
  check({ text, analysis }, report) {
    for (const block of analysis.boilerplate)
      report(block, `${quoteStart(text, block)} is ${KIND[block.reason] ?? 'site furniture'}, not part of the story.`);
  },
});

// Property tests over generated documents (test/support/document-arbitraries.ts): a bounded run inside
// `npm run test:unit`. The removal and mark-as-checked properties (checkRemovals, checkMarkChecked in
// test/support/document-properties.ts) still find cases (lazy continuation, unclosed comments in quotes).
import fc from 'fast-check';
import { documentArbitrary } from '../../support/document-arbitraries';
import { checkDeterministic, checkRanges } from '../../support/document-properties';

/** Bounded so the unit suite stays quick; the seed is fast-check's own, printed with any failure. */
const RUNS = Number(process.env.PROPERTY_RUNS) || 150;

describe('properties of generated documents', function () {
  this.timeout(60_000);

  it('every reported range lies within the text and splits no surrogate pair', () => {
    fc.assert(
      fc.property(documentArbitrary(), (d) => checkRanges(d)),
      { numRuns: RUNS },
    );
  });

  it('the same input gives the same analysis', () => {
    fc.assert(
      fc.property(documentArbitrary(), (d) => checkDeterministic(d)),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

// `npm run fuzz`: the property tests' long run. The same generated documents and the same checks as the
// bounded run in `npm run test:unit` (test/support/document-arbitraries.ts, document-properties.ts), many
// more of them, and now and then a 20,000-deep nesting. Prints the seed first and, at the end, how many
// documents and findings each property held for; a failure is shrunk by fast-check and printed with the
// line that replays it.
//   FUZZ_RUNS=100000 FUZZ_SEED=42 FUZZ_DEEP=1 node out/scripts/fuzz.js
//   FUZZ_RUNS   documents to generate (default 100,000)
//   FUZZ_SEED   the seed (default: a random one, printed)
//   FUZZ_PATH   with FUZZ_SEED: replay one failing case (the path fast-check printed)
//   FUZZ_DEEP   in 1,000 documents, how many hold a 20,000-deep nesting (default 1; each takes seconds)
//   FUZZ_KEEP_GOING=1  count every failing document per property instead of stopping at the first (no
//               shrinking); the first failure of each property is printed with its FUZZ_SEED/FUZZ_PATH
//   FUZZ_LIST=1 with FUZZ_KEEP_GOING=1: print every failing document's path and message as it fails
//   FUZZ_SHOW=1 with FUZZ_PATH and FUZZ_KEEP_GOING=1: print the document at that path (as JSON), unshrunk
import fc from 'fast-check';
import { analyze } from '../src/core/analyze';
import { documentArbitrary, type GeneratedDocument } from '../test/support/document-arbitraries';
import {
  checkDeterministic,
  checkMarkChecked,
  checkRanges,
  checkRemovals,
  noEditOffered,
} from '../test/support/document-properties';

const numberFrom = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) ? value : fallback;
};

const runs = numberFrom('FUZZ_RUNS', 100_000);
const seed = numberFrom('FUZZ_SEED', Math.floor(Math.random() * 0x7fffffff));
const path = process.env.FUZZ_PATH || undefined;
const deepWeight = numberFrom('FUZZ_DEEP', 1);
const keepGoing = process.env.FUZZ_KEEP_GOING === '1';
const listFailures = process.env.FUZZ_LIST === '1';
const showDocument = process.env.FUZZ_SHOW === '1';
/** The determinism check analyses a document twice more: every tenth document is enough for it. */
const DETERMINISM_EVERY = 10;

/** Per property: the documents it was checked on and the findings (passages, claims) it held for. */
const counts = {
  documents: 0,
  markdown: 0,
  bom: 0,
  deep: 0,
  ranges: 0,
  deterministic: 0,
  removals: 0,
  marksChecked: 0,
};

/** In the keep-going mode: per property, the failing documents' count and the first one's path and message. */
const failures = new Map<string, { count: number; path: number; message: string }>();

/** Runs one property's check: in the keep-going mode a failure is counted, else it is thrown. */
function check(property: string, run: () => void): void {
  if (!keepGoing) return run();
  try {
    run();
  } catch (error) {
    if (listFailures)
      console.log(`  ${property} FUZZ_PATH=${counts.documents - 1}: ${String(error).split('\n')[0].slice(0, 300)}`);
    const failure = failures.get(property);
    if (failure) failure.count++;
    else failures.set(property, { count: 1, path: counts.documents - 1, message: String(error) });
  }
}

function checkAll(document: GeneratedDocument): void {
  if (showDocument) console.log(JSON.stringify(document));
  counts.documents++;
  if (document.format === 'markdown') counts.markdown++;
  if (document.text.charCodeAt(0) === 0xfeff) counts.bom++;
  if (document.text.length > 10_000) counts.deep++;
  const analysis = analyze(document.text, { format: document.format });
  check('ranges', () => checkRanges(document, analysis));
  if (counts.documents % DETERMINISM_EVERY === 0) {
    check('deterministic', () => checkDeterministic(document));
    counts.deterministic++;
  }
  check('removals', () => checkRemovals(document, analysis));
  counts.removals += analysis.duplicates.length + analysis.boilerplate.length;
  check('mark as checked', () => checkMarkChecked(document, analysis));
  counts.marksChecked += analysis.messages.filter((m) => m.ruleId === 'unattributed-claim').length;
  counts.ranges++;
}

console.log(`fuzz: seed ${seed}, ${path ? `replaying path ${path}` : `${runs} documents`}, deep ${deepWeight}/1000`);
const started = performance.now();
let lastReport = started;
const result = fc.check(
  fc.property(documentArbitrary({ deepWeight }), (document) => {
    checkAll(document);
    const now = performance.now();
    if (now - lastReport > 30_000) {
      lastReport = now;
      console.log(`  … ${counts.documents} documents, ${Math.round((now - started) / 1000)} s`);
    }
  }),
  { numRuns: runs, seed, path, endOnFailure: false },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${counts.documents} documents checked in ${seconds} s (shrinking included)`);
console.log(
  `  generated: ${counts.markdown} Markdown, ${counts.documents - counts.markdown} plain text, ` +
    `${counts.bom} with a BOM, ${counts.deep} 20,000-deep`,
);
console.log(`  ranges valid, no split surrogate pair: ${counts.ranges} documents`);
console.log(`  the same analysis twice:               ${counts.deterministic} documents`);
console.log(`  removals leave the rest as it was:     ${counts.removals} duplicate and boilerplate passages`);
console.log(
  `  "mark as checked" silences its claim:  ${counts.marksChecked} claims ` +
    `(no edit offered for ${noEditOffered.claims}: an unclosed \`<!--\` lines above in the paragraph)`,
);
for (const [property, { count, path, message }] of failures) {
  console.log(`FAILED ${property}: ${count} documents; the first: FUZZ_SEED=${seed} FUZZ_PATH=${path} npm run fuzz`);
  console.log(`  ${message.split('\n')[0].slice(0, 400)}`);
}
if (keepGoing && failures.size > 0) process.exitCode = 1;
if (result.failed) {
  console.log(fc.defaultReportMessage(result));
  const error = result.errorInstance;
  console.log(error instanceof Error ? error.message : String(error));
  console.log(`replay: FUZZ_SEED=${result.seed} FUZZ_PATH=${result.counterexamplePath ?? ''} npm run fuzz`);
  process.exitCode = 1;
} else if (failures.size === 0) {
  console.log(`0 failures in ${result.numRuns} generated documents (seed ${seed})`);
}

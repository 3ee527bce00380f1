// npm run sample:flags -- --rule <rule-id> [--n 40] [--seed 7] [--top-registry 25]
// A seeded sample of one rule's messages on the PolNeAR train articles, each with its sentence, for labelling
// by hand how often the rule fires by mistake (README, "How often the credibility rules are wrong"). Prints
// how many statements the pipeline finds and how many messages the rule gives, then the sample.
// --top-registry N registers the N most-quoted named sources as `unverified`, so that low-standing-source
// has something to flag (the harshest registry a team could write).
import { join } from 'node:path';
import { analyze, parseRegistry, type AnalyzeOptions } from '../src/core';
import { readJsonl, sharedRoot } from './eval-shared';

interface Doc {
  doc_id: string;
  text: string;
}

function option(name: string, fallback?: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const root = sharedRoot();
if (root === null) {
  console.error('sample:flags needs ../shared/eval (or SOURCE_LENS_SHARED): the team data is not here.');
  process.exit(1);
}
const rule = option('rule');
if (!rule) {
  console.error('usage: npm run sample:flags -- --rule <rule-id> [--n 40] [--seed 7] [--top-registry 25]');
  process.exit(2);
}
const size = Number(option('n', '40'));
let seed = Number(option('seed', '7'));
const topRegistry = Number(option('top-registry', '0'));

const seen = new Set<string>();
const docs = readJsonl<Doc>(join(root, 'eval/polnear/polnear_train.jsonl')).filter(
  (d) => !seen.has(d.doc_id) && seen.add(d.doc_id),
);
const options: AnalyzeOptions = { format: 'plaintext' };
if (topRegistry > 0) {
  const quoted = new Map<string, number>();
  for (const doc of docs)
    for (const source of analyze(doc.text, options).sources)
      if (source.type === 'person' || source.type === 'organization')
        quoted.set(source.name, (quoted.get(source.name) ?? 0) + source.attributions.length);
  const names = [...quoted].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, topRegistry);
  options.registry = parseRegistry(
    JSON.stringify({ sources: names.map(([name]) => ({ name, standing: 'unverified' })) }),
  ).registry;
  console.log(`registry: ${names.map(([name]) => name).join(' | ')}`);
}

let statements = 0;
let withSource = 0;
const flags: string[] = [];
for (const doc of docs) {
  const analysis = analyze(doc.text, options);
  statements += analysis.attributions.length;
  withSource += analysis.attributions.filter((a) => a.source !== null).length;
  for (const message of analysis.messages) {
    if (message.ruleId !== rule) continue;
    const sentence = analysis.sentences.find((s) => s.start <= message.start && message.start < s.end);
    const words = (span: { start: number; end: number } | undefined) =>
      span ? doc.text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 300) : '';
    flags.push(
      `${doc.doc_id}\n   FLAGGED: ${words(message)}\n   REASON: ${message.reason}\n   SENTENCE: ${words(sentence)}`,
    );
  }
}
console.log(
  `${docs.length} articles, ${statements} statements (${withSource} with a source), ${flags.length} ${rule} messages`,
);
// A small linear congruential generator: the same sample for the same seed on every machine.
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const picked = new Set<number>();
while (picked.size < Math.min(size, flags.length)) picked.add(Math.floor(random() * flags.length));
[...picked].sort((a, b) => a - b).forEach((i, k) => console.log(`#${k + 1} ${flags[i]}`));

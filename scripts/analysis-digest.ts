// Whole analyses of every evaluation document, reduced to one digest each, so that a change meant to
// keep behaviour (a move, a split, a speed-up) can be checked equal to the code before it:
//   npm run digest -- --write before.json     (on the old code)
//   npm run digest -- --against before.json   (on the new code; exits 1 and names documents that differ)
// Every PolNeAR article and every boilerplate page is analysed as plain text and as Markdown, once fresh
// and once through an analysis cache primed with an edited copy; the 181 Zyte pages also as one corpus.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeCorpus, createAnalysisCache, type DocumentFormat } from '../src/core';
import { readJsonl, sharedRoot } from './eval-shared';

interface Document {
  id: string;
  text: string;
}

function documents(root: string): Document[] {
  const found: Document[] = [];
  for (const split of ['train', 'dev']) {
    for (const doc of readJsonl<{ doc_id: string; text: string }>(
      join(root, 'eval/polnear', `polnear_${split}.jsonl`),
    )) {
      found.push({ id: `polnear/${doc.doc_id}`, text: doc.text });
    }
  }
  for (const name of ['zyte_pagetext_lines', 'wcxb_dev_lines']) {
    for (const page of readJsonl<{ id: string; lines: { text: string }[] }>(
      join(root, 'eval/boilerplate', `${name}.jsonl`),
    )) {
      found.push({ id: `${name}/${page.id}`, text: page.lines.map((l) => l.text).join('\n') });
    }
  }
  found.push({ id: 'sample', text: readFileSync(join(root, 'samples/scraped-article.txt'), 'utf8') });
  return found;
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** A copy with one word inserted mid-text, to prime a cache the way an edit in the editor does. */
function edited(text: string): string {
  const at = Math.floor(text.length / 2);
  return `${text.slice(0, at)} edited ${text.slice(at)}`;
}

function digests(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const docs = documents(root);
  for (const doc of docs) {
    for (const format of ['plaintext', 'markdown'] as DocumentFormat[]) {
      out[`${doc.id}#${format}`] = digest(analyze(doc.text, { format }));
      const cache = createAnalysisCache();
      analyze(edited(doc.text), { format, cache });
      out[`${doc.id}#${format}#cached`] = digest(analyze(doc.text, { format, cache }));
    }
  }
  const zyte = docs.filter((d) => d.id.startsWith('zyte_pagetext_lines/')).map((d) => ({ path: d.id, text: d.text }));
  out['corpus/zyte'] = digest(analyzeCorpus(zyte));
  return out;
}

function main(): void {
  const root = sharedRoot();
  if (!root) {
    console.error('analysis-digest: ../shared/ (or SOURCE_LENS_SHARED) not found; nothing to compare.');
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const now = digests(root);
  const writeTo = flag('--write');
  const against = flag('--against');
  if (writeTo) writeFileSync(writeTo, JSON.stringify(now, null, 1));
  if (against) {
    const before = JSON.parse(readFileSync(against, 'utf8')) as Record<string, string>;
    const keys = new Set([...Object.keys(before), ...Object.keys(now)]);
    const differ = [...keys].filter((k) => before[k] !== now[k]);
    console.log(`${keys.size - differ.length} of ${keys.size} analyses identical`);
    for (const key of differ.slice(0, 20)) console.log(`  differs: ${key}`);
    if (differ.length) process.exit(1);
  }
  if (!writeTo && !against) console.log(`${Object.keys(now).length} analyses, digest ${digest(now)}`);
}

main();

// How well the uncertainty flags (Attribution.uncertainty) pick out the statements whose speaker is wrong,
// on PolNeAR: of the matched statements with a gold source, a statement is "wrong" when its source mention
// misses gold's, or its resolved source's name is not gold's (a pronoun resolved to the wrong person).
//   SOURCE_LENS_SHARED=/work/shared node out/scripts/eval-uncertainty.js [--split dev|train]
import { join } from 'node:path';
import { analyze, type Analysis, type Attribution } from '../src/core';
import { goldItems, loadPolnear, predictedItems, sameSourceName, goldSourceName, scoreDocument } from './eval-polnear';
import { sharedRoot } from './eval-shared';

const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'train';
const shared = sharedRoot();
if (!shared) throw new Error('set SOURCE_LENS_SHARED');
const docs = loadPolnear(join(shared, 'eval', 'polnear', `polnear_${split}.jsonl`));

interface Row {
  wrong: boolean;
  reasons: string[];
  gap: number;
  pronoun: boolean;
  mentionWrong: boolean;
}
const rows: Row[] = [];
for (const doc of docs) {
  const analysis: Analysis = analyze(doc.text, { format: 'plaintext' });
  const gold = goldItems(doc).items;
  const withContent = analysis.attributions.filter((a) => a.content.length > 0);
  const score = scoreDocument(doc.doc_id, doc.text, gold, predictedItems(doc.text, withContent, analysis.sources));
  for (const pair of score.pairs) {
    const g = gold[pair.gold];
    const a = withContent[pair.predicted];
    if (g.noSource || !a.sourceMention) continue;
    const goldName = goldSourceName(doc.text, gold, g);
    const name = a.source === null ? null : analysis.sources[a.source].name;
    const wrong = !pair.sourceCorrect || (goldName !== null && (name === null || !sameSourceName(name, goldName)));
    rows.push({
      wrong,
      reasons: a.uncertainty?.reasons ?? [],
      gap: gap(analysis, a),
      pronoun: /^(he|she|it|they|we)$/i.test(doc.text.slice(a.sourceMention.start, a.sourceMention.end).trim()),
      mentionWrong: !pair.sourceCorrect,
    });
  }
}

function gap(analysis: Analysis, a: Attribution): number {
  const at = (offset: number): number => {
    let i = 0;
    while (i + 1 < analysis.sentences.length && analysis.sentences[i + 1].start <= offset) i++;
    return i;
  };
  const s = at(a.sourceMention!.start);
  return Math.min(
    ...a.content.map((p) => {
      const first = at(p.start);
      const last = at(Math.max(p.start, p.end - 1));
      return s < first ? first - s : Math.max(0, s - last);
    }),
  );
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
const wrongTotal = rows.filter((r) => r.wrong).length;
console.log(
  `${split}: ${rows.length} matched statements with a gold source and a predicted mention; ${wrongTotal} wrong (${pct(wrongTotal, rows.length)})`,
);
console.log('sentence gap → statements, wrong');
for (const g of [0, 1, 2, 3, 4]) {
  const at = rows.filter((r) => (g === 4 ? r.gap >= 4 : r.gap === g));
  console.log(
    `  ${g === 4 ? '4+' : g}: ${at.length}, ${at.filter((r) => r.wrong).length} wrong (${pct(at.filter((r) => r.wrong).length, at.length)})`,
  );
}
for (const reason of ['pronoun-ambiguous', 'speaker-far', 'tagger', 'any']) {
  const flagged = rows.filter((r) => (reason === 'any' ? r.reasons.length > 0 : r.reasons.includes(reason)));
  const wrong = flagged.filter((r) => r.wrong).length;
  console.log(
    `${reason}: flagged ${flagged.length}, wrong ${wrong} (precision ${pct(wrong, flagged.length)}; recall ${pct(wrong, wrongTotal)})`,
  );
}
const pronouns = rows.filter((r) => r.pronoun);
console.log(
  `pronoun speakers: ${pronouns.length}, wrong ${pct(pronouns.filter((r) => r.wrong).length, pronouns.length)}`,
);
const far = rows.filter((r) => r.reasons.includes('speaker-far'));
console.log(`speaker-far with the mention itself wrong: ${far.filter((r) => r.mentionWrong).length} of ${far.length}`);
const unflagged = rows.filter((r) => r.reasons.length === 0);
console.log(`unflagged: ${unflagged.length}, wrong ${pct(unflagged.filter((r) => r.wrong).length, unflagged.length)}`);

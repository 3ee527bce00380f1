import assert from 'node:assert/strict';
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  findDuplicates,
  type BlockPrint,
  type DuplicateInput,
  type DuplicateScan,
} from '../../src/core/duplicates/find-duplicates';
import { TextMemo } from '../../src/core/text/text-memo';
import { normaliseForComparison } from '../../src/core/duplicates/comparable-text';
import {
  estimateAtLeast,
  estimatedSimilarity,
  jaccard,
  shingleHashes,
  signature,
} from '../../src/core/duplicates/minhash';
import { parseStructure } from '../../src/core/structure/parse-structure';
import type { Duplicate } from '../../src/core/types';
import { mulberry32 } from '../support/random';

const input = (path: string, text: string, skip?: ReadonlySet<number>): DuplicateInput => {
  const structure = parseStructure(text, 'plaintext');
  return { path, text: structure.prose, blocks: structure.blocks, ...(skip ? { skip } : {}) };
};

/** Each duplicate as strings: the copy, what it points at, and the similarity rounded. */
const read = (texts: Record<string, string>, duplicates: Duplicate[], copyText: string) =>
  duplicates.map((d) => ({
    copy: copyText.slice(d.start, d.end),
    of: `${d.of.path}: ${texts[d.of.path].slice(d.of.start, d.of.end)}`,
    similarity: Math.round(d.similarity * 1000) / 1000,
  }));

const P = [
  'BAGHDAD - Iraq’s intelligence service said on Monday it had dismantled a network that moved money to militant cells in three countries.',
  'In a statement, the agency said the network had used exchange offices in Erbil and Baghdad to transfer funds “under the cover of trade.”',
  'The group seized large parts of Iraq and Syria in 2014 and declared a so-called “caliphate” before its territorial defeat in 2017.',
  'Officials said arrests had been made in several West African countries after months of surveillance of the network’s communications.',
  'The agency said it remained committed to rooting out the group’s remnants and to protecting Iraq’s national security.',
];

describe('duplicates', () => {
  it('points every repeated paragraph of a scraped article at its first copy, with similarity 1', () => {
    const text = [...P, ...P.slice(1)].join('\n');
    const found = findDuplicates([input('article.txt', text)])[0];
    assert.equal(found.length, 4);
    const body = parseStructure(text, 'plaintext').blocks;
    found.forEach((duplicate, i) => {
      assert.deepEqual(
        { start: duplicate.start, end: duplicate.end },
        { start: body[5 + i].start, end: body[5 + i].end },
      );
      assert.deepEqual(duplicate.of, { path: 'article.txt', start: body[1 + i].start, end: body[1 + i].end });
      assert.equal(duplicate.similarity, 1);
      assert.equal(text.slice(duplicate.start, duplicate.end), P[1 + i]);
    });
  });

  it('finds a near duplicate with a few words changed, similarity between the threshold and 1', () => {
    const original = `${P[0]} ${P[1]}`;
    const edited = original.replace('on Monday', 'on Tuesday').replace('three countries', 'four countries');
    const text = [original, P[2], edited].join('\n\n');
    const found = findDuplicates([input('a.txt', text)])[0];
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), edited);
    assert.equal(text.slice(found[0].of.start, found[0].of.end), original);
    assert.ok(
      found[0].similarity >= DEFAULT_DUPLICATE_THRESHOLD && found[0].similarity < 1,
      String(found[0].similarity),
    );
    // The similarity reported is the exact Jaccard similarity of the shingle sets.
    const sets = [original, edited].map((p) => shingleHashes(normaliseForComparison(p)));
    assert.equal(found[0].similarity, jaccard(sets[0], sets[1]));
  });

  it('does not report paragraphs on the same story that share only phrases', () => {
    const text = [
      'The agency said the network had used exchange offices in Erbil and Baghdad to move money to the group.',
      'The agency said exchange offices in Baghdad were closed after the arrests and their owners questioned.',
      'Exchange offices in Erbil said they had not been contacted by the agency about the network or its money.',
    ].join('\n\n');
    assert.deepEqual(findDuplicates([input('a.txt', text)]), [[]]);
  });

  it('finds copies across documents, each pointing at the first occurrence, never at another copy', () => {
    const texts = {
      'a.txt': [P[0], P[1]].join('\n\n'),
      'b.txt': [P[3], P[1]].join('\n\n'),
      'c.txt': [P[1], P[3], P[4]].join('\n\n'),
    };
    const result = findDuplicates(Object.entries(texts).map(([path, text]) => input(path, text)));
    assert.deepEqual(read(texts, result[0], texts['a.txt']), []);
    assert.deepEqual(read(texts, result[1], texts['b.txt']), [{ copy: P[1], of: `a.txt: ${P[1]}`, similarity: 1 }]);
    assert.deepEqual(read(texts, result[2], texts['c.txt']), [
      { copy: P[1], of: `a.txt: ${P[1]}`, similarity: 1 },
      { copy: P[3], of: `b.txt: ${P[3]}`, similarity: 1 },
    ]);
  });

  it('never points at a copy: a near copy of a near copy that is not near the first is not reported', () => {
    const second = P[0].replace('on Monday', 'on Tuesday'); // 0.89 to the first
    const third = second.replace('three countries', 'four countries'); // 0.88 to the second, 0.78 to the first
    const text = [P[0], second, third].join('\n\n');
    const blocks = parseStructure(text, 'plaintext').blocks;
    const found = findDuplicates([input('a.txt', text)])[0];
    assert.deepEqual(
      found.map((d) => [d.start, d.of.start, Math.round(d.similarity * 100)]),
      [[blocks[1].start, blocks[0].start, 89]],
    );
  });

  it('ignores quote style, dashes, spacing and case', () => {
    const original = `${P[0]} ${P[1]}`;
    const restyled = original
      .replace(/[“”]/g, '"')
      .replace(/’/g, "'")
      .replace(' - ', ' — ')
      .toUpperCase()
      .replace(/ /g, '  ');
    const found = findDuplicates([input('a.txt', `${original}\n\n${restyled}`)])[0];
    assert.equal(found.length, 1);
    assert.equal(found[0].similarity, 1);
  });

  it('does not report tiny paragraphs however often they repeat', () => {
    const text = [
      'He said no.',
      P[0],
      'He said no.',
      'Read more',
      'Read more',
      'Photo: Reuters / Staff',
      'Photo: Reuters / Staff',
    ].join('\n\n');
    assert.deepEqual(findDuplicates([input('a.txt', text)]), [[]]);
  });

  it('skips blocks it is told to skip, as copies and as first occurrences', () => {
    const text = [P[0], P[1], P[0], P[1], P[1]].join('\n\n');
    const blocks = parseStructure(text, 'plaintext').blocks;
    // Blocks 2 and 4 are what is left: each the only occurrence of its paragraph.
    assert.deepEqual(findDuplicates([input('a.txt', text, new Set([0, 1, 3]))]), [[]]);
    // With block 1 compared, block 4 repeats it; block 2 is a first occurrence now that block 0 is skipped.
    const found = findDuplicates([input('a.txt', text, new Set([0, 3]))])[0];
    assert.deepEqual(
      found.map((d) => [d.start, d.of.start]),
      [[blocks[4].start, blocks[1].start]],
    );
  });

  it('is deterministic', () => {
    const docs = [input('a.txt', [...P, ...P].join('\n')), input('b.txt', P.slice(2).join('\n\n'))];
    assert.deepEqual(findDuplicates(docs), findDuplicates(docs));
    assert.deepEqual(signature(shingleHashes('the same text twice')), signature(shingleHashes('the same text twice')));
  });

  it('keeps offsets exact in CRLF text, and matches a copy with other line endings', () => {
    const crlf = [P[0], P[1], P[0]].join('\r\n\r\n');
    const found = findDuplicates([input('a.txt', crlf), input('b.txt', [P[2], P[1]].join('\n'))]);
    assert.equal(found[0].length, 1);
    assert.equal(crlf.slice(found[0][0].start, found[0][0].end), P[0]);
    assert.equal(crlf.slice(found[0][0].of.start, found[0][0].of.end), P[0]);
    assert.deepEqual(
      found[1].map((d) => [d.of.path, crlf.slice(d.of.start, d.of.end)]),
      [['a.txt', P[1]]],
    );
  });

  it('handles right-to-left text and emoji without crashing, with UTF-16 offsets', () => {
    const arabic =
      'قال جهاز المخابرات العراقي يوم الاثنين إنه فكك شبكة لتمويل خلايا متطرفة في عدة دول 🇮🇶 وفق بيان رسمي.';
    const emoji = '🔥🔥 Breaking: officials 👮‍♀️ confirmed the arrests late on Monday night in Erbil 🙏🏽 and Baghdad.';
    const text = [emoji, arabic, emoji, arabic, '\ud800 lone surrogate text that goes on for a while here'].join(
      '\n\n',
    );
    const found = findDuplicates([input('a.txt', text)])[0];
    assert.deepEqual(
      found.map((d) => text.slice(d.start, d.end)),
      [emoji, arabic],
    );
    assert.deepEqual(
      found.map((d) => text.slice(d.of.start, d.of.end)),
      [emoji, arabic],
    );
  });

  it('runs on a 2 MB generated document and finds exactly the copies planted in it', function () {
    this.timeout(30_000);
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary =
      'the a said officials minister police city report government people year week after before new two three'.split(
        ' ',
      );
    const paragraph = (n: number) => {
      const words: string[] = [];
      for (let i = 0; i < 60; i++)
        words.push(vocabulary[Math.floor(random() * vocabulary.length)] + (i % 7 === 0 ? n.toString(36) : ''));
      return words.join(' ') + '.';
    };
    const paragraphs: string[] = [];
    let planted = 0;
    for (let n = 0, length = 0; length < 2_000_000; n++) {
      if (n % 50 === 49) planted++;
      paragraphs.push(n % 50 === 49 ? paragraphs[n - 40] : paragraph(n));
      length += paragraphs[n].length + 2;
    }
    const text = paragraphs.join('\n\n');
    assert.ok(text.length >= 2_000_000);
    const found = findDuplicates([input('big.txt', text)])[0];
    assert.equal(found.length, planted);
    for (const duplicate of found) {
      assert.ok(duplicate.of.start < duplicate.start);
      assert.equal(text.slice(duplicate.start, duplicate.end), text.slice(duplicate.of.start, duplicate.of.end));
    }
  });

  it('estimates similarity from signatures close to the exact value', () => {
    const a = normaliseForComparison(P.join(' '));
    const b = normaliseForComparison(
      P.slice(0, 4).join(' ') + ' An entirely different closing sentence about other matters.',
    );
    const exact = jaccard(shingleHashes(a), shingleHashes(b));
    const estimate = estimatedSimilarity(signature(shingleHashes(a)), signature(shingleHashes(b)));
    assert.ok(Math.abs(exact - estimate) < 0.15, `${exact} vs ${estimate}`);
  });

  it('hashes each window the same wherever it lies: the rolling hash equals hashing the window alone', () => {
    const text = 'the agency said — “don’t” 😀 Ω costs rose by 40 percent in the first quarter';
    const hashes = shingleHashes(text);
    assert.equal(hashes.length, text.length - 4);
    for (let i = 0; i < hashes.length; i++)
      assert.equal(hashes[i], shingleHashes(text.slice(i, i + 5))[0], `window ${i}`);
    assert.equal(shingleHashes('abc').length, 1);
    assert.notEqual(shingleHashes('abcde')[0], shingleHashes('abced')[0]);
  });

  it('computes the exact Jaccard similarity of the distinct hashes, repeats and all', () => {
    const random = mulberry32(5);
    for (let trial = 0; trial < 300; trial++) {
      // Small value ranges force repeats and overlaps; large lists force the scratch table to grow.
      const range = 1 + Math.floor(random() * (trial % 3 === 0 ? 50 : 1e9));
      const list = () =>
        Uint32Array.from({ length: Math.floor(random() * (trial % 50 === 0 ? 5000 : 200)) }, () =>
          Math.floor(random() * range),
        );
      const [a, b] = [list(), list()];
      const setA = new Set(a);
      const setB = new Set(b);
      const common = [...setA].filter((v) => setB.has(v)).length;
      const expected = setA.size + setB.size === 0 ? 1 : common / (setA.size + setB.size - common);
      assert.equal(jaccard(a, b), expected, `trial ${trial}`);
    }
  });

  it('the early-stopping estimate agrees with the full one at every threshold, boundaries included', () => {
    const base = signature(shingleHashes(normaliseForComparison(P.join(' '))));
    for (let differing = 0; differing <= 120; differing += 7) {
      const other = Uint32Array.from(base, (v, i) => (i < differing ? v ^ 1 : v));
      for (const minimum of [0, 0.3, 0.5, 0.65, 0.8 - 0.15, 0.8, 0.9, 1]) {
        const full = estimatedSimilarity(base, other);
        assert.equal(
          estimateAtLeast(base, other, minimum),
          full < minimum ? -1 : full,
          `${differing} differing, minimum ${minimum}`,
        );
      }
    }
  });

  it('leaves repeated short lines alone: under six words or forty characters', () => {
    const short = 'Photo courtesy of the regional archive'; // 6 words but 38 characters
    const few = 'Contributions toward extraordinarily comprehensive reporting'; // 5 words, 60 characters
    const six = 'The council met again on Tuesday evening'; // 7 words, 40 characters
    const text = [short, few, six, short, few, six].join('\n\n');
    const found = findDuplicates([input('a.txt', text)])[0];
    assert.deepEqual(
      found.map((d) => text.slice(d.start, d.end)),
      [six],
    );
  });

  it('never throws on odd input', () => {
    assert.deepEqual(findDuplicates([]), []);
    assert.deepEqual(findDuplicates([input('empty.txt', '')]), [[]]);
    const blocks = [{ index: 0, kind: 'paragraph' as const, inBlockquote: false, start: 5, end: 999 }];
    assert.deepEqual(findDuplicates([{ path: 'odd', text: 'short', blocks }]), [[]]);
  });
});

describe('duplicates across edits', () => {
  const paragraphs = Array.from(
    { length: 200 },
    (_, i) => `Paragraph ${i}: ${P[i % P.length]}${i % 7 === 0 ? ` Updated ${i}.` : ''}`,
  );
  const scanOf = (text: string, memo: TextMemo<BlockPrint>, resume: { scan?: DuplicateScan }) => {
    const result = findDuplicates([input('a.txt', text)], { memo, resume })[0];
    memo.endRun();
    return result;
  };

  it('resumes from the first changed paragraph, with the same result as a fresh scan', () => {
    const memo = new TextMemo<BlockPrint>();
    const resume: { scan?: DuplicateScan } = {};
    scanOf(paragraphs.join('\n\n'), memo, resume);
    assert.equal(resume.scan!.decided, 200);
    const edited = [...paragraphs];
    edited[150] = edited[150].replace('Paragraph', 'Paragraf');
    const text = edited.join('\n\n');
    const resumed = scanOf(text, memo, resume);
    assert.equal(resume.scan!.decided, 50, 'only paragraph 150 and those after it are compared again');
    assert.deepEqual(resumed, findDuplicates([input('a.txt', text)])[0]);
    assert.ok(resumed.length > 100);
  });

  it('rewinds correctly when paragraphs are removed, added at the start, or the text is cut short', () => {
    const memo = new TextMemo<BlockPrint>();
    const resume: { scan?: DuplicateScan } = {};
    const versions = [
      paragraphs,
      paragraphs.slice(0, 120),
      [...paragraphs.slice(0, 60), ...paragraphs.slice(61)],
      ['A new opening paragraph written for this test, long enough to compare.', ...paragraphs],
      paragraphs,
    ];
    for (const version of versions) {
      const text = version.join('\n\n');
      assert.deepEqual(scanOf(text, memo, resume), findDuplicates([input('a.txt', text)])[0]);
    }
  });
});

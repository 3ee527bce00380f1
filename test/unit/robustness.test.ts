// The core's promise to its adapters: any string gives an analysis, without throwing, without an
// `internal-error` message, and with every offset inside the text. Odd inputs, pathological sizes and
// a seeded fuzz run through `analyze` and `analyzeCorpus` in both formats.
import assert from 'node:assert/strict';
import { analyze, analyzeCorpus } from '../../src/core/analyze';
import type { Analysis, DocumentFormat, Span } from '../../src/core/types';
import { spansOf } from '../support/analysis-spans';
import { mulberry32 } from '../support/random';

const FORMATS: DocumentFormat[] = ['plaintext', 'markdown'];

const inRange = (span: Span, length: number): boolean =>
  Number.isInteger(span.start) &&
  Number.isInteger(span.end) &&
  0 <= span.start &&
  span.start <= span.end &&
  span.end <= length;

/**
 * The invariants every analysis must keep. `lengths` gives the text length of each corpus document by
 * path, so a duplicate's `of` span can be checked against the document it points at.
 */
function checkAnalysis(text: string, analysis: Analysis, what: string, lengths: Map<string, number> = new Map()): void {
  const where = `${what} (${JSON.stringify(text.length > 80 ? text.slice(0, 80) + '…' : text)})`;
  const internal = analysis.messages.filter((m) => m.ruleId === 'internal-error');
  assert.deepEqual(
    internal.map((m) => m.reason),
    [],
    `internal-error for ${where}`,
  );
  assert.equal(analysis.length, text.length, `length for ${where}`);
  for (const [label, span] of spansOf(analysis)) {
    assert.ok(
      inRange(span, text.length),
      `${label} = [${span.start}, ${span.end}) out of [0, ${text.length}] for ${where}`,
    );
  }
  for (const [i, d] of analysis.duplicates.entries()) {
    const otherLength = lengths.get(d.of.path) ?? text.length;
    assert.ok(
      inRange(d.of, otherLength),
      `duplicates[${i}].of = [${d.of.start}, ${d.of.end}) out of range for ${where}`,
    );
    assert.ok(d.similarity >= 0 && d.similarity <= 1, `duplicates[${i}].similarity ${d.similarity} for ${where}`);
  }
  for (const [i, m] of analysis.messages.entries()) {
    if (m.cause) {
      const otherLength = lengths.get(m.cause.path) ?? text.length;
      assert.ok(inRange(m.cause, otherLength), `messages[${i}].cause out of range for ${where}`);
    }
  }
  // Indices between the parts of the analysis must point at something.
  for (const [i, a] of analysis.attributions.entries()) {
    assert.ok(a.content.length > 0, `attributions[${i}] has no content for ${where}`);
    if (a.source !== null)
      assert.ok(a.source >= 0 && a.source < analysis.sources.length, `attributions[${i}].source for ${where}`);
    for (const s of a.sentences)
      assert.ok(s >= 0 && s < analysis.sentences.length, `attributions[${i}].sentences for ${where}`);
  }
  for (const [i, s] of analysis.sources.entries()) {
    for (const a of s.attributions)
      assert.ok(a >= 0 && a < analysis.attributions.length, `sources[${i}].attributions for ${where}`);
  }
  for (const [i, c] of analysis.claims.entries()) {
    assert.ok(c.score >= 0 && c.score <= 1, `claims[${i}].score ${c.score} for ${where}`);
    assert.ok(c.sentence >= 0 && c.sentence < analysis.sentences.length, `claims[${i}].sentence for ${where}`);
  }
}

/** `analyze` in both formats must not throw and must keep the invariants. */
function checkBothFormats(text: string, what: string): Analysis[] {
  return FORMATS.map((format) => {
    let analysis: Analysis | undefined;
    assert.doesNotThrow(() => {
      analysis = analyze(text, { format });
    }, `analyze threw for ${what} (${format})`);
    checkAnalysis(text, analysis!, `${what} (${format})`);
    return analysis!;
  });
}

/** 2,000 distinct invented two-part names ("Bakor Quelin"), deterministic. */
function inventedNames(count: number): string[] {
  const first = ['Ba', 'Ko', 'Mi', 'Ta', 'Ze', 'Lu', 'Ra', 'Vo', 'Ni', 'Du'];
  const second = ['kor', 'lin', 'mar', 'sen', 'vik', 'dra', 'pel', 'tun', 'gos', 'fir'];
  const last = [
    'Quelin',
    'Dravok',
    'Mensar',
    'Tolby',
    'Ferrick',
    'Ostrand',
    'Halvey',
    'Brunet',
    'Castell',
    'Ingram',
    'Jessup',
    'Korver',
    'Lindqvist',
    'Moravec',
    'Nyberg',
    'Pellow',
    'Rastin',
    'Selwyn',
    'Tarrant',
    'Umber',
  ];
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const given = first[i % 10] + second[Math.floor(i / 10) % 10];
    names.push(`${given} ${last[Math.floor(i / 100) % 20]}`);
  }
  assert.equal(new Set(names).size, count);
  return names;
}

describe('robustness', function () {
  this.timeout(60_000);

  describe('odd inputs never crash the core', () => {
    it('empty and whitespace-only text', () => {
      for (const text of ['', ' ', '\n', '\r\n\r\n', '\t \u00a0\u2028\u2029 \n\n  ']) {
        const [plain, markdown] = checkBothFormats(text, 'blank');
        for (const a of [plain, markdown]) {
          assert.deepEqual(a.attributions, []);
          assert.deepEqual(a.claims, []);
        }
      }
    });

    it('a single quote mark of each kind, alone and in a sentence', () => {
      for (const mark of ['“', '”', '"', "'", '‘', '’', '«', '»', '„', '‚', '‹', '›', '「', '」']) {
        checkBothFormats(mark, `mark ${mark}`);
        checkBothFormats(`${mark}\n`, `mark ${mark} + newline`);
        checkBothFormats(`The minister said ${mark}we will act now.`, `sentence with ${mark}`);
        checkBothFormats(`${mark} ${mark} ${mark}`, `three ${mark}`);
      }
    });

    it('thousands of unbalanced quote marks', () => {
      const marks = ['“', '”', '"', "'", '‘', '’', '«', '»', '„'];
      const random = mulberry32(7);
      let text = '';
      for (let i = 0; i < 4000; i++)
        text += marks[Math.floor(random() * marks.length)] + (random() < 0.3 ? ' said ' : random() < 0.1 ? '\n\n' : '');
      checkBothFormats(text, 'unbalanced marks');
      checkBothFormats('“'.repeat(5000), 'only opening marks');
      checkBothFormats('”'.repeat(5000), 'only closing marks');
    });

    it('reports an unbalanced quote in range', () => {
      const text = 'The mayor said “we will rebuild the bridge by spring.';
      for (const a of checkBothFormats(text, 'unclosed quote')) {
        const unbalanced = a.messages.filter((m) => m.ruleId === 'unbalanced-quote');
        assert.ok(unbalanced.length >= 1, 'an unclosed quote gives an unbalanced-quote message');
        assert.equal(text.slice(unbalanced[0].start, unbalanced[0].end), '“');
      }
    });

    it('a quote that never closes running over 1,000 paragraphs', () => {
      const paragraphs = ['“This quote opens and never closes, the spokesman said on Monday'];
      for (let i = 1; i < 1000; i++)
        paragraphs.push(`“Paragraph ${i} carries the same quote on without a closing mark`);
      checkBothFormats(paragraphs.join('\n\n'), 'unclosed 1,000-paragraph quote');
      checkBothFormats(
        '“' + 'word '.repeat(50) + '\n\n' + Array.from({ length: 1000 }, (_, i) => `plain paragraph ${i}`).join('\n\n'),
        'unclosed quote before 1,000 plain paragraphs',
      );
    });

    it('one giant paragraph of 200 KB without punctuation', () => {
      const words = ['alpha', 'bravo', 'said', 'Charlie', 'delta', 'according', 'to', 'Echo', 'percent', '2024'];
      const parts: string[] = [];
      let size = 0;
      for (let i = 0; size < 200_000; i++) {
        const w = words[(i * 7 + (i >> 3)) % words.length];
        parts.push(w);
        size += w.length + 1;
      }
      checkBothFormats(parts.join(' '), '200 KB paragraph');
    });

    it('5,000 lines of "X said." with 2,000 distinct names', () => {
      const names = inventedNames(2000);
      const lines = Array.from({ length: 5000 }, (_, i) => `${names[(i * 7) % names.length]} said.`);
      checkBothFormats(lines.join('\n'), '5,000 said lines');
    });

    it('right-to-left text with quotes', () => {
      const arabic = 'قال المتحدث باسم الوزارة: «سنعيد بناء الجسر قبل الربيع». وأضاف أن "العمل بدأ بالفعل".';
      const hebrew = 'השר אמר: "אנחנו נבנה מחדש את הגשר עד האביב". הוא הוסיף כי „העבודה כבר החלה“.';
      const mixed = `The minister said “${hebrew}” and then ‏“${arabic}”‎ with \u202Bembedded\u202C marks.`;
      for (const text of [arabic, hebrew, mixed, `${arabic}\n\n${hebrew}\n\n> ${arabic}\n`])
        checkBothFormats(text, 'RTL');
    });

    it('emoji and astral characters, and a quote containing emoji slices to the quote', () => {
      const text = '😀 Intro 🇰🇪 with 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 👩‍👩‍👧 family.\n\n“We won 🎉 the 𝒸𝓊𝓅 today,” Jane Smith said 🏆.\n';
      for (const a of checkBothFormats(text, 'emoji')) {
        const quotes = a.attributions.flatMap((x) => x.content.map((s) => text.slice(s.start, s.end)));
        assert.ok(
          quotes.some((q) => q.includes('We won 🎉 the 𝒸𝓊𝓅 today')),
          `a statement holds the emoji quote; got ${JSON.stringify(quotes)}`,
        );
        const quote = a.quotes.find((q) => text.slice(q.inner.start, q.inner.end).startsWith('We won'));
        assert.ok(quote, 'the quote is found');
        assert.equal(text.slice(quote.inner.start, quote.inner.end).replace(/,$/, ''), 'We won 🎉 the 𝒸𝓊𝓅 today');
      }
    });

    it('lone surrogates', () => {
      for (const text of [
        '\ud800',
        '\udc00',
        'A\ud83d said “x\ud83d”.',
        '“\udfff” he said.\ud800',
        '\ud83d\n\n\ude00 said Ann.',
      ])
        checkBothFormats(text, 'lone surrogate');
    });

    it('NUL and control characters', () => {
      let controls = '';
      for (let c = 0; c < 32; c++) controls += String.fromCharCode(c);
      const texts = [
        '\0',
        controls,
        `Police said\0 the road “was\0closed”\u0007.\u001b[31m red\u007f\u0085\u200b\ufeff`,
        '\ufeff“Quoted,” he said.',
        `${controls}“${controls}” ${controls} said.`,
      ];
      for (const text of texts) checkBothFormats(text, 'control characters');
    });

    it('CRLF and CR-only line endings', () => {
      const lines = [
        'Intro line with a date, 12 May 2024.',
        '',
        '“We will act,” the mayor said.',
        '',
        'Police said the road was closed.',
        '> Block quoted line',
        '# Heading',
      ];
      for (const eol of ['\r\n', '\r', '\n\r', '\r\r\n'])
        checkBothFormats(lines.join(eol), `line ending ${JSON.stringify(eol)}`);
    });

    it('malformed Markdown', () => {
      const texts = [
        '```\n“Code never closes,” she said.\n\nMore text',
        '~~~js\nconst x = 1;\n```\nnot closed either',
        Array.from({ length: 50 }, (_, i) => '>'.repeat(i + 1) + ' “Nested quote level ' + i + ',” he said.').join(
          '\n',
        ),
        '>'.repeat(50) + ' deep',
        '<div>“HTML quote,” she said.<p>unclosed <b>tags</div>\n\n<!-- comment never ends\n\nMore “text.',
        '---\ntitle: “Front matter\nauthor: said nobody\n\nBody text said “hello.”',
        '| a | “b |\n|---|---|\n| said | ” c |\n| x\n\n|---|',
        '# “Heading quote\n\n## ” he said\n\n- “list\n- item,” she said\n  1. nested\n\n[link](“url) ![img](” x)',
        '*“emphasis* closes” elsewhere_ and `code “span` ”.',
        '[^1]: Footnote said “quote\n\n[^1]',
        '    indented “code\n\n    ” block',
        '\\“escaped\\” quote said Ann.',
      ];
      for (const text of texts) checkBothFormats(text, 'malformed Markdown');
    });
  });

  describe('seeded fuzz', () => {
    const FRAGMENTS = [
      '“',
      '”',
      '"',
      "'",
      '‘',
      '’',
      '«',
      '»',
      '„',
      '‹',
      '›',
      ' said',
      ' says',
      ' told reporters',
      ' according to',
      ' added',
      ' in a statement',
      ' claimed',
      ' he',
      ' she',
      ' they',
      ' Jane Smith',
      ' the ministry',
      ' Police',
      ' officials',
      ' a source',
      ' EACC',
      ' Dr. Ruth Owen',
      ' the company',
      '.',
      ',',
      ';',
      ':',
      '?',
      '!',
      '…',
      ' - ',
      ' — ',
      '(',
      ')',
      '\n',
      '\n\n',
      '\r\n',
      '\r',
      '> ',
      '>> ',
      '# ',
      '## ',
      '- ',
      '1. ',
      '```',
      '---\n',
      '|',
      '<b>',
      '*',
      '😀',
      '🎉',
      '𝒸',
      '\ud800',
      '\u200f',
      ' 42 percent',
      ' in 2024',
      ' the largest',
      ' word',
      ' more words here',
      ' ',
      ' The regional water authority confirmed that reservoir levels fell to 31 percent in August.',
      ' Engineers warned that rationing could begin before the end of the year.',
    ];

    function document(random: () => number): string {
      const length = 1 + Math.floor(random() * 120);
      let text = '';
      for (let i = 0; i < length; i++) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
      return text;
    }

    const random = mulberry32(20240601);
    const documents = Array.from({ length: 300 }, (_, i) => ({
      path: `doc-${i}.${i % 2 ? 'md' : 'txt'}`,
      text: document(random),
      format: FORMATS[i % 2],
    }));

    it('analyze keeps its promise on 300 generated documents in both formats', () => {
      const seen = { attributions: 0, quotes: 0, unbalanced: 0 };
      for (const [i, doc] of documents.entries()) {
        for (const format of FORMATS) {
          let analysis: Analysis | undefined;
          assert.doesNotThrow(
            () => {
              analysis = analyze(doc.text, { format, path: doc.path });
            },
            `analyze threw on fuzz document ${i} (${format}): ${JSON.stringify(doc.text)}`,
          );
          checkAnalysis(doc.text, analysis!, `fuzz document ${i} (${format})`);
          seen.attributions += analysis!.attributions.length;
          seen.quotes += analysis!.quotes.length;
          seen.unbalanced += analysis!.messages.filter((m) => m.ruleId === 'unbalanced-quote').length;
        }
      }
      // The generator reaches the interesting paths, not just blank documents.
      assert.ok(seen.attributions > 0 && seen.quotes > 0 && seen.unbalanced > 0, JSON.stringify(seen));
    });

    it('analyzeCorpus keeps its promise on the same documents, in corpora of ten', () => {
      const lengths = new Map(documents.map((d) => [d.path, d.text.length]));
      for (let start = 0; start < documents.length; start += 10) {
        const corpus = documents.slice(start, start + 10);
        let results: ReturnType<typeof analyzeCorpus> = [];
        assert.doesNotThrow(
          () => {
            results = analyzeCorpus(corpus, { recurrenceThreshold: 2 });
          },
          `analyzeCorpus threw on documents ${start}–${start + 9}`,
        );
        assert.deepEqual(
          results.map((r) => r.path),
          corpus.map((d) => d.path),
        );
        results.forEach((r, i) => checkAnalysis(corpus[i].text, r.analysis, `corpus document ${start + i}`, lengths));
      }
    });
  });

  describe('determinism and limits', () => {
    it('the same input twice gives deep-equal analyses', () => {
      const text = [
        'NAIROBI - The commission said on Tuesday that it had frozen assets worth 2.4 billion shillings.',
        '“We will not rest,” said Jane Smith, the commission’s chair. “Every shilling will come back.”',
        'Officials, who asked not to be named, said the network spanned eleven counties.',
        'Kenya lost an estimated 600 billion shillings to graft between 2013 and 2020, the largest losses on record.',
        'Officials, who asked not to be named, said the network spanned eleven counties.',
      ].join('\n\n');
      for (const format of FORMATS) {
        const first = analyze(text, { format });
        const second = analyze(text, { format });
        assert.ok(first.attributions.length > 0, 'the text has statements to compare');
        assert.deepEqual(second, first);
      }
      const corpus = [
        { path: 'a.txt', text },
        { path: 'b.md', text: text.split('\n\n').reverse().join('\n\n') },
      ];
      assert.deepEqual(analyzeCorpus(corpus), analyzeCorpus(corpus));
    });

    it('a text over maxLength gives one input-too-large message and nothing else', () => {
      const text = '“We will act,” the mayor said. Police said the road was closed in 2024. '.repeat(20);
      for (const format of FORMATS) {
        const analysis = analyze(text, { format, maxLength: 100 });
        checkAnalysis(text, analysis, `over maxLength (${format})`);
        assert.deepEqual(
          analysis.messages.map((m) => m.ruleId),
          ['input-too-large'],
        );
        assert.deepEqual(analysis.attributions, []);
        assert.deepEqual(analysis.claims, []);
        // At the cap exactly, the text is analysed.
        const atCap = analyze(text, { format, maxLength: text.length });
        assert.ok(!atCap.messages.some((m) => m.ruleId === 'input-too-large'));
        assert.ok(atCap.attributions.length > 0);
      }
      const [big, small] = analyzeCorpus(
        [
          { path: 'big.txt', text },
          { path: 'small.txt', text: 'Police said the road was closed.' },
        ],
        { maxLength: 100 },
      );
      assert.deepEqual(
        big.analysis.messages.map((m) => m.ruleId),
        ['input-too-large'],
      );
      assert.ok(!small.analysis.messages.some((m) => m.ruleId === 'input-too-large'));
      assert.equal(small.analysis.attributions.length, 1);
    });
  });
});

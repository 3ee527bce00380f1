// The rule registry (src/core/rules/): one module per rule, and everything that lists the rules agrees
// with it: package.json's `sourceLens.severity` schema (npm run sync:rules writes it), the README's Rules
// section, the suppressible names, the editor's defaults. Then each rule on a small text of its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, timedOutAnalysis } from '../../src/core/analyze';
import { buildMessages, RULE_DOCS_BASE, RULE_LIST, RULES, ruleUrl, SUPPRESSIBLE_RULES } from '../../src/core/rules';
import type { Analysis, Message, RuleId } from '../../src/core/types';
import { DEFAULT_SEVERITY, severitySchema } from '../../src/extension/severity-settings';

const ids = RULE_LIST.map((rule) => rule.id);

/** The `### heading` anchors of the README's `## Rules` section, in order (GitHub's slugs). */
function readmeRuleAnchors(readme: string): string[] {
  const section = /^## Rules\n([\s\S]*?)(?=^## )/m.exec(readme);
  assert.ok(section, 'the README has a "## Rules" section');
  return [...section[1].matchAll(/^### (.+)$/gm)].map((m) =>
    m[1]
      .trim()
      .toLowerCase()
      .replace(/[^\w\- ]/g, '')
      .replace(/ /g, '-'),
  );
}

/** The differences between the severity schema in a package.json and the registry's, as readable lines. */
function schemaMismatches(manifest: {
  contributes: { configuration: { properties: Record<string, unknown> } };
}): string[] {
  const written = manifest.contributes.configuration.properties['sourceLens.severity'] as {
    properties: object;
    default: object;
  };
  const expected = severitySchema() as { properties: object; default: object };
  const problems: string[] = [];
  const listed = Object.keys(written?.properties ?? {});
  if (listed.join() !== ids.join())
    problems.push(`properties ${listed.join(', ')} are not the registered rules ${ids.join(', ')}`);
  try {
    assert.deepEqual(written, expected);
  } catch {
    problems.push('the schema differs from severitySchema() (defaults or descriptions)');
  }
  return problems;
}

const messagesOf = (text: string, ruleId: RuleId, format: Analysis['format'] = 'plaintext'): Message[] =>
  analyze(text, { format }).messages.filter((m) => m.ruleId === ruleId);

describe('rule registry', () => {
  it('lists each rule once, under its own id, with its URL pointing at the README section', () => {
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(Object.keys(RULES), ids);
    for (const rule of RULE_LIST) {
      assert.equal(RULES[rule.id], rule);
      assert.equal(ruleUrl(rule.id), RULE_DOCS_BASE + rule.anchor);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.severity), rule.id);
      assert.ok(rule.summary.endsWith('.'), rule.id);
    }
  });

  it('derives the suppressible names and the editor’s default severities from the modules', () => {
    assert.deepEqual(SUPPRESSIBLE_RULES, [
      'unattributed-claim',
      'duplicate-passage',
      'boilerplate',
      'unbalanced-quote',
      'anonymous-source',
      'anonymous-source-without-reason',
      'vague-source',
      'unknown-speaker',
      'loaded-attribution-verb',
      'low-standing-source',
      'single-source',
    ]);
    assert.deepEqual(DEFAULT_SEVERITY, {
      'unattributed-claim': 'information',
      'duplicate-passage': 'warning',
      boilerplate: 'information',
      'unbalanced-quote': 'warning',
      'anonymous-source': 'information',
      'anonymous-source-without-reason': 'warning',
      'vague-source': 'information',
      'unknown-speaker': 'information',
      'loaded-attribution-verb': 'information',
      'low-standing-source': 'warning',
      'markdown-not-parsed': 'warning',
      'single-source': 'information',
      'unknown-rule': 'warning',
      'unapplied-correction': 'warning',
      'input-too-large': 'warning',
      'analysis-timeout': 'warning',
      'internal-error': 'error',
    });
  });

  it('only the rules whose text is there to be removed (repeats, site furniture) have it faded', () => {
    const faded = RULE_LIST.filter((rule) => rule.marksRemovableText).map((rule) => rule.id);
    assert.deepEqual(faded, ['duplicate-passage', 'boilerplate']);
  });

  it('package.json’s sourceLens.severity schema lists exactly the registered rules (npm run sync:rules)', () => {
    assert.deepEqual(schemaMismatches(JSON.parse(readFileSync('package.json', 'utf8'))), []);
  });

  it('the README’s Rules section has a section for exactly the registered rules, in registry order', () => {
    assert.deepEqual(
      readmeRuleAnchors(readFileSync('README.md', 'utf8')),
      RULE_LIST.map((rule) => rule.anchor),
    );
  });

  it('the checks above fail on a rule missing from package.json or the README, or one too many', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const severity = manifest.contributes.configuration.properties['sourceLens.severity'];
    delete severity.properties['unknown-speaker'];
    assert.equal(schemaMismatches(manifest).length, 2);
    severity.properties = { ...severitySchema(), 'single-source': { type: 'string' } };
    assert.ok(schemaMismatches(manifest).length > 0);
    const readme = readFileSync('README.md', 'utf8');
    assert.notDeepEqual(readmeRuleAnchors(readme.replace('### unknown-speaker\n', '')), ids);
    assert.notDeepEqual(
      readmeRuleAnchors(readme.replace('## How it works', '### single-source\nOne source.\n\n## How it works')),
      ids,
    );
  });
});

describe('rules', () => {
  it('messages come in text order; at one place, in registry order', () => {
    const analysis = analyze('');
    const span = { start: 0, end: 1 };
    analysis.claims = [{ ...span, sentence: 0, sentenceSpan: span, score: 1, reasons: [] }];
    analysis.boilerplate = [{ ...span, reason: 'copyright' }];
    const messages = buildMessages('Some text.', analysis, [{ start: 5, end: 6 }, span]);
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.start]),
      [
        ['unattributed-claim', 0],
        ['boilerplate', 0],
        ['unbalanced-quote', 0],
        ['unbalanced-quote', 5],
      ],
    );
    assert.deepEqual(messages[0], {
      ruleId: 'unattributed-claim',
      reason: 'No source for “S”.',
      severity: 'info',
      url: ruleUrl('unattributed-claim'),
      start: 0,
      end: 1,
    });
  });

  it('unattributed-claim: quotes the statement and names, in plain words, what makes it worth checking', () => {
    const [claim] = messagesOf('The ministry spent 40 million dollars on the bridge in 2019.', 'unattributed-claim');
    assert.equal(claim.reason, 'No source for “The ministry spent 40 million dollars on…”: a sum of money and a date.');
    assert.equal(claim.severity, 'info');
    const [flood] = messagesOf(
      'More than 300 homes in Riverside flooded in the spring of 2022, when the creek rose nine feet in two days.',
      'unattributed-claim',
    );
    assert.match(
      flood.reason,
      /^No source for “More than 300 homes in Riverside flooded…”: a [a-z ]+ and a [a-z ]+\.$/,
    );
  });

  it('duplicate-passage: points at the first copy', () => {
    const paragraph =
      'The council approved the new budget for the harbour district after a long debate on Tuesday night.';
    const [duplicate] = messagesOf(`${paragraph}\n\n${paragraph}\n`, 'duplicate-passage');
    assert.equal(duplicate.reason, '“The council approved the new budget for…” repeats line 1: remove one copy.');
    assert.deepEqual({ start: duplicate.cause?.start, end: duplicate.cause?.end }, { start: 0, end: paragraph.length });
  });

  it('boilerplate: names the kind of site furniture', () => {
    const text =
      'The council met on Tuesday to discuss the harbour.\n\nCopyright © 2024 The Daily Example. All rights reserved.\n';
    const messages = messagesOf(text, 'boilerplate').filter((m) => m.start === text.indexOf('Copyright'));
    assert.deepEqual(
      messages.map((m) => m.reason),
      ['“Copyright © 2024 The Daily Example. All…” is a copyright line, not part of the story.'],
    );
  });

  it('unbalanced-quote: says which way the mark fails and quotes the words beside it', () => {
    const messages = messagesOf('He said “we will rebuild the bridge.\n\nNothing else.', 'unbalanced-quote');
    assert.deepEqual(
      messages.map((m) => m.reason),
      ['Opening quotation mark never closed, before “we will rebuild the bridge”.'],
    );
    const closing = messagesOf(
      'The mayor said the budget was sound and would not change.” Nothing else.',
      'unbalanced-quote',
    );
    assert.deepEqual(
      closing.map((m) => m.reason),
      ['Closing quotation mark with no opening one, after “…budget was sound and would not change”.'],
    );
  });

  it('anonymous-source and unknown-speaker: an unnamed source, and a quotation with no speaker', () => {
    assert.deepEqual(
      messagesOf('The bridge will close in May, a senior official said.', 'anonymous-source').map((m) => m.reason),
      ['“a senior official” is an unnamed source: can they be named?'],
    );
    assert.deepEqual(
      messagesOf('“The bridge will close in May.”', 'unknown-speaker').map((m) => m.reason),
      ['No speaker for “The bridge will close in May”: say who said it.'],
    );
  });

  it('anonymous-source-without-reason: an unnamed source whose sentence and the next say not why', () => {
    assert.deepEqual(
      messagesOf('The bridge will close in May, a senior official said.', 'anonymous-source-without-reason').map(
        (m) => m.reason,
      ),
      ['No reason given for not naming “a senior official”: say why, here or in the next sentence.'],
    );
    const withReason =
      'The bridge will close in May, a senior official said. He was not authorized to discuss the plans.';
    assert.deepEqual(messagesOf(withReason, 'anonymous-source-without-reason'), []);
  });

  it('vague-source: a statement credited to an unnamed group, which anonymous-source then leaves alone', () => {
    const text = 'The bridge will close in May, officials said.';
    assert.deepEqual(
      messagesOf(text, 'vague-source').map((m) => m.reason),
      ['“officials said”: which officials? Name them, or say why not.'],
    );
    assert.deepEqual(messagesOf(text, 'anonymous-source'), []);
  });

  it('loaded-attribution-verb: a cue verb that judges the statement, with the neutral verb to put in', () => {
    const [loaded] = messagesOf('The senator claimed the bill was dead.', 'loaded-attribution-verb');
    assert.deepEqual(
      [loaded.reason, loaded.start, loaded.end, loaded.expected],
      ['“claimed” judges the statement; “said” reports it neutrally.', 12, 19, ['said']],
    );
  });

  it('unknown-rule, input-too-large, internal-error: about the control comments and the tool, never silenced', () => {
    assert.equal(messagesOf('<!-- source-lens-disable bolierplate -->\nText.', 'unknown-rule', 'markdown').length, 1);
    const [tooLarge] = analyze('x'.repeat(20), { maxLength: 10 }).messages;
    assert.equal(tooLarge.ruleId, 'input-too-large');
    assert.equal(tooLarge.reason, 'The document has 20 characters, over the cap of 10; it was not analysed.');
    const [error] = buildMessages('Text.', analyze(''), [], { internalError: 'boom' });
    assert.deepEqual(
      [error.ruleId, error.reason, error.severity, error.start, error.end],
      ['internal-error', 'Analysis failed: boom', 'error', 0, 1],
    );
    for (const id of ['unknown-rule', 'input-too-large', 'analysis-timeout', 'internal-error'] as const)
      assert.equal(RULES[id].suppressible, false);
  });

  it('analysis-timeout: one message at the top with the size, the deadline and the setting to raise', () => {
    const text = 'x'.repeat(3000);
    const setting = '"sourceLens.analysisTimeoutMs"';
    const alone = timedOutAnalysis(text, 'markdown', { deadlineMs: 500, setting });
    assert.deepEqual(
      alone.messages.map((m) => [m.ruleId, m.severity, m.start, m.end, m.reason]),
      [
        [
          'analysis-timeout',
          'warning',
          0,
          1,
          'Analysing this document (3000 characters, 3 KB) took longer than 500 ms and was stopped. ' +
            'Split the document, or raise "sourceLens.analysisTimeoutMs".',
        ],
      ],
    );
    assert.deepEqual([alone.attributions, alone.claims, alone.length, alone.format], [[], [], 3000, 'markdown']);
    const [kept] = timedOutAnalysis('', 'plaintext', { deadlineMs: 5000, setting: '--timeout', kept: true }).messages;
    assert.deepEqual([kept.start, kept.end], [0, 0]);
    assert.match(kept.reason, /longer than 5 s and was stopped; the findings shown are from the last analysis/);
    assert.match(kept.reason, /raise --timeout\.$/);
    // The core never stops itself: no analysis it makes carries the message.
    assert.ok(!analyze(text).messages.some((m) => m.ruleId === 'analysis-timeout'));
  });
});

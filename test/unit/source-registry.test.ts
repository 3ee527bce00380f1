// The sources registry (.sourcelens.json): what the parser keeps and reports (with places, never a throw),
// how sources match entries through aliases and the coreference chain, the low-standing-source rule, and
// the shipped JSON Schema agreeing with the parser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { analyze } from '../../src/core/analyze';
import { registrySchema } from '../../src/core/source-registry';
import { addToRegistry, newRegistryText, parseRegistry } from '../../src/core/source-registry';

const INIS_ARTICLE =
  'The Iraqi National Intelligence Service (INIS) said on Monday that it had arrested five men. ' +
  'The agency said the men had planned attacks in Baghdad. ' +
  'Mayor Ali Hassan told reporters the city was calm.';

const INIS_ENTRY = {
  name: 'Iraqi National Intelligence Service',
  aliases: ['INIS'],
  type: 'organization',
  standing: 'official',
  note: 'Government agency.',
  url: 'https://example.org/inis',
};

const registryText = (sources: object[], extra: object = {}) => JSON.stringify({ sources, ...extra }, null, 2);

describe('sources registry: parsing', () => {
  it('reads entries with aliases, type, standing, note and url, and rule severities', () => {
    const { registry, problems } = parseRegistry(
      registryText([INIS_ENTRY], { severity: { 'vague-source': 'warning', 'unknown-speaker': 'off' } }),
    );
    assert.deepEqual(problems, []);
    assert.equal(registry.entries.length, 1);
    const [entry] = registry.entries;
    assert.deepEqual({ ...entry, place: undefined }, { ...INIS_ENTRY, place: undefined });
    assert.deepEqual(registry.severity, { 'vague-source': 'warning', 'unknown-speaker': 'off' });
  });

  it('gives no registry for a syntax error, with the place of the error', () => {
    const text = '{\n  "sources": [\n    { "name": "INIS" "standing": "official" }\n  ]\n}\n';
    const { registry, problems } = parseRegistry(text);
    assert.deepEqual(registry.entries, []);
    assert.equal(problems.length >= 1, true);
    assert.equal(problems[0].message, 'JSON syntax: comma expected.');
    assert.equal(text.slice(problems[0].start, problems[0].end), '"standing"');
  });

  it('skips a bad entry, keeps the good ones, and points at the bad value', () => {
    const text = registryText([
      { name: 'Ali Hassan', standing: 'official' },
      { name: 'Rumour Mill', standing: 'dodgy' },
      { standing: 'expert' },
    ]);
    const { registry, problems } = parseRegistry(text);
    assert.deepEqual(
      registry.entries.map((e) => e.name),
      ['Ali Hassan'],
    );
    assert.deepEqual(
      problems.map((p) => [p.message.split(':')[0], text.slice(p.start, p.end)]),
      [
        ['A source needs a "standing"', '"dodgy"'],
        ['A source needs a "name"', '{\n      "standing": "expert"\n    }'],
      ],
    );
  });

  it('reports unknown keys, rules and levels, and a name registered twice', () => {
    const text = registryText(
      [
        { name: 'INIS', standing: 'official' },
        { name: 'inis', standing: 'partisan' },
      ],
      {
        severity: { 'no-such-rule': 'error', 'vague-source': 'loud' },
        colour: 'red',
      },
    );
    const { registry, problems } = parseRegistry(text);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        '"inis" is already registered as "INIS"; this entry is ignored.',
        'Unknown rule "no-such-rule".',
        'The level of "vague-source" must be one of "error", "warning", "information", "hint", "off".',
        'Unknown setting "colour": expected "$schema", "sources", "severity".',
      ],
    );
    assert.equal(registry.entries.length, 1);
    assert.deepEqual(registry.severity, {});
  });

  it('never throws, whatever the text', () => {
    for (const text of [
      '',
      'null',
      '[]',
      '"x"',
      '{',
      '{"sources": {}}',
      '{"sources": [1, null, []]}',
      '\u0000\uffff',
    ]) {
      const { problems } = parseRegistry(text);
      assert.equal(problems.length > 0, true, `no problem reported for ${JSON.stringify(text)}`);
    }
    assert.deepEqual(parseRegistry('{}').problems, []);
  });

  it('accepts comments and trailing commas, as VS Code does in a JSONC file', () => {
    const { registry, problems } = parseRegistry(
      '{\n  // vetted 2026-11\n  "sources": [{"name": "INIS", "standing": "official",},],\n}',
    );
    assert.deepEqual(problems, []);
    assert.equal(registry.entries[0].name, 'INIS');
  });
});

describe('sources registry: matching sources', () => {
  const registry = parseRegistry(
    registryText([
      { name: 'INIS', standing: 'official', note: 'Iraq’s state intelligence agency.' },
      { name: 'Ali Hassan', standing: 'discredited', note: 'Fabricated figures in 2024.' },
    ]),
  ).registry;

  it('matches an entry through the source’s aliases: the acronym, "the agency" and "it" are one source', () => {
    const analysis = analyze(INIS_ARTICLE, { format: 'plaintext', registry });
    const inis = analysis.sources.find((s) => s.name === 'Iraqi National Intelligence Service');
    assert.deepEqual(inis?.registered, {
      name: 'INIS',
      standing: 'official',
      note: 'Iraq’s state intelligence agency.',
    });
    const statements = inis!.attributions.length;
    assert.equal(statements >= 2, true, 'the agency’s second statement resolves to the same source');
  });

  it('matches regardless of case, a leading "the" and a possessive, and leaves other sources alone', () => {
    const { registry: other } = parseRegistry(registryText([{ name: 'the associated press', standing: 'official' }]));
    const analysis = analyze(
      'The Associated Press said on Tuesday that the vote was fair. Maria Lopez said it was close.',
      {
        format: 'plaintext',
        registry: other,
      },
    );
    assert.deepEqual(
      analysis.sources.map((s) => [s.name, s.registered?.standing ?? null]),
      [
        ['Associated Press', 'official'],
        ['Maria Lopez', null],
      ],
    );
  });

  it('never registers an anonymous source', () => {
    const { registry: vague } = parseRegistry(registryText([{ name: 'a senior official', standing: 'unverified' }]));
    const analysis = analyze('A senior official said the border was closed.', { format: 'plaintext', registry: vague });
    assert.equal(
      analysis.sources.some((s) => s.registered),
      false,
    );
  });
});

describe('low-standing-source', () => {
  const flags = (text: string, sources: object[]) =>
    analyze(text, { format: 'plaintext', registry: parseRegistry(registryText(sources)).registry })
      .messages.filter((m) => m.ruleId === 'low-standing-source')
      .map((m) => ({ words: text.slice(m.start, m.end), reason: m.reason }));

  it('flags each statement of a discredited or unverified source at its mention, with the team’s note', () => {
    assert.deepEqual(
      flags(INIS_ARTICLE, [{ name: 'Ali Hassan', standing: 'discredited', note: 'Fabricated figures in 2024.' }]),
      [
        {
          words: 'Mayor Ali Hassan',
          reason:
            'Ali Hassan is discredited in the sources registry (“Fabricated figures in 2024”): corroborate before relying on it.',
        },
      ],
    );
    assert.equal(flags(INIS_ARTICLE, [{ name: 'INIS', standing: 'unverified' }]).length >= 2, true);
  });

  it('flags where the source is named as itself, not a pronoun for it nor a group its name modifies', () => {
    const registry = [{ name: 'Hillary Clinton', aliases: ['Clinton'], standing: 'unverified' }];
    const text =
      'Hillary Clinton said on Monday that wages had risen. She said the plan would pass. ' +
      'Clinton officials said the campaign had raised $40 million. ' +
      '"This is dangerous," said Clinton campaign manager Robby Mook in a statement.';
    assert.deepEqual(
      flags(text, registry).map((f) => f.words),
      ['Hillary Clinton'],
    );
  });

  it('is silenced by a control comment on the line before', () => {
    const registry = [{ name: 'Ali Hassan', standing: 'discredited' }];
    const text =
      'source-lens: disable-next-line low-standing-source\nMayor Ali Hassan said crime fell by 40 percent.\n';
    assert.deepEqual(flags(text, registry), []);
    assert.equal(flags(text.split('\n').slice(1).join('\n'), registry).length, 1);
  });

  it('says nothing of official, expert, eyewitness or partisan sources, nor without a registry', () => {
    for (const standing of ['official', 'expert', 'eyewitness', 'partisan']) {
      assert.deepEqual(flags(INIS_ARTICLE, [{ name: 'Ali Hassan', standing }]), [], standing);
    }
    assert.deepEqual(
      analyze(INIS_ARTICLE).messages.filter((m) => m.ruleId === 'low-standing-source'),
      [],
    );
  });
});

describe('sources registry: JSON Schema', () => {
  it('is the file shipped in schemas/ (npm run sync:rules writes it)', () => {
    assert.deepEqual(JSON.parse(readFileSync('schemas/sourcelens.schema.json', 'utf8')), registrySchema());
  });

  it('accepts what the parser accepts and rejects what it reports', () => {
    const validate = new Ajv({ strict: false }).compile(registrySchema());
    const good = {
      sources: [
        { name: 'INIS', aliases: ['the agency'], type: 'organization', standing: 'official', url: 'https://x.org' },
      ],
      severity: { 'low-standing-source': 'error' },
    };
    assert.equal(validate(good), true);
    assert.deepEqual(parseRegistry(JSON.stringify(good)).problems, []);
    for (const bad of [
      { sources: [{ name: 'INIS', standing: 'dodgy' }] },
      { sources: [{ name: 'INIS' }] },
      { sources: [{ name: 'INIS', standing: 'official', url: 'ftp://x' }] },
      { severity: { 'no-such-rule': 'error' } },
      { colour: 'red' },
    ]) {
      assert.equal(validate(bad), false, JSON.stringify(bad));
      assert.notDeepEqual(parseRegistry(JSON.stringify(bad)).problems, [], JSON.stringify(bad));
    }
  });
});

describe('sources registry: adding a source', () => {
  const apply = (text: string, edits: { start: number; end: number; text: string }[]) =>
    [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);

  it('appends to the sources array, keeping the file’s comments and layout', () => {
    const text = '{\n  // vetted by the desk\n  "sources": [\n    { "name": "INIS", "standing": "official" }\n  ]\n}\n';
    const addition = addToRegistry(text, { name: 'Ali Hassan', type: 'person', standing: 'unverified' });
    assert.equal(addition.kind, 'edits');
    const after = apply(text, addition.kind === 'edits' ? addition.edits : []);
    assert.match(after, /\/\/ vetted by the desk/);
    assert.deepEqual(
      parseRegistry(after).registry.entries.map((e) => [e.name, e.standing, e.type]),
      [
        ['INIS', 'official', undefined],
        ['Ali Hassan', 'unverified', 'person'],
      ],
    );
  });

  it('creates the sources array in a file without one, and writes a new file whole', () => {
    const addition = addToRegistry('{\n  "severity": { "vague-source": "off" }\n}\n', {
      name: 'INIS',
      standing: 'official',
    });
    const after = apply(
      '{\n  "severity": { "vague-source": "off" }\n}\n',
      addition.kind === 'edits' ? addition.edits : [],
    );
    assert.deepEqual(
      parseRegistry(after).registry.entries.map((e) => e.name),
      ['INIS'],
    );
    assert.deepEqual(parseRegistry(after).registry.severity, { 'vague-source': 'off' });
    const fresh = newRegistryText({
      name: 'INIS',
      aliases: ['Iraqi National Intelligence Service'],
      standing: 'official',
    });
    assert.deepEqual(parseRegistry(fresh).problems, []);
    assert.deepEqual(parseRegistry(fresh).registry.entries[0].aliases, ['Iraqi National Intelligence Service']);
  });

  it('does nothing to a source already listed (by any of its names) or to a broken file', () => {
    const text = JSON.stringify({ sources: [{ name: 'INIS', aliases: ['the agency'], standing: 'official' }] });
    const listed = addToRegistry(text, {
      name: 'Iraqi National Intelligence Service',
      aliases: ['INIS'],
      standing: 'expert',
    });
    assert.equal(listed.kind, 'listed');
    assert.equal(listed.kind === 'listed' && text.slice(listed.place.start, listed.place.start + 14), '{"name":"INIS"');
    assert.deepEqual(addToRegistry('{ "sources": [ ', { name: 'X', standing: 'expert' }), { kind: 'unreadable' });
    assert.deepEqual(addToRegistry('[1, 2]', { name: 'X', standing: 'expert' }), { kind: 'unreadable' });
  });
});

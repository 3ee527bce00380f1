import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { filingKeys, lookupKeys, nameFormsOf } from '../../src/core/sources/names';

const sourcesOf = (text: string) =>
  analyze(text).sources.map((s) => ({
    name: s.name,
    type: s.type,
    aliases: s.aliases,
    statements: s.attributions.length,
  }));

describe('sources', () => {
  it('resolves an acronym, a description and "the agency" to one organization', () => {
    const text = [
      'Iraq’s intelligence service announced on Monday that it had broken up a smuggling ring.',
      'The Iraqi National Intelligence Service (INIS) said that the ring operated in four countries.',
      'The agency added that more arrests were expected soon.',
      'INIS noted that the investigation had lasted two years.',
    ].join('\n');
    assert.deepEqual(sourcesOf(text), [
      {
        name: 'Iraqi National Intelligence Service',
        type: 'organization',
        aliases: ['Iraq’s intelligence service', 'INIS', 'the agency'],
        statements: 4,
      },
    ]);
  });

  it('resolves a surname to the full name and a pronoun to the nearest person', () => {
    const text = [
      'Michael Flynn said that the talks had gone well.',
      'Flynn added that a deal was close.',
      '“We are nearly there,” he said.',
    ].join('\n');
    assert.deepEqual(sourcesOf(text), [{ name: 'Michael Flynn', type: 'person', aliases: ['Flynn'], statements: 3 }]);
  });

  it('keeps unnamed speakers as anonymous sources', () => {
    const text =
      'The plant will close in May, officials said.\nA source familiar with the talks said that buyers had walked away.';
    const sources = sourcesOf(text);
    assert.deepEqual(
      sources.map((s) => s.type),
      ['anonymous', 'anonymous'],
    );
  });

  it('types documents and keeps distinct people apart', () => {
    const text =
      'A report by the auditor found that costs had doubled since 2020.\nAnna Berg said that the report was wrong.\nJonas Lind said that it was right.';
    const sources = sourcesOf(text);
    assert.equal(sources.find((s) => s.name === 'Anna Berg')?.type, 'person');
    assert.equal(sources.find((s) => s.name === 'Jonas Lind')?.type, 'person');
    assert.equal(sources.length, 2 + sources.filter((s) => s.type === 'document').length);
  });

  it('does not fold a description of unknown kind into the person named before it', () => {
    const text =
      '“We will win,” said Rick Wilson, a strategist.\n“We must engage voters,” wrote the authors of the report.';
    assert.deepEqual(
      sourcesOf(text).map((s) => s.name),
      ['Rick Wilson', 'authors of the report'],
    );
  });
});

describe('source names', () => {
  it('a name looks under a key that an entity of the same name is filed under', () => {
    for (const [name, acronym] of [
      ['Michael Flynn', null],
      ['INIS', 'INIS'],
      ['Iraqi National Intelligence Service', 'INIS'],
    ] as const) {
      const forms = nameFormsOf(name);
      const filed = new Set(filingKeys(name, forms, [forms.lower]));
      assert.ok(
        lookupKeys(forms, acronym).some((key) => filed.has(key)),
        name,
      );
    }
  });
});

// The TextMate injection grammar is data; these checks keep it loadable and its patterns meaningful.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Rule {
  name: string;
  begin?: string;
  end?: string;
  match?: string;
}

const grammar = JSON.parse(readFileSync('syntaxes/source-lens-quotes.injection.tmLanguage.json', 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  patterns: { include: string }[];
  repository: Record<string, Rule>;
};

describe('quote injection grammar', () => {
  it('injects into Markdown and plain text, not into code', () => {
    assert.match(grammar.injectionSelector, /text\.html\.markdown/);
    assert.match(grammar.injectionSelector, /text\.plain/);
    assert.match(grammar.injectionSelector, /-markup\.fenced_code/);
  });

  it('includes only rules it defines', () => {
    for (const { include } of grammar.patterns) assert.ok(grammar.repository[include.slice(1)], include);
  });

  it('pairs straight quotes on one line and leaves apostrophes alone', () => {
    // Oniguruma and JavaScript agree on this pattern's syntax (lookbehind, lazy groups).
    const straight = new RegExp(grammar.repository.straight.match!, 'g');
    assert.deepEqual('He said "we won" and "again" today'.match(straight), ['"we won"', '"again"']);
    assert.equal("Jones' team didn't say it".match(straight), null);
    assert.equal('an unclosed "quote here'.match(straight), null);
  });

  it('ends curly, guillemet and low quotes at their closing mark or the line end', () => {
    for (const [rule, text, expected] of [
      ['curly', 'said “we won” today', '“we won”'],
      ['guillemets', 'a «mot» here', '«mot»'],
      ['german', 'er sagte „ja“ dazu', '„ja“'],
    ] as const) {
      const { begin, end } = grammar.repository[rule];
      const found = new RegExp(`${begin}.*?(${end})`, 'm').exec(text);
      assert.equal(found?.[0], expected, rule);
    }
  });
});

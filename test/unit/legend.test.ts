import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { escapeHtml, HIGHLIGHT_ENTRIES, legendHtml, rulesByLevel } from '../../src/extension/legend-html';
import { DEFAULT_SEVERITY } from '../../src/extension/severity-settings';

const defaults = { levels: DEFAULT_SEVERITY, highlights: true, claimMark: 'squiggle' as const };
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: {
    colors: Array<{ id: string }>;
    commands: Array<{ command: string; category?: string; icon?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    walkthroughs: Array<{
      id: string;
      steps: Array<{ id: string; description: string; media: Record<string, string> }>;
    }>;
  };
};
const cssVariable = (id: string): string => `var(--vscode-${id.replace(/\./g, '-')})`;

describe('legend', () => {
  it('is a static page: a CSP allowing only its nonce-marked style block, no script', () => {
    const html = legendHtml('bm9uY2U=', 'https://webview.test', defaults);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src 'nonce-bm9uY2U='/);
    assert.doesNotMatch(csp, /unsafe-inline|script-src/);
    assert.deepEqual(html.match(/<style[^>]*>/g), ['<style nonce="bm9uY2U=">']);
    assert.doesNotMatch(html, /<script|\sstyle="|\son\w+=/i, 'no script, no inline style attribute, no handler');
  });

  it('escapes text and attribute values', () => {
    assert.equal(escapeHtml(`<b a="x">'&'</b>`), '&lt;b a=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
    const html = legendHtml('"><script>alert(1)</script>', 'x"><img src=y>', defaults);
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /highlights &amp; underlines/);
  });

  it("draws every Source Lens colour through the theme's CSS variable, in the webview and in the walkthrough's SVG", () => {
    const html = legendHtml('n', 'c', defaults);
    const svg = readFileSync('media/walkthrough/legend.svg', 'utf8');
    const ids = manifest.contributes.colors.map((c) => c.id);
    assert.ok(ids.includes('sourceLens.uncertainBorder') && ids.includes('sourceLens.uncertainBackground'));
    for (const id of ids) {
      assert.ok(html.includes(cssVariable(id)), `the legend page uses ${id}`);
      assert.ok(svg.includes(cssVariable(id)), `legend.svg uses ${id}`);
    }
    assert.doesNotMatch(
      HIGHLIGHT_ENTRIES.map((h) => h.css).join(' '),
      /#[0-9a-f]{3,8}\b|rgb/i,
      'no fixed colour in a sample: the theme decides',
    );
  });

  it("lists each rule under the level it reports at with the user's settings", () => {
    const byDefault = rulesByLevel(defaults);
    assert.ok(byDefault.information.includes('unattributed-claim'), 'a claim is squiggled by default');
    assert.ok(byDefault.warning.includes('duplicate-passage'));
    const highlighted = rulesByLevel({ ...defaults, claimMark: 'highlight' });
    assert.ok(highlighted.hint.includes('unattributed-claim'), 'filled amber instead, it is a hint');
    const off = rulesByLevel({ ...defaults, levels: { ...DEFAULT_SEVERITY, 'unattributed-claim': 'off' } });
    assert.ok(!Object.values(off).flat().includes('unattributed-claim'), 'a rule turned off is under no level');
    assert.match(legendHtml('n', 'c', defaults), /one mark, its squiggle and Problems row, and no fill/);
    assert.match(legendHtml('n', 'c', { ...defaults, claimMark: 'highlight' }), /no squiggle and no Problems row/);
  });

  it('is reachable: a command in the palette, an icon in the Sources view title, a walkthrough whose media exist', () => {
    const { commands, menus, walkthroughs } = manifest.contributes;
    const command = commands.find((c) => c.command === 'sourceLens.showLegend');
    assert.equal(command?.category, 'Source Lens');
    assert.ok(command?.icon, 'an icon for the view title');
    assert.ok(
      menus['view/title'].some((m) => m.command === 'sourceLens.showLegend' && m.when === 'view == sourceLens.sources'),
    );
    const [walkthrough] = walkthroughs;
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['legend', 'sources', 'problems', 'settings'],
    );
    assert.match(walkthrough.steps[0].description, /\(command:sourceLens\.showLegend\)/);
    const ownCommands = new Set(commands.map((c) => c.command));
    for (const step of walkthrough.steps) {
      for (const path of Object.values(step.media).filter((v) => v.startsWith('media/')))
        assert.ok(existsSync(path), `${step.id}: ${path} exists`);
      for (const [, id] of step.description.matchAll(/\(command:(sourceLens\.[\w.]+)/g))
        assert.ok(ownCommands.has(id), `${step.id}: ${id} is a Source Lens command`);
    }
  });
});

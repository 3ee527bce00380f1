// "What do the colours mean?": the legend's page, shown in a webview (legend.ts). A webview rather than a
// Markdown document of real decorated text: decorations exist only in text editors, so such a document
// would be analysed like a story (listed in the Sources view, counted in the status) and its samples would
// show whatever the analysis of the day finds in them; a webview shows each mark exactly once, and VS Code
// gives it every theme colour as a CSS variable (`sourceLens.quoteBackground` is
// `var(--vscode-sourceLens-quoteBackground)`), so the samples are in the user's own theme and follow it when
// it changes. Static page: no script; a CSP allowing only the one style block (by nonce); every text escaped.
// Pure: no `vscode`, so the unit tests read the HTML.
import { RULE_LIST, type RuleId } from '../core';
import { fillsClaims, HIGHLIGHTED_RULES, lowersHighlighted, type UnderlineOptions } from './doubled-underlines';
import type { SeveritySetting } from './severity-settings';

/** One highlight: how the sample is drawn (CSS, theme colours only) and what it means. */
export interface HighlightEntry {
  /** The CSS class of its sample (letters and dashes). */
  className: string;
  name: string;
  /** The sample: pieces of text, each drawn plain or with a highlight's class (its own, or a neighbour's). */
  sample: ReadonlyArray<string | readonly [text: string, className: string]>;
  meaning: string;
  css: string;
}

const color = (id: string): string => `var(--vscode-${id.replace(/\./g, '-')})`;

/** The highlights, as highlights.ts draws them (same theme colours, same border styles). */
export const HIGHLIGHT_ENTRIES: readonly HighlightEntry[] = [
  {
    className: 'quote',
    name: 'Attributed content',
    sample: [
      ['“The levee will be finished by June,”', 'quote'],
      ' ',
      ['Reyes', 'speaker'],
      ' ',
      ['said', 'speaker'],
      '.',
    ],
    meaning: 'Quoted or reported words that have a source. Hover to see who, and how sure.',
    css: `background: ${color('sourceLens.quoteBackground')}; outline: 1px solid ${color('sourceLens.quoteBorder')};`,
  },
  {
    className: 'speaker',
    name: 'Source and cue',
    sample: [['Samuel Reyes', 'speaker'], ' ', ['told', 'speaker'], ' the council the work was on time.'],
    meaning: 'Who is credited, and the word that credits them ("said", "according to"): a dotted underline.',
    css: `border-bottom: 1px dotted ${color('sourceLens.sourceUnderline')};`,
  },
  {
    className: 'uncertain',
    name: 'Attribution to check',
    sample: [
      ['She', 'speaker'],
      ' ',
      ['said', 'speaker'],
      ' ',
      ['her basement has flooded twice this year.', 'uncertain'],
    ],
    meaning:
      'A statement whose speaker the analysis is less sure of (a "she" that could be another person named just before, a speaker named sentences away, or one the trained tagger found): a fainter fill, dashed underline. The hover names the other candidates: click one to make it the speaker.',
    css: `background: ${color('sourceLens.uncertainBackground')}; border-bottom: 1px dashed ${color('sourceLens.uncertainBorder')};`,
  },
  {
    className: 'claim',
    name: 'Unattributed claim',
    sample: [['More than 300 homes in Riverside flooded last spring.', 'claim']],
    meaning:
      'A check-worthy sentence (a number, a past event, a cause…) with no source, link or footnote. Give a source, or mark it checked.',
    css: `background: ${color('sourceLens.claimBackground')}; outline: 1px dashed ${color('sourceLens.claimBorder')};`,
  },
  {
    className: 'faded',
    name: 'Boilerplate or repeated passage',
    sample: [['Sign up for our newsletter. Comments are moderated.', 'faded']],
    meaning: 'Site furniture, or a passage that repeats an earlier one: probably to be removed (quick fix).',
    css: 'opacity: 0.55;',
  },
];

type Level = Exclude<SeveritySetting, 'off'>;

const SQUIGGLES: ReadonlyArray<{ level: Level; className: string; name: string; meaning: string; css: string }> = [
  {
    level: 'error',
    className: 'error',
    name: 'Red squiggle: error',
    meaning: 'Something is broken and needs fixing.',
    css: `text-decoration: underline wavy ${color('editorError.foreground')};`,
  },
  {
    level: 'warning',
    className: 'warning',
    name: 'Yellow squiggle: warning',
    meaning: 'Needs action before publishing.',
    css: `text-decoration: underline wavy ${color('editorWarning.foreground')};`,
  },
  {
    level: 'information',
    className: 'information',
    name: 'Blue squiggle: information',
    meaning: 'Worth a look; listed in the Problems panel.',
    css: `text-decoration: underline wavy ${color('editorInfo.foreground')};`,
  },
  {
    level: 'hint',
    className: 'hint',
    name: 'Faint dots: hint',
    meaning: 'Shown in the hover, the Sources view and quick fixes, not in the Problems panel.',
    css: `text-decoration: underline dotted ${color('editorHint.foreground')};`,
  },
];

export interface LegendSettings extends UnderlineOptions {
  /** Each rule's level as the user has it (their setting over the rule's default). */
  levels: Record<RuleId, SeveritySetting>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Which rules report at each level with these settings (a highlighted rule's information lowered to hint). */
export function rulesByLevel(settings: LegendSettings): Record<Level, RuleId[]> {
  const byLevel: Record<Level, RuleId[]> = { error: [], warning: [], information: [], hint: [] };
  for (const rule of RULE_LIST) {
    let level = settings.levels[rule.id];
    if (level === 'off') continue;
    if (level === 'information' && HIGHLIGHTED_RULES.has(rule.id) && lowersHighlighted(settings)) level = 'hint';
    byLevel[level].push(rule.id);
  }
  return byLevel;
}

/** The legend page. `cspSource` is the webview's (webview.cspSource); `nonce` is new for each page. */
export function legendHtml(nonce: string, cspSource: string, settings: LegendSettings): string {
  const e = escapeHtml;
  const byLevel = rulesByLevel(settings);
  const piece = (p: HighlightEntry['sample'][number]): string =>
    typeof p === 'string' ? e(p) : `<span class="${e(p[1])}">${e(p[0])}</span>`;
  const css = [
    `body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); max-width: 52em; line-height: 1.5; }`,
    `.sample { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); padding: 0.4em 0.6em; white-space: nowrap; }`,
    `dt { margin-top: 1em; font-weight: 600; } dd { margin: 0.2em 0 0 0; } code { font-family: var(--vscode-editor-font-family); }`,
    `.squiggle { text-decoration-skip-ink: none; text-underline-offset: 3px; }`,
    ...HIGHLIGHT_ENTRIES.map((h) => `.${h.className} { ${h.css} }`),
    ...SQUIGGLES.map((s) => `.${s.className} { ${s.css} }`),
  ].join('\n');
  const highlights = HIGHLIGHT_ENTRIES.map(
    (h) =>
      `<dt>${e(h.name)}</dt><dd><span class="sample">${h.sample.map(piece).join('')}</span></dd><dd>${e(h.meaning)}</dd>`,
  ).join('\n');
  const squiggles = SQUIGGLES.map((s) => {
    const rules = byLevel[s.level];
    const which = rules.length ? rules.map((id) => `<code>${e(id)}</code>`).join(', ') : 'none with your settings';
    return `<dt>${e(s.name)}</dt><dd><span class="sample"><span class="squiggle ${e(s.className)}">Riverside</span> residents</span></dd><dd>${e(s.meaning)} Reported at this level: ${which}.</dd>`;
  }).join('\n');
  const lowered = lowersHighlighted(settings)
    ? `An unattributed claim is filled amber and that is its mark (<code>sourceLens.claims.mark</code> is “highlight”): it is a hint, with no squiggle and no Problems row; the Sources view lists it under “Unattributed claims”.`
    : fillsClaims(settings)
      ? `An unattributed claim is filled amber and squiggled (<code>sourceLens.claims.mark</code> is “both”).`
      : `An unattributed claim has one mark, its squiggle and Problems row, and no fill (<code>sourceLens.claims.mark</code> is “squiggle”, the default; “highlight” fills it amber instead).`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${e(cspSource)}; style-src 'nonce-${e(nonce)}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Source Lens: What Do the Colours Mean?</title>
<style nonce="${e(nonce)}">
${css}
</style>
</head>
<body>
<h1>What the marks mean</h1>
<p>${e('Two kinds of mark, in your theme’s colours: highlights & underlines say what Source Lens found; squiggles ask for action.')}</p>
<h2>Highlights: what was found</h2>
<dl>
${highlights}
</dl>
<h2>Squiggles: what needs action</h2>
<p>${e('VS Code draws these for every extension; Source Lens’s rows in the Problems panel have the source “Source Lens” and a code linking to the rule.')}</p>
<dl>
${squiggles}
</dl>
<p>${lowered}</p>
<h2>Where else</h2>
<p>${e('The Sources view (Source Lens icon in the activity bar) lists every source with its statements, then unattributed claims, repeated passages and boilerplate. Hover any mark for its details; the light bulb offers the fixes. Colours can be changed with workbench.colorCustomizations (sourceLens.*).')}</p>
</body>
</html>`;
}

#!/usr/bin/env node
// The sources registry tried as a user would, in the packaged extension (npm run test:ui, after ui-check.mjs),
// on a folder "newsroom" holding a Markdown draft (registry-demo.md) and a `.sourcelens.json`:
//  1. Quick Open the draft, hover a statement of the discredited source: "Standing: discredited" and the
//     team's note → registry-hover.png,
//  2. the Source Lens activity-bar view: source rows give their standing ("discredited ·", "official ·"),
//     the view's message counts the named sources in the registry, the summary item expanded shows the
//     balance rows → registry-sources.png,
//  3. Quick Open `.sourcelens.json`, double-click a standing and type "trusted": VS Code's JSON validation
//     (the shipped schema) underlines it; hovering the squiggle lists the valid standings →
//     registry-schema-error.png,
//  4. the Problems panel lists the draft's low-standing-source warning.
// Screenshots go to test-results/; with DOCS_DIR=docs, each step that passed also refreshes
// docs/screenshot-registry-*.png (the README shows them), so a test run leaves the tracked files alone.
// Harness, env and last line (`N passed, N failed`) as ui-check.mjs.
import fs from 'node:fs';
import path from 'node:path';
import {
  createChecks,
  createRun,
  finish,
  hardTimeout,
  installExtension,
  launchChromium,
  preflight,
  repoRoot,
  startCodeServer,
  verbose,
  workbenchUrl,
} from './code-server-harness.mjs';

const vsix = path.resolve(process.env.VSIX ?? path.join(repoRoot, 'source-lens.vsix'));
const resultsDir = path.resolve(process.env.RESULTS_DIR ?? path.join(repoRoot, 'test-results'));
const docsDir = process.env.DOCS_DIR ? path.resolve(process.env.DOCS_DIR) : '';
const timeoutMs = Number(process.env.UI_CHECK_TIMEOUT_MS ?? 300000);
preflight([[vsix, `${path.relative(process.cwd(), vsix)} missing: run "npm run package" (npm run test:ui does)`]]);

const DRAFT = 'registry-demo.md';
const REGISTRY = '.sourcelens.json';
const DRAFT_TEXT = `# Council delays vote on Riverside flood barrier

The city council on Tuesday postponed a vote on the Riverside flood barrier after a dispute over its cost, leaving hundreds of homes along the river without new protection for another winter.

Mayor Daniel Okafor said the barrier would cost 48 million euros, almost twice the figure given last year. "We cannot sign a contract we cannot pay for," Okafor told reporters outside the town hall.

Property developer Victor Lang, who owns land next to the planned barrier, said the council had "wasted three years on a project nobody needs." Lang said the river had not flooded his street since 1998.

Helen Marsh, a hydrologist at the University of Leeds, said the risk was rising. "The river has come within a metre of the defences twice in five years," Marsh said.

Amira Haddad, whose basement flooded in 2021, said she had stopped waiting for the council. "We bought our own sandbags," she said.

A senior official said the council would look for cheaper designs before the spring. Experts say the delay could raise insurance premiums across the district.
`;
const DISCREDITED_NOTE = 'Gave false flood-damage figures to this paper in 2023; correction printed 12 May 2023.';
const OKAFOR_URL = 'https://wiki.example-newsroom.org/sources/daniel-okafor';
const entry = (name, type, standing, note, url) => ({ name, type, standing, note, ...(url && { url }) });
const REGISTRY_ENTRIES = {
  sources: [
    entry('Victor Lang', 'person', 'discredited', DISCREDITED_NOTE),
    entry('Daniel Okafor', 'person', 'official', 'Mayor since 2022; speaks for the council.', OKAFOR_URL),
    entry('Helen Marsh', 'person', 'expert', 'Flood hydrologist, University of Leeds; checked by the science desk.'),
    // step 3 changes this standing to one the schema does not know
    entry('Riverside Residents Association', 'organization', 'partisan', 'Campaigns for the barrier.'),
  ],
};

const { results, check, summaryLine } = createChecks();
/** Runs a step; a thrown error fails it (with its message) without stopping the later, independent steps. */
async function step(name, fn) {
  try {
    return check(name, true, (await fn()) ?? '');
  } catch (e) {
    check(name, false, (e?.message ?? String(e)).split('\n')[0]);
    return false;
  }
}

let server;
hardTimeout(timeoutMs, () => ({
  message: `the registry UI check did not finish; code-server log tail:\n${server?.tail(3000) ?? '(not started)'}`,
  lines: [summaryLine(1)],
}));

fs.mkdirSync(resultsDir, { recursive: true });
const run = createRun('ui-registry');
// a folder of its own with a fixed name: the window title and the Explorer show it, and docs/ keeps the pictures
const newsroom = path.join(run.workspace, 'newsroom');
fs.mkdirSync(newsroom);
fs.writeFileSync(path.join(newsroom, DRAFT), DRAFT_TEXT);
fs.writeFileSync(path.join(newsroom, REGISTRY), JSON.stringify(REGISTRY_ENTRIES, null, 2) + '\n');
// user settings of this run, for readable screenshots that change little from run to run: wrapped lines,
// no minimap, a cursor that does not blink, no chat side bar, no welcome page
fs.mkdirSync(path.join(run.dir, 'user-data/User'), { recursive: true });
fs.writeFileSync(
  path.join(run.dir, 'user-data/User/settings.json'),
  JSON.stringify({
    'editor.wordWrap': 'on',
    'editor.minimap.enabled': false,
    'editor.cursorBlinking': 'solid',
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
  }),
);

/** Saves a screenshot to test-results/ and, with `docsName`, a copy to docs/. */
async function screenshot(name, docsName) {
  const file = path.join(resultsDir, name);
  await page.screenshot({ path: file, animations: 'disabled' }); // a hover's fade-in finished, not half-way
  if (docsName && docsDir) fs.copyFileSync(file, path.join(docsDir, docsName));
  return `screenshot ${path.relative(repoRoot, file)}${docsName && docsDir ? ` and docs/${docsName}` : ''}`;
}

const installed = installExtension(run, vsix);
if (!check(`code-server --install-extension ${path.basename(vsix)}`, installed.ok, installed.output.split('\n').at(-1)))
  await finish(1, [summaryLine()]);

let page;
try {
  server = await startCodeServer(run);
  ({ page } = await launchChromium(run, { viewport: { width: 1600, height: 1000 } }));
  if (verbose) page.on('console', (m) => console.error(`[browser ${m.type()}]`, m.text()));
  await page.goto(workbenchUrl(server, newsroom));
} catch (e) {
  check('code-server and Chromium start', false, e?.message ?? String(e));
  await finish(1, [summaryLine()]);
}

const editor = page.locator('.part.editor .monaco-editor').first();
const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').filter({ visible: true });
const flat = (text) => text.replace(/\s+/g, ' ').trim();

/** Opens a workspace file through Quick Open (Ctrl+P), as a user would, and waits for its text. */
async function quickOpen(file, text) {
  await page.locator('.part.editor').click();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(file);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  await page.locator('.part.editor .tab.active', { hasText: file }).waitFor({ timeout: 15000 });
  await editor.locator('.view-lines', { hasText: text }).waitFor({ timeout: 15000 });
}

/** The centre of `word`'s first occurrence in the editor, once it is rendered (a decorated line is redrawn). */
async function wordCentre(word) {
  const found = await page.waitForFunction(
    (word) => {
      for (const line of document.querySelectorAll('.part.editor .monaco-editor .view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(word);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const r = range.getBoundingClientRect();
          if (r.width > 0) return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
      }
      return null;
    },
    word,
    { timeout: 10000 },
  );
  return found.jsonValue();
}

/** Whether `locator` reaches `state` within `timeout` ms. */
async function appears(locator, timeout, state = 'visible') {
  try {
    await locator.first().waitFor({ state, timeout });
    return true;
  } catch {
    return false;
  }
}

/** Moves the mouse onto `word` and resolves to the hover's text once it says each of `expected`. */
async function hoverOn(word, ...expected) {
  const at = await wordCentre(word);
  await page.mouse.move(at.x, at.y);
  const complete = expected.reduce((h, hasText) => h.filter({ hasText }), hover);
  if (!(await appears(complete, 10000))) {
    const other = (await appears(hover, 1000)) ? flat(await hover.first().innerText()).slice(0, 300) : '';
    throw new Error(`the hover on “${word}” does not say ${expected.join(' and ')}: ${other || 'no hover'}`);
  }
  return flat(await hover.first().innerText());
}

/** Moves the mouse away and closes hovers and widgets, so that the next screenshot shows only what it should. */
async function clearHover() {
  await page.mouse.move(5, 990);
  await page.keyboard.press('Escape');
  await appears(hover, 5000, 'hidden');
}

await step('workbench loads with the draft and the registry in the workspace', async () => {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: DRAFT }).waitFor({ timeout: 60000 });
});

const opened = await step(`Quick Open (Ctrl+P) opens ${DRAFT}; Source Lens underlines it`, async () => {
  await quickOpen(DRAFT, 'Riverside flood barrier');
  // analysed: its warnings (low-standing-source, anonymous-source-without-reason) are drawn
  await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: 30000 });
});

if (opened) {
  await step('1. hovering a statement of the discredited source shows its standing and the note', async () => {
    const text = await hoverOn('wasted', 'Standing: discredited');
    if (!text.includes(DISCREDITED_NOTE)) throw new Error(`the hover lacks the team's note: ${text.slice(0, 300)}`);
    return `hover: “${text.slice(0, 160)}…”; ${await screenshot('registry-hover.png', 'screenshot-registry-hover.png')}`;
  });
  await clearHover();
}

await step('2. the Sources view shows standings, the registry count and the balance rows', async () => {
  await page.locator('.part.activitybar .action-item a.action-label[aria-label^="Source Lens"]').first().click();
  const sidebar = page.locator('.part.sidebar');
  await sidebar
    .locator('.composite.title', { hasText: /source lens/i })
    .first()
    .waitFor({ timeout: 15000 });
  // wider, as a user would drag it, so that the rows' descriptions are not cut off
  const box = await sidebar.boundingBox();
  await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 560, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const rows = sidebar.locator('.monaco-list-row').filter({ visible: true });
  const expectRow = async (name, pattern) => {
    const row = rows.filter({ hasText: name }).filter({ hasText: pattern });
    if (!(await appears(row, 15000))) throw new Error(`no row “${name}” with ${pattern}`);
    return flat(await row.first().innerText());
  };
  const lang = await expectRow('Victor Lang', /discredited ·/);
  const okafor = await expectRow('Daniel Okafor', /official ·/);
  await expectRow('Helen Marsh', /expert ·/);
  await expectRow('Amira Haddad', /not in registry ·/);
  const message = sidebar.getByText(/named in the sources registry/).first();
  await message.waitFor({ timeout: 10000 });
  if (!/3 of 4 named in the sources registry, 1 unverified or discredited/.test(await message.innerText()))
    throw new Error(`the view's message: ${flat(await message.innerText())}`);
  const summary = rows.filter({ hasText: '% attributed' }).first();
  await summary.click();
  await page.mouse.move(box.x + 5, box.y + box.height - 5); // no tooltip over the rows
  const balance = ['Named', 'Anonymous', 'Vague', 'Named, in the registry', 'Named, not in the registry'];
  const labels = sidebar.locator('.monaco-list-row .label-name').filter({ visible: true });
  for (const label of balance) await labels.getByText(label, { exact: true }).first().waitFor({ timeout: 10000 });
  const shot = await screenshot('registry-sources.png', 'screenshot-registry-sources.png');
  return `“${lang}”, “${okafor}”, ${balance.length} balance rows; ${shot}`;
});

const registryOpen = await step(`Quick Open (Ctrl+P) opens ${REGISTRY}`, async () => {
  await quickOpen(REGISTRY, 'Riverside Residents Association');
});

if (registryOpen) {
  await step('3. a mistyped standing in the registry: a schema warning that lists the valid ones', async () => {
    const at = await wordCentre('partisan');
    await page.mouse.dblclick(at.x, at.y); // selects the word, not its quotes
    await page.keyboard.type('trusted');
    await editor.locator('.view-lines', { hasText: '"trusted"' }).waitFor({ timeout: 5000 });
    await page.keyboard.press('Escape'); // the completion list of valid standings, if it opened
    await appears(editor.locator('.suggest-widget.visible'), 5000, 'hidden');
    // VS Code shows a schema violation as a warning (yellow squiggle), a syntax error as an error
    await editor.locator('.squiggly-warning, .squiggly-error').first().waitFor({ state: 'attached', timeout: 30000 });
    // the whole hover: the problem, the schema's description of standings, the quick-fix status
    const text = await hoverOn('trusted', 'Valid values', 'How far the newsroom trusts', 'No quick fixes');
    for (const standing of ['official', 'expert', 'eyewitness', 'unverified', 'discredited'])
      if (!text.includes(standing)) throw new Error(`the error does not list “${standing}”: ${text.slice(0, 300)}`);
    const shot = await screenshot('registry-schema-error.png', 'screenshot-registry-schema-error.png');
    return `hover: “${text.slice(0, 160)}”; ${shot}`;
  });
  await clearHover();
}

await step('4. the Problems panel lists the draft’s low-standing-source warning', async () => {
  await page.keyboard.press('Control+Shift+M');
  const row = page
    .locator('.markers-panel .monaco-list-row')
    .filter({ hasText: 'low-standing-source' })
    .filter({ hasText: 'Victor Lang is discredited' });
  await row.first().waitFor({ timeout: 15000 });
  const text = flat(await row.first().innerText());
  return `“${text.slice(0, 140)}”; ${await screenshot('registry-problems.png')}`;
});

const failed = results.some((r) => !r.ok);
if (failed && server) console.error(`code-server log tail:\n${server.tail(2000)}`);
await finish(failed ? 1 : 0, [summaryLine()]);

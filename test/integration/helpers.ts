// Shared utilities for the extension-host tests. Everything waits on events (diagnostics changed, analysis
// published, document opened), never on fixed sleeps; every wait has a timeout whose message says what
// was awaited and what was seen instead.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SourceLensApi } from '../../src/extension/api';

export const EXTENSION_ID = 'source-lens.source-lens';
export const DIAGNOSTIC_SOURCE = 'Source Lens';

export function getExtension(): vscode.Extension<SourceLensApi> {
  const extension = vscode.extensions.getExtension<SourceLensApi>(EXTENSION_ID);
  assert.ok(
    extension,
    `extension ${EXTENSION_ID} is not installed in this host (is extensionDevelopmentPath the repo root?)`,
  );
  return extension;
}

/**
 * The document version each URI was last analysed at, recorded from the first getApi() on, so a wait can
 * tell an analysis of this version from one of an earlier version (or of an earlier document under the
 * same name). Forgotten when the document closes: a document opened again starts at version 1.
 */
const analysedVersions = new Map<string, number>();
let recording: vscode.Disposable | undefined;

/** The extension's API, activating it if nothing has yet. */
export async function getApi(): Promise<SourceLensApi> {
  const api = await getExtension().activate();
  assert.ok(
    api && typeof api.analysisFor === 'function' && typeof api.onDidAnalyze === 'function',
    'activate() did not return the Source Lens API',
  );
  recording ??= vscode.Disposable.from(
    api.onDidAnalyze((e) => analysedVersions.set(e.uri.toString(), e.version)),
    vscode.workspace.onDidCloseTextDocument((d) => analysedVersions.delete(d.uri.toString())),
  );
  return api;
}

/** The test workspace (a temporary copy of test/fixtures/workspace/). */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open: the runner should open a copy of test/fixtures/workspace/');
  return folder;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...name.split('/'));
}

export interface WaitOptions {
  /** Milliseconds before the wait fails. */
  timeoutMs?: number;
}

/**
 * Resolves with the first value `check` returns that is not undefined: checked once now, then after each
 * firing of `event`. Rejects after the timeout with `describe()` in the message.
 */
export function waitForEvent<E, T>(
  event: vscode.Event<E>,
  check: (e?: E) => T | undefined,
  what: string,
  options: WaitOptions & { seen?: () => string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10000;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (ok: boolean, value?: T, error?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subscription.dispose();
      if (ok) resolve(value as T);
      else reject(error);
    };
    const attempt = (e?: E): void => {
      try {
        const value = check(e);
        if (value !== undefined) finish(true, value);
      } catch (error) {
        finish(false, undefined, error);
      }
    };
    const subscription = event(attempt);
    const timer = setTimeout(() => {
      const seen = options.seen ? ` Last seen: ${options.seen()}` : '';
      finish(false, undefined, new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${seen}`));
    }, timeoutMs);
    attempt();
  });
}

/** Source Lens's diagnostics for a document (other extensions' are left out). */
export function sourceLensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** A diagnostic's code as a string (`{ value, target }` codes included). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'no Source Lens diagnostics';
  return diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ');
}

/**
 * Waits until Source Lens's diagnostics for `uri` satisfy `predicate` (checked now, then on each
 * languages.onDidChangeDiagnostics event that names `uri`) and resolves with them.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  options: WaitOptions & { what?: string } = {},
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    (e) => {
      if (e && !e.uris.some((u) => u.toString() === key)) return undefined;
      const diagnostics = sourceLensDiagnostics(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    `Source Lens diagnostics on ${vscode.workspace.asRelativePath(uri)}${options.what ? ` (${options.what})` : ''}`,
    { timeoutMs: options.timeoutMs ?? 15000, seen: () => describeDiagnostics(sourceLensDiagnostics(uri)) },
  );
}

/**
 * Waits for the next analysis of `uri` published through api.onDidAnalyze and resolves with it: create the
 * promise before the edit, open or command that triggers it. With `minVersion`, only an analysis of that
 * document version or a later one counts. For the analysis of a document as it is now, published before
 * or after the wait began, use analysisOf.
 */
export function waitForAnalysis(
  api: SourceLensApi,
  uri: vscode.Uri,
  options: WaitOptions & { minVersion?: number } = {},
): Promise<NonNullable<ReturnType<SourceLensApi['analysisFor']>>> {
  const key = uri.toString();
  const { minVersion } = options;
  return waitForEvent(
    api.onDidAnalyze,
    (e) => {
      if (!e || e.uri.toString() !== key || (minVersion !== undefined && e.version < minVersion)) return undefined;
      return api.analysisFor(uri);
    },
    `an analysis of ${vscode.workspace.asRelativePath(uri)}${minVersion !== undefined ? ` at version ≥ ${minVersion}` : ''}`,
    { timeoutMs: options.timeoutMs ?? 15000 },
  );
}

/**
 * The analysis of `document` at its current version (or later): at once when it was published already,
 * else when it is. Never an analysis of an earlier version, nor of another document that had its name.
 */
export function analysisOf(
  api: SourceLensApi,
  document: vscode.TextDocument,
  options: WaitOptions = {},
): Promise<NonNullable<ReturnType<SourceLensApi['analysisFor']>>> {
  const key = document.uri.toString();
  const version = document.version;
  return waitForEvent(
    api.onDidAnalyze,
    (e) => {
      if (e && (e.uri.toString() !== key || e.version < version)) return undefined;
      if (!e && (analysedVersions.get(key) ?? -Infinity) < version) return undefined;
      return api.analysisFor(document.uri);
    },
    `an analysis of ${vscode.workspace.asRelativePath(document.uri)} at version ${version}`,
    {
      timeoutMs: options.timeoutMs ?? 15000,
      seen: () => `last analysed version ${analysedVersions.get(key) ?? 'none'}`,
    },
  );
}

/**
 * Opens a fixture in an editor the way a user does (the `vscode.open` command) and resolves with its
 * document once the extension host has it. Unlike workspace.openTextDocument, this leaves no extension-host
 * reference on the document, so closing the editor really closes the document (onDidCloseTextDocument)
 * instead of keeping it alive for minutes.
 */
export async function openFixture(name: string, options: WaitOptions = {}): Promise<vscode.TextDocument> {
  const uri = fixtureUri(name);
  const key = uri.toString();
  const opened = waitForEvent(
    vscode.window.onDidChangeActiveTextEditor,
    () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === key ? editor.document : undefined;
    },
    `an editor on ${name}`,
    {
      timeoutMs: options.timeoutMs ?? 15000,
      seen: () => `active editor ${vscode.window.activeTextEditor?.document.uri.toString() ?? 'none'}`,
    },
  );
  await vscode.commands.executeCommand('vscode.open', uri);
  return opened;
}

/** Closes the active editor and resolves when Source Lens has cleared the diagnostics of `uri`. */
export async function closeEditorAndWaitForCleared(uri: vscode.Uri, options: WaitOptions = {}): Promise<void> {
  const cleared = waitForDiagnostics(uri, (d) => d.length === 0, {
    what: 'cleared after closing',
    timeoutMs: options.timeoutMs ?? 60000,
  });
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  await cleared;
}

/**
 * Reverts and closes the active editor; for an untitled document, also waits until the extension host has
 * closed it, so that a test ends with its document gone.
 */
export async function revertAndCloseActiveEditor(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const closed =
    document?.uri.scheme === 'untitled'
      ? waitForEvent(
          vscode.workspace.onDidCloseTextDocument,
          () => (document.isClosed ? true : undefined),
          `${document.uri.toString()} to close`,
        )
      : undefined;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await closed;
}

let untitledCount = 0;

/**
 * Opens a new untitled document holding `content`, in an editor, and resolves once Source Lens has
 * published the analysis of that text (of that document's version; `analysed: false` skips the wait).
 * Each document has a name of its own (Untitled-sl7-k3f9x.md): VS Code would name every plain untitled
 * document Untitled-1 by the lowest free number, and a test could then read the previous test's
 * diagnostics for a document of the same name (the flake of issue 14). The text goes in as one edit, an
 * undo step of its own, so a test's undo stops at it.
 */
export async function openUntitled(
  content: string,
  language = 'plaintext',
  options: WaitOptions & { analysed?: boolean } = {},
): Promise<vscode.TextEditor> {
  const api = await getApi();
  untitledCount += 1;
  const name = `Untitled-sl${untitledCount}-${Math.random().toString(36).slice(2, 7)}.${language === 'markdown' ? 'md' : 'txt'}`;
  // A path no file has: VS Code refuses an untitled document over an existing file.
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/source-lens-host-tests/${name}` });
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const editor = await vscode.window.showTextDocument(document);
  assert.ok(
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content)),
    `could not put the text in ${name}`,
  );
  assert.equal(editor.document.getText(), content, `${name} holds the text asked for`);
  if (options.analysed !== false) await analysisOf(api, editor.document, { timeoutMs: options.timeoutMs });
  return editor;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

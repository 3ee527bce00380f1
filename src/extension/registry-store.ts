// The sources registry each document is analysed with: the `.sourcelens.json` in the document's folder or
// the nearest folder above it, up to its workspace folder (an untitled document: the first workspace
// folder), as markdownlint and cSpell find their files. An open registry is read from its editor, so a
// change counts as it is typed; a closed one from disk. Any change to a registry file, typed, saved, created
// or deleted, fires `onDidChange`, and the analyzer analyses the open documents again.
import * as vscode from 'vscode';
import { EMPTY_REGISTRY, parseRegistry, REGISTRY_FILE_NAME, type SourceRegistry } from '../core';

export interface RegistryLookup {
  /** The registry file that applies, if there is one. */
  uri?: vscode.Uri;
  registry: SourceRegistry;
}

const isRegistryFile = (uri: vscode.Uri): boolean => uri.path.endsWith(`/${REGISTRY_FILE_NAME}`);

export class RegistryStore implements vscode.Disposable {
  /** Parsed registries by file URI; dropped when the file changes. */
  private readonly parsed = new Map<string, Promise<SourceRegistry>>();
  /** The registry file (or none) by folder URI; dropped when any registry file is created or deleted. */
  private readonly nearest = new Map<string, Promise<vscode.Uri | undefined>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${REGISTRY_FILE_NAME}`);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(() => this.changed(true)),
      watcher.onDidDelete(() => this.changed(true)),
      watcher.onDidChange((uri) => this.changed(false, uri)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isRegistryFile(event.document.uri) && event.contentChanges.length > 0)
          this.changed(false, event.document.uri);
      }),
      // A registry closed unsaved goes back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isRegistryFile(document.uri)) this.changed(false, document.uri);
      }),
    );
  }

  /** The registry that applies to a document; never rejects (a missing or unreadable file is no registry). */
  async registryFor(documentUri: vscode.Uri): Promise<RegistryLookup> {
    const folder = this.startFolder(documentUri);
    if (folder === undefined) return { registry: EMPTY_REGISTRY };
    const uri = await this.nearestFrom(folder);
    if (uri === undefined) return { registry: EMPTY_REGISTRY };
    let registry = this.parsed.get(uri.toString());
    if (registry === undefined) {
      registry = read(uri);
      this.parsed.set(uri.toString(), registry);
    }
    return { uri, registry: await registry };
  }

  /** Where a new registry for this document goes: its workspace folder's root, else its own folder. */
  newRegistryUri(documentUri: vscode.Uri): vscode.Uri | undefined {
    const root = vscode.workspace.getWorkspaceFolder(documentUri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (root) return vscode.Uri.joinPath(root, REGISTRY_FILE_NAME);
    return documentUri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(documentUri, '..', REGISTRY_FILE_NAME);
  }

  private startFolder(documentUri: vscode.Uri): vscode.Uri | undefined {
    if (documentUri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.Uri.joinPath(documentUri, '..');
  }

  private nearestFrom(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
    const key = folder.toString();
    let found = this.nearest.get(key);
    if (found === undefined) {
      found = this.search(folder);
      this.nearest.set(key, found);
    }
    return found;
  }

  private async search(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
    const candidate = vscode.Uri.joinPath(folder, REGISTRY_FILE_NAME);
    if (await exists(candidate)) return candidate;
    // Up to the workspace folder's root; a file outside any workspace folder looks in its own folder only.
    const root = vscode.workspace.getWorkspaceFolder(folder)?.uri;
    if (root === undefined || root.toString() === folder.toString()) return undefined;
    const parent = vscode.Uri.joinPath(folder, '..');
    return parent.toString() === folder.toString() ? undefined : this.nearestFrom(parent);
  }

  private changed(filesMoved: boolean, uri?: vscode.Uri): void {
    if (filesMoved) {
      this.nearest.clear();
      this.parsed.clear();
    } else if (uri) this.parsed.delete(uri.toString());
    this.emitter.fire();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return true;
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The registry in a file: the open editor's text when it is open, else the file on disk. */
async function read(uri: vscode.Uri): Promise<SourceRegistry> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  try {
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return parseRegistry(text).registry;
  } catch {
    return EMPTY_REGISTRY;
  }
}

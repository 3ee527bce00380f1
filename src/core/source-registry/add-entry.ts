// The text edit that adds a source to a registry file, keeping the file's own layout and comments
// (jsonc-parser's `modify` appends to the "sources" array, creating it if needed). A new file has no
// "$schema" link: the extension maps the file name to its schema (`jsonValidation`), and a link would send
// VS Code to the network for it.
import { type EditResult, modify } from 'jsonc-parser';
import type { SourceType, Standing, Span } from '../types';
import { parseRegistry, registryKey } from './parse-registry';

export interface NewRegistryEntry {
  name: string;
  aliases?: string[];
  type?: SourceType;
  standing: Standing;
  note?: string;
}

export interface TextEdit extends Span {
  text: string;
}

export type RegistryAddition =
  | { kind: 'edits'; edits: TextEdit[] }
  /** The registry already lists the source (by name or alias): where its entry is. */
  | { kind: 'listed'; place: Span }
  /** The file is not valid JSON: adding to it could make it worse, so nothing is done. */
  | { kind: 'unreadable' };

/** The text of a new registry file holding one entry. */
export function newRegistryText(entry: NewRegistryEntry): string {
  return `${JSON.stringify({ sources: [entryObject(entry)] }, null, 2)}\n`;
}

/** The edits that append `entry` to the registry in `text`. */
export function addToRegistry(text: string, entry: NewRegistryEntry, eol = '\n'): RegistryAddition {
  const { registry, problems } = parseRegistry(text);
  if (problems.some((p) => p.message.startsWith('JSON syntax')) || (text.trim() !== '' && !/^\s*[{/]/.test(text))) {
    return { kind: 'unreadable' };
  }
  const names = new Set([entry.name, ...(entry.aliases ?? [])].map(registryKey));
  const listed = registry.entries.find((e) => [e.name, ...e.aliases].some((n) => names.has(registryKey(n))));
  if (listed) return { kind: 'listed', place: listed.place };
  if (text.trim() === '')
    return { kind: 'edits', edits: [{ start: 0, end: text.length, text: newRegistryText(entry) }] };
  let edits: EditResult;
  try {
    edits = modify(text, ['sources', -1], entryObject(entry), {
      formattingOptions: { insertSpaces: true, tabSize: 2, eol },
    });
  } catch {
    return { kind: 'unreadable' };
  }
  return { kind: 'edits', edits: edits.map((e) => ({ start: e.offset, end: e.offset + e.length, text: e.content })) };
}

function entryObject({ name, aliases, type, standing, note }: NewRegistryEntry): object {
  return {
    name,
    ...(aliases && aliases.length > 0 && { aliases }),
    ...(type && { type }),
    standing,
    ...(note && { note }),
  };
}

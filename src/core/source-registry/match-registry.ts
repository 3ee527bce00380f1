// Sources joined to the registry's entries: a source matches an entry when its name or any name the text
// gives it (its aliases: acronyms, short forms, descriptions the coreference chain folded in) is the
// entry's name or one of the entry's aliases. Unnamed sources ("a senior official") never match: a
// registry lists people and bodies, and "officials" is not one of them.
import type { RegisteredSource, Source } from '../types';
import { registryKey, type RegistryEntry, type SourceRegistry } from './parse-registry';

export function registerSources(sources: readonly Source[], registry: SourceRegistry | undefined): Source[] {
  if (registry === undefined || registry.entries.length === 0) return sources as Source[];
  const byName = new Map<string, RegistryEntry>();
  for (const entry of registry.entries) {
    for (const name of [entry.name, ...entry.aliases])
      if (!byName.has(registryKey(name))) byName.set(registryKey(name), entry);
  }
  return sources.map((source) => {
    if (source.type === 'anonymous') return source;
    const entry = [source.name, ...source.aliases].map((n) => byName.get(registryKey(n))).find((e) => e !== undefined);
    return entry === undefined ? source : { ...source, registered: registeredPart(entry) };
  });
}

function registeredPart({ name, standing, note, url }: RegistryEntry): RegisteredSource {
  const registered: RegisteredSource = { name, standing };
  if (note !== undefined) registered.note = note;
  if (url !== undefined) registered.url = url;
  return registered;
}

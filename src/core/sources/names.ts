// The forms of a source's name that resolve-sources.ts compares and files entities under (lower case, words,
// initials, index keys). A long text names the same few sources thousands of times, so each form is
// worked out once per distinct name rather than at every comparison.
import { initialsOf } from './mentions';

export interface NameForms {
  /** The name in lower case. */
  lower: string;
  /** `lower` split at spaces. */
  words: string[];
  /** Its capitalised words' first letters: "Iraqi National Intelligence Service" → INIS. */
  initials: string;
}

export function nameFormsOf(name: string): NameForms {
  const lower = name.toLowerCase();
  return { lower, words: lower.split(' '), initials: initialsOf(name) };
}

/**
 * The keys a new name looks under, matching `filingKeys`: itself, its acronym's initials, its surname
 * among single names (or, alone, among surnames), and its initials among acronyms.
 */
export function lookupKeys(forms: NameForms, acronym: string | null): string[] {
  const { lower, words } = forms;
  return [
    `name:${lower}`,
    ...(acronym ? [`name:${acronym.toLowerCase()}`, `initials:${acronym}`] : []),
    words.length === 1 ? `last:${lower}` : `single:${words[words.length - 1]}`,
    `acronym:${forms.initials}`,
  ];
}

/**
 * Keys under which an entity named `name` and known by `names` (lower case) can be found by a later
 * name: its names, initials, surname or single name, and its name as an acronym.
 */
export function filingKeys(name: string, forms: NameForms, names: Iterable<string>): string[] {
  const { words } = forms;
  return [
    ...[...names].map((n) => `name:${n}`),
    `initials:${forms.initials}`,
    words.length > 1 ? `last:${words[words.length - 1]}` : `single:${words[0]}`,
    `acronym:${name}`,
  ];
}

// A team's sources registry (`.sourcelens.json`) read from its text: the sources it lists, each with a
// standing, and the rule severities it sets. A file with a syntax error gives no registry at all (a half-read
// file would silently drop sources); a well-formed file with a bad entry or setting keeps the rest and
// reports the bad part. Every problem has a place in the file, so an adapter can print `file:line:col` or
// underline it. Never throws.
import { type Node, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { STANDINGS, standingInfo } from '../lexicon/standings';
import { RULES, SEVERITY_LEVELS, type SeverityLevel } from '../rules';
import type { RegisteredSource, RuleId, SourceType, Span } from '../types';

/** The file name adapters look for, in the document's folder and then each folder above it. */
export const REGISTRY_FILE_NAME = '.sourcelens.json';

export interface RegistryEntry extends RegisteredSource {
  /** Other names for the source ("INIS" for the Iraqi National Intelligence Service). */
  aliases: string[];
  type?: SourceType;
  /** Where the entry stands in the file. */
  place: Span;
}

export interface SourceRegistry {
  entries: RegistryEntry[];
  /** Rule severities the team sets; they win over an editor's own `sourceLens.severity`. */
  severity: Partial<Record<RuleId, SeverityLevel>>;
}

export interface RegistryProblem extends Span {
  message: string;
}

export const EMPTY_REGISTRY: SourceRegistry = { entries: [], severity: {} };

const TOP_LEVEL_KEYS = new Set(['$schema', 'sources', 'severity']);
const ENTRY_KEYS = new Set(['name', 'aliases', 'type', 'standing', 'note', 'url']);
const ENTRY_TYPES: readonly SourceType[] = ['person', 'organization', 'document'];
const URL_PATTERN = /^https?:\/\/\S+$/i;

const placeOf = (node: Node): Span => ({ start: node.offset, end: node.offset + node.length });
const quoted = (words: readonly string[]) => words.map((w) => `"${w}"`).join(', ');

export function parseRegistry(text: string): { registry: SourceRegistry; problems: RegistryProblem[] } {
  const problems: RegistryProblem[] = [];
  const problem = (span: Span, message: string) => problems.push({ ...span, message });
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    root = undefined;
  }
  for (const error of errors) {
    const { offset, length } = error;
    problem({ start: offset, end: offset + length }, `JSON syntax: ${syntaxMessage(printParseErrorCode(error.error))}`);
  }
  if (errors.length > 0) return { registry: EMPTY_REGISTRY, problems };
  if (root === undefined || root.type !== 'object') {
    problem(root ? placeOf(root) : { start: 0, end: 0 }, 'The registry must be a JSON object.');
    return { registry: EMPTY_REGISTRY, problems };
  }
  const registry: SourceRegistry = { entries: [], severity: {} };
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || valueNode === undefined) continue;
    const key = String(keyNode.value);
    if (!TOP_LEVEL_KEYS.has(key))
      problem(placeOf(keyNode), `Unknown setting "${key}": expected ${quoted([...TOP_LEVEL_KEYS])}.`);
    else if (key === 'sources') readSources(valueNode, registry, problem);
    else if (key === 'severity') readSeverity(valueNode, registry, problem);
  }
  return { registry, problems };
}

type Problem = (span: Span, message: string) => void;

function readSources(node: Node, registry: SourceRegistry, problem: Problem): void {
  if (node.type !== 'array') return problem(placeOf(node), '"sources" must be an array of sources.');
  const taken = new Map<string, string>();
  for (const item of node.children ?? []) {
    const entry = readEntry(item, problem);
    if (entry === undefined) continue;
    const clash = [entry.name, ...entry.aliases].find((name) => taken.has(registryKey(name)));
    if (clash !== undefined) {
      problem(
        entry.place,
        `"${clash}" is already registered as "${taken.get(registryKey(clash))}"; this entry is ignored.`,
      );
      continue;
    }
    for (const name of [entry.name, ...entry.aliases]) taken.set(registryKey(name), entry.name);
    registry.entries.push(entry);
  }
}

function readEntry(node: Node, problem: Problem): RegistryEntry | undefined {
  if (node.type !== 'object')
    return void problem(placeOf(node), 'Each source must be an object with a "name" and a "standing".');
  const fields = new Map<string, Node>();
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || valueNode === undefined) continue;
    const key = String(keyNode.value);
    if (ENTRY_KEYS.has(key)) fields.set(key, valueNode);
    else problem(placeOf(keyNode), `Unknown field "${key}": expected ${quoted([...ENTRY_KEYS])}.`);
  }
  const name = fields.get('name');
  if (name?.type !== 'string' || String(name.value).trim() === '') {
    return void problem(name ? placeOf(name) : placeOf(node), 'A source needs a "name": a non-empty string.');
  }
  const standing = fields.get('standing');
  const info = standing?.type === 'string' ? standingInfo(String(standing.value)) : undefined;
  if (info === undefined) {
    const ids = quoted(STANDINGS.map((s) => s.id));
    return void problem(standing ? placeOf(standing) : placeOf(node), `A source needs a "standing": one of ${ids}.`);
  }
  const entry: RegistryEntry = {
    name: String(name.value).trim(),
    standing: info.id,
    aliases: [],
    place: placeOf(node),
  };
  const aliases = fields.get('aliases');
  if (aliases !== undefined) {
    const names = aliases.type === 'array' ? (aliases.children ?? []) : [];
    if (aliases.type !== 'array' || names.some((n) => n.type !== 'string')) {
      problem(placeOf(aliases), '"aliases" must be an array of strings.');
    }
    entry.aliases = names
      .filter((n) => n.type === 'string' && String(n.value).trim() !== '')
      .map((n) => String(n.value).trim());
  }
  const type = fields.get('type');
  if (type !== undefined) {
    if (ENTRY_TYPES.includes(type.value as SourceType)) entry.type = type.value as SourceType;
    else problem(placeOf(type), `"type" must be one of ${quoted(ENTRY_TYPES)}.`);
  }
  const note = fields.get('note');
  if (note !== undefined) {
    if (note.type === 'string') entry.note = String(note.value);
    else problem(placeOf(note), '"note" must be a string.');
  }
  const url = fields.get('url');
  if (url !== undefined) {
    if (url.type === 'string' && URL_PATTERN.test(String(url.value))) entry.url = String(url.value);
    else problem(placeOf(url), '"url" must be an http or https address.');
  }
  return entry;
}

function readSeverity(node: Node, registry: SourceRegistry, problem: Problem): void {
  if (node.type !== 'object') return problem(placeOf(node), '"severity" must be an object of rule ids and levels.');
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || valueNode === undefined) continue;
    const rule = String(keyNode.value);
    if (!Object.hasOwn(RULES, rule)) {
      problem(placeOf(keyNode), `Unknown rule "${rule}".`);
    } else if (!SEVERITY_LEVELS.includes(valueNode.value as SeverityLevel)) {
      problem(placeOf(valueNode), `The level of "${rule}" must be one of ${quoted(SEVERITY_LEVELS)}.`);
    } else {
      registry.severity[rule as RuleId] = valueNode.value as SeverityLevel;
    }
  }
}

/** jsonc-parser's error codes ("CommaExpected") as words ("comma expected"). */
function syntaxMessage(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() + '.';
}

/**
 * The form names are compared in: case, spacing, curly apostrophes, a leading "the" and a possessive do
 * not make two sources ("The Associated Press" = "Associated Press", "Reuters’" = "Reuters").
 */
export function registryKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/'s?$/, '');
}

// Stage 5: sources. Groups the source mentions of all statements into real-world sources:
//   names      "Iraqi National Intelligence Service (INIS)" = "INIS"; "Michael Flynn" = "Flynn"
//   descriptions  "Iraq's intelligence service" matches a name by its words; "the agency" is the
//              nearest organization before it
//   pronouns   "he", "she", "it", "they" are the nearest compatible source before them
// Unnamed speakers ("officials said", "a source") are anonymous sources of their own.
import { firstIndexNotBefore } from './search';
import { initialsOf, isGenericHead, readMention, type MentionReading } from './source-mentions';
import type { Attribution, Source, SourceType, Span } from './types';

interface Entity {
  source: Source;
  /** Lower-case names and acronyms it is known by, for matching later names. */
  names: Set<string>;
  words: Set<string>;
  /** Offsets of its mentions so far, for "nearest before". */
  positions: number[];
  /** Made from an indefinite description ("officials", "a report"): never given a name's aliases. */
  unnamed?: boolean;
  /** Creation order: of several matching entities, the earliest wins. */
  order: number;
}

interface Pending {
  attribution: number;
  mention: Span;
  reading: MentionReading;
}

export function resolveSources(prose: string, attributions: Attribution[]): Source[] {
  const entities: Entity[] = [];
  const pending: Pending[] = [];
  attributions.forEach((a, attribution) => {
    if (a.sourceMention) pending.push({ attribution, mention: a.sourceMention, reading: readMention(prose.slice(a.sourceMention.start, a.sourceMention.end)) });
  });
  // Names first, in text order, so descriptions and pronouns can point at names that come later too.
  const entityOf = new Map<Pending, Entity>();
  for (const p of pending) if (p.reading.form === 'name') entityOf.set(p, nameEntity(entities, p));
  for (const p of pending) {
    if (p.reading.form === 'name') continue;
    const entity = p.reading.form === 'pronoun' ? pronounEntity(entities, p) : descriptionEntity(entities, p);
    if (entity) entityOf.set(p, entity);
  }
  for (const p of pending) {
    const entity = entityOf.get(p);
    if (!entity) continue;
    const attribution = attributions[p.attribution];
    const source = entity.source;
    source.mentions.push({ ...p.mention });
    // Pending mentions come in attribution order, so a repeat can only be the last one pushed.
    if (source.attributions[source.attributions.length - 1] !== p.attribution) source.attributions.push(p.attribution);
    // Aliases in the order the text uses them.
    if (p.reading.form !== 'pronoun') addAlias(source, p.reading.form === 'name' ? p.reading.name : p.reading.name.replace(/^The /, 'the '));
    if (p.reading.acronym) addAlias(source, p.reading.acronym);
    if (attribution.channel) addChannel(source, prose.slice(attribution.channel.start, attribution.channel.end));
  }
  // Sources in order of first mention; attributions point at them by index.
  const used = entities.filter((e) => e.source.attributions.length > 0).sort((a, b) => a.source.mentions[0].start - b.source.mentions[0].start);
  used.forEach((entity, index) => {
    entity.source.mentions.sort((a, b) => a.start - b.start);
    entity.source.attributions.sort((a, b) => a - b);
    entity.source.aliases = entity.source.aliases.filter((alias) => alias !== entity.source.name);
    for (const a of entity.source.attributions) attributions[a].source = index;
  });
  return used.map((e) => e.source);
}

function nameEntity(entities: Entity[], p: Pending): Entity {
  const { name, acronym } = p.reading;
  const lower = name.toLowerCase();
  const surname = name.split(' ').length === 1 ? lower : null;
  // Only entities that share a key with this name can match it: look them up, never scan them all.
  for (const entity of candidatesFor(entities, name, acronym)) {
    const source = entity.source;
    if (entity.names.has(lower) || (acronym && entity.names.has(acronym.toLowerCase()))) return indexed(entities, touch(entity, p));
    if (acronym && acronym === name && initialsOf(source.name) === acronym) return indexed(entities, touch(entity, p));
    // "Flynn" after "Michael Flynn"; "Michael Flynn" after "Flynn".
    if (source.type === 'person' || source.type === 'unknown') {
      const names = source.name.toLowerCase().split(' ');
      if (surname && names.length > 1 && names[names.length - 1] === surname) return indexed(entities, touch(entity, p));
      const parts = lower.split(' ');
      if (names.length === 1 && parts.length > 1 && parts[parts.length - 1] === names[0] && p.reading.type !== 'organization') {
        source.name = name;
        source.type = 'person';
        return indexed(entities, touch(entity, p));
      }
    }
    // "the Iraqi National Intelligence Service" after "INIS" was seen alone.
    if (isAcronymOf(source.name, name)) {
      source.name = name;
      source.type = p.reading.type;
      return indexed(entities, touch(entity, p));
    }
  }
  return newEntity(entities, p);
}

/** Keys under which an entity can be found by a later name: its names, initials, surname, single name. */
function keysOf(entity: Entity): string[] {
  const name = entity.source.name;
  const words = name.toLowerCase().split(' ');
  return [
    ...[...entity.names].map((n) => `name:${n}`),
    `initials:${initialsOf(name)}`,
    words.length > 1 ? `last:${words[words.length - 1]}` : `single:${words[0]}`,
    `acronym:${name}`,
  ];
}

/** The keys a new name looks under, matching `keysOf`. */
function lookupKeys(name: string, acronym: string | null): string[] {
  const lower = name.toLowerCase();
  const words = lower.split(' ');
  return [
    `name:${lower}`,
    ...(acronym ? [`name:${acronym.toLowerCase()}`, `initials:${acronym}`] : []),
    words.length === 1 ? `last:${lower}` : `single:${words[words.length - 1]}`,
    `acronym:${initialsOf(name)}`,
  ];
}

const INDEX = new WeakMap<Entity[], Map<string, Set<Entity>>>();

function indexed(entities: Entity[], entity: Entity): Entity {
  let index = INDEX.get(entities);
  if (!index) INDEX.set(entities, (index = new Map()));
  for (const key of keysOf(entity)) {
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    set.add(entity);
  }
  return entity;
}

/** Candidate entities for a name, in the order they were created (the first match wins, as before). */
function candidatesFor(entities: Entity[], name: string, acronym: string | null): Entity[] {
  const index = INDEX.get(entities);
  if (!index) return [];
  const found = new Set<Entity>();
  for (const key of lookupKeys(name, acronym)) for (const entity of index.get(key) ?? []) found.add(entity);
  return [...found].sort((a, b) => a.order - b.order);
}

function isAcronymOf(acronym: string, name: string): boolean {
  return /^[\p{Lu}]{2,}$/u.test(acronym) && initialsOf(name) === acronym;
}

/** A description matches a source whose words contain its own ("intelligence service"), else the nearest of its kind. */
function descriptionEntity(entities: Entity[], p: Pending): Entity | null {
  const { reading } = p;
  // "a report", "officials": unnamed, so never merged with a named source.
  if (reading.indefinite) return unnamedEntity(entities, p);
  // Generic heads ("body", "service") and whose it is ("Kenya's") say little: the other words must match.
  const words = reading.words.filter((w) => !isGenericHead(w));
  const byWords = entities.filter((e) => e.source.type !== 'anonymous' && words.length > 0 && words.every((w) => hasWord(e.words, w)));
  if (byWords.length > 0) return indexed(entities, touch(nearest(byWords, p.mention.start), p));
  // "the agency", "the ministry": the nearest source before it of a compatible type.
  // A description of unknown kind ("the authors of the report") says too little to be anyone in particular.
  const before = reading.type === 'document' || reading.type === 'unknown' ? null : nearestBefore(entities, p.mention.start, (e) => compatible(e.source.type, reading.type));
  if (before) return indexed(entities, touch(before, p));
  return newEntity(entities, p);
}

function pronounEntity(entities: Entity[], p: Pending): Entity | null {
  const pronoun = p.reading.pronoun;
  const candidate = nearestBefore(entities, p.mention.start, (e) => {
    const type = e.source.type;
    if (pronoun === 'he' || pronoun === 'she' || pronoun === 'i') return type === 'person' || type === 'unknown';
    if (pronoun === 'it') return type === 'organization' || type === 'document';
    return true; // they, we: groups, organisations, unnamed speakers
  });
  return candidate ? indexed(entities, touch(candidate, p)) : null;
}

/** Unnamed sources described alike ("officials" … "officials", "audits" … "audits") are one source. */
function unnamedEntity(entities: Entity[], p: Pending): Entity {
  const key = p.reading.words.join(' ');
  const existing = entities.find((e) => e.unnamed && e.source.type === p.reading.type && [...e.words].join(' ') === key);
  if (existing) return indexed(entities, touch(existing, p));
  const entity = newEntity(entities, p);
  entity.unnamed = true;
  return entity;
}

/** Entities mentioned before `offset`, nearest first. */
/** The entity accepted by `accept` mentioned last before `offset`, or null. */
function nearestBefore(entities: Entity[], offset: number, accept: (e: Entity) => boolean): Entity | null {
  let best: Entity | null = null;
  let bestAt = -1;
  for (const entity of entities) {
    const at = lastPositionBefore(entity, offset);
    if (at > bestAt && accept(entity)) {
      best = entity;
      bestAt = at;
    }
  }
  return best;
}

/** Positions are kept sorted (see `touch`), so this is a binary search. */
function lastPositionBefore(entity: Entity, offset: number): number {
  const positions = entity.positions;
  const first = firstIndexNotBefore(positions.length, (i) => positions[i] < offset);
  return first > 0 ? positions[first - 1] : -1;
}

/** The entity mentioned closest to `offset`, a mention after it counting double. */
function nearest(entities: Entity[], offset: number): Entity {
  const distance = (e: Entity): number => {
    const before = lastPositionBefore(e, offset);
    const after = e.positions.find((at) => at >= offset);
    return Math.min(before >= 0 ? offset - before : Infinity, after !== undefined ? (after - offset) * 2 : Infinity);
  };
  let best = entities[0];
  for (const entity of entities) if (distance(entity) < distance(best)) best = entity;
  return best;
}

function compatible(existing: SourceType, wanted: SourceType): boolean {
  return wanted === 'unknown' || existing === wanted;
}

function hasWord(words: Set<string>, word: string): boolean {
  if (words.has(word)) return true;
  // "Iraq's" matches "Iraqi"; "American" matches "America".
  for (const w of words) if (w.length >= 4 && word.length >= 4 && (w.startsWith(word) || word.startsWith(w))) return true;
  return false;
}

function newEntity(entities: Entity[], p: Pending, type: SourceType = p.reading.type): Entity {
  const name = p.reading.form === 'name' ? p.reading.name : p.reading.name.replace(/^(the) /i, '');
  const entity: Entity = {
    order: entities.length,
    source: { name, type, aliases: [], mentions: [], attributions: [], channels: [] },
    names: new Set(),
    words: new Set(),
    positions: [],
  };
  entities.push(entity);
  return indexed(entities, touch(entity, p));
}

function touch(entity: Entity, p: Pending): Entity {
  const at = p.mention.start;
  const positions = entity.positions;
  let i = positions.length;
  while (i > 0 && positions[i - 1] > at) i--;
  positions.splice(i, 0, at);
  for (const w of p.reading.words) entity.words.add(w);
  if (p.reading.form === 'name') entity.names.add(p.reading.name.toLowerCase());
  if (p.reading.acronym) {
    entity.words.add(p.reading.acronym.toLowerCase());
    entity.names.add(p.reading.acronym.toLowerCase()); // so a later "EACC" on its own finds it
  }
  return entity;
}

function addAlias(source: Source, alias: string): void {
  if (alias && alias !== source.name && !source.aliases.includes(alias)) source.aliases.push(alias);
}

function addChannel(source: Source, channel: string): void {
  const cleaned = channel.replace(/^(in|on|at)\s+/i, '').replace(/\s+/g, ' ');
  if (!source.channels.includes(cleaned)) source.channels.push(cleaned);
}

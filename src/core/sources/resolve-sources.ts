// Stage 5: sources. Groups the source mentions of all statements into real-world sources:
//   names      "Iraqi National Intelligence Service (INIS)" = "INIS"; "Michael Flynn" = "Flynn"
//   descriptions  "Iraq's intelligence service" matches a name by its words; "the agency" is the
//              nearest organization before it
//   pronouns   "he", "she", "it", "they" are the nearest compatible source before them
// Unnamed speakers ("officials said", "a source") are anonymous sources of their own.
// Every rule below picks among the entities seen so far; `Entities` (entities.ts) keeps indexes so that
// each pick looks only at the entities that can match, never at them all (a long text has thousands).
import { firstIndexNotBefore } from '../text/search';
import { memoized, type TextMemo } from '../text/text-memo';
import { isGenericHead, readMention, type MentionReading } from './mentions';
import { Entities, type Entity, type Pending, type ReadMention } from './entities';
import { lookupKeys, nameFormsOf, type NameForms } from './names';
import type { Attribution, Source, SourceType } from '../types';

/** The sources of a document, and which of them each attribution is from. */
export interface ResolvedSources {
  /** In order of first mention. */
  sources: Source[];
  /** Per attribution, the index of its source in `sources`, or null where it has none. */
  sourceOfAttribution: (number | null)[];
}

export function resolveSources(
  prose: string,
  attributions: readonly Attribution[],
  memo?: TextMemo<MentionReading>,
): ResolvedSources {
  const entities = new Entities();
  const pending: Pending[] = [];
  // A mention is read from its own words alone, so its reading is kept by them: within this analysis
  // ("he", "the agency" and names recur) and, with a cache, for the next one (analysis-cache.ts).
  const readings = new Map<string, ReadMention>();
  const read = (text: string): ReadMention => {
    let known = readings.get(text);
    if (!known) readings.set(text, (known = withForms(memoized(memo, text, () => readMention(text)))));
    return known;
  };
  attributions.forEach((a, attribution) => {
    if (!a.sourceMention) return;
    const { reading, forms, keys } = read(prose.slice(a.sourceMention.start, a.sourceMention.end));
    pending.push({ attribution, mention: a.sourceMention, reading, forms, keys });
  });
  // Names first, in text order, so descriptions and pronouns can point at names that come later too.
  const entityOf: (Entity | null)[] = pending.map((p) => (p.reading.form === 'name' ? nameEntity(entities, p) : null));
  entities.namesRead();
  pending.forEach((p, i) => {
    if (p.reading.form !== 'name')
      entityOf[i] = p.reading.form === 'pronoun' ? pronounEntity(entities, p) : descriptionEntity(entities, p);
  });
  pending.forEach((p, i) => {
    const entity = entityOf[i];
    if (!entity) return;
    const attribution = attributions[p.attribution];
    const source = entity.source;
    source.mentions.push({ ...p.mention });
    // Pending mentions come in attribution order, so a repeat can only be the last one pushed.
    if (source.attributions[source.attributions.length - 1] !== p.attribution) source.attributions.push(p.attribution);
    // Aliases in the order the text uses them.
    if (p.reading.form !== 'pronoun')
      addAlias(source, p.reading.form === 'name' ? p.reading.name : p.reading.name.replace(/^The /, 'the '));
    if (p.reading.acronym) addAlias(source, p.reading.acronym);
    if (attribution.channel) addChannel(source, prose.slice(attribution.channel.start, attribution.channel.end));
  });
  // Sources in order of first mention; attributions point at them by index.
  const used = entities.list
    .filter((e) => e.source.attributions.length > 0)
    .sort((a, b) => a.source.mentions[0].start - b.source.mentions[0].start);
  const sourceOfAttribution: (number | null)[] = attributions.map(() => null);
  used.forEach((entity, index) => {
    entity.source.mentions.sort((a, b) => a.start - b.start);
    entity.source.attributions.sort((a, b) => a - b);
    entity.source.aliases = entity.source.aliases.filter((alias) => alias !== entity.source.name);
    for (const a of entity.source.attributions) sourceOfAttribution[a] = index;
  });
  return { sources: used.map((e) => e.source), sourceOfAttribution };
}

/** A mention's reading with the forms of its name, worked out once per distinct mention text. */
function withForms(reading: MentionReading): ReadMention {
  const forms = nameFormsOf(reading.name);
  return { reading, forms, keys: lookupKeys(forms, reading.acronym) };
}

function nameEntity(entities: Entities, p: Pending): Entity {
  const { name, acronym } = p.reading;
  // Lower-casing never adds or removes a space, so `parts` has as many words as the name.
  const { lower, words: parts } = p.forms;
  const surname = parts.length === 1 ? lower : null;
  // Only entities that share a key with this name can match it: look them up, never scan them all.
  for (const entity of entities.withNameKeys(p.keys)) {
    const source = entity.source;
    if (entity.names.has(lower) || (acronym && entity.names.has(acronym.toLowerCase())))
      return entities.touch(entity, p);
    if (acronym && acronym === name && entity.nameForms.initials === acronym) return entities.touch(entity, p);
    // "Flynn" after "Michael Flynn"; "Michael Flynn" after "Flynn".
    if (source.type === 'person' || source.type === 'unknown') {
      const names = entity.nameForms.words;
      if (surname && names.length > 1 && names[names.length - 1] === surname) return entities.touch(entity, p);
      if (
        names.length === 1 &&
        parts.length > 1 &&
        parts[parts.length - 1] === names[0] &&
        p.reading.type !== 'organization'
      ) {
        rename(entity, p, 'person');
        return entities.touch(entity, p);
      }
    }
    // "the Iraqi National Intelligence Service" after "INIS" was seen alone.
    if (isAcronymOf(source.name, p.forms)) {
      rename(entity, p, p.reading.type);
      return entities.touch(entity, p);
    }
  }
  return entities.create(p);
}

/** Gives the entity the pending mention's name, with its forms. */
function rename(entity: Entity, p: Pending, type: SourceType): void {
  entity.source.name = p.reading.name;
  entity.source.type = type;
  entity.nameForms = p.forms;
}

function isAcronymOf(acronym: string, name: NameForms): boolean {
  return name.initials === acronym && /^[\p{Lu}]{2,}$/u.test(acronym);
}

/**
 * A description matches a source whose words contain its own ("intelligence service"), else the nearest of its kind.
 */
function descriptionEntity(entities: Entities, p: Pending): Entity | null {
  const { reading } = p;
  // "a report", "officials": unnamed, so never merged with a named source.
  if (reading.indefinite) return unnamedEntity(entities, p);
  // Generic heads ("body", "service") and whose it is ("Kenya's") say little: the other words must match.
  const words = reading.words.filter((w) => !isGenericHead(w));
  const byWords = entities.withAllWords(words).filter((e) => e.source.type !== 'anonymous');
  if (byWords.length > 0) return entities.touch(nearest(byWords, p.mention.start), p);
  // "the agency", "the ministry": the nearest source before it of a compatible type.
  // A description of unknown kind ("the authors of the report") says too little to be anyone in particular.
  const before =
    reading.type === 'document' || reading.type === 'unknown'
      ? null
      : entities.nearestBefore(p.mention.start, compatibleTypes(reading.type));
  if (before) return entities.touch(before, p);
  return entities.create(p);
}

// A record, so that a new source type cannot be left out of "any type" below without a type error.
const ANY_TYPE: Record<SourceType, true> = {
  person: true,
  organization: true,
  anonymous: true,
  document: true,
  unknown: true,
};
const ALL_TYPES = Object.keys(ANY_TYPE) as SourceType[];

function pronounEntity(entities: Entities, p: Pending): Entity | null {
  const candidate = entities.nearestBefore(p.mention.start, pronounTypes(p.reading.pronoun));
  return candidate ? entities.touch(candidate, p) : null;
}

/** The types of source a pronoun can stand for. */
function pronounTypes(pronoun: string | null): readonly SourceType[] {
  if (pronoun === 'he' || pronoun === 'she' || pronoun === 'i') return ['person', 'unknown'];
  if (pronoun === 'it') return ['organization', 'document'];
  return ALL_TYPES; // they, we: groups, organisations, unnamed speakers
}

/** Unnamed sources described alike ("officials" … "officials", "audits" … "audits") are one source. */
function unnamedEntity(entities: Entities, p: Pending): Entity {
  const existing = entities.unnamedAlike(p.reading.type, p.reading.words.join(' '));
  return existing ? entities.touch(existing, p) : entities.create(p, { unnamed: true });
}

/** The entity mentioned closest to `offset`, a mention after it counting double; the first on a tie. */
function nearest(entities: Entity[], offset: number): Entity {
  // Positions are kept sorted (see `touch`), so the mentions either side are one binary search away.
  const distance = (e: Entity): number => {
    const first = firstIndexNotBefore(e.positions.length, (i) => e.positions[i] < offset);
    const before = first > 0 ? offset - e.positions[first - 1] : Infinity;
    const after = first < e.positions.length ? (e.positions[first] - offset) * 2 : Infinity;
    return Math.min(before, after);
  };
  let best = entities[0];
  let bestDistance = distance(best);
  for (const entity of entities) {
    const d = distance(entity);
    if (d < bestDistance) {
      best = entity;
      bestDistance = d;
    }
  }
  return best;
}

/** The existing types a description of type `wanted` may refer to. */
function compatibleTypes(wanted: SourceType): readonly SourceType[] {
  return wanted === 'unknown' ? ALL_TYPES : [wanted];
}

function addAlias(source: Source, alias: string): void {
  if (alias && alias !== source.name && !source.aliases.includes(alias)) source.aliases.push(alias);
}

function addChannel(source: Source, channel: string): void {
  const cleaned = channel.replace(/^(in|on|at)\s+/i, '').replace(/\s+/g, ' ');
  if (!source.channels.includes(cleaned)) source.channels.push(cleaned);
}

// Stage 5: sources. Groups the source mentions of all statements into real-world sources:
//   names      "Iraqi National Intelligence Service (INIS)" = "INIS"; "Michael Flynn" = "Flynn"
//   descriptions  "Iraq's intelligence service" matches a name by its words; "the agency" is the
//              nearest organization before it
//   pronouns   "he", "she", "it", "they" are the nearest compatible source before them
// Unnamed speakers ("officials said", "a source") are anonymous sources of their own.
// Every rule below picks among the entities seen so far; `Entities` keeps indexes so that each pick
// looks only at the entities that can match, never at them all (a long text has thousands).
import { firstIndexNotBefore } from '../text/search';
import { memoized, type TextMemo } from '../text/text-memo';
import { isGenericHead, readMention, type MentionReading } from './mentions';
import { filingKeys, lookupKeys, nameFormsOf, type NameForms } from './names';
import { hasWord, WordIndex } from './words';
import type { Attribution, Source, SourceType, Span } from '../types';

interface Entity {
  source: Source;
  /** Forms of `source.name`, replaced with it (see `rename`). */
  nameForms: NameForms;
  /** Lower-case names and acronyms it is known by, for matching later names. */
  names: Set<string>;
  words: Set<string>;
  /** Offsets of its mentions so far, sorted, for "nearest before". */
  positions: number[];
  /** Made from an indefinite description ("officials", "a report"): never given a name's aliases. */
  unnamed: boolean;
  /** Creation order, and its index in `Entities.list`: of several matching entities, the earliest wins. */
  order: number;
  /** `source.name` and the number of `names` when its name keys were last filed: the keys change only with them. */
  filedAs: { name: string; names: number } | null;
  /** Its key among unnamed entities once filed there (see `unnamedKey`). */
  unnamedKey: string | null;
}

/** A mention read from its own words; kept by its text, as such mentions recur. */
interface ReadMention {
  reading: MentionReading;
  /** Forms of `reading.name`. */
  forms: NameForms;
  /** Where a name looks for the entities it may be (see `lookupKeys`). */
  keys: string[];
}

interface Pending extends ReadMention {
  attribution: number;
  mention: Span;
}

/** The sources of a document, and which of them each attribution is from. */
export interface ResolvedSources {
  /** In order of first mention. */
  sources: Source[];
  /** Per attribution, the index of its source in `sources`, or null where it has none. */
  sourceOfAttribution: (number | null)[];
}

export function resolveSources(prose: string, attributions: readonly Attribution[], memo?: TextMemo<MentionReading>): ResolvedSources {
  const entities = new Entities();
  const pending: Pending[] = [];
  // A mention is read from its own words alone, so its reading is kept by them: within this analysis
  // ("he", "the agency" and names recur) and, with a cache, for the next one (memo.ts).
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
    if (p.reading.form !== 'name') entityOf[i] = p.reading.form === 'pronoun' ? pronounEntity(entities, p) : descriptionEntity(entities, p);
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
    if (p.reading.form !== 'pronoun') addAlias(source, p.reading.form === 'name' ? p.reading.name : p.reading.name.replace(/^The /, 'the '));
    if (p.reading.acronym) addAlias(source, p.reading.acronym);
    if (attribution.channel) addChannel(source, prose.slice(attribution.channel.start, attribution.channel.end));
  });
  // Sources in order of first mention; attributions point at them by index.
  const used = entities.list.filter((e) => e.source.attributions.length > 0).sort((a, b) => a.source.mentions[0].start - b.source.mentions[0].start);
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
    if (entity.names.has(lower) || (acronym && entity.names.has(acronym.toLowerCase()))) return entities.touch(entity, p);
    if (acronym && acronym === name && entity.nameForms.initials === acronym) return entities.touch(entity, p);
    // "Flynn" after "Michael Flynn"; "Michael Flynn" after "Flynn".
    if (source.type === 'person' || source.type === 'unknown') {
      const names = entity.nameForms.words;
      if (surname && names.length > 1 && names[names.length - 1] === surname) return entities.touch(entity, p);
      if (names.length === 1 && parts.length > 1 && parts[parts.length - 1] === names[0] && p.reading.type !== 'organization') {
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

/** A description matches a source whose words contain its own ("intelligence service"), else the nearest of its kind. */
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
  const before = reading.type === 'document' || reading.type === 'unknown' ? null : entities.nearestBefore(p.mention.start, compatibleTypes(reading.type));
  if (before) return entities.touch(before, p);
  return entities.create(p);
}

// A record, so that a new source type cannot be left out of "any type" below without a type error.
const ANY_TYPE: Record<SourceType, true> = { person: true, organization: true, anonymous: true, document: true, unknown: true };
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

/** A mention of an entity, filed by type for `nearestBefore`. */
interface EntityMention {
  at: number;
  order: number;
}

/**
 * The entities found so far, and indexes over them. Each index only narrows the candidates; the rules
 * themselves (`nameEntity`, `hasWord`, …) still decide, so the results are those of a scan of all.
 */
class Entities {
  /** In creation order: `list[e.order] === e`. */
  readonly list: Entity[] = [];
  /** Name keys (`filingKeys`) → entities. Kept while names are read; nothing else looks names up. */
  private readonly byNameKey = new Map<string, Set<Entity>>();
  /** Built for the first description (a text of names only never needs it), then kept up to date. */
  private wordIndex: WordIndex<Entity> | null = null;
  /** `unnamedKey` → unnamed entities; refiled when their words grow. */
  private readonly unnamed = new Map<string, Set<Entity>>();
  /**
   * Type → every mention of entities of that type, sorted by offset, the later-created entity first
   * on a tie (so the last one before an offset is the earliest-created). Null while names are read,
   * as names still change types; after that types are fixed.
   */
  private mentionsByType: Map<SourceType, EntityMention[]> | null = null;

  create(p: Pending, { unnamed = false } = {}): Entity {
    const named = p.reading.form === 'name';
    const name = named ? p.reading.name : p.reading.name.replace(/^(the) /i, '');
    const entity: Entity = {
      order: this.list.length,
      source: { name, type: p.reading.type, aliases: [], mentions: [], attributions: [], channels: [] },
      nameForms: named ? p.forms : nameFormsOf(name),
      names: new Set(),
      words: new Set(),
      positions: [],
      unnamed,
      filedAs: null,
      unnamedKey: null,
    };
    this.list.push(entity);
    return this.touch(entity, p);
  }

  /** Records a mention of `entity`: its position, words and names, in every index. */
  touch(entity: Entity, p: Pending): Entity {
    const at = p.mention.start;
    const positions = entity.positions;
    positions.splice(firstIndexNotBefore(positions.length, (i) => positions[i] <= at), 0, at);
    const wordsBefore = entity.words.size;
    for (const w of p.reading.words) this.addWord(entity, w);
    if (p.reading.form === 'name') entity.names.add(p.forms.lower);
    if (p.reading.acronym) {
      this.addWord(entity, p.reading.acronym.toLowerCase());
      entity.names.add(p.reading.acronym.toLowerCase()); // so a later "EACC" on its own finds it
    }
    // Unnamed entities are filed by their words, which may just have grown.
    if (entity.unnamed && (entity.unnamedKey === null || entity.words.size !== wordsBefore)) this.fileUnnamed(entity);
    if (this.mentionsByType) fileMention(this.mentionsByType, entity, at);
    else this.fileNameKeys(entity);
    return entity;
  }

  /** Files the entity under its name keys, unless its name and names are those it was last filed by. */
  private fileNameKeys(entity: Entity): void {
    const { name } = entity.source;
    const names = entity.names.size;
    // Names only accumulate, so as many names as before are the same names.
    if (entity.filedAs?.name === name && entity.filedAs.names === names) return;
    entity.filedAs = { name, names };
    // Keys only accumulate: a renamed entity can still be found under its earlier name's keys.
    for (const key of filingKeys(name, entity.nameForms, entity.names)) addTo(this.byNameKey, key, entity);
  }

  private fileUnnamed(entity: Entity): void {
    if (entity.unnamedKey !== null) this.unnamed.get(entity.unnamedKey)?.delete(entity);
    entity.unnamedKey = unnamedKey(entity);
    addTo(this.unnamed, entity.unnamedKey, entity);
  }

  /** Called once every name is read: types are fixed from here on, so mentions can be filed by type. */
  namesRead(): void {
    const mentionsByType = new Map<SourceType, EntityMention[]>();
    this.mentionsByType = mentionsByType;
    // Filed all at once and sorted, as `fileMention` keeps them: entity by entity they come out of text order.
    for (const entity of this.list) {
      const mentions = mentionsOfType(mentionsByType, entity.source.type);
      for (const at of entity.positions) mentions.push({ at, order: entity.order });
    }
    for (const mentions of mentionsByType.values()) mentions.sort(byOffsetThenLaterCreated);
  }

  /** Candidate entities for a name, in creation order (the first match wins). */
  withNameKeys(keys: string[]): Entity[] {
    const found: Entity[] = [];
    for (const key of keys) for (const entity of this.byNameKey.get(key) ?? []) found.push(entity);
    // Mostly one entity under one key: order and drop repeats only when there is more.
    if (found.length < 2) return found;
    return found.sort(byOrder).filter((entity, i) => i === 0 || found[i - 1] !== entity);
  }

  /** Entities having every one of `words` (by `hasWord`), in creation order; none for no words. */
  withAllWords(words: string[]): Entity[] {
    if (words.length === 0) return [];
    if (!this.wordIndex) {
      this.wordIndex = new WordIndex<Entity>();
      for (const entity of this.list) for (const word of entity.words) this.wordIndex.add(entity, word);
    }
    const index = this.wordIndex;
    // Start from the rarest word's candidates, then let `hasWord` decide.
    const candidates = words.map((w) => index.mayHave(w)).reduce((a, b) => (b.size < a.size ? b : a));
    return [...candidates].filter((e) => words.every((w) => hasWord(e.words, w))).sort(byOrder);
  }

  /** The earliest-created unnamed entity of `type` whose words, joined, are `words`. */
  unnamedAlike(type: SourceType, words: string): Entity | null {
    let best: Entity | null = null;
    for (const entity of this.unnamed.get(`${type} ${words}`) ?? []) if (!best || entity.order < best.order) best = entity;
    return best;
  }

  /** The entity of one of `types` mentioned last before `offset` (the earliest-created on a tie), or null. */
  nearestBefore(offset: number, types: readonly SourceType[]): Entity | null {
    let best: EntityMention | null = null;
    for (const type of types) {
      const mentions = this.mentionsByType?.get(type) ?? [];
      const last = mentions[firstIndexNotBefore(mentions.length, (i) => mentions[i].at < offset) - 1];
      if (last && (!best || last.at > best.at || (last.at === best.at && last.order < best.order))) best = last;
    }
    return best ? this.list[best.order] : null;
  }

  private addWord(entity: Entity, word: string): void {
    if (entity.words.has(word)) return;
    entity.words.add(word);
    this.wordIndex?.add(entity, word);
  }
}

/** Type and words, as `unnamedEntity` compares them; no type has a space, so the key is unambiguous. */
function unnamedKey(entity: Entity): string {
  return `${entity.source.type} ${[...entity.words].join(' ')}`;
}

function fileMention(mentionsByType: Map<SourceType, EntityMention[]>, entity: Entity, at: number): void {
  const mentions = mentionsOfType(mentionsByType, entity.source.type);
  const mention = { at, order: entity.order };
  // Mentions mostly come in text order, so this usually appends.
  const index = firstIndexNotBefore(mentions.length, (i) => byOffsetThenLaterCreated(mentions[i], mention) < 0);
  mentions.splice(index, 0, mention);
}

function mentionsOfType(mentionsByType: Map<SourceType, EntityMention[]>, type: SourceType): EntityMention[] {
  let mentions = mentionsByType.get(type);
  if (!mentions) mentionsByType.set(type, (mentions = []));
  return mentions;
}

/** The order of `mentionsByType`: by offset, the later-created entity first on a tie. */
function byOffsetThenLaterCreated(a: EntityMention, b: EntityMention): number {
  return a.at - b.at || b.order - a.order;
}

function byOrder(a: Entity, b: Entity): number {
  return a.order - b.order;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function addAlias(source: Source, alias: string): void {
  if (alias && alias !== source.name && !source.aliases.includes(alias)) source.aliases.push(alias);
}

function addChannel(source: Source, channel: string): void {
  const cleaned = channel.replace(/^(in|on|at)\s+/i, '').replace(/\s+/g, ' ');
  if (!source.channels.includes(cleaned)) source.channels.push(cleaned);
}

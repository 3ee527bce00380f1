// The entities the sources stage has found so far, and the indexes that let each of its rules look only at
// the entities that can match (a long text has thousands). The rules themselves are in resolve-sources.ts.
import { firstIndexNotBefore } from '../text/search';
import type { Source, SourceType, Span } from '../types';
import type { MentionReading } from './mentions';
import { filingKeys, nameFormsOf, type NameForms } from './names';
import { hasWord, WordIndex } from './words';

export interface Entity {
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

export /** A mention read from its own words; kept by its text, as such mentions recur. */
interface ReadMention {
  reading: MentionReading;
  /** Forms of `reading.name`. */
  forms: NameForms;
  /** Where a name looks for the entities it may be (see `lookupKeys`). */
  keys: string[];
}

export interface Pending extends ReadMention {
  attribution: number;
  mention: Span;
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
export class Entities {
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
    positions.splice(
      firstIndexNotBefore(positions.length, (i) => positions[i] <= at),
      0,
      at,
    );
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
    for (const entity of this.unnamed.get(`${type} ${words}`) ?? [])
      if (!best || entity.order < best.order) best = entity;
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

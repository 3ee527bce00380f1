// The closed-class words the attribution stage reads a sentence's grammar by (attribution-words.json),
// as look-up sets: one look-up per token.
import words from './attribution-words.json';

const setOf = (...lists: string[][]): ReadonlySet<string> => new Set(lists.flat());
const { pronouns, conjunctions, verbs, prepositions, determiners, adverbs, time } = words;

/** "what she calls “…”": a relative clause inside another statement. */
export const RELATIVE_BEFORE_SPEAKER = setOf(pronouns.relativeBeforeSpeaker);
/** "Smith, who grew up with Ali, said". */
export const RELATIVE_FOR_PERSONS = setOf(pronouns.relativeForPersons);
/** "a surrogate who said …": the relative pronoun stands for the phrase before it. */
export const RELATIVE_SUBJECTS = setOf(pronouns.relativeSubjects);
/** Opening words that are no named subject whose predicate quotes are its words. */
export const NOT_PREDICATE_SUBJECTS = setOf(pronouns.notPredicateSubjects);
/** "That’s not to suggest …": a pronoun with "is" folded in opens a clause, and is no speaker. */
export const CONTRACTED_NOT_SPEAKERS = setOf(pronouns.contractedNotSpeakers);
/** "said he’s …", "said there’s …": a subject with its verb folded in. */
export const CONTRACTED_SUBJECTS = setOf(pronouns.contractedSubjects);

export const COORDINATORS = setOf(conjunctions.coordinating);
/** Conjunctions that open a subordinate clause reported along with the main one. */
export const SUBORDINATORS = setOf(conjunctions.subordinating);
/** "But “…”", "And “…”": a conjunction linking a quote to what came before. */
export const BEFORE_STANDALONE_QUOTE = setOf(conjunctions.beforeStandaloneQuote);
/** "When asked …" opening a sentence. */
export const OPENING_ASKED = setOf(conjunctions.openingAsked);
/** "… when asked about the polls", "… after being asked". */
export const BEFORE_ASKED = setOf(conjunctions.beforeAsked);
/** ", saying …", "after hinting that …": what may stand before a participle cue. */
export const BEFORE_PARTICIPLE_CUE = setOf(conjunctions.beforeParticipleCue);
/** "It is unclear whether …": what opens the clause after an impersonal cue. */
export const OPENING_IMPERSONAL_CLAUSE = setOf(conjunctions.openingImpersonalClause);
/** Words that end a position's content after a comma: a new clause starts ("and said …", ", who …"). */
export const ENDING_POSITION = setOf(conjunctions.endingPosition);

/** Words that show a finite verb, so the words before them are a subject and the whole a clause. */
export const FINITE_VERB = setOf(verbs.finite);
/** Cues whose object is the person addressed: "told reporters that …". */
export const TELLING = setOf(verbs.telling);
export const BE = setOf(verbs.be);
/** "has been expected to": auxiliaries before the "be" of a passive cue. */
export const BEFORE_PASSIVE = setOf(verbs.beforePassive);
/** "has reportedly": auxiliaries before a hedge. */
export const BEFORE_HEDGE = setOf(verbs.beforeHedge);
/** "it has been reported": auxiliaries after the "it" of an impersonal cue. */
export const AFTER_IMPERSONAL_IT = setOf(verbs.afterImpersonalIt);
/** "… and said …": words that start a second predicate after "and" or "but". */
export const STARTING_PREDICATE = setOf(verbs.startingPredicate);
/** Words after a subject that are not its verb (with notAVerb below, adverbs in -ly). */
const NOT_A_VERB = setOf(words.notAVerb.words);

export const notAVerb = (word: string): boolean => NOT_A_VERB.has(word) || /^\p{L}+ly$/u.test(word);

/** "said of Monday's episode", "added, about the plan": a topic after a speaker clause. */
export const TOPIC_AFTER_CUE = setOf(prepositions.topicAfterCue);
/** "goes on to say", "began by saying": a cue hanging off another verb. */
export const CHAINING_CUE = setOf(prepositions.chainingCue);
/** "in a statement on X", "in an interview with CNN": a channel phrase naming its outlet after these. */
export const BEFORE_OUTLET = setOf(prepositions.beforeOutlet);
/** "told supporters Tuesday night that …": where or when, between a cue and its "that". */
export const CIRCUMSTANCE = setOf(prepositions.circumstance, time.weekdays, time.circumstance);
/** "Asked on Fox News who leads the party": where it was asked. */
export const PLACE_OF_ASKING = setOf(prepositions.placeOfAsking);
/** Words a subject never ends on. */
export const DANGLING = setOf(prepositions.dangling);
/** Words after a verb that show it takes no direct object here: a clause, an infinitive or a particle follows. */
export const NOT_AN_OBJECT = setOf(prepositions.notAnObject);
/** "including", "regarding": words in -ing that are prepositions, as written (not lower-cased). */
export const VERB_LIKE_PREPOSITIONS = setOf(prepositions.verbLikePrepositions);

/** "A news report published …": before these, a bare cue form is a noun. */
export const BARE_FORM_NOUN_CONTEXT = setOf(determiners.bareFormNounContext);
/** "the support of", "a strong defense": a verb form used as a noun after these. */
export const VERB_AS_NOUN = setOf(determiners.verbAsNoun);
/** "two officials", "senior aides": a common noun after these names speakers (digits too, in code). */
export const QUANTIFIERS = setOf(determiners.quantifiers);
/** Single words that name speakers without a noun: "others said", "someone told". */
export const BARE_SPEAKERS = setOf(determiners.bareSpeakers);

/** Words that may open a sentence before its subject ("But Clinton, …"). */
export const SENTENCE_OPENERS = setOf(adverbs.sentenceOpeners);
/** "Even so, …", "In fact, …": the writer's opener, before a statement. */
export const WRITER_OPENERS = setOf(adverbs.writerOpeners);
/** Words that open a sentence and are never a speaker ("Instead, …", "However, …"). */
export const SENTENCE_ADVERBS = setOf(adverbs.sentenceAdverbs);
/** "is widely expected", "is not clear": adverbs of degree inside an agentless cue. */
export const DEGREE = setOf(adverbs.degree);

/** "said Monday that …", "said privately …": words between a cue and its content. */
export const AFTER_CUE = setOf(time.weekdays, time.afterCue);
/** "he said Monday, …": words after the cue of a speaker clause set into the sentence. */
export const IN_INTERRUPTION = setOf(time.weekdays, time.inInterruption);
/** "on Monday", "last week", "early Tuesday": words that open a time phrase. */
export const BEFORE_TIME_WORD = setOf(time.beforeTimeWord);

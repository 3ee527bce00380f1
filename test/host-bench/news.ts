// A long, news-like plain-text document for `npm run bench:host`: wire stories one after another, each
// a headline, a dateline lead, direct quotes, reported speech, figures, anonymous sources and a credit
// line. Deterministic (seeded). Sentences are assembled from independent parts, so paragraphs rarely
// repeat one another (as in a real file of stories) and the duplicate detector is not flooded.
import { mulberry32, textOfLength } from '../support/random';

const FIRST = [
  'Ana',
  'Tom',
  'Lena',
  'Marek',
  'Priya',
  'Jonas',
  'Amira',
  'Kofi',
  'Sofia',
  'Daniel',
  'Ines',
  'Yusuf',
  'Mei',
  'Pavel',
  'Grace',
  'Omar',
];
const LAST = [
  'Ruiz',
  'Okafor',
  'Brandt',
  'Nowak',
  'Shah',
  'Lind',
  'Haddad',
  'Mensah',
  'Costa',
  'Wu',
  'Moreau',
  'Kaya',
  'Tanaka',
  'Novak',
  'Mwangi',
  'Silva',
];
const ROLES = [
  'the finance minister',
  'a spokeswoman for the council',
  'the chief executive',
  'an analyst at Nordbank',
  'the union leader',
  'the mayor',
  'a senior economist',
  'the harbour master',
  'an opposition lawmaker',
  'the hospital director',
];
const ORGS = [
  'the Regional Transport Authority',
  'the Ministry of Finance',
  'the Port Authority',
  'the City Council',
  'the central bank',
  'the health ministry',
  'the teachers union',
  'the energy regulator',
  'the state railway',
  'the water utility',
];
const CITIES = [
  'LISBON',
  'LAGOS',
  'OSLO',
  'WARSAW',
  'MUMBAI',
  'NAIROBI',
  'SANTIAGO',
  'HANOI',
  'ACCRA',
  'QUITO',
  'TALLINN',
  'SEVILLE',
];
const TOPICS = [
  'the bridge repairs',
  'the new budget',
  'fuel prices',
  'the hospital plan',
  'port congestion',
  'the pension reform',
  'the rail strike',
  'school closures',
  'the water tariff',
  'the airport expansion',
  'rent controls',
  'the grain harvest',
];
const CUES = [
  'said',
  'told reporters',
  'added',
  'warned',
  'said in a statement',
  'told a news conference',
  'wrote on social media',
];
/** Cues that read well after a quote, before the speaker ("…,” said X). */
const QUOTE_CUES = ['said', 'added', 'warned', 'said'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PROMISES = [
  'We will spend',
  'The government has set aside',
  'We cannot afford to waste',
  'They have already lost',
  'Nobody has explained the',
  'We are asking for',
];
const AFTER = [
  'and finish the work by',
  'before the election in',
  'which is more than we spent in',
  'and the bill will come due in',
  'a figure nobody expected before',
];
const CLOSERS = [
  'Nobody should doubt that.',
  'That is the truth of it.',
  'We will be watching.',
  'People are tired of waiting.',
  'It is not enough.',
  'This is only the beginning.',
];
const VERBS = [
  'would review',
  'had underestimated',
  'planned to cut',
  'was ready to double',
  'could not guarantee',
  'had quietly delayed',
  'would ask parliament to fund',
];
const MEASURES = [
  'spending on',
  'the cost of',
  'complaints about',
  'the number of jobs tied to',
  'imports linked to',
  'delays caused by',
];
const CHANGES = ['rose', 'fell', 'jumped', 'slipped', 'climbed', 'dropped'];
const SINCE = ['since', 'compared with', 'from a low in', 'after a peak in'];
const WHO = ['Residents', 'Shop owners', 'Commuters', 'Nurses', 'Farmers', 'Parents', 'Dock workers'];
const COMPLAINTS = [
  'long delays',
  'closed lanes',
  'unpaid overtime',
  'missed deliveries',
  'rising bills',
  'crowded wards',
  'cancelled trains',
];
const PLACES = [
  'at a public meeting',
  'outside the town hall',
  'in interviews this week',
  'in a petition',
  'at a protest on the main square',
];

function story(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const n = (max: number): number => 1 + Math.floor(random() * max);
  const year = (): number => 1990 + Math.floor(random() * 35);
  const name = (): string => `${pick(FIRST)} ${pick(LAST)}`;
  const org = (): string => pick(ORGS);
  const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
  const topic = pick(TOPICS);
  const sentence = (): string => {
    const kind = random();
    if (kind < 0.25)
      return `“${pick(PROMISES)} ${n(900)} million on ${pick(TOPICS)} ${pick(AFTER)} ${year()},” ${pick(QUOTE_CUES)} ${name()}, ${pick(ROLES)}. “${pick(CLOSERS)}”`;
    if (kind < 0.45)
      return `${name()}, ${pick(ROLES)}, said ${org()} ${pick(VERBS)} ${pick(MEASURES)} ${pick(TOPICS)} by ${pick(DAYS)}.`;
    if (kind < 0.65)
      return `${cap(pick(MEASURES))} ${pick(TOPICS)} ${pick(CHANGES)} ${n(60)} percent ${pick(SINCE)} ${year()}, according to figures ${org()} published on ${pick(DAYS)}.`;
    if (kind < 0.8)
      return `A source familiar with ${pick(TOPICS)}, who asked not to be named, said ${org()} ${pick(VERBS)} ${pick(MEASURES)} ${pick(TOPICS)} within ${n(12)} weeks.`;
    return `${pick(WHO)} described ${pick(COMPLAINTS)} and ${pick(COMPLAINTS)} ${pick(PLACES)}, and ${n(400)} of them signed a letter to ${org()}.`;
  };
  const paragraphs = [
    `${cap(org())} faces questions over ${topic}`,
    `${pick(CITIES)}, ${pick(DAYS)} (Reuters) - ${cap(org())} ${pick(CUES)} on ${pick(DAYS)} that ${pick(MEASURES)} ${topic} ${pick(CHANGES)} ${n(40)} percent ${pick(SINCE)} ${year()}.`,
  ];
  for (let i = 0, count = 4 + n(6); i < count; i++) paragraphs.push(Array.from({ length: n(3) }, sentence).join(' '));
  paragraphs.push(`(Reporting by ${name()}; Editing by ${name()})`);
  return paragraphs.join('\n\n');
}

/** Stories separated by blank lines, cut at exactly `characters` characters. */
export function newsDocument(characters: number, seed = 5): string {
  const random = mulberry32(seed);
  return textOfLength(characters, '\n\n\n', () => story(random));
}

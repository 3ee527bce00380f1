// The JSON Schema of `.sourcelens.json`, written from the standing scale and the rule list, so that the file
// VS Code checks as it is typed (package.json `jsonValidation`) and the file the CLI reads accept the same
// things. `npm run sync:rules` writes it to schemas/sourcelens.schema.json; a unit test fails while they differ.
import { STANDINGS } from '../lexicon/standings';
import { RULE_LIST, SEVERITY_LEVELS } from '../rules';

export function registrySchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Source Lens sources registry',
    description: 'The sources a newsroom has vetted, each with a standing, and the severities of Source Lens rules.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      sources: {
        type: 'array',
        description: 'The sources the team has vetted.',
        items: {
          type: 'object',
          required: ['name', 'standing'],
          additionalProperties: false,
          defaultSnippets: [{ label: 'New source', body: { name: '$1', standing: '${2|unverified|}', note: '$3' } }],
          properties: {
            name: { type: 'string', minLength: 1, description: 'The name as a story writes it in full.' },
            aliases: {
              type: 'array',
              items: { type: 'string', minLength: 1 },
              description: 'Other names for the same source: acronyms, short forms ("INIS").',
            },
            type: { enum: ['person', 'organization', 'document'] },
            standing: {
              enum: STANDINGS.map((s) => s.id),
              enumDescriptions: STANDINGS.map((s) => s.description),
              description: 'How far the newsroom trusts the source; "unverified" and "discredited" are flagged.',
            },
            note: { type: 'string', description: 'Why the source has its standing; shown in hovers.' },
            url: { type: 'string', pattern: '^https?://\\S+$', description: 'Where the standing is documented.' },
          },
        },
      },
      severity: {
        type: 'object',
        description: "Rule severities for the team; they win over each editor's own sourceLens.severity.",
        additionalProperties: false,
        properties: Object.fromEntries(
          RULE_LIST.map((rule) => [rule.id, { enum: [...SEVERITY_LEVELS], description: rule.summary }]),
        ),
      },
    },
    additionalProperties: false,
  };
}

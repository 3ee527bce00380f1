// A statement credited to a source the team's registry marks as low standing (unverified, discredited):
// the editor is reminded of the note the team left, at the place the source is named. Without a registry,
// or for a source it does not list, the rule says nothing: it judges no one on its own.
import { standingInfo } from '../lexicon/standings';
import { defineRule } from './rule';

export const lowStandingSource = defineRule({
  id: 'low-standing-source',
  severity: 'warning',
  suppressible: true,
  anchor: 'low-standing-source',
  summary: 'A statement credited to a source the sources registry marks as unverified or discredited.',
  warningInTextReport: true,
  marksRemovableText: false,
  check({ analysis }, report) {
    for (const attribution of analysis.attributions) {
      const registered = attribution.source === null ? undefined : analysis.sources[attribution.source].registered;
      if (registered === undefined || !standingInfo(registered.standing)?.low) continue;
      const place = attribution.sourceMention ?? attribution.cue ?? attribution.content[0];
      if (place === undefined) continue;
      const note = registered.note ? ` ${registered.note}` : '';
      report(
        place,
        `${registered.name} is ${registered.standing} in the sources registry: corroborate before relying on it.${note}`,
      );
    }
  },
});

import { excerpt } from '../text/excerpt';
import { closest } from '../text/suggest';
import { measureName } from './names';
import { Rule } from './rule';

/** Suggestions compare against every id; past this many unknown references they are left out, to stay linear. */
const MAX_SUGGESTIONS = 20;

export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  description: 'A measure depends on a measure id that no measure has.',
  clause: '10.ii',
  check({ model, report }) {
    let suggested = 0;
    // Every id in file order, for suggestions (the first of equally close ones wins, whatever
    // edits led to the text): only gathered when a reference is unknown.
    let ids: string[] | undefined;
    for (const measure of model.measures) {
      for (const reference of measure.dependsOn?.references ?? []) {
        if (model.measuresById.has(reference.id)) continue;
        // A measure never depends on itself: its own id is no suggestion.
        const suggestion = suggested++ < MAX_SUGGESTIONS ? closest(reference.id, (ids ??= [...new Set(model.measures.flatMap((other) => (other.id ? [other.id.text] : [])))]).filter((id) => id !== measure.id?.text)) : undefined;
        report({
          span: reference.span,
          message: `${measureName(measure)} depends on "${excerpt(reference.id)}", but no measure has that id.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
          data: suggestion ? { kind: 'replace', replacement: suggestion } : undefined,
        });
      }
    }
  },
};

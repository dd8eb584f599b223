import { StrategyModel } from '../model/strategy';
import { excerpt } from '../text/excerpt';
import { closest } from '../text/suggest';
import { measureName } from './names';
import { Rule } from './rule';

/** Whether a measure has the id: one that parses, or one that does not at the moment (a drafter typing in it). */
function known(model: StrategyModel, id: string): boolean {
  return model.measuresById.has(id) || model.brokenMeasures.has(id);
}

/** Suggestions compare against every id; past this many unknown references they are left out, to stay linear. */
const MAX_SUGGESTIONS = 20;

/**
 * The suggestion for each of the first MAX_SUGGESTIONS unknown references, in file order,
 * by the id of the measure that writes it and the id it names. Derived from the measure
 * graph: computed once for as long as no edit changes an id or a dependency.
 */
function suggestions(model: StrategyModel): Map<string, string | undefined> {
  return model.graph.derive('unknown-reference suggestions', () => {
    const found = new Map<string, string | undefined>();
    // Every id in file order (the first of equally close ones wins, whatever edits led to the text).
    let ids: string[] | undefined;
    for (const measure of model.dependents) {
      for (const reference of measure.dependsOn!.references) {
        if (known(model, reference.id)) continue;
        if (found.size >= MAX_SUGGESTIONS) return found;
        const own = measure.id?.text;
        const key = `${own ?? ''}\u0000${reference.id}`;
        if (found.has(key)) continue;
        ids ??= [...new Set(model.measures.flatMap((other) => (other.id ? [other.id.text] : [])))];
        // A measure never depends on itself: its own id is no suggestion.
        found.set(key, closest(reference.id, ids.filter((id) => id !== own)));
      }
    }
    return found;
  });
}

export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  description: 'A measure depends on a measure id that no measure has.',
  clause: '10.ii',
  measureContext: (model) => model.graph.key,
  readsContext: (measure) => measure.dependsOn !== undefined && measure.dependsOn.references.length > 0,
  checkMeasure(measure, { model, report }) {
    for (const reference of measure.dependsOn?.references ?? []) {
      if (known(model, reference.id)) continue;
      const suggestion = suggestions(model).get(`${measure.id?.text ?? ''}\u0000${reference.id}`);
      report({
        span: reference.span,
        message: `${measureName(measure)} depends on "${excerpt(reference.id)}", but no measure has that id.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        data: suggestion ? { kind: 'replace', replacement: suggestion } : undefined,
      });
    }
  },
};

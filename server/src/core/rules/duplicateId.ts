import { excerpt } from '../text/excerpt';
import { Rule } from './rule';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  description: 'Two measures share an id; every occurrence after the first is reported.',
  check({ model, report }) {
    // Derived from the graph: looked for again only when an edit changes an id.
    const duplicated = model.graph.derive('duplicate ids', () => [...model.measuresById].filter(([, measures]) => measures.length > 1).map(([id]) => id));
    for (const id of duplicated) {
      const measures = model.measuresById.get(id)!;
      const first = measures[0].id!;
      for (const measure of measures.slice(1)) {
        report({
          span: measure.id!.span,
          message: `The measure id "${excerpt(id)}" is already used by an earlier measure; give this one an id of its own.`,
          related: [{ span: first.span, message: `first measure with id "${excerpt(id)}"` }],
        });
      }
    }
  },
};

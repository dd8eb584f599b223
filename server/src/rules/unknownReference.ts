import { closest } from '../text/suggest';
import { Rule } from './rule';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  description: '`depends-on` names a measure id that no measure has.',
  check({ model, report }) {
    for (const measure of model.measures) {
      for (const reference of measure.dependsOn?.references ?? []) {
        if (model.measuresById.has(reference.id)) continue;
        const suggestion = closest(reference.id, model.measuresById.keys());
        report({
          span: reference.span,
          message: `No measure has the id "${reference.id}".${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
          data: suggestion ? { kind: 'replace', replacement: suggestion } : undefined,
        });
      }
    }
  },
};

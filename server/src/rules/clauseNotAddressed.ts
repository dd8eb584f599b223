import { addressedUnits } from '../coverage';
import { Rule } from './rule';

export const clauseNotAddressed: Rule = {
  id: 'clause-not-addressed',
  severity: 'warning',
  description: 'A clause of a present section that no measure anywhere in the strategy addresses.',
  check({ model, report }) {
    const addressed = addressedUnits(model);
    for (const section of model.sections) {
      for (const unit of section.recommendation.units) {
        if (addressed.has(unit.ref)) continue;
        const text = unit.text.length > 120 ? `${unit.text.slice(0, 117)}…` : unit.text;
        report({
          span: section.keySpan,
          message: `No measure addresses clause ${unit.ref} ("${text}"). Add a measure with "addresses: [${unit.ref}]".`,
          data: { kind: 'add-measure', section: section.recommendation.section, unit: unit.ref },
        });
      }
    }
  },
};

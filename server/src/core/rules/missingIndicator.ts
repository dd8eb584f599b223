import { Rule } from './rule';
import { measureName } from './names';

export const missingIndicator: Rule = {
  id: 'missing-indicator',
  severity: 'info',
  description: 'A measure without indicators, so its performance cannot be evaluated and measured.',
  clause: '10.iii',
  check({ model, report }) {
    for (const measure of model.measures) {
      if (measure.indicatorCount > 0) continue;
      report({
        span: measure.firstLine,
        message: `${measureName(measure)} has no indicators: add at least one with a name and a target (clause 10.iii asks for evaluation and measurement).`,
      });
    }
  },
};

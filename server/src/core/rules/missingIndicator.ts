import { measureStanding } from '../coverage';
import { Rule } from './rule';
import { measureName } from './names';

export const missingIndicator: Rule = {
  id: 'missing-indicator',
  severity: 'info',
  description: 'A measure without indicators, so its performance cannot be evaluated and measured.',
  clause: '10.iii',
  checkMeasure(measure, { report }) {
    // A dropped measure is kept for the record; it is not carried out, so it needs no indicator.
    if (measure.indicatorCount > 0 || measureStanding(measure).inactive === 'dropped') return;
    report({
      span: measure.firstLine,
      message: `${measureName(measure)} has no indicators: add at least one with a name and a target (clause 10.iii asks for evaluation and measurement).`,
    });
  },
};

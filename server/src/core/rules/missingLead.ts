import { measureStanding } from '../coverage';
import { Rule } from './rule';
import { measureName } from './names';

export const missingLead: Rule = {
  id: 'missing-lead',
  severity: 'warning',
  description: 'A measure without a lead: every measure needs an institution responsible for it.',
  clause: '7.i',
  checkMeasure(measure, { report }) {
    // A dropped measure is kept for the record; it is not carried out, so it needs no lead.
    if (measure.hasLead || measureStanding(measure).inactive === 'dropped') return;
    report({
      span: measure.firstLine,
      message: `${measureName(measure)} has no lead: name the institution responsible for it (clause 7.i asks for clear responsibilities).`,
    });
  },
};

import { Rule } from './rule';
import { measureName } from './names';

export const businessCaseStakeholders: Rule = {
  id: 'business-case-stakeholders',
  severity: 'warning',
  description: 'A business case that names no stakeholders.',
  clause: '9.ii',
  checkMeasure(measure, { report }) {
    if (!measure.businessCase || measure.businessCase.stakeholderCount > 0) return;
    report({
      span: measure.businessCase.keySpan,
      message: `The business case of ${measureName(measure).replace(/^The measure /, 'measure ')} names no stakeholders: list the key stakeholders involved in defining it (clause 9.ii).`,
    });
  },
};

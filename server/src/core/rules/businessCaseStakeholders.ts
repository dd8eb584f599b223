import { Rule } from './rule';
import { measureName } from './names';

export const businessCaseStakeholders: Rule = {
  id: 'business-case-stakeholders',
  severity: 'warning',
  description: 'A business case that names no stakeholders.',
  clause: '9.ii',
  check({ model, report }) {
    for (const measure of model.measures) {
      if (!measure.businessCase || measure.businessCase.stakeholderCount > 0) continue;
      report({
        span: measure.businessCase.keySpan,
        message: `The business case of ${measureName(measure).replace(/^The measure /, 'measure ')} names no stakeholders: list the key stakeholders involved in defining it (clause 9.ii).`,
      });
    }
  },
};

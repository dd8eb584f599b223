import { Rule } from './rule';
import { measureName } from './names';

export const businessCaseRequired: Rule = {
  id: 'business-case-required',
  severity: 'warning',
  description: "A measure whose budget is at or above the strategy's business-case threshold (same currency) has no business case.",
  clause: '9.i',
  check({ model, report }) {
    const threshold = model.strategy?.threshold;
    if (!threshold) return;
    for (const measure of model.measures) {
      const budget = measure.budget;
      if (!budget || budget.amount === undefined || budget.currency !== threshold.currency) continue;
      if (budget.amount < threshold.amount || measure.businessCase) continue;
      report({
        span: budget.keySpan,
        message: `${measureName(measure)} has a budget of ${budget.amount} ${budget.currency}, at or above the threshold of ${threshold.amount} ${threshold.currency}, but no business case: articulate its value proposition (clause 9.i).`,
      });
    }
  },
};

import { measureName } from './names';
import { Rule } from './rule';
import { thresholdKey } from './businessCaseRequired';

export const businessCaseCurrency: Rule = {
  id: 'business-case-currency',
  severity: 'info',
  description: "A measure's budget is in another currency than the business-case threshold, so the need for a business case cannot be checked.",
  clause: '9.i',
  measureContext: thresholdKey,
  checkMeasure(measure, { model, report }) {
    const threshold = model.strategy?.threshold;
    const budget = measure.budget;
    if (!threshold || !budget?.currency || !budget.currencySpan || budget.currency === threshold.currency) return;
    report({
      span: budget.currencySpan,
      message: `${measureName(measure)} has a budget in ${budget.currency}, but the business-case threshold is in ${threshold.currency}, so dgs cannot tell whether it needs a business case (clause 9.i). Give the budget in ${threshold.currency}, or add a business case.`,
    });
  },
};

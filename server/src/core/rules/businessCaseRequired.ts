import { Rule } from './rule';
import { measureName } from './names';
import { StrategyModel } from '../model/strategy';

/** What the business-case rules read of the strategy block, as a key: its threshold. */
export function thresholdKey(model: StrategyModel): string {
  const threshold = model.strategy?.threshold;
  return threshold ? `${threshold.amount} ${threshold.currency}` : '';
}

export const businessCaseRequired: Rule = {
  id: 'business-case-required',
  severity: 'warning',
  description: "A measure whose budget is at or above the strategy's business-case threshold (same currency) has no business case.",
  clause: '9.i',
  measureContext: thresholdKey,
  checkMeasure(measure, { model, report }) {
    const threshold = model.strategy?.threshold;
    const budget = measure.budget;
    if (!threshold || !budget || budget.amount === undefined || budget.currency !== threshold.currency) return;
    if (budget.amount < threshold.amount || measure.businessCase) return;
    report({
      span: budget.keySpan,
      message: `${measureName(measure)} has a budget of ${budget.amount} ${budget.currency}, at or above the threshold of ${threshold.amount} ${threshold.currency}, but no business case: articulate its value proposition (clause 9.i).`,
    });
  },
};

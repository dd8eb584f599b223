import { Rule } from './rule';

export const businessCaseThresholdMissing: Rule = {
  id: 'business-case-threshold-missing',
  severity: 'info',
  description: 'Measures have budgets, but the strategy sets no business-case threshold, so clause 9.i is never checked; one finding per file.',
  clause: '9.i',
  check({ model, report }) {
    const strategy = model.strategy;
    if (!strategy || strategy.entries.has('business-case-threshold')) return;
    const budgeted = model.measures.filter((measure) => measure.budget);
    if (budgeted.length === 0) return;
    const ids = budgeted.slice(0, 5).map((measure) => measure.id?.text ?? 'a measure without an id');
    const more = budgeted.length > ids.length ? ` and ${budgeted.length - ids.length} more` : '';
    report({
      span: strategy.keySpan,
      message: `${budgeted.length === 1 ? 'Measure' : 'Measures'} ${ids.join(', ')}${more} ${budgeted.length === 1 ? 'has a budget' : 'have budgets'}, but the strategy sets no business-case threshold, so dgs cannot tell which measures need a business case (clause 9.i). Add business-case-threshold with an amount and a currency.`,
    });
  },
};

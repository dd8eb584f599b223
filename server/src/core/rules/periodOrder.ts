import { Rule } from './rule';

export const periodOrder: Rule = {
  id: 'period-order',
  severity: 'error',
  description: 'The period starts after it ends: its from year is after its to year.',
  check({ model, report }) {
    const period = model.strategy?.period;
    if (!period || period.from <= period.to) return;
    report({ span: period.keySpan, message: `The period runs from ${period.from} to ${period.to}: the from year must not be after the to year.` });
  },
};

import { Rule } from './rule';

export const periodOrder: Rule = {
  id: 'period-order',
  severity: 'error',
  description: 'The period starts after it ends: `period.from` is after `period.to`.',
  check({ model, report }) {
    const period = model.strategy?.period;
    if (!period || period.from <= period.to) return;
    report({ span: period.keySpan, message: `The period runs from ${period.from} to ${period.to}: "from" must not be after "to".` });
  },
};

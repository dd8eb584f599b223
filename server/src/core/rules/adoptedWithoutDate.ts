import { Rule } from './rule';

export const adoptedWithoutDate: Rule = {
  id: 'adopted-without-date',
  severity: 'warning',
  description: 'A strategy whose status is adopted has no adoption date (adopted-on).',
  check({ model, report }) {
    const strategy = model.strategy;
    if (!strategy?.status || strategy.status.text !== 'adopted' || strategy.adoptedOnPresent) return;
    report({ span: strategy.status.span, message: 'The strategy is adopted but has no adopted-on date: add the date it was adopted.' });
  },
};

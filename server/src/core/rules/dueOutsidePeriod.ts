import { measureName } from './names';
import { Rule } from './rule';

export const dueOutsidePeriod: Rule = {
  id: 'due-outside-period',
  severity: 'warning',
  description: "A due or by date outside the strategy's period (not checked while the period is invalid).",
  check({ model, report }) {
    const period = model.strategy?.period;
    if (!period || period.from > period.to) return;
    for (const measure of model.measures) {
      for (const date of measure.dates) {
        if (date.year >= period.from && date.year <= period.to) continue;
        report({
          span: date.span,
          message: `${measureName(measure)} has ${date.field === 'due' ? 'a due date' : 'an indicator date (by)'} of ${date.text}, outside the strategy's period ${period.from}–${period.to}.`,
        });
      }
    }
  },
};

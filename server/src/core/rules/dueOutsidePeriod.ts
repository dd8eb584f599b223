import { measureName } from './names';
import { StrategyModel } from '../model/strategy';
import { Rule } from './rule';

/** The strategy's period, when dates can be checked against it (not while it is invalid). */
function checkedPeriod(model: StrategyModel): { from: number; to: number; key: string } | undefined {
  const period = model.strategy?.period;
  if (!period || period.from > period.to) return undefined;
  return { from: period.from, to: period.to, key: `${period.from}-${period.to}` };
}

export const dueOutsidePeriod: Rule = {
  id: 'due-outside-period',
  severity: 'warning',
  description: "A due or by date outside the strategy's period (not checked while the period is invalid).",
  measureContext: (model) => checkedPeriod(model)?.key ?? '',
  checkMeasure(measure, { model, report }) {
    const period = checkedPeriod(model);
    if (!period) return;
    for (const date of measure.dates) {
      if (date.year >= period.from && date.year <= period.to) continue;
      report({
        span: date.span,
        message: `${measureName(measure)} has ${date.field === 'due' ? 'a due date' : 'an indicator date (by)'} of ${date.text}, outside the strategy's period ${period.from}–${period.to}.`,
      });
    }
  },
};

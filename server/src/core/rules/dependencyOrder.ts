import { MeasureModel } from '../model/strategy';
import { measureName } from './names';
import { Rule } from './rule';

/** A due date as a comparable key: its last day (2027 is the end of 2027, 2027-06 the end of June). */
function dueKey(measure: MeasureModel): { text: string; key: string } | undefined {
  const due = measure.dates.find((date) => date.field === 'due');
  if (!due) return undefined;
  const [year, month, day] = due.text.trim().split('-');
  return { text: due.text.trim(), key: `${year}-${month ?? '12'}-${day ?? '31'}` };
}

export const dependencyOrder: Rule = {
  id: 'dependency-order',
  severity: 'info',
  description: 'A measure depends on a measure that is due later than itself.',
  clause: '10.i',
  check({ model, report }) {
    for (const measure of model.measures) {
      if (!measure.dependsOn) continue;
      const own = dueKey(measure);
      if (!own) continue;
      for (const reference of measure.dependsOn.references) {
        const target = model.measuresById.get(reference.id)?.[0];
        const theirs = target && target !== measure ? dueKey(target) : undefined;
        if (!theirs || theirs.key <= own.key) continue;
        report({
          span: reference.span,
          message: `${measureName(measure)} is due ${own.text} but depends on measure ${reference.id}, due ${theirs.text}, later. Move one of the dates, or check the dependency.`,
        });
      }
    }
  },
};

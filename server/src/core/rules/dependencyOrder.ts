import { measureName } from './names';
import { Rule } from './rule';

export const dependencyOrder: Rule = {
  id: 'dependency-order',
  severity: 'info',
  description: 'A measure depends on a measure that is due later than itself.',
  clause: '10.i',
  check({ model, report }) {
    for (const measure of model.measures) {
      if (!measure.dependsOn) continue;
      const own = measure.due;
      if (!own) continue;
      for (const reference of measure.dependsOn.references) {
        const target = model.measuresById.get(reference.id)?.[0];
        const theirs = target && target !== measure ? target.due : undefined;
        if (!theirs || theirs.key <= own.key) continue;
        report({
          span: reference.span,
          message: `${measureName(measure)} is due ${own.text} but depends on measure ${reference.id}, due ${theirs.text}, later. Move one of the dates, or check the dependency.`,
        });
      }
    }
  },
};

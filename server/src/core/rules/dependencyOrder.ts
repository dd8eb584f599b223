import { measureName } from './names';
import { Rule } from './rule';

export const dependencyOrder: Rule = {
  id: 'dependency-order',
  severity: 'info',
  description: 'A measure depends on a measure that is due later than itself.',
  clause: '10.i',
  // The due dates of the measures it depends on are in the graph.
  measureContext: (model) => model.graph.key,
  readsContext: (measure) => measure.dependsOn !== undefined && measure.dependsOn.references.length > 0,
  checkMeasure(measure, { model, report }) {
    const own = measure.due;
    if (!own || !measure.dependsOn) return;
    for (const reference of measure.dependsOn.references) {
      // A measure that does not parse at the moment says its due date in its lines.
      const target = model.measuresById.get(reference.id)?.[0];
      const theirs = target ? (target !== measure ? target.due : undefined) : model.brokenMeasures.get(reference.id)?.due;
      if (!theirs || theirs.key <= own.key) continue;
      report({
        span: reference.span,
        message: `${measureName(measure)} is due ${own.text} but depends on measure ${reference.id}, due ${theirs.text}, later. Move one of the dates, or check the dependency.`,
      });
    }
  },
};

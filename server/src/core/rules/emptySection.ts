import { declaresNotApplicable } from '../coverage';
import { Rule } from './rule';

export const emptySection: Rule = {
  id: 'empty-section',
  severity: 'warning',
  description: 'A section without a summary, or without any measure (unless it declares every one of its clauses not applicable).',
  check({ model, report }) {
    for (const section of model.sections) {
      const lacks: string[] = [];
      if (!section.summary || !section.summary.value.ok) lacks.push('summary');
      const declared = new Set(section.notApplicable.filter(declaresNotApplicable).map((entry) => entry.unit));
      const allNotApplicable = section.recommendation.units.every((unit) => declared.has(unit));
      if (section.measures.length === 0 && !allNotApplicable) lacks.push('measure');
      if (lacks.length === 0) continue;
      report({
        span: section.keySpan,
        message: `The section "${section.recommendation.section}" has no ${lacks.join(' and no ')}: say how the strategy answers recommendation ${section.recommendation.number}.`,
      });
    }
  },
};

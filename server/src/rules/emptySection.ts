import { Rule } from './rule';

export const emptySection: Rule = {
  id: 'empty-section',
  severity: 'warning',
  description: 'A section without a summary, or without any measure.',
  check({ model, report }) {
    for (const section of model.sections) {
      const lacks: string[] = [];
      if (!section.summary || !section.summary.value.ok) lacks.push('summary');
      if (section.measures.length === 0) lacks.push('measure under "measures"');
      if (lacks.length === 0) continue;
      report({
        span: section.keySpan,
        message: `The section "${section.recommendation.section}" has no ${lacks.join(' and no ')}: say how the strategy answers recommendation ${section.recommendation.number}.`,
      });
    }
  },
};

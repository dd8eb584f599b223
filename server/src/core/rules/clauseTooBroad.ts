import { Rule } from './rule';

export const clauseTooBroad: Rule = {
  id: 'clause-too-broad',
  severity: 'info',
  description: 'A reference to a whole recommendation that has sub-clauses: it covers none of them.',
  check({ model, report }) {
    for (const reference of model.references) {
      const { resolution } = reference;
      if (resolution.status !== 'broad' || !resolution.recommendation) continue;
      const refs = resolution.recommendation.clauses.map((clause) => clause.ref);
      report({
        span: reference.span,
        message: `Recommendation ${resolution.recommendation.number} has sub-clauses (${refs.join(', ')}); naming it whole covers none of them. Name the clauses this measure addresses.`,
      });
    }
  },
};

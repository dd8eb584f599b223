import { capitalise } from '../model/walk';
import { measureRef } from './names';
import { Rule } from './rule';

export const clauseTooBroad: Rule = {
  id: 'clause-too-broad',
  severity: 'info',
  description: 'A reference to a whole recommendation that has sub-clauses: it covers none of them.',
  checkMeasure(measure, { report }) {
    for (const reference of measure.addresses) {
      const { resolution } = reference;
      if (resolution.status !== 'broad' || !resolution.recommendation) continue;
      const refs = resolution.recommendation.clauses.map((clause) => clause.ref);
      report({
        span: reference.span,
        message: `${capitalise(measureRef(reference.measure))} names recommendation ${resolution.recommendation.number} whole, which covers none of its clauses (${refs.join(', ')}). Name the clauses the measure addresses.`,
      });
    }
  },
};

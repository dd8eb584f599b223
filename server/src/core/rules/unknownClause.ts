import { capitalise } from '../model/walk';
import { excerpt } from '../text/excerpt';
import { measureRef } from './names';
import { Rule } from './rule';

export const unknownClause: Rule = {
  id: 'unknown-clause',
  severity: 'error',
  description: "A clause reference that the Recommendation does not have, or with the wrong part numeral, or a not-applicable clause that is not one of its section's clauses; the message suggests the closest.",
  checkMeasure(measure, { report }) {
    for (const reference of measure.addresses) {
      const { resolution } = reference;
      if (resolution.status !== 'unknown') continue;
      const suggestion = resolution.suggestion ? ` Did you mean ${resolution.suggestion}?` : '';
      const reason = resolution.reason ?? '';
      report({
        span: reference.span,
        // Named as a reviewer reads it: "Measure COH-2 writes II.6.i: recommendation 6 is in part III …".
        message: `${capitalise(measureRef(reference.measure))} writes ${excerpt(resolution.written)}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.${suggestion}`,
        data: resolution.suggestion ? { kind: 'replace', replacement: resolution.suggestion } : undefined,
      });
    }
  },
  check({ model, report }) {
    for (const section of model.sections) {
      const recommendation = section.recommendation;
      const own = recommendation.units.map((unit) => unit.ref);
      for (const entry of section.notApplicable) {
        if (!entry.clause || entry.unit) continue;
        const { resolution } = entry.clause;
        const where = `Only clauses of recommendation ${recommendation.number} (${own.join(', ')}) can be declared not applicable in ${recommendation.section}`;
        if (resolution.status === 'unknown') {
          const suggestion = resolution.suggestion && own.includes(resolution.suggestion) ? resolution.suggestion : undefined;
          report({
            span: entry.clause.span,
            message: `${resolution.reason}.${suggestion ? ` Did you mean ${suggestion}?` : ` ${where}.`}`,
            data: suggestion ? { kind: 'replace', replacement: suggestion } : undefined,
          });
        } else if (resolution.status === 'broad' && resolution.recommendation === recommendation) {
          report({ span: entry.clause.span, message: `${resolution.written} names the whole recommendation: name each clause that does not apply (${own.join(', ')}), each with its reason.` });
        } else {
          const other = resolution.recommendation;
          report({
            span: entry.clause.span,
            message: `${resolution.written} is not a clause of ${recommendation.section}${other ? ` but of ${other.section}: declare it there` : ''}. ${where}.`,
          });
        }
      }
    }
  },
};

import { Rule } from './rule';

export const unknownClause: Rule = {
  id: 'unknown-clause',
  severity: 'error',
  description: 'A clause reference that the Recommendation does not have, or with the wrong part numeral; the message suggests the closest.',
  check({ model, report }) {
    for (const reference of model.references) {
      const { resolution } = reference;
      if (resolution.status !== 'unknown') continue;
      const suggestion = resolution.suggestion ? ` Did you mean ${resolution.suggestion}?` : '';
      report({
        span: reference.span,
        message: `${resolution.reason}.${suggestion}`,
        data: resolution.suggestion ? { kind: 'replace', replacement: resolution.suggestion } : undefined,
      });
    }
  },
};

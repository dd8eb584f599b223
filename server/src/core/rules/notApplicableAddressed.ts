import { computeCoverage, unitCoverageByRef } from '../coverage';
import { Rule } from './rule';

export const notApplicableAddressed: Rule = {
  id: 'not-applicable-addressed',
  severity: 'warning',
  description: 'A clause declared not applicable that a live measure with a written title addresses anyway.',
  check({ model, report }) {
    const byRef = unitCoverageByRef(computeCoverage(model));
    for (const section of model.sections) {
      for (const entry of section.notApplicable) {
        if (!entry.unit || !entry.clause) continue;
        const measures = byRef.get(entry.unit.ref)?.measures ?? [];
        if (measures.length === 0) continue;
        const ids = measures.map((measure) => measure.id?.text ?? 'a measure without an id');
        report({
          span: entry.clause.span,
          message: `Clause ${entry.unit.ref} is declared not applicable, but ${ids.length === 1 ? `measure ${ids[0]} addresses` : `measures ${ids.join(', ')} address`} it. Remove the declaration, or remove ${entry.unit.ref} from what ${ids.length === 1 ? 'that measure addresses' : 'those measures address'}.`,
          data: { kind: 'not-applicable-addressed', section: section.recommendation.section, unit: entry.unit.ref },
        });
      }
    }
  },
};

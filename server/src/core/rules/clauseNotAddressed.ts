import { computeCoverage, measureStanding, unitCoverageByRef } from '../coverage';
import { SectionModel } from '../model/strategy';
import { CoverageUnit } from '../schema/types';
import { capitalise } from '../model/walk';
import { measureRef } from './names';
import { Rule } from './rule';

/**
 * Why a unit is still not addressed when the section's own measures seem to name it: a
 * reference with the wrong part numeral or a misspelling that suggests it, a reference to
 * the whole recommendation, or a measure that names it but is dropped or still a placeholder.
 */
function nearMiss(section: SectionModel, unit: CoverageUnit): { text: string; blocksFix: boolean } | undefined {
  for (const measure of section.measures) {
    const who = measure.id?.text ?? capitalise(measureRef(measure));
    const named = capitalise(measureRef(measure));
    for (const reference of measure.addresses) {
      const { resolution } = reference;
      // A wrong part numeral (II.6.i) suggests the reference with the right one (III.6.i): the same clause.
      if (resolution.status === 'unknown' && resolution.suggestion?.replace(/^[IVXLC]+\./, '') === unit.ref) {
        return { text: `${who} writes ${resolution.written}: did you mean ${unit.ref}?`, blocksFix: true };
      }
      if (resolution.status === 'broad' && resolution.recommendation === unit.recommendation) {
        return { text: `${who} writes ${resolution.written}, which names the whole recommendation and covers none of its clauses: did you mean ${unit.ref}?`, blocksFix: true };
      }
      if (resolution.unit === unit) {
        const standing = measureStanding(measure);
        if (standing.inactive === 'dropped') return { text: `${named} names it but is dropped; a dropped measure addresses nothing.`, blocksFix: false };
        if (standing.inactive === 'placeholder') return { text: `${named} names it but its title is still a placeholder: write the measure.`, blocksFix: true };
      }
    }
  }
  return undefined;
}

export const clauseNotAddressed: Rule = {
  id: 'clause-not-addressed',
  severity: 'warning',
  description: 'A clause of a present section that no live, real measure anywhere in the strategy addresses, and that the section does not declare not applicable.',
  check({ model, report }) {
    const byRef = unitCoverageByRef(computeCoverage(model));
    for (const section of model.sections) {
      for (const unit of section.recommendation.units) {
        const entry = byRef.get(unit.ref);
        // A clause declared not applicable is never reported here (spec §7.2): while its reason
        // is still to be written, placeholder-text or missing-field points at the declaration.
        if (entry?.status !== 'missing' || entry.unfinishedNotApplicable) continue;
        const text = unit.text.length > 120 ? `${unit.text.slice(0, 117)}…` : unit.text;
        const near = nearMiss(section, unit);
        report({
          span: section.keySpan,
          message: near
            ? `No measure addresses clause ${unit.ref} ("${text}"). ${near.text}`
            : `No measure addresses clause ${unit.ref} ("${text}"). Add a measure that addresses ${unit.ref}, or declare it not applicable with a reason.`,
          data: near?.blocksFix ? undefined : { kind: 'add-measure', section: section.recommendation.section, unit: unit.ref },
        });
      }
    }
  },
};

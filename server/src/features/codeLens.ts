/** Code lens on each section key: how much of its recommendation the strategy addresses. */
import { Analysis } from '../analyze';
import { Span } from '../text/lineIndex';

export interface Lens {
  span: Span;
  title: string;
  section: string;
}

export function codeLenses(analysis: Analysis): Lens[] {
  const addressed = new Set(analysis.coverage.addressed);
  return analysis.model.sections.map((section) => {
    const recommendation = section.recommendation;
    const count = recommendation.units.filter((unit) => addressed.has(unit.ref)).length;
    const title =
      recommendation.clauses.length > 0
        ? `${count} of ${recommendation.units.length} clauses addressed`
        : `recommendation ${recommendation.number} ${count > 0 ? 'addressed' : 'not addressed'}`;
    return { span: section.keySpan, title, section: recommendation.section };
  });
}

/** Code lens on each section key: how much of its recommendation the strategy addresses, by the core's statuses. */
import { Analysis } from '../core/analyze';
import { unitCoverageByRef } from '../core/coverage';
import { Span } from '../core/text/lineIndex';

export interface Lens {
  span: Span;
  title: string;
  section: string;
}

export function codeLenses(analysis: Analysis): Lens[] {
  const byRef = unitCoverageByRef(analysis.coverage);
  return analysis.model.sections.map((section) => {
    const recommendation = section.recommendation;
    const statuses = recommendation.units.map((unit) => byRef.get(unit.ref)?.status ?? 'missing');
    const count = (status: string): number => statuses.filter((candidate) => candidate === status).length;
    const addressed = count('addressed') + count('weak');
    const extras: string[] = [];
    if (count('weak') > 0) extras.push(`${count('weak')} weak`);
    if (count('not-applicable') > 0) extras.push(`${count('not-applicable')} not applicable`);
    const tail = extras.length > 0 ? ` (${extras.join(', ')})` : '';
    let title: string;
    if (recommendation.clauses.length > 0) {
      title = `${addressed} of ${recommendation.units.length} clauses addressed${tail}`;
    } else {
      const words: Record<string, string> = { addressed: 'addressed', weak: 'addressed (weak)', 'not-applicable': 'not applicable', missing: 'not addressed' };
      title = `recommendation ${recommendation.number} ${words[statuses[0]]}`;
    }
    return { span: section.keySpan, title, section: recommendation.section };
  });
}

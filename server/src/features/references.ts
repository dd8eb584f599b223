/**
 * Find references: for a measure id, every `depends-on` that names it (and its declaration
 * when asked); for a clause reference, every reference in `addresses` to the same clause;
 * for a section key, every reference to one of its recommendation's clauses.
 */
import { Analysis } from '../core/analyze';
import { Span } from '../core/text/lineIndex';
import { dependsOnReferences, measuresWithId, sameClauseReferences, targetAt } from './locate';

export function referencesAt(analysis: Analysis, offset: number, includeDeclaration: boolean): Span[] {
  const model = analysis.model;
  const target = targetAt(analysis, offset);
  if (!target) return [];
  let id: string | undefined;
  if (target.kind === 'measure-id') id = target.measure.id!.text;
  if (target.kind === 'measure-reference') id = target.reference.id;
  if (id !== undefined) {
    const spans = dependsOnReferences(model, id).map((reference) => reference.span);
    if (includeDeclaration) spans.push(...measuresWithId(model, id).map((measure) => measure.id!.span));
    return sorted(spans);
  }
  if (target.kind === 'clause-reference') return sameClauseReferences(model, target.reference).map((reference) => reference.span);
  if (target.kind === 'section-key') {
    const recommendation = target.section.recommendation;
    const spans = model.references.filter((reference) => reference.resolution.recommendation === recommendation && reference.resolution.status !== 'unknown').map((reference) => reference.span);
    if (includeDeclaration) spans.push(target.section.keySpan);
    return sorted(spans);
  }
  return [];
}

function sorted(spans: Span[]): Span[] {
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Go to definition: from a measure id in `depends-on` to the measure's id; from a clause
 * reference to the key of its recommendation's section, when the file has that section.
 */
import { Analysis } from '../core/analyze';
import { Span } from '../core/text/lineIndex';
import { measuresWithId, targetAt } from './locate';

export function definitionAt(analysis: Analysis, offset: number): Span[] {
  const model = analysis.model;
  const target = targetAt(analysis, offset);
  if (!target) return [];
  if (target.kind === 'measure-reference') return measuresWithId(model, target.reference.id).map((measure) => measure.id!.span);
  if (target.kind === 'clause-reference') {
    const recommendation = target.reference.resolution.recommendation;
    if (!recommendation || target.reference.resolution.status === 'unknown') return [];
    return model.sections.filter((section) => section.recommendation === recommendation).map((section) => section.keySpan);
  }
  return [];
}

/**
 * Rename a measure id, with every `depends-on` that names it. The new id must be a valid
 * id and must not be another measure's.
 */
import { Analysis } from '../core/analyze';
import { Span } from '../core/text/lineIndex';
import { dependsOnReferences, innerSpan, measuresWithId, targetAt } from './locate';

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

export interface RenameTarget {
  id: string;
  /** The id's text, quotes left out. */
  span: Span;
}

export function prepareRenameAt(analysis: Analysis, offset: number): RenameTarget | undefined {
  const model = analysis.model;
  const target = targetAt(analysis, offset);
  if (target?.kind === 'measure-id') return { id: target.measure.id!.text, span: innerSpan(model, target.measure.id!.span) };
  if (target?.kind === 'measure-reference') {
    if (measuresWithId(model, target.reference.id).length === 0) return undefined;
    return { id: target.reference.id, span: innerSpan(model, target.reference.span) };
  }
  return undefined;
}

export type RenameResult = { edits: Array<{ span: Span; newText: string }> } | { error: string };

export function renameAt(analysis: Analysis, offset: number, newId: string): RenameResult | undefined {
  const model = analysis.model;
  const target = prepareRenameAt(analysis, offset);
  if (!target) return undefined;
  if (!ID.test(newId)) return { error: `"${newId}" is not a valid measure id: use letters, digits, - and _, starting with a letter.` };
  if (newId !== target.id && model.measuresById.has(newId)) return { error: `Another measure already has the id "${newId}".` };
  const spans = [...measuresWithId(model, target.id).map((measure) => measure.id!.span), ...dependsOnReferences(model, target.id).map((reference) => reference.span)];
  return { edits: spans.map((span) => ({ span: innerSpan(model, span), newText: newId })).sort((a, b) => a.span.start - b.span.start) };
}

/**
 * What sits at an offset of a strategy: a clause reference, a measure id or a reference to
 * one, a part or section key, a field key, or a value. Every navigation feature (hover,
 * definition, references, rename) starts here, so they agree on what the cursor is on.
 */
import { Analysis } from '../core/analyze';
import { MapSpec } from '../core/model/format';
import { ClauseReference, MeasureModel, MeasureReference, NotApplicableModel, PartModel, SectionModel, StrategyModel } from '../core/model/strategy';
import { CheckedEntry, CheckedValue } from '../core/model/walk';
import { Span } from '../core/text/lineIndex';

export type Target =
  | { kind: 'clause-reference'; reference: ClauseReference }
  | { kind: 'not-applicable-clause'; entry: NotApplicableModel }
  | { kind: 'measure-reference'; reference: MeasureReference }
  | { kind: 'measure-id'; measure: MeasureModel }
  | { kind: 'section-key'; section: SectionModel }
  | { kind: 'part-key'; part: PartModel }
  | { kind: 'field-key'; container: MapSpec; entry: CheckedEntry }
  | { kind: 'value'; value: CheckedValue };

/** Whether the offset is inside the span or just after it (a cursor at a word's end is on it). */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function targetAt(analysis: Analysis, offset: number): Target | undefined {
  const model = analysis.model;
  for (const reference of model.references) if (touches(reference.span, offset)) return { kind: 'clause-reference', reference };
  for (const measure of model.measures) {
    if (measure.id && touches(measure.id.span, offset)) return { kind: 'measure-id', measure };
    for (const reference of measure.dependsOn?.references ?? []) if (touches(reference.span, offset)) return { kind: 'measure-reference', reference };
  }
  for (const section of model.sections) {
    if (touches(section.keySpan, offset)) return { kind: 'section-key', section };
    for (const entry of section.notApplicable) if (entry.clause && touches(entry.clause.span, offset)) return { kind: 'not-applicable-clause', entry };
  }
  for (const part of model.parts) if (touches(part.keySpan, offset)) return { kind: 'part-key', part };
  return model.root ? inValue(model.root, offset) : undefined;
}

function inValue(value: CheckedValue, offset: number): Target | undefined {
  if (value.entries && value.spec.kind === 'map') {
    for (const entry of value.entries.values()) {
      if (touches(entry.keySpan, offset)) return { kind: 'field-key', container: value.spec, entry };
      if (!entry.value.empty && touches(entry.value.span, offset)) {
        const inner = inValue(entry.value, offset);
        if (inner) return inner;
      }
    }
    return undefined;
  }
  if (value.items) {
    for (const item of value.items) {
      if (touches(item.span, offset)) {
        const inner = inValue(item, offset);
        if (inner) return inner;
      }
    }
    return undefined;
  }
  return value.entries ? undefined : { kind: 'value', value };
}

/** The span of a scalar's text without its quotes, for renaming and replacing. */
export function innerSpan(model: StrategyModel, span: Span): Span {
  const first = model.text[span.start];
  const last = model.text[span.end - 1];
  if (span.end - span.start >= 2 && (first === '"' || first === "'") && last === first) return { start: span.start + 1, end: span.end - 1 };
  return span;
}

/** The measures that carry an id, first one first. */
export function measuresWithId(model: StrategyModel, id: string): MeasureModel[] {
  return model.measuresById.get(id) ?? [];
}

/** Every `depends-on` reference naming an id, in file order. */
export function dependsOnReferences(model: StrategyModel, id: string): MeasureReference[] {
  const found: MeasureReference[] = [];
  for (const measure of model.measures) for (const reference of measure.dependsOn?.references ?? []) if (reference.id === id) found.push(reference);
  return found;
}

/** The measure an offset lies in, if any. */
export function measureAt(model: StrategyModel, offset: number): MeasureModel | undefined {
  return model.measures.find((measure) => touches(measure.value.span, offset));
}

/** Every reference in `addresses` that means the same clause as this one (same unit, or the same recommendation named broadly). */
export function sameClauseReferences(model: StrategyModel, reference: ClauseReference): ClauseReference[] {
  const resolution = reference.resolution;
  return model.references.filter((candidate) => {
    const other = candidate.resolution;
    if (resolution.status === 'unit') return other.status === 'unit' && other.unit?.ref === resolution.unit?.ref;
    if (resolution.status === 'broad') return other.status === 'broad' && other.recommendation === resolution.recommendation;
    return other.status === 'unknown' && other.written === resolution.written;
  });
}

import { excerpt } from '../text/excerpt';
import { MeasureModel, StrategyModel } from '../model/strategy';

/** How a message names a measure: by its id, else by its title, else by its section. */
export function measureName(measure: MeasureModel): string {
  if (measure.id) return `The measure ${excerpt(measure.id.text)}`;
  if (measure.title) return `The measure "${excerpt(measure.title)}"`;
  return `A measure in ${measure.section.recommendation.section}`;
}

/** A measure named in the middle of a sentence: `measure OPN-2`. */
export function measureRef(measure: MeasureModel): string {
  if (measure.id) return `measure ${excerpt(measure.id.text)}`;
  if (measure.title) return `the measure "${excerpt(measure.title)}"`;
  return `a measure in ${measure.section.recommendation.section}`;
}

/** ` of measure OPN-2` for a field inside a measure with an id, or nothing: `The title${ofMeasureAt(…)} reads …`. */
export function ofMeasureAt(model: StrategyModel, offset: number): string {
  const id = measureAt(model, offset)?.id?.text;
  return id ? ` of measure ${excerpt(id)}` : '';
}

/** The measure whose item holds an offset, found by bisection over the measures in file order. */
export function measureAt(model: StrategyModel, offset: number): MeasureModel | undefined {
  const measures = model.measures;
  let low = 0;
  let high = measures.length - 1;
  let found: MeasureModel | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (measures[middle].value.span.start <= offset) {
      found = measures[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found && offset < found.value.span.end ? found : undefined;
}

/**
 * A finding of the walk names the measure it lies in: the walk reads the file's shape and
 * does not know measures' ids, so its messages say "the measure"; this says which.
 */
export function nameMeasureIn(model: StrategyModel, offset: number, message: string): string {
  const measure = measureAt(model, offset);
  if (!measure?.id) return message;
  const name = `measure ${measure.id.text}`;
  if (message.includes(name)) return message;
  if (message.includes('of the measure')) return message.replace('of the measure', `of ${name}`);
  if (message.includes('in the measure')) return message.replace('in the measure', `in ${name}`);
  if (message.startsWith('The measure needs')) return message.replace('The measure needs', `Measure ${measure.id.text} needs`);
  const end = /[.?!]$/.test(message) ? message.length - 1 : message.length;
  return `${message.slice(0, end)} (in ${name})${message.slice(end)}`;
}

/**
 * A finding of the walk inside a not-applicable entry names the clause it declares, and,
 * about its reason, says what a missing reason costs: the clause counts as not addressed.
 */
export function nameDeclarationIn(model: StrategyModel, offset: number, message: string): string {
  for (const section of model.sections) {
    for (const entry of section.notApplicable) {
      if (offset < entry.span.start || offset > entry.span.end) continue;
      const ref = entry.unit?.ref ?? entry.clause?.resolution.written;
      if (ref === undefined) return message;
      const named = message.replace('of the not-applicable entry', `of the declaration that clause ${ref} is not applicable`);
      const aboutReason = entry.unit !== undefined && /\breason\b/.test(message);
      return aboutReason ? `${named} Until the reason is written, clause ${ref} counts as not addressed.` : named;
    }
  }
  return message;
}

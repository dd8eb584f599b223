/**
 * What the rules that relate measures to each other read of them: each measure's id, its due
 * date and the ids it depends on, measure by measure in file order. One MeasureGraph stands
 * for one state of these. The model of the next version keeps the same object when the edit
 * changed none of them, as typing in a title, a lead or a clause reference does; what the
 * rules derive from it (the cycles, the duplicate ids, the suggestions for unknown ids) is
 * then computed once for every version that shares it, instead of on every keystroke.
 *
 * What is derived must be a function of the graph alone: ids, dates, and positions in the
 * model's `dependents`, never measure objects (an edited measure is a new object with the
 * same place in the graph).
 */
import type { MeasureModel } from './strategy';

export class MeasureGraph {
  private readonly derived = new Map<string, unknown>();

  /** `key`: names this state of the graph among those of one document, for the rules' kept findings. */
  constructor(readonly key: string) {}

  /** A value derived from the graph, computed the first time a version asks for it. */
  derive<T>(name: string, compute: () => T): T {
    if (this.derived.has(name)) return this.derived.get(name) as T;
    const value = compute();
    this.derived.set(name, value);
    return value;
  }
}

/** What the graph holds of one measure, as a string: two measures with the same one are the same to the rules that relate measures. */
export function graphSignature(measure: MeasureModel): string {
  const references = measure.dependsOn?.references ?? [];
  return `${measure.id?.text ?? '\u0001'}\u0000${measure.due?.text ?? ''}\u0000${measure.due?.key ?? ''}\u0000${references.map((reference) => reference.id).join('\u0000')}`;
}

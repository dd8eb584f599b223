/** What the clause mapper reads of a measure of the strategy model. */
import { MeasureModel } from '../model/strategy';
import { MeasureText } from './index';

/** The measure's title and description, and its section's summary as context. */
export function measureText(measure: MeasureModel): MeasureText {
  return { ...ownText(measure), context: proseOf(measure.section.summary) };
}

/** The measure's own words only: what clause-mismatch and hover judge by. */
export function ownText(measure: MeasureModel): MeasureText {
  return { title: measure.title ?? '', description: proseOf(measure.entries.get('description')) };
}

function proseOf(entry: { value: { ok: boolean; text?: string } } | undefined): string | undefined {
  return entry?.value.ok ? entry.value.text : undefined;
}

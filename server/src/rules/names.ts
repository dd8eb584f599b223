import { excerpt } from '../text/excerpt';
import { MeasureModel } from '../model/strategy';

/** How a message names a measure: by its id, else by its title, else by its section. */
export function measureName(measure: MeasureModel): string {
  if (measure.id) return `The measure ${excerpt(measure.id.text)}`;
  if (measure.title) return `The measure "${excerpt(measure.title)}"`;
  return `A measure in ${measure.section.recommendation.section}`;
}

/** Filling in a section's template from the schema: what snippets and quick fixes insert. */
import { Recommendation } from './schema/types';

/** The first id `PREFIX-n` that no measure uses yet. */
export function freeMeasureId(prefix: string, used: ReadonlySet<string> | ReadonlyMap<string, unknown>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!used.has(id)) return id;
  }
}

/**
 * The section's template with its placeholders filled: `{{id}}` with the given measure id
 * and `{{clauses}}` with the section's coverage units. Unindented YAML: the body that goes
 * under the section's key.
 */
export function renderSectionTemplate(recommendation: Recommendation, id: string): string {
  const clauses = recommendation.units.map((unit) => unit.ref).join(', ');
  return recommendation.template.replace(/\{\{id\}\}/g, id).replace(/\{\{clauses\}\}/g, clauses);
}

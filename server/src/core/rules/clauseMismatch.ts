import { addressesClauses } from '../coverage';
import { gistOf } from '../mapper';
import { ownText } from '../mapper/measure';
import { clauseMismatches as mismatchesOf } from '../mapper/mismatch';
import { Rule } from './rule';

/**
 * A declared clause the measure's own words give no evidence for (not a word, or only a stray
 * word or two), while they clearly speak of other clauses (the clause mapper,
 * docs/mapping.md). Tuned for precision: a measure whose text says little is never reported.
 */
export const clauseMismatch: Rule = {
  id: 'clause-mismatch',
  severity: 'info',
  description: "A clause in addresses for which the measure's title and description give no evidence, while they speak of other clauses.",
  checkMeasure(measure, { model, report }) {
    const schema = model.schema;
    // A dropped or placeholder measure addresses nothing (spec 7.1): its clauses are not in question.
    if (!measure.title || !addressesClauses(measure)) return;
    const input = ownText(measure);
    const declared = new Set(measure.addresses.map((reference) => reference.resolution.unit?.ref));
    const clauses = measure.addresses.flatMap((reference) => (reference.resolution.status === 'unit' && reference.resolution.unit ? [{ reference, unit: reference.resolution.unit }] : []));
    const mismatches = mismatchesOf(input, clauses.map(({ unit }) => unit.ref), schema);
    clauses.forEach(({ reference, unit }, at) => {
      const mismatch = mismatches[at];
      if (!mismatch) return;
      const named = (ref: string): string => {
        const gist = gistOf(schema, ref);
        return gist ? `${ref} (${gist})` : ref;
      };
      const who = measure.id ? `Measure ${measure.id.text}` : 'This measure';
      const supported = mismatch.supported.map((suggestion) => named(suggestion.clause));
      const replacement = mismatch.supported.find((suggestion) => !declared.has(suggestion.clause))?.clause;
      report({
        span: reference.span,
        message: `${who} names clause ${named(unit.ref)}, but its title and description say ${saysOf(mismatch.stray)}; they speak of ${joinOr(supported)}. Check that ${unit.ref} is meant.`,
        data: replacement ? { kind: 'replace-clause', clause: unit.ref, replacement } : undefined,
      });
    });
  },
};

/** What the text says of the declared clause: nothing, or next to nothing (its stray words, quoted). */
function saysOf(stray: string[]): string {
  if (stray.length === 0) return 'nothing of it';
  return `next to nothing of it (only ${joinOr(stray.map((word) => `'${word}'`))})`;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

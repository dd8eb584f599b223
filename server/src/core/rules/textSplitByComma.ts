import { isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import { CheckedValue } from '../model/walk';
import { ProseValue, proseRule } from './proseValues';
import { excerpt } from '../text/excerpt';
import { ofMeasureAt } from './names';
import { Rule, RuleContext } from './rule';

/** A fragment that continues a sentence: it starts with a lower-case word, or with digits (the rest of an amount). */
const CONTINUATION = /^(\p{Ll}|\d)/u;

export const textSplitByComma: Rule = proseRule(
  {
    id: 'text-split-by-comma',
    severity: 'warning',
    description: 'A comma inside an unquoted text within [ ] or { } split the text in two.',
  },
  splitTexts,
);

function splitTexts(values: ProseValue[], { model, report }: RuleContext): void {
  for (const { node, flow, field } of values) {
    const next = flow ? nextFragment(flow, node) : undefined;
    const range = next?.fragment.range;
    if (!next || !range) continue;
    const { fragment, unknownKey } = next;
    const text = String(fragment.value ?? '');
    // In a list, a lower-case item after a capitalised one; a list of lower-case names is a list.
    if (!unknownKey && !(CONTINUATION.test(text) && !CONTINUATION.test(String(node.value)))) continue;
    report({
      span: { start: range[0], end: range[1] },
      message: `The comma after "${excerpt(String(node.value))}" split the ${field}${ofMeasureAt(model, range[0])} in two, and "${excerpt(text)}" became ${unknownKey ? 'a field of its own' : 'an item of its own'}. Put the whole text in quotes.`,
    });
  }
}

/** What follows a value in its flow collection: the next item of a list, or the next name of a mapping that is no field and has no value. */
function nextFragment(flow: CheckedValue, node: Scalar): { fragment: Scalar; unknownKey: boolean } | undefined {
  const collection = flow.node;
  if (isSeq(collection)) {
    const index = collection.items.indexOf(node);
    const next = index >= 0 ? collection.items[index + 1] : undefined;
    return isScalar(next) && next.type === 'PLAIN' ? { fragment: next, unknownKey: false } : undefined;
  }
  if (isMap(collection) && flow.spec.kind === 'map') {
    const index = collection.items.findIndex((pair) => isPair(pair) && pair.value === node);
    const next = index >= 0 ? collection.items[index + 1] : undefined;
    if (!isPair(next) || !isScalar(next.key) || next.key.type !== 'PLAIN') return undefined;
    const name = String(next.key.value);
    if (Object.prototype.hasOwnProperty.call(flow.spec.fields, name) || name.startsWith('x-')) return undefined;
    const valueless = next.value === null || (isScalar(next.value) && next.value.value === null);
    return valueless ? { fragment: next.key, unknownKey: true } : undefined;
  }
  return undefined;
}

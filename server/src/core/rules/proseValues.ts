/**
 * The prose values of a strategy as the two YAML-trap rules read them: each plain (unquoted)
 * scalar of a prose field, with the field it belongs to and the flow collection it sits in.
 */
import { isMap, isSeq, Scalar } from 'yaml';
import { MEASURE_SPEC } from '../model/format';
import { MeasureModel, StrategyModel } from '../model/strategy';
import { CheckedValue } from '../model/walk';
import { Rule, RuleContext } from './rule';

/** The prose fields whose text drafters write as sentences or names (spec §7.3). */
export const PROSE_FIELDS = new Set(['title', 'summary', 'description', 'lead', 'name', 'reason', 'partners', 'government', 'handled-by', 'value', 'stakeholders']);

export interface ProseValue {
  field: string;
  value: CheckedValue;
  node: Scalar;
  /** The flow collection (`[ ]` or `{ }`) the value is written in, when it is in one. */
  flow?: CheckedValue;
}

/** The prose values of the strategy outside its measures (the measures' are read one by one: proseValuesOfMeasure). */
export function proseValues(model: StrategyModel): ProseValue[] {
  return model.root ? proseValuesUnder(model.root, true) : [];
}

/** The prose values of one measure. */
export function proseValuesOfMeasure(measure: MeasureModel): ProseValue[] {
  return proseValuesUnder(measure.value, false);
}

function proseValuesUnder(top: CheckedValue, skipMeasures: boolean): ProseValue[] {
  const found: ProseValue[] = [];
  const visit = (value: CheckedValue, field: string, flow: CheckedValue | undefined): void => {
    // A list of measures is skipped whole, not item by item: there are thousands.
    if (!value.ok || (skipMeasures && (value.spec === MEASURE_SPEC || (value.spec.kind === 'list' && value.spec.item === MEASURE_SPEC)))) return;
    const node = value.node;
    const inFlow = (isMap(node) || isSeq(node)) && node.flow ? value : flow;
    if (value.entries) {
      for (const entry of value.entries.values()) visit(entry.value, entry.key, inFlow);
    } else if (value.items) {
      for (const item of value.items) visit(item, field, inFlow);
    } else if (value.spec.kind === 'prose' && PROSE_FIELDS.has(field) && node && (node as Scalar).type === 'PLAIN') {
      found.push({ field, value, node: node as Scalar, flow });
    }
  };
  visit(top, '', undefined);
  return found;
}

/**
 * A rule over the prose values: those outside the measures once per version, and each
 * measure's as a per-measure check (Rule.checkMeasure), kept with the measure.
 */
export function proseRule(rule: Omit<Rule, 'check' | 'checkMeasure'>, checkValues: (values: ProseValue[], context: RuleContext) => void): Rule {
  return {
    ...rule,
    check: (context) => checkValues(proseValues(context.model), context),
    checkMeasure: (measure, context) => checkValues(proseValuesOfMeasure(measure), context),
  };
}

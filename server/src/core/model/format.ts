/**
 * The shape of a strategy file (spec §3) as a tree of value specs. Section and part keys
 * come from the schema; the fields of the strategy block, a section, a measure and an
 * indicator are the format's own. The walker, completion, hover and the JSON Schema all
 * read this one description.
 */
import { Schema } from '../schema/types';

export type ValueSpec =
  | { kind: 'prose' }
  | { kind: 'year' }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'amount' }
  | { kind: 'currency' }
  | { kind: 'id' }
  | { kind: 'clause' }
  | { kind: 'measure-ref' }
  | { kind: 'list'; item: ValueSpec; minItems?: number }
  | MapSpec;

export interface MapSpec {
  kind: 'map';
  /** How messages name a mapping of this kind: `strategy`, `measure`, `period`, … */
  what: string;
  /** Documentation path prefix of the fields, `measure` for `measure.lead`. */
  docPath: string;
  fields: Record<string, FieldSpec>;
  /** The role the mapping plays, for rules that act on parts and sections. */
  role?: 'root' | 'part' | 'section' | 'measure' | 'indicator';
  /** Keys that belong elsewhere, with where: a section under the wrong part, or at the top. */
  elsewhere?: Record<string, string>;
}

export interface FieldSpec {
  value: ValueSpec;
  /** Absence is `missing-field`. Absence of optional fields is left to the rules. */
  required?: boolean;
}

export const LEVELS = ['national', 'regional', 'local'] as const;
export const STRATEGY_STATUSES = ['draft', 'consultation', 'adopted'] as const;
export const MEASURE_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;

const prose: ValueSpec = { kind: 'prose' };
const date: ValueSpec = { kind: 'date' };
const proseList: ValueSpec = { kind: 'list', item: prose };

function money(what: string, docPath: string): MapSpec {
  return {
    kind: 'map',
    what,
    docPath,
    fields: { amount: { value: { kind: 'amount' }, required: true }, currency: { value: { kind: 'currency' }, required: true } },
  };
}

export const INDICATOR_SPEC: MapSpec = {
  kind: 'map',
  what: 'indicator',
  docPath: 'indicator',
  role: 'indicator',
  fields: {
    name: { value: prose, required: true },
    baseline: { value: prose },
    target: { value: prose, required: true },
    by: { value: date },
  },
};

export const MEASURE_SPEC: MapSpec = {
  kind: 'map',
  what: 'measure',
  docPath: 'measure',
  role: 'measure',
  fields: {
    id: { value: { kind: 'id' }, required: true },
    title: { value: prose, required: true },
    description: { value: prose },
    addresses: { value: { kind: 'list', item: { kind: 'clause' }, minItems: 1 }, required: true },
    lead: { value: prose },
    partners: { value: proseList },
    due: { value: date },
    budget: { value: money('budget', 'measure.budget') },
    'business-case': {
      value: {
        kind: 'map',
        what: 'business case',
        docPath: 'measure.business-case',
        fields: { value: { value: prose, required: true }, stakeholders: { value: proseList } },
      },
    },
    indicators: { value: { kind: 'list', item: INDICATOR_SPEC } },
    'depends-on': { value: { kind: 'list', item: { kind: 'measure-ref' } } },
    status: { value: { kind: 'enum', values: MEASURE_STATUSES } },
  },
};

/** A clause of a section that does not apply to the strategy, with the reason (spec §7.2). */
export const NOT_APPLICABLE_SPEC: MapSpec = {
  kind: 'map',
  what: 'not-applicable entry',
  docPath: 'not-applicable',
  fields: {
    clause: { value: { kind: 'clause' }, required: true },
    reason: { value: prose, required: true },
    'handled-by': { value: prose },
  },
};

export const SECTION_FIELDS: Record<string, FieldSpec> = {
  summary: { value: prose },
  'not-applicable': { value: { kind: 'list', item: NOT_APPLICABLE_SPEC } },
  measures: { value: { kind: 'list', item: MEASURE_SPEC } },
};

export const STRATEGY_SPEC: MapSpec = {
  kind: 'map',
  what: 'strategy',
  docPath: 'strategy',
  fields: {
    title: { value: prose, required: true },
    government: { value: prose, required: true },
    level: { value: { kind: 'enum', values: LEVELS }, required: true },
    period: {
      value: {
        kind: 'map',
        what: 'period',
        docPath: 'strategy.period',
        fields: { from: { value: { kind: 'year' }, required: true }, to: { value: { kind: 'year' }, required: true } },
      },
      required: true,
    },
    status: { value: { kind: 'enum', values: STRATEGY_STATUSES }, required: true },
    'adopted-on': { value: date },
    lead: { value: prose, required: true },
    'business-case-threshold': { value: money('business-case threshold', 'strategy.business-case-threshold') },
  },
};

/** The root mapping's spec for a schema (the document service keeps it, in its SchemaContext). */
export function rootSpec(schema: Schema): MapSpec {
  const fields: Record<string, FieldSpec> = { strategy: { value: STRATEGY_SPEC, required: true } };
  for (const part of schema.parts) {
    const sections: Record<string, FieldSpec> = {};
    for (const recommendation of part.recommendations) {
      sections[recommendation.section] = {
        value: { kind: 'map', what: `section ${recommendation.section}`, docPath: 'section', role: 'section', fields: SECTION_FIELDS },
      };
    }
    fields[part.key] = { value: { kind: 'map', what: `part ${part.key}`, docPath: part.key, role: 'part', fields: sections } };
  }
  const elsewhere: Record<string, string> = {};
  for (const recommendation of schema.recommendations) elsewhere[recommendation.section] = `it is a section of ${recommendation.part.key}`;
  for (const field of Object.keys(STRATEGY_SPEC.fields)) elsewhere[field] = 'it belongs under strategy';
  for (const part of schema.parts) {
    const spec = fields[part.key].value as MapSpec;
    spec.elsewhere = Object.fromEntries(
      schema.recommendations.filter((r) => r.part !== part).map((r) => [r.section, `it is a section of ${r.part.key}, not ${part.key}`]),
    );
  }
  return { kind: 'map', what: 'strategy file', docPath: '', role: 'root', fields, elsewhere };
}

/** A short description of what a value spec expects, for messages and hover. */
export function describeSpec(spec: ValueSpec): string {
  switch (spec.kind) {
    case 'prose':
      return 'text';
    case 'year':
      return 'a year (such as 2026)';
    case 'date':
      return 'a date (YYYY, YYYY-MM or YYYY-MM-DD)';
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'amount':
      return 'an amount (a number, zero or more)';
    case 'currency':
      return 'a currency code of three capital letters (such as EUR)';
    case 'id':
      return 'an id (letters, digits, - and _, starting with a letter)';
    case 'clause':
      return 'a clause reference (such as 1.iii or 4)';
    case 'measure-ref':
      return "a measure's id";
    case 'list':
      return spec.minItems ? `a list with at least ${spec.minItems === 1 ? 'one' : spec.minItems} item: ${describeSpec(spec.item)}` : 'a list';
    case 'map':
      return 'a group of fields (name: value lines)';
  }
}

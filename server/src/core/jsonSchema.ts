/**
 * A JSON Schema (draft-07) of the strategy format, generated from the format's value specs
 * (model/format.ts) and the schema's field documentation, for YAML tools that know JSON
 * Schema (yaml-language-server, editors, validators). It accepts what dgs does not report as
 * an error of type or shape: an empty section is allowed (dgs warns), a misspelled key is not.
 * `x-` keys are allowed in every mapping.
 */
import { MapSpec, rootSpec, ValueSpec } from './model/format';
import { Recommendation, Schema } from './schema/types';

export type JsonSchema = { [keyword: string]: unknown };

export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** Measure ids: letters, digits, `-` and `_`, starting with a letter. */
export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*$';
export const CURRENCY_PATTERN = '^[A-Z]{3}$';
/** YYYY, YYYY-MM or YYYY-MM-DD with a month and day in range (whether the day exists in that month is dgs's to check). */
export const DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';
const OWN_KEYS = '^x-';

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * Every clause reference the schema knows, as one pattern: `N`, `N.r` and the forms with
 * the part's numeral (`II.1.iii`).
 */
export function clausePattern(schema: Schema): string {
  const byPart = schema.parts
    .filter((part) => part.recommendations.length > 0)
    .map((part) => {
      const recommendations = part.recommendations.map((recommendation) => {
        const subs = recommendation.clauses.map((clause) => escapeRegExp(clause.id));
        return subs.length > 0 ? `${recommendation.number}(\\.(${subs.join('|')}))?` : String(recommendation.number);
      });
      return `(${escapeRegExp(part.numeral)}\\.)?(${recommendations.join('|')})`;
    });
  return `^(${byPart.join('|')})$`;
}

function fieldDescription(schema: Schema, docPath: string): string | undefined {
  const field = schema.fields[docPath];
  if (!field) return undefined;
  return field.clauses.length > 0 ? `${field.doc} (Related to clause${field.clauses.length > 1 ? 's' : ''} ${field.clauses.join(', ')}.)` : field.doc;
}

function sectionDescription(recommendation: Recommendation): string {
  const clauses = recommendation.clauses.map((clause) => `${clause.ref}: ${clause.text}`);
  // The title is dgs's short title, not the Recommendation's words: marked so beside the verbatim text.
  return [`Recommendation ${recommendation.number} (short title, dgs's own: ${recommendation.title}): ${recommendation.text}`, ...clauses].join('\n');
}

interface Context {
  schema: Schema;
  definitions: Record<string, JsonSchema>;
}

function valueSchema(spec: ValueSpec, context: Context): JsonSchema {
  switch (spec.kind) {
    case 'prose':
      // A number or true/false is still text to a drafter; an empty value is a placeholder warning, not an error.
      return { type: ['string', 'number', 'boolean', 'null'] };
    case 'year':
      return { type: 'integer', minimum: 1000, maximum: 9999 };
    case 'date':
      return { anyOf: [{ type: 'integer', minimum: 1000, maximum: 9999 }, { type: 'string', pattern: DATE_PATTERN }] };
    case 'enum':
      return { type: 'string', enum: [...spec.values] };
    case 'amount':
      return { type: 'number', minimum: 0 };
    case 'currency':
      return { type: 'string', pattern: CURRENCY_PATTERN };
    case 'id':
      return { type: 'string', pattern: ID_PATTERN };
    case 'measure-ref':
      return { type: ['string', 'number'] };
    case 'clause':
      return {
        anyOf: [
          { type: 'string', pattern: clausePattern(context.schema) },
          { type: 'integer', enum: context.schema.recommendations.map((recommendation) => recommendation.number) },
        ],
      };
    case 'list':
      return { type: ['array', 'null'], items: valueSchema(spec.item, context) };
    case 'map':
      return mapSchema(spec, context);
  }
}

function mapSchema(spec: MapSpec, context: Context): JsonSchema {
  // Measures and indicators appear under every section: defined once, referred to.
  if (spec.role === 'measure' || spec.role === 'indicator') {
    const name = spec.role;
    if (!context.definitions[name]) {
      context.definitions[name] = {};
      context.definitions[name] = objectSchema(spec, context);
    }
    return { $ref: `#/definitions/${name}` };
  }
  return objectSchema(spec, context);
}

function objectSchema(spec: MapSpec, context: Context): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(spec.fields)) {
    let property = valueSchema(field.value, context);
    const docPath = spec.docPath === '' ? name : `${spec.docPath}.${name}`;
    const recommendation = spec.role === 'part' ? context.schema.sectionByKey.get(name) : undefined;
    const part = spec.role === 'root' ? context.schema.partByKey.get(name) : undefined;
    const description = recommendation
      ? sectionDescription(recommendation)
      : (fieldDescription(context.schema, docPath) ?? (part ? `Part ${part.numeral}, ${part.title}: ${part.leadIn}` : undefined));
    if (description) {
      // A $ref takes no sibling keywords in draft-07: the description goes beside it in allOf.
      property = property.$ref ? { description, allOf: [property] } : { description, ...property };
    }
    if (name === 'addresses' && spec.role === 'measure') {
      // The format asks for at least one clause (spec §3): an empty or absent list addresses nothing.
      property.type = 'array';
      property.minItems = 1;
    }
    properties[name] = property;
    if (field.required) required.push(name);
  }
  const schema: JsonSchema = {
    // A mapping without required fields may be left empty (`openness:` alone); dgs then warns, it does not fail.
    type: required.length > 0 ? 'object' : ['object', 'null'],
    properties,
    patternProperties: { [OWN_KEYS]: {} },
    additionalProperties: false,
  };
  if (required.length > 0) schema.required = required;
  return schema;
}

/** The JSON Schema of a strategy file under the given schema (the Recommendation as data). */
export function strategyJsonSchema(schema: Schema): JsonSchema {
  const context: Context = { schema, definitions: {} };
  const root = objectSchema(rootSpec(schema), context);
  return {
    $schema: JSON_SCHEMA_DRAFT,
    title: `Digital government strategy (${schema.instrument.id})`,
    description: `A digital government strategy written against the ${schema.instrument.title} (${schema.instrument.id}). Keys starting with x- are the drafter's own and allowed anywhere.`,
    ...root,
    definitions: context.definitions,
  };
}

/**
 * The text of a new strategy, as `dgs init` writes it and the editor's "new strategy"
 * command opens it: every part and section, a placeholder measure in each, which addresses
 * nothing until the drafter writes it.
 */
import { FieldSpec, LEVELS, STRATEGY_SPEC, ValueSpec } from './model/format';
import { Schema } from './schema/types';
import { freeMeasureId, renderSectionTemplate } from './templates';
import { withoutTrailingComment } from './text/trim';
import { DEFAULT_STRATEGY_FILE } from './shared';

/** What `dgs init` may be told about the strategy: its level, government and period. */
export interface SkeletonOptions {
  level?: string;
  government?: string;
  from?: number;
  to?: number;
}

const INDENT = '  ';
/** How long the strategy period of a new skeleton is, in years including the first. */
export const PERIOD_YEARS = 5;

function docComment(schema: Schema, docPath: string, indent: string): string[] {
  const field = schema.fields[docPath];
  if (!field) return [];
  const clauses = field.clauses.length > 0 ? ` (clause${field.clauses.length > 1 ? 's' : ''} ${field.clauses.join(', ')})` : '';
  return [`${indent}# ${field.doc}${clauses}`];
}

/** A valid value for a required field of the strategy block, or the lines of a mapping. */
function skeletonValue(name: string, spec: ValueSpec, year: number): string {
  switch (spec.kind) {
    case 'enum':
      return `${spec.values[0]}   # ${spec.values.join(' | ')}`;
    case 'year':
      return String(name === 'to' ? year + PERIOD_YEARS - 1 : year);
    case 'date':
      return String(year);
    case 'amount':
      return '0';
    case 'currency':
      return 'EUR';
    default:
      return 'TODO';
  }
}

/** The optional fields are written as comments: an example to uncomment. */
function exampleValue(spec: ValueSpec, year: number): string {
  if (spec.kind === 'map') {
    const parts = Object.entries(spec.fields).map(([name, field]) => `${name}: ${exampleValue(field.value, year)}`);
    return `{ ${parts.join(', ')} }`;
  }
  if (spec.kind === 'date') return `${year}-01-01`;
  if (spec.kind === 'amount') return '1000000';
  return withoutTrailingComment(skeletonValue('', spec, year));
}

/** A text as a YAML value: quoted when it could be read as something else. */
function yamlText(text: string): string {
  return /^[\p{L}][\p{L}\p{N} .,'()\u2013-]*$/u.test(text) && !/[:#]/.test(text) ? text : JSON.stringify(text);
}

function strategyBlock(schema: Schema, year: number, options: SkeletonOptions): string[] {
  const lines = ['strategy:'];
  const entries: [string, FieldSpec][] = Object.entries(STRATEGY_SPEC.fields);
  for (const [name, field] of entries) {
    const docPath = `${STRATEGY_SPEC.docPath}.${name}`;
    lines.push(...docComment(schema, docPath, INDENT));
    if (!field.required) {
      lines.push(`${INDENT}# ${name}: ${exampleValue(field.value, year)}`);
    } else if (field.value.kind === 'map') {
      lines.push(`${INDENT}${name}:`);
      for (const [inner, innerField] of Object.entries(field.value.fields)) {
        const given = name === 'period' ? (inner === 'from' ? options.from : inner === 'to' ? options.to : undefined) : undefined;
        lines.push(`${INDENT}${INDENT}${inner}: ${given ?? skeletonValue(inner, innerField.value, options.from ?? year)}`);
      }
    } else if (name === 'level' && options.level) {
      lines.push(`${INDENT}${name}: ${options.level}   # ${LEVELS.join(' | ')}`);
    } else if (name === 'government' && options.government) {
      lines.push(`${INDENT}${name}: ${yamlText(options.government)}`);
    } else {
      lines.push(`${INDENT}${name}: ${skeletonValue(name, field.value, year)}`);
    }
  }
  return lines;
}

/** The text of a new strategy: the `# dgs-strategy` marker, the strategy block, every part and section. */
export function renderSkeleton(schema: Schema, year: number, fileName = DEFAULT_STRATEGY_FILE, options: SkeletonOptions = {}): string {
  const lines = [
    '# dgs-strategy',
    `# A digital government strategy, drafted against the ${schema.instrument.title} (${schema.instrument.id}).`,
    `# Replace every TODO; \`dgs check ${fileName}\` lists what is left to do.`,
    '',
    '# Part and recommendation titles in comments are short titles of dgs, not the Recommendation\'s words.',
    ...strategyBlock(schema, year, options),
  ];
  const usedIds = new Set<string>();
  for (const part of schema.parts) {
    lines.push('', `# Part ${part.numeral}, ${part.title}: ${part.leadIn}`, `${part.key}:`);
    part.recommendations.forEach((recommendation, index) => {
      if (index > 0) lines.push('');
      lines.push(`${INDENT}# ${recommendation.number}. ${recommendation.title}`, `${INDENT}${recommendation.section}:`);
      const id = freeMeasureId(recommendation.idPrefix, usedIds);
      usedIds.add(id);
      for (const line of renderSectionTemplate(recommendation, id).split('\n')) {
        lines.push(line.trim() === '' ? '' : `${INDENT}${INDENT}${line}`);
      }
    });
  }
  return lines.join('\n') + '\n';
}

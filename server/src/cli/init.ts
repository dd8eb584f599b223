/**
 * `dgs init [FILE] [--force]`: writes a skeleton strategy with every part and all the
 * sections, from the schema's section templates. The skeleton has no errors, only
 * placeholders to fill in (placeholder-text warnings).
 */
import * as fs from 'fs';
import * as path from 'path';
import { resolveSettings } from '../configFile';
import { FieldSpec, LEVELS, STRATEGY_SPEC, ValueSpec } from '../model/format';
import { Schema } from '../schema/types';
import { freeMeasureId, renderSectionTemplate } from '../templates';
import { HELP_OPTION, OptionSpec, parseArgs } from './args';
import { displayPath } from './files';
import { DEFAULT_STRATEGY_FILE } from '../protocol';
import { CliError, CliIO, describeFsError, EXIT_OK, EXIT_USAGE } from './io';
import { configErrorLine } from './strategyFile';
import { withoutTrailingComment } from '../text/trim';

export const DEFAULT_INIT_FILE = DEFAULT_STRATEGY_FILE;

export const INIT_OPTIONS: readonly OptionSpec[] = [
  { name: 'force', flag: true },
  { name: 'level', values: LEVELS },
  { name: 'government' },
  { name: 'from' },
  { name: 'to' },
  HELP_OPTION,
];

/** What `dgs init` may be told about the strategy: its level, government and period. */
export interface SkeletonOptions {
  level?: string;
  government?: string;
  from?: number;
  to?: number;
}

const INDENT = '  ';
/** How long the strategy period of a new skeleton is, in years including the first. */
const PERIOD_YEARS = 5;

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
export function renderSkeleton(schema: Schema, year: number, fileName = DEFAULT_INIT_FILE, options: SkeletonOptions = {}): string {
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

/** The --level, --government, --from and --to options, checked. */
function skeletonOptions(options: Map<string, string>): SkeletonOptions {
  const year = (name: string): number | undefined => {
    const text = options.get(name);
    if (text === undefined) return undefined;
    if (!/^\d{4}$/.test(text)) throw new CliError(`--${name} takes a year, such as 2026; "${text}" is not one`);
    return Number(text);
  };
  const from = year('from');
  const to = year('to') ?? (from !== undefined ? from + PERIOD_YEARS - 1 : undefined);
  if (from !== undefined && to !== undefined && from > to) throw new CliError(`--from ${from} is after --to ${to}`);
  const government = options.get('government')?.trim();
  if (government === '') throw new CliError('--government takes the name of the government, such as "City of Examplia"');
  return { level: options.get('level'), government, from, to };
}

export async function runInit(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, INIT_OPTIONS, 'init');
  if (positionals.length > 1) throw new CliError('name one file only, such as: dgs init national.strategy.yaml');
  const target = path.resolve(io.cwd, positionals[0] ?? DEFAULT_INIT_FILE);
  const shown = displayPath(target, io.cwd);
  const force = options.has('force');
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new CliError(`${shown} is a folder; name the file to write, such as ${path.join(shown, DEFAULT_INIT_FILE)}`);
    if (!force) throw new CliError(`${shown} already exists; it was left unchanged (use --force to overwrite it)`);
  }
  const settings = resolveSettings(target);
  if (settings.errors.length > 0) {
    for (const error of settings.errors) io.stderr.write(`${configErrorLine(error, io.cwd)}\n`);
    io.stderr.write(`dgs init: ${shown} was not written; fix the configuration first\n`);
    return EXIT_USAGE;
  }
  const text = renderSkeleton(settings.schema, new Date().getFullYear(), path.basename(target), skeletonOptions(options));
  try {
    fs.writeFileSync(target, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    throw new CliError(`cannot write ${shown}: ${describeFsError(error)}`);
  }
  const sections = settings.schema.recommendations.length;
  io.stdout.write(`Wrote ${shown}: a skeleton with ${settings.schema.parts.length} parts and ${sections} sections. Replace every TODO, then run: dgs check ${shown}\n`);
  return EXIT_OK;
}

/**
 * `dgs init [FILE] [--force]`: writes a skeleton strategy with every part and all the
 * sections, from the schema's section templates. The skeleton has no errors, only
 * placeholders to fill in (placeholder-text warnings).
 */
import * as fs from 'fs';
import * as path from 'path';
import { resolveSettings } from '../host/configFile';
import { LEVELS } from '../core/model/format';
import { PERIOD_YEARS, renderSkeleton, SkeletonOptions } from '../core/skeleton';
import { HELP_OPTION, OptionSpec, parseArgs } from './args';
import { displayPath } from './paths';
import { DEFAULT_STRATEGY_FILE } from '../protocol';
import { CliError, CliIO, describeFsError, EXIT_OK, EXIT_USAGE } from './io';
import { configErrorLine } from './strategyFile';

export const DEFAULT_INIT_FILE = DEFAULT_STRATEGY_FILE;

export const INIT_OPTIONS: readonly OptionSpec[] = [
  { name: 'force', flag: true },
  { name: 'level', values: LEVELS },
  { name: 'government' },
  { name: 'from' },
  { name: 'to' },
  HELP_OPTION,
];

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

/**
 * `dgs import DOC [--output FILE] [--force]`: reads a strategy written as a Word document,
 * Markdown or plain text and writes a first strategy file, each guessed value marked.
 */
import * as fs from 'fs';
import * as path from 'path';
import { resolveSettings } from '../host/configFile';
import { formatOf, importDocument, ImportResult } from '../import';
import { DEFAULT_SUGGEST } from '../import/suggest';
import { ImportSummary } from '../import/emit';
import { HELP_OPTION, OptionSpec, parseArgs } from './args';
import { displayPath } from './paths';
import { CliError, CliIO, describeFsError, EXIT_OK } from './io';
import { configErrorLine } from './strategyFile';

export const IMPORT_OPTIONS: readonly OptionSpec[] = [{ name: 'output', short: 'o' }, { name: 'force', flag: true }, HELP_OPTION];
/** Larger documents are refused: a strategy, even with its annexes, is far smaller. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;


function readDocument(file: string, shown: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
  if (!stat.isFile()) throw new CliError(`cannot read ${shown}: it is not a file`);
  if (stat.size > MAX_IMPORT_BYTES) throw new CliError(`${shown} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; dgs import reads documents up to that size`);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
}

/** What was found, in a few lines for the terminal. */
export function describeImport(summary: ImportSummary, shownOutput: string): string {
  const lines = [
    `Wrote ${shownOutput}: ${summary.measures} measures in ${summary.sections} sections; ${summary.leads} leads, ${summary.dates} due dates, ${summary.budgets} budgets, ${summary.indicators} indicators found.`,
  ];
  if (summary.unplaced > 0) lines.push(`${summary.unplaced} passages could not be placed; they are kept under x-unplaced.`);
  lines.push(`Every guessed value is marked "imported: check". Next: dgs check ${shownOutput}`);
  return lines.join('\n') + '\n';
}

export async function runImport(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, IMPORT_OPTIONS, 'import');
  if (positionals.length !== 1) throw new CliError('name one document, such as: dgs import strategy.docx --output national.strategy.yaml');
  const source = path.resolve(io.cwd, positionals[0]);
  const shownSource = displayPath(source, io.cwd);
  const format = formatOf(source);
  if (!format) throw new CliError(`cannot import ${shownSource}: dgs reads Word (.docx), Markdown (.md) and text (.txt) documents; save it in one of these formats first`);
  const output = options.get('output');
  const target = output === undefined ? undefined : path.resolve(io.cwd, output);
  const shownTarget = target === undefined ? undefined : displayPath(target, io.cwd);
  if (target && fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new CliError(`${shownTarget} is a folder; name the file to write, such as ${path.join(shownTarget!, 'national.strategy.yaml')}`);
    if (!options.has('force')) throw new CliError(`${shownTarget} already exists; it was left unchanged (use --force to overwrite it)`);
  }
  const bytes = readDocument(source, shownSource);
  const settings = resolveSettings(target ?? path.join(io.cwd, 'imported.strategy.yaml'));
  if (settings.errors.length > 0) {
    for (const error of settings.errors) io.stderr.write(`${configErrorLine(error, io.cwd)}\n`);
    throw new CliError('nothing was written; fix the configuration first');
  }
  let result: ImportResult;
  try {
    result = await importDocument(bytes, format, settings.schema, { suggest: DEFAULT_SUGGEST, source: path.basename(source) });
  } catch (error) {
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    throw new CliError(`cannot read ${shownSource} as a ${format === 'docx' ? 'Word document' : 'text'}: ${reason}`);
  }
  for (const warning of result.warnings) io.stderr.write(`dgs import: ${shownSource}: ${warning}\n`);
  if (!target) {
    io.stdout.write(result.text);
    return EXIT_OK;
  }
  try {
    fs.writeFileSync(target, result.text, { flag: options.has('force') ? 'w' : 'wx' });
  } catch (error) {
    throw new CliError(`cannot write ${shownTarget}: ${describeFsError(error)}`);
  }
  io.stdout.write(describeImport(result.summary, shownTarget!));
  return EXIT_OK;
}



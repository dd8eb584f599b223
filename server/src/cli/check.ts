/**
 * `dgs check FILE|FOLDER|GLOB… [--format text|json|sarif] [--max-warnings N] [--output FILE]`:
 * analyses every strategy file named and reports the findings. Exit 0 when there is no
 * error and no more warnings than allowed, 1 when findings fail the check, 2 on bad usage,
 * a file that cannot be read or a configuration error.
 */
import { ConfigError } from '../core/config';
import { loadDefaultSchema } from '../host/schemaFile';
import { HELP_OPTION, OptionSpec, parseArgs } from './args';
import { expandInputs } from './files';
import { formatJson } from './format/json';
import { formatSarif, SarifNotification } from './format/sarif';
import { countFindings } from './format/summary';
import { formatText } from './format/text';
import { CliError, CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, useColour } from './io';
import { writeReport } from './output';
import { CheckedFile, configErrorLine, invalidUtf8Message, loadStrategyFile, SettingsCache } from './strategyFile';

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;

export const CHECK_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', values: CHECK_FORMATS },
  { name: 'max-warnings' },
  { name: 'output', short: 'o' },
  HELP_OPTION,
];

/** The number of warnings allowed; -1, as in ESLint, or no option at all allows any number. */
export function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined || value.trim() === '-1') return Infinity;
  if (!/^\d+$/.test(value.trim())) throw new CliError(`the option --max-warnings needs a whole number of 0 or more, not "${value}"`);
  return Number(value.trim());
}

export async function runCheck(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, CHECK_OPTIONS, 'check');
  const format = options.get('format') ?? 'text';
  const maxWarnings = parseMaxWarnings(options.get('max-warnings'));
  const output = options.get('output');
  if (positionals.length === 0) throw new CliError('name at least one strategy file, folder or glob, such as: dgs check national.strategy.yaml');

  const env = io.env ?? process.env;
  const problems: string[] = [];
  const notifications: SarifNotification[] = [];
  const configLines = new Set<string>();
  const noteConfigErrors = (errors: readonly ConfigError[]): void => {
    for (const error of errors) {
      const line = configErrorLine(error, io.cwd);
      if (configLines.has(line)) continue;
      configLines.add(line);
      io.stderr.write(`${line}\n`);
      notifications.push({ level: 'error', message: line, file: error.file });
    }
  };

  // Each folder's .dgs.yaml (and the schema it names) is read once for the whole command.
  const settings: SettingsCache = new Map();
  const expansion = expandInputs(positionals, io.cwd, settings);
  noteConfigErrors(expansion.configErrors);
  if (expansion.problems.length > 0) {
    for (const problem of expansion.problems) io.stderr.write(`dgs check: ${problem}\n`);
    return EXIT_USAGE;
  }
  for (const skipped of expansion.skipped) io.stderr.write(`dgs check: ${skipped}\n`);
  // What could not be read fails the check (exit 2), after everything else is checked.
  for (const unreadable of expansion.unreadable) {
    problems.push(unreadable);
    io.stderr.write(`dgs check: ${unreadable}\n`);
    notifications.push({ level: 'error', message: unreadable });
  }

  const files: CheckedFile[] = [];
  for (const absolute of expansion.files) {
    try {
      const loaded = loadStrategyFile(absolute, io.cwd, settings, true);
      noteConfigErrors(loaded.configErrors);
      files.push(loaded.file);
      const encoding = invalidUtf8Message(loaded.file);
      if (encoding) {
        io.stderr.write(`${encoding}\n`);
        notifications.push({ level: 'warning', message: encoding, file: absolute });
      }
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error.message);
      io.stderr.write(`dgs check: ${error.message}\n`);
      notifications.push({ level: 'error', message: error.message, file: absolute });
    }
  }

  let report: string;
  if (format === 'json') report = formatJson(files);
  else if (format === 'sarif') report = formatSarif(files, io.cwd, files[0]?.schema ?? loadDefaultSchema(), notifications);
  else report = formatText(files, output === undefined && useColour(io.stdout, env));
  writeReport(report, output, io, expansion.files);

  if (problems.length > 0 || configLines.size > 0) return EXIT_USAGE;
  const counts = countFindings(files);
  if (counts.warning > maxWarnings) {
    io.stderr.write(`dgs check: ${counts.warning} warnings, more than the ${maxWarnings} that --max-warnings allows\n`);
  }
  if (counts.error > 0 || counts.warning > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

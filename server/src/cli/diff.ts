/**
 * `dgs diff OLD NEW [--format text|markdown|json] [--output FILE]`: what changed between two
 * versions of a strategy. OLD and NEW are files, or `git:REV:PATH` for a committed version
 * (PATH relative to the current folder), read with `git show`.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { analyze, Analysis } from '../core/analyze';
import { resolveSettings } from '../host/configFile';
import { DIFF_FORMATS, DiffFormat, diffAnalyses } from '../export';
import { decodeUtf8 } from './decode';
import { documentDate } from './export';
import { HELP_OPTION, OptionSpec, parseArgs } from './args';
import { CliError, CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { writeReport } from './output';
import { configErrorLine, loadStrategyFile } from './strategyFile';
import { packageInfo } from '../host/packageInfo';

export const DIFF_OPTIONS: readonly OptionSpec[] = [{ name: 'format', short: 'f', values: DIFF_FORMATS }, { name: 'output', short: 'o' }, HELP_OPTION];

const GIT_VERSION = /^git:([^:]+):(.+)$/;
/** A committed strategy is read whole into memory; past this it is refused, as a file on disk would be. */
const MAX_GIT_OUTPUT = 64 * 1024 * 1024;

interface Version {
  shown: string;
  /** The file read, when the version is one (not a `git:` revision): --output must not replace it. */
  absolute?: string;
  analysis: Analysis;
  configErrors: number;
}

/** Reads `git:REV:PATH` with `git show REV:./PATH`, run in the current folder. */
function readCommitted(spec: string, io: CliIO): Version {
  const match = GIT_VERSION.exec(spec)!;
  const [, revision, file] = match;
  if (revision.startsWith('-')) throw new CliError(`"${revision}" is not a revision (in ${spec})`);
  const relative = path.isAbsolute(file) ? path.relative(io.cwd, file) : file;
  const object = `${revision}:${relative.startsWith('.') ? relative : `./${relative}`}`.replace(/\\/g, '/');
  const result = spawnSync('git', ['show', object], { cwd: io.cwd, maxBuffer: MAX_GIT_OUTPUT, env: { ...process.env, ...io.env, GIT_PAGER: 'cat' } });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `cannot read ${spec}: git is not installed or not on the PATH` : `cannot read ${spec}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const reason = result.stderr.toString('utf8').split('\n').find((line) => line.trim() !== '') ?? `git show ended with status ${result.status}`;
    throw new CliError(`cannot read ${spec}: ${reason.replace(/^fatal: /, '')}`);
  }
  const settings = resolveSettings(path.resolve(io.cwd, file));
  for (const error of settings.errors) io.stderr.write(`${configErrorLine(error, io.cwd)}\n`);
  const text = decodeUtf8(result.stdout).text;
  return { shown: spec, analysis: analyze(text, settings.schema, settings.config), configErrors: settings.errors.length };
}

function readVersion(spec: string, io: CliIO): Version {
  if (GIT_VERSION.test(spec)) return readCommitted(spec, io);
  const { file, configErrors } = loadStrategyFile(path.resolve(io.cwd, spec), io.cwd);
  for (const error of configErrors) io.stderr.write(`${configErrorLine(error, io.cwd)}\n`);
  return { shown: file.path, absolute: file.absolute, analysis: file.analysis, configErrors: configErrors.length };
}

export async function runDiff(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, DIFF_OPTIONS, 'diff');
  if (positionals.length !== 2) {
    throw new CliError('name the old and the new version, such as: dgs diff git:HEAD:national.strategy.yaml national.strategy.yaml');
  }
  const format = (options.get('format') ?? 'text') as DiffFormat;
  const [before, after] = positionals.map((spec) => readVersion(spec, io));
  for (const version of [before, after]) {
    if (version.analysis.model.syntaxErrors) io.stderr.write(`dgs diff: ${version.shown} is not valid YAML, so this comparison may be incomplete\n`);
  }
  const common = { date: documentDate(io.env ?? process.env), version: packageInfo().version };
  const text = diffAnalyses(before.analysis, after.analysis, { before: { ...common, file: before.shown }, after: { ...common, file: after.shown }, format });
  writeReport(text, options.get('output'), io, [before, after].map((version) => version.absolute).filter((file): file is string => file !== undefined));
  return before.configErrors + after.configErrors > 0 ? EXIT_USAGE : EXIT_OK;
}

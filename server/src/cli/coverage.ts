/**
 * `dgs coverage FILE [--format markdown|html|json] [--output FILE]`: the coverage matrix of
 * one strategy, the Recommendation's clauses by the measures that address them.
 */
import * as path from 'path';
import { Analysis } from '../core/analyze';
import { ClauseCoverageStatus, CoverageLists, coverageLists } from '../core/coverage';
import { MeasureModel } from '../core/model/strategy';
import { renderCoverageReport } from '../report';
import { buildReportData } from '../report/data';
import { HELP_OPTION, OptionSpec, parseArgs } from './args';
import { CliError, CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { writeReport } from './output';
import { packageInfo } from '../host/packageInfo';
import { configErrorLine, invalidUtf8Message, loadStrategyFile } from './strategyFile';
import { safeText } from '../core/text/safeText';

export const COVERAGE_FORMATS = ['markdown', 'html', 'json'] as const;

export const COVERAGE_OPTIONS: readonly OptionSpec[] = [{ name: 'format', short: 'f', values: COVERAGE_FORMATS }, { name: 'output', short: 'o' }, HELP_OPTION];

export interface CoverageUnitReport {
  ref: string;
  recommendation: number;
  section: string;
  addressed: boolean;
  status: ClauseCoverageStatus;
  /** The ids of the measures that address the unit; a measure without an id is named by its line. */
  measures: string[];
}

export interface CoverageReport extends CoverageLists {
  path: string;
  units: CoverageUnitReport[];
  summary: { addressed: number; total: number };
}
// The JSON output adds `report`: per recommendation its status, clause texts, and the measures
// with their leads, due dates and indicators (server/src/report/data.ts), as the HTML shows them.

function measureName(measure: MeasureModel, analysis: Analysis): string {
  if (measure.id) return measure.id.text;
  return `(measure at line ${analysis.model.lines.positionAt(measure.firstLine.start).line + 1})`;
}

export function coverageReport(file: string, analysis: Analysis): CoverageReport {
  const { coverage } = analysis;
  return {
    path: file,
    ...coverageLists(coverage),
    units: coverage.units.map(({ unit, measures, status }) => ({
      ref: unit.ref,
      recommendation: unit.recommendation.number,
      section: unit.recommendation.section,
      addressed: measures.length > 0,
      status,
      measures: [...new Set(measures.map((measure) => measureName(measure, analysis)))],
    })),
    summary: { addressed: coverage.addressed.length, total: coverage.units.length },
  };
}

export async function runCoverage(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, COVERAGE_OPTIONS, 'coverage');
  const format = options.get('format') ?? 'markdown';
  if (positionals.length !== 1) {
    throw new CliError(positionals.length === 0 ? 'name the strategy file, such as: dgs coverage national.strategy.yaml' : 'name one strategy file only');
  }
  const { file, configErrors } = loadStrategyFile(path.resolve(io.cwd, positionals[0]), io.cwd);
  for (const error of configErrors) io.stderr.write(`${configErrorLine(error, io.cwd)}\n`);
  const encoding = invalidUtf8Message(file);
  if (encoding) io.stderr.write(`${encoding}\n`);
  if (file.analysis.model.syntaxErrors) {
    io.stderr.write(`dgs coverage: ${safeText(file.path)} is not valid YAML, so this coverage may be incomplete; dgs check ${safeText(file.path)} shows where\n`);
  }
  const report =
    format === 'json'
      ? JSON.stringify({ ...coverageReport(file.path, file.analysis), report: buildReportData(file.analysis, { file: file.path, dgsVersion: packageInfo().version }) }, null, 2) + '\n'
      : renderCoverageReport(format === 'html' ? 'html' : 'markdown', file.analysis, { file: file.path, dgsVersion: packageInfo().version });
  writeReport(report, options.get('output'), io, [file.absolute]);
  return configErrors.length > 0 ? EXIT_USAGE : EXIT_OK;
}

/**
 * `dgs suggest FILE… [--format text|json]`: for each measure, the clauses its title,
 * description and section summary support, best first, with the words that matched.
 */
import * as path from 'path';
import { ClauseSuggestion, suggestClauses } from '../core/mapper';
import { measureText } from '../core/mapper/measure';
import { HELP_OPTION, OptionSpec, parseArgs } from './args';
import { CliError, CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { writeReport } from './output';
import { configErrorLine, loadStrategyFile } from './strategyFile';

export const SUGGEST_FORMATS = ['text', 'json'] as const;

export const SUGGEST_OPTIONS: readonly OptionSpec[] = [{ name: 'format', short: 'f', values: SUGGEST_FORMATS }, { name: 'output', short: 'o' }, HELP_OPTION];

export interface MeasureSuggestions {
  id: string;
  suggestions: ClauseSuggestion[];
}

export async function runSuggest(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, SUGGEST_OPTIONS, 'suggest');
  if (positionals.length === 0) throw new CliError('name one or more strategy files, such as: dgs suggest national.strategy.yaml');
  const format = options.get('format') ?? 'text';
  const files: Array<{ path: string; measures: MeasureSuggestions[] }> = [];
  let status = EXIT_OK;
  for (const input of positionals) {
    const { file, configErrors } = loadStrategyFile(path.resolve(io.cwd, input), io.cwd);
    for (const error of configErrors) io.stderr.write(`${configErrorLine(error, io.cwd)}\n`);
    if (configErrors.length > 0) status = EXIT_USAGE;
    const model = file.analysis.model;
    files.push({
      path: file.path,
      measures: model.measures.map((measure) => ({
        id: measure.id?.text ?? `(measure at line ${model.lines.positionAt(measure.firstLine.start).line + 1})`,
        suggestions: suggestClauses(measureText(measure), file.schema, { limit: 5 }),
      })),
    });
  }
  const report =
    format === 'json'
      ? JSON.stringify({ files }, null, 2) + '\n'
      : files
          .map((file) =>
            [
              file.path,
              ...file.measures.map((measure) =>
                measure.suggestions.length === 0
                  ? `  ${measure.id}: no clause stands out`
                  : `  ${measure.id}: ${measure.suggestions.map((s) => `${s.clause} (${s.score.toFixed(1)}: ${s.evidence.slice(0, 4).map((word) => `"${word}"`).join(', ')})`).join('; ')}`,
              ),
            ].join('\n'),
          )
          .join('\n\n') + '\n';
  writeReport(report, options.get('output'), io);
  return status;
}

/**
 * The JSON output of `dgs check`: `{ files: [{ path, diagnostics, coverage }] }` with
 * 0-based LSP positions (UTF-16 characters). `related` is added when a finding has places
 * that explain it, such as the first occurrence of a duplicated key.
 */
import { CoverageLists, coverageLists } from '../../core/coverage';
import { Range } from '../../core/text/lineIndex';
import { CheckedFile } from '../strategyFile';

export interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: Range;
  related?: { message: string; range: Range }[];
}

export interface JsonFileReport {
  path: string;
  diagnostics: JsonDiagnostic[];
  coverage: CoverageLists;
}

export interface JsonReport {
  files: JsonFileReport[];
}

export function checkReport(files: readonly CheckedFile[]): JsonReport {
  return {
    files: files.map((file) => {
      const { findings, model, coverage } = file.analysis;
      return {
        path: file.path,
        diagnostics: findings.map((finding) => {
          const diagnostic: JsonDiagnostic = {
            rule: finding.rule,
            severity: finding.severity,
            message: finding.message,
            range: model.lines.rangeOf(finding.span),
          };
          if (finding.related && finding.related.length > 0) {
            diagnostic.related = finding.related.map((place) => ({ message: place.message, range: model.lines.rangeOf(place.span) }));
          }
          return diagnostic;
        }),
        coverage: coverageLists(coverage),
      };
    }),
  };
}

export function formatJson(files: readonly CheckedFile[]): string {
  return JSON.stringify(checkReport(files), null, 2) + '\n';
}

/**
 * The text output: one line per finding, `PATH:LINE:COL: SEVERITY RULE: MESSAGE` (1-based
 * line and column, the column in UTF-16 code units as editors count), then each file's
 * coverage, then a summary. Problem matchers depend on the finding lines' form.
 */
import { coverageLine } from '../../core/coverage';
import { Severity } from '../../core/findings';
import { CheckedFile } from '../strategyFile';
import { countFindings, summaryLine } from './summary';
import { safeText } from '../../core/text/safeText';

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** Newlines and other control characters would break the one-line-per-finding form. */
export function oneLine(text: string): string {
  return safeText(text.replace(/\r\n|[\r\n\u2028\u2029\t]/g, ' '));
}

export function formatText(files: readonly CheckedFile[], colour: boolean): string {
  const paint = (code: string, text: string): string => (colour ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  for (const file of files) {
    const { findings, model, coverage } = file.analysis;
    for (const finding of findings) {
      const start = model.lines.positionAt(finding.span.start);
      const where = `${safeText(file.path)}:${start.line + 1}:${start.character + 1}:`;
      lines.push(`${paint(BOLD, where)} ${paint(COLOURS[finding.severity], finding.severity)} ${paint(DIM, finding.rule)}: ${oneLine(finding.message)}`);
    }
    lines.push(`${safeText(file.path)}: coverage ${coverageLine(coverage)}`);
  }
  lines.push(summaryLine(countFindings(files), files.length));
  return lines.join('\n') + '\n';
}

/** Counting findings by severity, for the summary line and the exit code. */
import { Severity } from '../../core/findings';
import { CheckedFile } from '../strategyFile';

export type Counts = Record<Severity, number>;

export function countFindings(files: readonly CheckedFile[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const file of files) for (const finding of file.analysis.findings) counts[finding.severity]++;
  return counts;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning, 0 notes in 3 files` (a note is a finding of severity info). */
export function summaryLine(counts: Counts, fileCount: number): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'note')} in ${plural(fileCount, 'file')}`;
}

/** What the analysis reports: findings with offsets, and what a quick fix needs to act on them. */
import { RuleId } from './rules/ids';
import { Span } from './text/lineIndex';

export type Severity = 'error' | 'warning' | 'info';

/** What a quick fix needs, carried in the finding (and in the LSP diagnostic's `data`). */
export type FixData =
  | { kind: 'replace'; replacement: string }
  | { kind: 'replace-clause'; clause: string; replacement: string }
  | { kind: 'insert-part'; part: string }
  | { kind: 'insert-section'; part: string; section: string }
  | { kind: 'add-measure'; section: string; unit: string }
  | { kind: 'not-applicable-addressed'; section: string; unit: string };

export interface RelatedPlace {
  span: Span;
  message: string;
}

/** A finding before the rule registry and the configuration give it a severity. */
export interface Issue {
  rule: RuleId;
  span: Span;
  message: string;
  related?: RelatedPlace[];
  data?: FixData;
}

export interface Finding extends Issue {
  severity: Severity;
  /**
   * Kept from the last version in which its part of the text could be read: that part does
   * not parse now (a key half typed, a bracket not yet closed). Only the language server,
   * which sees one version after another, has such findings.
   */
  stale?: boolean;
}

/** What the analysis reports: findings with offsets, and what a quick fix needs to act on them. */
import { Span } from './text/lineIndex';

export type Severity = 'error' | 'warning' | 'info';

/** What a quick fix needs, carried in the finding (and in the LSP diagnostic's `data`). */
export type FixData =
  | { kind: 'replace'; replacement: string }
  | { kind: 'replace-clause'; clause: string; replacement: string }
  | { kind: 'insert-field'; field: string }
  | { kind: 'insert-part'; part: string }
  | { kind: 'insert-section'; part: string; section: string }
  | { kind: 'add-measure'; section: string; unit: string };

export interface RelatedPlace {
  span: Span;
  message: string;
}

/** A finding before the rule registry and the configuration give it a severity. */
export interface Issue {
  rule: string;
  span: Span;
  message: string;
  related?: RelatedPlace[];
  data?: FixData;
}

export interface Finding extends Issue {
  severity: Severity;
}

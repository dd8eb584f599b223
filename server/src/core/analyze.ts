/**
 * The facade of the core: (text, schema, config) → the model, its coverage, its findings.
 * Pure and total: it never throws and never touches the file system. For successive
 * versions of one document, keep a StrategyDocument (document.ts) and ask it instead: only
 * what changed is then parsed, walked and read again.
 */
import { Config, DEFAULT_CONFIG } from './config';
import { Analysis, StrategyDocument } from './document';
import { Schema } from './schema/types';

export { Analysis, StrategyDocument, utf8Length } from './document';
export { severityFor } from './runRules';

/** Analyses one text on its own. */
export function analyze(text: string, schema: Schema, config: Config = DEFAULT_CONFIG): Analysis {
  return new StrategyDocument().analyze(text, schema, config);
}

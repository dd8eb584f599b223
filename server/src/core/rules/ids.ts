/**
 * Every rule id, in the registry's order (rules/index.ts). A rule's id, a finding's rule
 * and the fix data that names a rule are of the type RuleId, so that a misspelt id is a
 * compile error. Adding a rule: its file, its line here and in the registry, its page in
 * docs/rules/, then `npm run generate:rules` for the settings and the index.
 */
export const RULE_IDS = [
  'yaml-syntax',
  'duplicate-key',
  'unknown-key',
  'type-mismatch',
  'missing-field',
  'missing-section',
  'empty-section',
  'placeholder-text',
  'unknown-clause',
  'clause-too-broad',
  'clause-not-addressed',
  'duplicate-id',
  'unknown-reference',
  'dependency-cycle',
  'missing-lead',
  'missing-indicator',
  'business-case-required',
  'business-case-stakeholders',
  'invalid-date',
  'due-outside-period',
  'period-order',
  'adopted-without-date',
  'not-applicable-addressed',
  'business-case-currency',
  'business-case-threshold-missing',
  'indicator-incomplete',
  'dependency-order',
  'text-cut-by-comment',
  'text-split-by-comma',
  'clause-mismatch',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const KNOWN: ReadonlySet<string> = new Set(RULE_IDS);

/** Whether a text (from settings, a suppression comment, a configuration file) is a rule id. */
export function isRuleId(text: string): text is RuleId {
  return KNOWN.has(text);
}

/**
 * The tables derived from the rule registry: the rule settings of the extension's manifest
 * (package.json, `contributes.configuration`) and the index of docs/rules/README.md.
 * scripts/generate-rule-tables.js writes them; test/unit/ruleTables.test.ts fails when a
 * committed copy is out of date. Adding a rule to the registry is all it takes: run
 * `npm run generate:rules` and both follow.
 */
import { RuleSetting } from '../config';
import { Rule } from './rule';

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

export interface RuleSettingSchema {
  type: 'string';
  enum: RuleSetting[];
  markdownDescription: string;
}

/** The `properties` of the `dgs.rules` setting: one per rule, in the registry's order. */
export function ruleSettingsSchema(rules: readonly Rule[]): Record<string, RuleSettingSchema> {
  const properties: Record<string, RuleSettingSchema> = {};
  for (const rule of rules) {
    properties[rule.id] = { type: 'string', enum: [...SETTINGS], markdownDescription: `${rule.description} Default: \`${rule.severity}\`.` };
  }
  return properties;
}

/** The manifest with its rule settings made from the registry (everything else as it was). */
export function withRuleSettings(manifestText: string, rules: readonly Rule[]): string {
  const manifest = JSON.parse(manifestText) as { contributes: { configuration: { properties: Record<string, { properties?: unknown }> } } };
  manifest.contributes.configuration.properties['dgs.rules'].properties = ruleSettingsSchema(rules);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export const INDEX_START = '<!-- rules:start (generated from the rule registry: npm run generate:rules) -->';
export const INDEX_END = '<!-- rules:end -->';

/** The rules index of docs/rules/README.md: how many rules there are, and one row each. */
export function rulesIndex(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => `| [\`${rule.id}\`](${rule.id}.md) | ${rule.severity} | ${rule.description.replace(/\|/g, '\\|')} | ${rule.clause ?? ''} |`);
  return [
    `dgs checks a strategy file with the ${rules.length} rules below.`,
    '',
    '| Rule | Default | What it finds | Clause it serves |',
    '|------|---------|---------------|------------------|',
    ...rows,
  ].join('\n');
}

/** docs/rules/README.md with its index made from the registry (the text around it as it was). */
export function withRulesIndex(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(INDEX_START);
  const end = readme.indexOf(INDEX_END);
  if (start < 0 || end < start) throw new Error(`docs/rules/README.md has no ${INDEX_START} … ${INDEX_END} block`);
  return `${readme.slice(0, start + INDEX_START.length)}\n${rulesIndex(rules)}\n${readme.slice(end)}`;
}

/** The `dgs` settings the editor sends, read leniently: what is not understood keeps its default. */
import { RuleSetting } from '../core/config';
import { RULES_BY_ID } from '../core/rules';

export interface ServerSettings {
  treatAllYamlAsStrategy: boolean;
  /** Rule → severity or off, over `.dgs.yaml`. */
  rules: Record<string, RuleSetting>;
  trace: 'off' | 'messages' | 'verbose';
}

export const DEFAULT_SETTINGS: ServerSettings = { treatAllYamlAsStrategy: false, rules: {}, trace: 'off' };

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readSettings(raw: unknown, base: ServerSettings, warn: (message: string) => void): ServerSettings {
  if (!isRecord(raw)) return base;
  const settings: ServerSettings = { ...base, rules: { ...base.rules } };
  if (typeof raw.treatAllYamlAsStrategy === 'boolean') settings.treatAllYamlAsStrategy = raw.treatAllYamlAsStrategy;
  if (isRecord(raw.rules)) {
    settings.rules = {};
    for (const [rule, value] of Object.entries(raw.rules)) {
      const setting = value === false ? 'off' : value;
      if (!RULES_BY_ID.has(rule)) warn(`dgs.rules: unknown rule "${rule}" ignored`);
      else if (typeof setting !== 'string' || !RULE_SETTINGS.includes(setting as RuleSetting)) warn(`dgs.rules: "${rule}" must be error, warning, info or off`);
      else settings.rules[rule] = setting as RuleSetting;
    }
  }
  const trace = isRecord(raw.trace) ? raw.trace.server : raw['trace.server'];
  if (trace === 'off' || trace === 'messages' || trace === 'verbose') settings.trace = trace;
  return settings;
}

/**
 * The configuration `.dgs.yaml`: rule severities, the schema to use, the file patterns.
 * Parsing is pure; finding and reading the file is the shell's (configFile.ts).
 */
import { isMap, isScalar, isSeq, Node } from 'yaml';
import { NestingTooDeepError, parseDocumentBounded } from './model/parseYaml';
import { Severity } from './findings';
import { RULES_BY_ID } from './rules';
import { LineIndex } from './text/lineIndex';
import { closest } from './text/suggest';

export const CONFIG_FILE_NAME = '.dgs.yaml';
export const DEFAULT_FILE_PATTERNS = ['**/*.strategy.yaml', '**/*.strategy.yml'];
export const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;

export type RuleSetting = Severity | 'off';

export interface Config {
  /** Rule id → severity or off, overriding the rule's default. */
  rules: Record<string, RuleSetting>;
  /** The schema file, resolved against the configuration file's folder. */
  schema?: string;
  files: string[];
  /** Files larger than this many bytes are not analysed (a finding says why). */
  maxFileSize: number;
  /** The file the configuration came from, when there is one. */
  source?: string;
  /** Where `schema` is written in that file (0-based), for errors about the schema it names. */
  schemaPosition?: { line: number; character: number };
}

export interface ConfigError {
  file: string;
  line: number;
  character: number;
  message: string;
}

export const DEFAULT_CONFIG: Config = { rules: {}, files: DEFAULT_FILE_PATTERNS, maxFileSize: DEFAULT_MAX_FILE_SIZE };

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

/** Parses a configuration file's text; every problem is reported with its place, never thrown. */
export function parseConfig(text: string, file: string): { config: Config; errors: ConfigError[] } {
  const lines = new LineIndex(text);
  const errors: ConfigError[] = [];
  const error = (node: Node | null | undefined, message: string): void => {
    const position = lines.positionAt(node?.range?.[0] ?? 0);
    errors.push({ file, line: position.line, character: position.character, message });
  };
  const config: Config = { rules: {}, files: DEFAULT_FILE_PATTERNS, maxFileSize: DEFAULT_MAX_FILE_SIZE, source: file };
  let document;
  try {
    document = parseDocumentBounded(text);
  } catch (caught) {
    const position = lines.positionAt(caught instanceof NestingTooDeepError ? caught.offset : 0);
    errors.push({ file, line: position.line, character: position.character, message: `cannot read the configuration: ${(caught as Error).message}` });
    return { config, errors };
  }
  // The first syntax error only: what follows it is mostly its echo, and one clear line says where to look.
  const parseError = document.errors[0];
  if (parseError) {
    const position = lines.positionAt(parseError.pos[0]);
    errors.push({ file, line: position.line, character: position.character, message: parseError.message.split('\n')[0].slice(0, 200) });
  }
  if (errors.length > 0) return { config, errors };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, errors };
  if (!isMap(root)) {
    error(root, 'the configuration must be a mapping with the keys rules, schema, files, max-file-size');
    return { config, errors };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    switch (key) {
      case 'rules':
        if (value === null || (isScalar(value) && value.value === null)) break;
        if (!isMap(value)) {
          error(value, '"rules" must be a mapping of rule ids to error, warning, info or off');
          break;
        }
        for (const rulePair of value.items) {
          const id = isScalar(rulePair.key) ? String(rulePair.key.value) : '';
          const setting = isScalar(rulePair.value) ? rulePair.value.value : undefined;
          if (!RULES_BY_ID.has(id)) {
            const suggestion = closest(id, RULES_BY_ID.keys());
            error(rulePair.key as Node, `unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
          } else if (setting === false) {
            config.rules[id] = 'off';
          } else if (typeof setting !== 'string' || !SETTINGS.includes(setting as RuleSetting)) {
            error((rulePair.value as Node) ?? (rulePair.key as Node), `the rule "${id}" must be set to error, warning, info or off`);
          } else {
            config.rules[id] = setting as RuleSetting;
          }
        }
        break;
      case 'schema':
        if (!isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '') error(value ?? (pair.key as Node), '"schema" must be the path of a schema file');
        else {
          config.schema = value.value;
          config.schemaPosition = lines.positionAt(value.range?.[0] ?? 0);
        }
        break;
      case 'files':
        if (!isSeq(value) || !value.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
          error(value ?? (pair.key as Node), '"files" must be a list of file patterns, such as "**/*.strategy.yaml"');
        } else {
          config.files = value.items.map((item) => String((item as { value: unknown }).value));
        }
        break;
      case 'max-file-size':
        if (!isScalar(value) || typeof value.value !== 'number' || !(value.value > 0)) error(value ?? (pair.key as Node), '"max-file-size" must be a number of bytes');
        else config.maxFileSize = value.value;
        break;
      default: {
        const suggestion = closest(key, ['rules', 'schema', 'files', 'max-file-size']);
        error(pair.key as Node, `unknown setting "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
      }
    }
  }
  return { config, errors };
}

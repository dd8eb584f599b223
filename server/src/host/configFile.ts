/**
 * The shell around configuration: finds `.dgs.yaml` in a strategy's folder or the nearest
 * folder above it, reads it, and loads the schema it names (or the bundled one).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Config, CONFIG_FILE_NAME, ConfigError, DEFAULT_CONFIG, parseConfig } from '../core/config';
import { FileReadError, readRegularFile } from './readFile';
import { defaultSchemaPath, loadSchemaFile } from './schemaFile';
import { SchemaError } from '../core/schema/parse';
import { Schema } from '../core/schema/types';

/** A configuration is a few lines; a file far larger is not read. */
export const MAX_CONFIG_SIZE = 1024 * 1024;

export function findConfigFile(startFolder: string): string | undefined {
  let folder = path.resolve(startFolder);
  for (;;) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    // One look, which a file deleted meanwhile cannot make throw.
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

export interface ResolvedSettings {
  config: Config;
  schema: Schema;
  /** Problems with the configuration or the schema it names: shown, never thrown. */
  errors: ConfigError[];
}

export interface ResolveOptions {
  /**
   * When set, a schema file outside these folders is not loaded (an untrusted workspace
   * must not make the server read files elsewhere); the bundled schema is used instead.
   */
  allowedSchemaRoots?: string[];
}

/** The configuration and schema that apply to a strategy file. */
export function resolveSettings(strategyFile: string, options: ResolveOptions = {}): ResolvedSettings {
  const errors: ConfigError[] = [];
  let config: Config = DEFAULT_CONFIG;
  const configFile = findConfigFile(path.dirname(path.resolve(strategyFile)));
  if (configFile) {
    let text: string | undefined;
    try {
      text = readRegularFile(configFile, MAX_CONFIG_SIZE).toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        error instanceof FileReadError && error.code === 'ETOOLARGE'
          ? `the file is more than the ${MAX_CONFIG_SIZE} bytes a configuration may have`
          : code === 'ENOENT'
            ? 'it was removed while it was being read'
            : (error as Error).message;
      errors.push({ file: configFile, line: 0, character: 0, message: `cannot read the configuration: ${why}` });
    }
    if (text !== undefined) {
      const parsed = parseConfig(text, configFile);
      config = parsed.config;
      errors.push(...parsed.errors);
    }
  }
  let schemaFile = defaultSchemaPath();
  if (config.schema && configFile) {
    const wanted = path.resolve(path.dirname(configFile), config.schema);
    const roots = options.allowedSchemaRoots;
    if (roots && !roots.some((root) => isInside(wanted, root))) {
      errors.push({ file: configFile, line: 0, character: 0, message: `the schema ${wanted} is outside the workspace and is not loaded in an untrusted workspace; the bundled schema is used` });
    } else {
      schemaFile = wanted;
    }
  }
  try {
    return { config, schema: loadSchemaFile(schemaFile), errors };
  } catch (error) {
    if (error instanceof SchemaError) {
      errors.push({ file: error.file, line: error.line, character: error.character, message: `invalid schema: ${error.detail}` });
    } else if (configFile && config.schema) {
      // The configuration names a schema that cannot be read: point at where it names it.
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? (error as Error).message})`;
      const at = config.schemaPosition ?? { line: 0, character: 0 };
      errors.push({ file: configFile, line: at.line, character: at.character, message: `the schema file ${schemaFile} ${why}; the bundled OECD schema is used` });
    } else {
      errors.push({ file: schemaFile, line: 0, character: 0, message: `cannot read the schema: ${(error as Error).message}` });
    }
    return { config, schema: loadSchemaFile(defaultSchemaPath()), errors };
  }
}

/** Whether a file lies inside a folder, symbolic links followed (a link in the workspace may point anywhere). */
function isInside(file: string, folder: string): boolean {
  const relative = path.relative(realPath(path.resolve(folder)), realPath(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The path with every symbolic link resolved; a path that does not exist yet is taken as written. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

export function formatConfigError(error: ConfigError): string {
  return `${error.file}:${error.line + 1}:${error.character + 1}: ${error.message}`;
}

/** The shell around the schema parser: finds the bundled schema and reads schema files. */
import * as fs from 'fs';
import * as path from 'path';
import { parseVocabulary } from '../core/mapper/vocabulary';
import { readRegularFile } from './readFile';
import { parseSchema } from '../core/schema/parse';
import { Schema } from '../core/schema/types';

export const DEFAULT_SCHEMA_NAME = 'oecd-legal-0406.yaml';

/**
 * The bundled schema, whether running from `out/` (tsc) or `dist/` (the bundle): the nearest
 * ancestor folder that holds `schema/NAME` (the bundle copies it beside itself) or
 * `server/schema/NAME` (the source tree).
 */
export function defaultSchemaPath(): string {
  let folder = __dirname;
  for (;;) {
    for (const candidate of [path.join(folder, 'schema', DEFAULT_SCHEMA_NAME), path.join(folder, 'server', 'schema', DEFAULT_SCHEMA_NAME)]) {
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(folder);
    if (parent === folder) return path.join(__dirname, 'schema', DEFAULT_SCHEMA_NAME);
    folder = parent;
  }
}

const cache = new Map<string, { mtimeMs: number; vocabularyMtimeMs?: number; schema: Schema }>();

/** The clause mapper's vocabulary of a schema file NAME.yaml is NAME.vocabulary.yaml beside it. */
export function vocabularyPathOf(schemaFile: string): string {
  return schemaFile.replace(/\.ya?ml$/i, '') + '.vocabulary.yaml';
}

/** A schema is about 25 kB; a file far larger than any schema is not read at all. */
export const MAX_SCHEMA_SIZE = 4 * 1024 * 1024;

/**
 * Reads and validates a schema file; throws SchemaError or the file system's error. Only a
 * regular file of a sensible size is read: a configuration naming a device or a pipe
 * (`/dev/zero`, `/dev/stdin`) must not make the reader wait or fill memory forever.
 */
export function loadSchemaFile(file: string): Schema {
  const resolved = path.resolve(file);
  const stat = fs.statSync(resolved);
  if (!stat.isFile()) {
    const error: NodeJS.ErrnoException = new Error(stat.isDirectory() ? `${resolved} is a folder` : `${resolved} is not a regular file`);
    if (stat.isDirectory()) error.code = 'EISDIR';
    throw error;
  }
  if (stat.size > MAX_SCHEMA_SIZE) throw new Error(`${resolved} is ${stat.size} bytes long, more than the ${MAX_SCHEMA_SIZE} bytes a schema may have`);
  const vocabularyFile = vocabularyPathOf(resolved);
  const vocabularyStat = fs.statSync(vocabularyFile, { throwIfNoEntry: false });
  const vocabularyMtimeMs = vocabularyStat?.isFile() && vocabularyStat.size <= MAX_SCHEMA_SIZE ? vocabularyStat.mtimeMs : undefined;
  const cached = cache.get(resolved);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.vocabularyMtimeMs === vocabularyMtimeMs) return cached.schema;
  const schema = parseSchema(readRegularFile(resolved, MAX_SCHEMA_SIZE).toString('utf8'), resolved);
  if (vocabularyMtimeMs !== undefined) schema.vocabulary = parseVocabulary(readRegularFile(vocabularyFile, MAX_SCHEMA_SIZE).toString('utf8'), vocabularyFile, schema);
  cache.set(resolved, { mtimeMs: stat.mtimeMs, vocabularyMtimeMs, schema });
  return schema;
}

export function loadDefaultSchema(): Schema {
  return loadSchemaFile(defaultSchemaPath());
}

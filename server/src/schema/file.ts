/** The shell around the schema parser: finds the bundled schema and reads schema files. */
import * as fs from 'fs';
import * as path from 'path';
import { parseSchema } from './parse';
import { Schema } from './types';

export const DEFAULT_SCHEMA_NAME = 'oecd-legal-0406.yaml';

/** The bundled schema, whether running from `out/` (tsc) or `dist/` (the bundle). */
export function defaultSchemaPath(): string {
  const candidates = [
    path.join(__dirname, 'schema', DEFAULT_SCHEMA_NAME),
    path.join(__dirname, '..', 'server', 'schema', DEFAULT_SCHEMA_NAME),
    path.join(__dirname, '..', '..', '..', '..', 'server', 'schema', DEFAULT_SCHEMA_NAME),
    path.join(__dirname, '..', '..', '..', 'server', 'schema', DEFAULT_SCHEMA_NAME),
  ];
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  return candidates[candidates.length - 1];
}

const cache = new Map<string, { mtimeMs: number; schema: Schema }>();

/** Reads and validates a schema file; throws SchemaError or the file system's error. */
export function loadSchemaFile(file: string): Schema {
  const resolved = path.resolve(file);
  const stat = fs.statSync(resolved);
  const cached = cache.get(resolved);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.schema;
  const schema = parseSchema(fs.readFileSync(resolved, 'utf8'), resolved);
  cache.set(resolved, { mtimeMs: stat.mtimeMs, schema });
  return schema;
}

export function loadDefaultSchema(): Schema {
  return loadSchemaFile(defaultSchemaPath());
}

/** Versions of the national example, edited through the YAML document model, for the export and diff tests. */
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { analyze, Analysis } from '../../server/src/core/analyze';
import { buildExportData, ExportData } from '../../server/src/export/data';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { REPO_ROOT } from '../helpers/paths';

export const schema = loadDefaultSchema();
export const NATIONAL = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'national.strategy.yaml'), 'utf8');
export const DRAFT = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'draft.strategy.yaml'), 'utf8');

export const OPTIONS = { date: '2026-12-06', version: '9.9.9' };

export function exportData(text: string, file = 'test.strategy.yaml'): ExportData {
  return buildExportData(analyze(text, schema), { ...OPTIONS, file });
}

export function analysis(text: string): Analysis {
  return analyze(text, schema);
}

/** The text after applying edits to the YAML document: each is a path and a new value (undefined deletes). */
export function edited(text: string, edits: Array<[Array<string | number>, unknown]>): string {
  const document = parseDocument(text);
  for (const [where, value] of edits) {
    if (value === undefined) document.deleteIn(where);
    else document.setIn(where, value);
  }
  return document.toString();
}

/** The path of a measure by id in the national example. */
export function measurePath(text: string, id: string): Array<string | number> {
  const document = parseDocument(text).toJS() as Record<string, Record<string, { measures?: Array<{ id: string }> }>>;
  for (const part of ['objectives', 'development', 'implementation']) {
    for (const [section, value] of Object.entries(document[part] ?? {})) {
      const index = (value.measures ?? []).findIndex((measure) => measure.id === id);
      if (index >= 0) return [part, section, 'measures', index];
    }
  }
  throw new Error(`no measure ${id}`);
}

/**
 * SARIF 2.1.0 output of `dgs check`, for code scanning services: one run, every rule of
 * the registry with its documentation, one result per finding with 1-based regions
 * (columns in UTF-16 code units), and the files as artifacts.
 */
import * as path from 'path';
import { Severity } from '../../core/findings';
import { DOCS_BASE_URL, RULES, ruleDocUrl } from '../../core/rules';
import { Schema } from '../../core/schema/types';
import { Range } from '../../core/text/lineIndex';
import { toSlashes } from '../paths';
import { CheckedFile } from '../strategyFile';
import { packageInfo } from '../../host/packageInfo';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifNotification {
  level: SarifLevel;
  message: string;
  /** The file the notification is about, when there is one. */
  file?: string;
}

/** The project's home page: the documentation address without its path into the repository. */
export function informationUri(): string {
  return DOCS_BASE_URL.replace(/\/blob\/.*$/, '');
}

function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A file's location: relative to the working folder when inside it, else an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: fileUri(file) };
  return { uri: toSlashes(relative).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function fileUri(file: string): string {
  const slashed = toSlashes(path.resolve(file));
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}`;
}

function ruleDescriptor(rule: (typeof RULES)[number], schema: Schema): Record<string, unknown> {
  const unit = rule.clause ? schema.unitByRef.get(rule.clause) : undefined;
  const full = unit
    ? `${rule.description} It serves clause ${rule.clause} of ${schema.instrument.id}: "${unit.text}"`
    : rule.description;
  const properties: Record<string, unknown> = { tags: [schema.instrument.id] };
  if (rule.clause) properties.clause = rule.clause;
  return {
    id: rule.id,
    name: rule.id.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()).replace(/^[a-z]/, (letter) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: full },
    helpUri: ruleDocUrl(rule.id),
    help: { text: `${full} See ${ruleDocUrl(rule.id)}` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties,
  };
}

export function sarifLog(files: readonly CheckedFile[], cwd: string, schema: Schema, notifications: readonly SarifNotification[] = []): Record<string, unknown> {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const artifacts = files.map((file) => ({
    location: artifactLocation(file.absolute, cwd),
    length: file.length,
    mimeType: 'application/yaml',
    encoding: 'utf-8',
  }));
  const results: Record<string, unknown>[] = [];
  files.forEach((file, artifactIndex) => {
    const { findings, model } = file.analysis;
    const location = { ...artifactLocation(file.absolute, cwd), index: artifactIndex };
    for (const finding of findings) {
      const result: Record<string, unknown> = {
        ruleId: finding.rule,
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(model.lines.rangeOf(finding.span)) } }],
      };
      const index = ruleIndex.get(finding.rule);
      if (index !== undefined) result.ruleIndex = index;
      if (finding.related && finding.related.length > 0) {
        result.relatedLocations = finding.related.map((place, id) => ({
          id,
          message: { text: place.message },
          physicalLocation: { artifactLocation: location, region: region(model.lines.rangeOf(place.span)) },
        }));
      }
      results.push(result);
    }
  });
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'dgs',
        version: packageInfo().version,
        semanticVersion: packageInfo().version,
        informationUri: informationUri(),
        rules: RULES.map((rule) => ruleDescriptor(rule, schema)),
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: fileUri(cwd).replace(/\/?$/, '/') } },
    artifacts,
    results,
    columnKind: 'utf16CodeUnits',
  };
  run.invocations = [
    {
      executionSuccessful: !notifications.some((notification) => notification.level === 'error'),
      toolExecutionNotifications: notifications.map((notification) => {
        const entry: Record<string, unknown> = { level: notification.level, message: { text: notification.message } };
        if (notification.file) entry.locations = [{ physicalLocation: { artifactLocation: artifactLocation(notification.file, cwd) } }];
        return entry;
      }),
    },
  ];
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function formatSarif(files: readonly CheckedFile[], cwd: string, schema: Schema, notifications: readonly SarifNotification[] = []): string {
  return JSON.stringify(sarifLog(files, cwd, schema, notifications), null, 2) + '\n';
}

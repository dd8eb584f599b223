/**
 * The custom requests the VS Code extension asks instead of analysing anything itself:
 * `dgs/coverage` (the report's data for an open document, with where each measure and
 * section is written, and the report's HTML when asked) and `dgs/skeleton` (the text of a
 * new strategy). Files on disk, unsaved and virtual documents alike: the server has their text.
 */
import * as path from 'path';
import { Connection } from 'vscode-languageserver/node';
import { Analysis } from '../core/analyze';
import { renderSkeleton } from '../core/skeleton';
import { lacksText, unfinishedNotApplicableText } from '../core/coverage';
import { CoverageAnswer, CoverageParams, COVERAGE_REQUEST, ProtocolRange, SKELETON_REQUEST, SkeletonAnswer, SkeletonParams } from '../protocol';
import { buildReportData } from '../report/data';
import { renderHtml } from '../report/html';
import { Schema } from '../core/schema/types';
import { coverageSummary } from './coverageSummary';

/** The coverage answer for one analysed version of a document. Pure. */
export function coverageAnswer(analysis: Analysis, uri: string, version: number, options: { file: string; html?: boolean; dgsVersion?: string }): CoverageAnswer {
  const report = buildReportData(analysis, { file: options.file, dgsVersion: options.dgsVersion });
  const lines = analysis.model.lines;
  const measureRanges: ProtocolRange[] = analysis.model.measures.map((measure) => lines.rangeOf(measure.id?.span ?? measure.firstLine));
  const sectionRanges: Record<string, ProtocolRange> = {};
  for (const section of analysis.model.sections) sectionRanges[section.recommendation.section] ??= lines.rangeOf(section.keySpan);
  const notes: Record<string, string> = {};
  for (const entry of analysis.coverage.units) {
    if (entry.status === 'weak') notes[entry.unit.ref] = `Weak: ${lacksText(entry.lacks)}`;
    else if (entry.status === 'not-applicable' && entry.notApplicable?.reason) notes[entry.unit.ref] = `Not applicable: ${entry.notApplicable.reason}`;
    else if (entry.unfinishedNotApplicable) notes[entry.unit.ref] = unfinishedNotApplicableText(entry.unfinishedNotApplicable.reason);
  }
  const answer: CoverageAnswer = {
    ...coverageSummary(analysis),
    uri,
    version,
    notes,
    report,
    measureRanges,
    sectionRanges,
  };
  if (options.html) answer.html = renderHtml(report);
  return answer;
}

/** What the requests need from the language server. */
export interface CoverageSource {
  /** The current analysis of an open strategy; undefined for any other document. */
  strategyAt(uri: string): { version: number; analysis: Analysis } | undefined;
  /** The schema that applies to a document at this URI (its `.dgs.yaml`, or the bundled one). */
  schemaAt(uri: string): Schema;
}

/** The server's handler wrapper: a failure is logged and answers the fallback. */
export type Guard = <P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>) => (...args: P) => Promise<R>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last segment of a URI's path, decoded: how a report names an unsaved or virtual document. */
function baseName(uri: string): string {
  const query = uri.search(/[?#]/);
  const name = (query < 0 ? uri : uri.slice(0, query)).split('/').pop() ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `dgsVersion`: the version the report says made it. */
export function registerCoverageRequests(connection: Connection, source: CoverageSource, guard: Guard, dgsVersion: string): void {
  connection.onRequest(
    COVERAGE_REQUEST,
    guard('coverage', null as CoverageAnswer | null, (params: unknown): CoverageAnswer | null => {
      if (!isRecord(params) || typeof params.uri !== 'string') return null;
      const request = params as Partial<CoverageParams> & { uri: string; file?: unknown };
      const found = source.strategyAt(request.uri);
      if (!found) return null;
      const file = typeof request.file === 'string' && request.file !== '' ? request.file : baseName(request.uri);
      return coverageAnswer(found.analysis, request.uri, found.version, { file, html: request.html === true, dgsVersion });
    }),
  );

  connection.onRequest(
    SKELETON_REQUEST,
    guard('skeleton', null as SkeletonAnswer | null, (params: unknown): SkeletonAnswer | null => {
      if (!isRecord(params) || typeof params.uri !== 'string') return null;
      const request = params as Partial<SkeletonParams> & { uri: string };
      const year = typeof request.year === 'number' && Number.isInteger(request.year) ? request.year : new Date().getFullYear();
      const name = path.posix.basename(baseName(request.uri));
      const fileName = /\.strategy\.ya?ml$/i.test(name) ? name : undefined;
      return { text: renderSkeleton(source.schemaAt(request.uri), year, fileName) };
    }),
  );
}

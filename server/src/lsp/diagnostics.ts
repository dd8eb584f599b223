/**
 * Diagnostics: pushed after each change (debounced, the newest version only) unless the
 * client pulls them; findings and configuration problems as LSP diagnostics.
 */
import { pathToFileURL } from 'url';
import { Diagnostic, DiagnosticSeverity, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { ConfigError } from '../core/config';
import { formatConfigError } from '../host/configFile';
import { CachedDocument } from './documents';
import { Finding } from '../core/findings';
import { ruleDocUrl } from '../core/rules';
import { LineIndex } from '../core/text/lineIndex';
import { rangeOf, ServerContext } from './context';

// The analysis is incremental and cheap, so diagnostics follow each change at once: the
// timer only gathers the changes that arrive together, and a newer version replaces it.
const DEBOUNCE_MS = 1;

const SEVERITIES: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(uri: string, lines: LineIndex, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(lines, finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocUrl(finding.rule) },
    source: 'dgs',
    // A stale finding is what its part said when it last parsed (see document.ts).
    message: finding.stale ? `${finding.message} (As last read: this part does not parse at the moment.)` : finding.message,
    data: { rule: finding.rule, fix: finding.data },
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({ location: { uri, range: rangeOf(lines, related.span) }, message: related.message }));
  }
  return diagnostic;
}

function configDiagnostic(lines: LineIndex, errors: ConfigError[]): Diagnostic {
  const message = errors.length === 1 ? `Configuration problem: ${formatConfigError(errors[0])}` : `Configuration problems:\n${errors.map(formatConfigError).join('\n')}`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: lines.lineEnd(0) } },
    severity: DiagnosticSeverity.Error,
    code: 'config',
    source: 'dgs',
    message,
    relatedInformation: errors.map((error) => ({
      location: { uri: pathToFileURL(error.file).href, range: { start: { line: error.line, character: error.character }, end: { line: error.line, character: error.character } } },
      message: error.message,
    })),
  };
}

function diagnosticsOf(entry: CachedDocument): Diagnostic[] {
  if (entry.failure !== undefined) {
    const end = entry.text.search(/\r?\n|$/);
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: end } }, severity: DiagnosticSeverity.Error, code: 'config', source: 'dgs', message: `This strategy could not be checked: ${entry.failure}` }];
  }
  if (!entry.result) return [];
  const lines = entry.result.analysis.model.lines;
  const diagnostics = entry.result.analysis.findings.map((finding) => toDiagnostic(entry.uri, lines, finding));
  if (entry.result.configErrors.length > 0) diagnostics.unshift(configDiagnostic(lines, entry.result.configErrors));
  return diagnostics;
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Set<string>();

  constructor(private readonly server: ServerContext) {}

  /** Answers pulled diagnostics. */
  register(): void {
    const { connection, documents, cache } = this.server;
    connection.languages.diagnostics.on(
      this.server.request('pull diagnostics', { kind: 'full', items: [] } as DocumentDiagnosticReport, (params): DocumentDiagnosticReport => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return { kind: 'full', items: [] };
        const entry = cache.get(document);
        return { kind: 'full', items: entry.isStrategy ? diagnosticsOf(entry) : [] };
      }),
    );
  }

  private publish(uri: string): void {
    const document = this.server.documents.get(uri);
    if (!document) return;
    const entry = this.server.cache.get(document);
    if (!entry.isStrategy) {
      if (this.published.delete(uri)) void this.server.connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    // The analysis is of the document's current version: a newer one cancels this timer and
    // schedules its own, so no older version is published after it.
    void this.server.connection.sendDiagnostics({ uri, version: entry.version, diagnostics: diagnosticsOf(entry) });
    this.published.add(uri);
  }

  schedule(uri: string): void {
    if (this.server.capabilities.pullDiagnostics) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(
        this.server.guard('publishing diagnostics', undefined, () => {
          this.timers.delete(uri);
          this.publish(uri);
        }),
        DEBOUNCE_MS,
      ),
    );
  }

  /** Settings or configuration changed: analyse every open document again. */
  reanalyseAll(): void {
    this.server.settingsByFolder.clear();
    this.server.cache.clear();
    if (this.server.capabilities.pullDiagnostics) {
      if (this.server.capabilities.diagnosticRefresh) this.server.connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of this.server.documents.all()) this.schedule(document.uri);
  }

  /** A document closed: nothing is pending for it, and its diagnostics are cleared. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.published.delete(uri);
    void this.server.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

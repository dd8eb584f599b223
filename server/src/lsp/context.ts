/**
 * What every handler of the language server shares: the connection, the open documents and
 * their analyses, the client's capabilities, and the conversions at the edge (offsets of
 * the core → LSP positions). Made once by server.ts; each feature's file registers its
 * handlers on it.
 */
import * as path from 'path';
import { fileURLToPath } from 'url';
import { Connection, ErrorCodes, Range, ResponseError, TextDocuments, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Config } from '../core/config';
import { resolveSettings, ResolvedSettings } from '../host/configFile';
import { StrategyDocument } from '../core/document';
import { CachedDocument, DocumentAnalysis, DocumentCache } from './documents';
import { LineIndex, Span } from '../core/text/lineIndex';
import { EditorDocument } from './editorDocument';
import { SentEdits } from './sentEdits';
import { DEFAULT_SETTINGS, ServerSettings } from './settings';

/** What the client said it can do, in `initialize`. */
export interface ClientCapabilities {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configurationRequests: boolean;
  snippetSupport: boolean;
  hierarchicalSymbols: boolean;
  documentChanges: boolean;
  watchFiles: boolean;
}

export interface OpenStrategy {
  document: TextDocument;
  entry: CachedDocument;
  result: DocumentAnalysis;
  lines: LineIndex;
}

export class ServerContext {
  settings: ServerSettings = DEFAULT_SETTINGS;
  /** Settings given in initializationOptions: the base the editor's configuration goes over. */
  initialSettings: ServerSettings = DEFAULT_SETTINGS;
  workspaceFolders: string[] = [];
  trusted = true;
  capabilities: ClientCapabilities = {
    pullDiagnostics: false,
    diagnosticRefresh: false,
    configurationRequests: false,
    snippetSupport: false,
    hierarchicalSymbols: false,
    documentChanges: false,
    watchFiles: false,
  };
  lastActiveUri: string | undefined;
  readonly settingsByFolder = new Map<string, ResolvedSettings>();
  /** The document service of each open strategy: it reuses its work from one version to the next. */
  private readonly engines = new Map<string, StrategyDocument>();
  readonly cache: DocumentCache;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<EditorDocument>,
    /** The editor's changes since each document's last analysis (passed to its document service). */
    private readonly sentEdits = new SentEdits(),
  ) {
    this.cache = new DocumentCache(() => this.settings, (uri, text) => this.analyzeDocument(uri, text));
  }

  log(message: string): void {
    if (this.settings.trace === 'verbose') this.connection.console.log(message);
  }

  /**
   * Where the server is in the protocol's lifecycle: a request before `initialize` is
   * answered with ServerNotInitialized, one after `shutdown` with InvalidRequest.
   */
  phase: 'new' | 'running' | 'shut down' = 'new';

  /** A request handler: guarded, and answered with the protocol's error outside the running phase. */
  request<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    const guarded = this.guard(name, fallback, handler);
    return async (...args: P): Promise<R> => {
      if (this.phase === 'new') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized: send initialize first.');
      if (this.phase === 'shut down') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shut down: only the exit notification is accepted.');
      return guarded(...args);
    };
  }

  /** Wraps a handler: a failure is logged and answers `fallback`, the server goes on. */
  guard<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        this.connection.console.error(`dgs: ${name} failed: ${describeError(error)}`);
        return fallback;
      }
    };
  }

  documentPath(uri: string): string {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        // An unusual file URI: fall through to the workspace.
      }
    }
    return path.join(this.workspaceFolders[0] ?? process.cwd(), 'untitled.strategy.yaml');
  }

  settingsFor(file: string): ResolvedSettings {
    const folder = path.dirname(file);
    let resolved = this.settingsByFolder.get(folder);
    if (!resolved) {
      resolved = resolveSettings(file, this.trusted ? {} : { allowedSchemaRoots: this.workspaceFolders });
      this.settingsByFolder.set(folder, resolved);
    }
    return resolved;
  }

  private analyzeDocument(uri: string, text: string): DocumentAnalysis {
    const started = Date.now();
    const resolved = this.settingsFor(this.documentPath(uri));
    const config: Config = { ...resolved.config, rules: { ...resolved.config.rules, ...this.settings.rules } };
    let engine = this.engines.get(uri);
    if (!engine) {
      engine = new StrategyDocument();
      this.engines.set(uri, engine);
    }
    // The editor's document holds the text's line index already, and where it changed.
    const analysis = engine.analyze(text, resolved.schema, config, { sent: this.sentEdits.since(uri), lines: this.documents.get(uri)?.lines });
    this.sentEdits.analysed(uri, text);
    this.log(`dgs: analysed ${uri} in ${Date.now() - started} ms: ${analysis.findings.length} findings`);
    return { analysis, configErrors: resolved.errors };
  }

  /** The cached analysis of an open strategy, or undefined for anything else. */
  strategyAt(uri: string): OpenStrategy | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const entry = this.cache.get(document);
    // A refused file (too large, too much structure) has its one diagnostic and nothing else.
    if (!entry.isStrategy || !entry.result || entry.result.analysis.refused) return undefined;
    this.lastActiveUri = uri;
    return { document, entry, result: entry.result, lines: entry.result.analysis.model.lines };
  }

  /** Forgets a closed document. */
  close(uri: string): void {
    this.cache.close(uri);
    this.engines.delete(uri);
    this.sentEdits.forget(uri);
    if (this.lastActiveUri === uri) this.lastActiveUri = undefined;
  }

  workspaceEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (this.capabilities.documentChanges) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
    return { changes: { [document.uri]: edits } };
  }
}

/** Offsets → an LSP range, at the edge. */
export function rangeOf(lines: LineIndex, span: Span): Range {
  return lines.rangeOf(span);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * The language server: the LSP shell around the pure core. It keeps the open documents,
 * analyses each version once (documents.ts), and translates the features' plain data
 * (offsets) into LSP (positions). Run it with `--stdio` (any editor) or `--node-ipc`
 * (the VS Code client). Every handler is guarded: a failure is logged and answers empty.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionItemKind,
  Connection,
  createConnection,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReport,
  DocumentSymbol,
  ErrorCodes,
  FoldingRange,
  FoldingRangeKind,
  Hover,
  InitializeParams,
  InitializeResult,
  InsertTextFormat,
  InsertTextMode,
  Location,
  MarkupKind,
  ProposedFeatures,
  Range,
  ResponseError,
  SymbolInformation,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, ParseCache } from './analyze';
import { Config, ConfigError, RuleSetting } from './config';
import { formatConfigError, resolveSettings, ResolvedSettings } from './configFile';
import { CachedDocument, DocumentCache, DocumentAnalysis } from './documents';
import { Finding } from './findings';
import { ADD_SUGGESTED_CLAUSES_KIND, CodeActionResult, computeCodeActions, FIX_ALL_KIND, INSERT_MISSING_SECTIONS_KIND, QUICK_FIX_KIND } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completeAt, CompletionKind } from './features/completion';
import { coverageSummary, CoverageSummary } from './features/coverageSummary';
import { definitionAt } from './features/definition';
import { foldingRanges } from './features/folding';
import { hoverAt } from './features/hover';
import { warmUp } from './warmUp';
import { DIFF_REQUEST, EXPORT_REQUEST } from './export/protocol';
import { answerDiff, answerExport, readDiffParams, readExportParams, RequestContext } from './export/requests';
import { loadDefaultSchema } from './schema/file';
import { referencesAt } from './features/references';
import { prepareRenameAt, renameAt } from './features/rename';
import { documentSymbols, OutlineSymbol, SymbolKindName } from './features/symbols';
import { RULES_BY_ID, ruleDocUrl } from './rules';
import { LineIndex, Span } from './text/lineIndex';

// The analysis is incremental and cheap, so diagnostics follow each change at once: the
// timer only gathers the changes that arrive together, and a newer version replaces it.
const DEBOUNCE_MS = 1;
export const INSERT_ALL_MISSING_SECTIONS = 'dgs.insertAllMissingSections';
export const COVERAGE_REQUEST = 'dgs/coverage';
const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

interface ServerSettings {
  treatAllYamlAsStrategy: boolean;
  /** Rule → severity or off, over `.dgs.yaml`. */
  rules: Record<string, RuleSetting>;
  trace: 'off' | 'messages' | 'verbose';
}

const DEFAULT_SETTINGS: ServerSettings = { treatAllYamlAsStrategy: false, rules: {}, trace: 'off' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the `dgs` settings section, leniently: what is not understood keeps its default. */
function readSettings(raw: unknown, base: ServerSettings, warn: (message: string) => void): ServerSettings {
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

function usage(): string {
  return 'Usage: dgs-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\nThe dgs language server: checks digital government strategies (YAML) against OECD/LEGAL/0406.\n';
}

const TRANSPORTS = /^--(stdio|node-ipc|socket=|pipe=|socket$|pipe$)/;

export function startServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  /** Settings given in initializationOptions: the base the editor's configuration goes over. */
  let initialSettings: ServerSettings = DEFAULT_SETTINGS;
  let workspaceFolders: string[] = [];
  let trusted = true;
  let pullDiagnostics = false;
  let diagnosticRefresh = false;
  let configurationRequests = false;
  let snippetSupport = false;
  let hierarchicalSymbols = false;
  let documentChanges = false;
  let watchFiles = false;
  let lastActiveUri: string | undefined;
  const settingsByFolder = new Map<string, ResolvedSettings>();
  const timers = new Map<string, NodeJS.Timeout>();
  const parseCaches = new Map<string, ParseCache>();

  const log = (message: string): void => {
    if (settings.trace === 'verbose') connection.console.log(message);
  };
  const describe = (error: unknown): string => (error instanceof Error ? error.stack ?? error.message : String(error));

  /** Wraps a handler: a failure is logged and answers `fallback`, the server goes on. */
  function guard<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`dgs: ${name} failed: ${describe(error)}`);
        return fallback;
      }
    };
  }

  function documentPath(uri: string): string {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        // An unusual file URI: fall through to the workspace.
      }
    }
    return path.join(workspaceFolders[0] ?? process.cwd(), 'untitled.strategy.yaml');
  }

  function settingsFor(file: string): ResolvedSettings {
    const folder = path.dirname(file);
    let resolved = settingsByFolder.get(folder);
    if (!resolved) {
      resolved = resolveSettings(file, trusted ? {} : { allowedSchemaRoots: workspaceFolders });
      settingsByFolder.set(folder, resolved);
    }
    return resolved;
  }

  function analyzeDocument(uri: string, text: string): DocumentAnalysis {
    const started = Date.now();
    const resolved = settingsFor(documentPath(uri));
    const config: Config = { ...resolved.config, rules: { ...resolved.config.rules, ...settings.rules } };
    // Successive versions of a document share a parse cache: only what changed is parsed again.
    let parseCache = parseCaches.get(uri);
    if (!parseCache) {
      parseCache = new ParseCache();
      parseCaches.set(uri, parseCache);
    }
    const analysis = analyze(text, resolved.schema, config, parseCache);
    log(`dgs: analysed ${uri} in ${Date.now() - started} ms: ${analysis.findings.length} findings`);
    return { analysis, configErrors: resolved.errors };
  }

  const cache = new DocumentCache(() => settings, analyzeDocument);

  /** The cached analysis of an open strategy, or undefined for anything else. */
  function strategyAt(uri: string): { document: TextDocument; entry: CachedDocument; result: DocumentAnalysis } | undefined {
    const document = documents.get(uri);
    if (!document) return undefined;
    const entry = cache.get(document);
    if (!entry.isStrategy || !entry.result) return undefined;
    lastActiveUri = uri;
    return { document, entry, result: entry.result };
  }

  // ---- Conversions at the edge: offsets → positions.

  const rangeOf = (lines: LineIndex, span: Span): Range => lines.rangeOf(span);

  const SEVERITIES: Record<Finding['severity'], DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
  };

  function toDiagnostic(uri: string, lines: LineIndex, finding: Finding): Diagnostic {
    const diagnostic: Diagnostic = {
      range: rangeOf(lines, finding.span),
      severity: SEVERITIES[finding.severity],
      code: finding.rule,
      codeDescription: { href: ruleDocUrl(finding.rule) },
      source: 'dgs',
      message: finding.message,
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

  function workspaceEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (documentChanges) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
    return { changes: { [document.uri]: edits } };
  }

  // ---- Diagnostics: pushed (debounced, the newest version only) unless the client pulls them.

  const published = new Set<string>();

  function publish(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    const entry = cache.get(document);
    if (!entry.isStrategy) {
      if (published.delete(uri)) void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    // The analysis is of the document's current version: a newer one cancels this timer and
    // schedules its own, so no older version is published after it.
    void connection.sendDiagnostics({ uri, version: entry.version, diagnostics: diagnosticsOf(entry) });
    published.add(uri);
  }

  function schedule(uri: string): void {
    if (pullDiagnostics) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(
        guard('publishing diagnostics', undefined, () => {
          timers.delete(uri);
          publish(uri);
        }),
        DEBOUNCE_MS,
      ),
    );
  }

  /** Settings or configuration changed: analyse every open document again. */
  function reanalyseAll(): void {
    settingsByFolder.clear();
    cache.clear();
    if (pullDiagnostics) {
      if (diagnosticRefresh) connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of documents.all()) schedule(document.uri);
  }

  async function fetchSettings(): Promise<void> {
    if (!configurationRequests) return;
    const section: unknown = await connection.workspace.getConfiguration({ section: 'dgs' });
    settings = readSettings(section, initialSettings, (message) => connection.console.warn(message));
  }

  // ---- Lifecycle.

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    diagnosticRefresh = capabilities.workspace?.diagnostics?.refreshSupport === true;
    configurationRequests = capabilities.workspace?.configuration === true;
    snippetSupport = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    watchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const options: unknown = params.initializationOptions;
    if (isRecord(options)) {
      if (options.trusted === false) trusted = false;
      settings = readSettings(options, settings, (message) => connection.console.warn(message));
      settings = readSettings(options.dgs, settings, (message) => connection.console.warn(message));
      initialSettings = settings;
    }
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    if (workspaceFolders.length === 0 && params.rootPath) workspaceFolders = [params.rootPath];
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '.'], resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND, INSERT_MISSING_SECTIONS_KIND, ADD_SUGGESTED_CLAUSES_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [INSERT_ALL_MISSING_SECTIONS] },
      },
      serverInfo: { name: 'dgs-language-server', version: serverVersion() },
    };
    if (pullDiagnostics) result.capabilities.diagnosticProvider = { identifier: 'dgs', interFileDependencies: false, workspaceDiagnostics: false };
    // Before the first file arrives: see warmUp.ts. A failure only leaves the engine cold.
    try {
      warmUp(loadDefaultSchema());
    } catch (error) {
      log(`dgs: warm-up skipped: ${(error as Error).message}`);
    }
    return result;
  });

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      if (configurationRequests) {
        await fetchSettings();
        reanalyseAll();
      }
      // Without file watching, configuration changes are picked up on save and on open.
      if (watchFiles) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.dgs.{yaml,yml}' }] });
    }),
  );

  connection.onDidChangeConfiguration(
    guard('configuration change', undefined, async (change) => {
      if (configurationRequests) await fetchSettings();
      else {
        const raw: unknown = change.settings;
        settings = readSettings(isRecord(raw) ? raw.dgs : undefined, initialSettings, (message) => connection.console.warn(message));
      }
      reanalyseAll();
    }),
  );

  connection.onDidChangeWatchedFiles(guard('watched files', undefined, () => reanalyseAll()));

  // ---- Documents.

  documents.onDidOpen(guard('open', undefined, (event) => {
    // A configuration edited while the document was closed is read again.
    settingsByFolder.delete(path.dirname(documentPath(event.document.uri)));
    lastActiveUri = event.document.uri;
  }));
  documents.onDidChangeContent(guard('change', undefined, (event) => schedule(event.document.uri)));
  documents.onDidSave(
    guard('save', undefined, (event) => {
      // Saving the configuration or a schema in the editor changes what applies to strategies.
      const entry = cache.peek(event.document.uri);
      if (!entry?.isStrategy) reanalyseAll();
    }),
  );
  documents.onDidClose(
    guard('close', undefined, (event) => {
      const uri = event.document.uri;
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      cache.close(uri);
      parseCaches.delete(uri);
      published.delete(uri);
      if (lastActiveUri === uri) lastActiveUri = undefined;
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }),
  );

  connection.languages.diagnostics.on(
    guard('pull diagnostics', { kind: 'full', items: [] } as DocumentDiagnosticReport, (params): DocumentDiagnosticReport => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: 'full', items: [] };
      const entry = cache.get(document);
      return { kind: 'full', items: entry.isStrategy ? diagnosticsOf(entry) : [] };
    }),
  );

  // ---- Features.

  connection.onHover(
    guard('hover', null, (params): Hover | null => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return null;
      const lines = found.result.analysis.model.lines;
      const hover = hoverAt(found.result.analysis, lines.offsetAt(params.position));
      if (!hover) return null;
      return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: rangeOf(lines, hover.span) };
    }),
  );

  const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
    key: CompletionItemKind.Property,
    part: CompletionItemKind.Module,
    section: CompletionItemKind.Module,
    value: CompletionItemKind.EnumMember,
    clause: CompletionItemKind.Reference,
    measure: CompletionItemKind.Reference,
    snippet: CompletionItemKind.Snippet,
  };

  connection.onCompletion(
    guard('completion', [] as CompletionItem[], (params): CompletionItem[] => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return [];
      const lines = found.result.analysis.model.lines;
      return completeAt(found.result.analysis, lines.offsetAt(params.position)).map((entry) => {
        const newText = snippetSupport ? entry.insert.snippet : entry.insert.plain;
        const item: CompletionItem = {
          label: entry.label,
          kind: COMPLETION_KINDS[entry.kind],
          detail: entry.detail,
          sortText: entry.sortText,
          filterText: entry.filterText,
          textEdit: { range: rangeOf(lines, entry.span), newText },
          insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        };
        if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
        if (entry.labelDetails) item.labelDetails = entry.labelDetails;
        // Multi-line texts carry their own indentation: the client must not add the line's.
        if (newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
        return item;
      });
    }),
  );

  const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
    strategy: SymbolKind.Object,
    part: SymbolKind.Namespace,
    section: SymbolKind.Module,
    measure: SymbolKind.Struct,
  };

  connection.onDocumentSymbol(
    guard('document symbols', [] as DocumentSymbol[] | SymbolInformation[], (params): DocumentSymbol[] | SymbolInformation[] => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return [];
      const lines = found.result.analysis.model.lines;
      const convert = (symbol: OutlineSymbol): DocumentSymbol => ({
        name: symbol.name,
        detail: symbol.detail,
        kind: SYMBOL_KINDS[symbol.kind],
        range: rangeOf(lines, symbol.span),
        selectionRange: rangeOf(lines, symbol.selectionSpan),
        children: symbol.children.map(convert),
      });
      const symbols = documentSymbols(found.result.analysis);
      if (hierarchicalSymbols) return symbols.map(convert);
      const flat: SymbolInformation[] = [];
      const flatten = (symbol: OutlineSymbol, container?: string): void => {
        flat.push({ name: symbol.name, kind: SYMBOL_KINDS[symbol.kind], location: { uri: params.textDocument.uri, range: rangeOf(lines, symbol.span) }, containerName: container });
        for (const child of symbol.children) flatten(child, symbol.name);
      };
      for (const symbol of symbols) flatten(symbol);
      return flat;
    }),
  );

  connection.onFoldingRanges(
    guard('folding ranges', [] as FoldingRange[], (params): FoldingRange[] => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return [];
      return foldingRanges(found.result.analysis).map((fold) => ({ startLine: fold.startLine, endLine: fold.endLine, kind: fold.kind === 'comment' ? FoldingRangeKind.Comment : undefined }));
    }),
  );

  connection.onCodeLens(
    guard('code lens', [] as CodeLens[], (params): CodeLens[] => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return [];
      const lines = found.result.analysis.model.lines;
      // No command to run: the lens only shows the section's coverage.
      return codeLenses(found.result.analysis).map((lens) => ({ range: rangeOf(lines, lens.span), command: { title: lens.title, command: '' } }));
    }),
  );

  connection.onDefinition(
    guard('definition', [] as Location[], (params): Location[] => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return [];
      const lines = found.result.analysis.model.lines;
      return definitionAt(found.result.analysis, lines.offsetAt(params.position)).map((span) => ({ uri: params.textDocument.uri, range: rangeOf(lines, span) }));
    }),
  );

  connection.onReferences(
    guard('references', [] as Location[], (params): Location[] => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return [];
      const lines = found.result.analysis.model.lines;
      return referencesAt(found.result.analysis, lines.offsetAt(params.position), params.context.includeDeclaration).map((span) => ({
        uri: params.textDocument.uri,
        range: rangeOf(lines, span),
      }));
    }),
  );

  connection.onPrepareRename(
    guard('prepare rename', null, (params) => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return null;
      const lines = found.result.analysis.model.lines;
      const target = prepareRenameAt(found.result.analysis, lines.offsetAt(params.position));
      return target ? { range: rangeOf(lines, target.span), placeholder: target.id } : null;
    }),
  );

  connection.onRenameRequest(
    guard('rename', null, (params): WorkspaceEdit | null => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return null;
      const lines = found.result.analysis.model.lines;
      const result = renameAt(found.result.analysis, lines.offsetAt(params.position), params.newName.trim());
      if (!result) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a measure id can be renamed here.');
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidParams, result.error);
      return workspaceEdit(found.document, result.edits.map((edit) => TextEdit.replace(rangeOf(lines, edit.span), edit.newText)));
    }),
  );

  connection.onRequest(
    COVERAGE_REQUEST,
    guard('coverage', null as CoverageSummary | null, (params: unknown): CoverageSummary | null => {
      const uri = isRecord(params) && typeof params.uri === 'string' ? params.uri : undefined;
      const found = uri ? strategyAt(uri) : undefined;
      return found ? coverageSummary(found.result.analysis) : null;
    }),
  );

  /** What an export or a comparison of the open strategy at `uri` states about itself. */
  const requestContext = (uri: string): RequestContext => ({ file: path.basename(documentPath(uri)), date: new Date().toISOString().slice(0, 10), version: serverVersion() });

  connection.onRequest(
    EXPORT_REQUEST,
    guard('export', null, async (params: unknown) => {
      const request = readExportParams(params);
      if (typeof request === 'string') throw new ResponseError(ErrorCodes.InvalidParams, request);
      const found = strategyAt(request.uri);
      return found ? answerExport(found.result.analysis, request, requestContext(request.uri)) : null;
    }),
  );

  connection.onRequest(
    DIFF_REQUEST,
    guard('diff', null, (params: unknown) => {
      const request = readDiffParams(params);
      if (typeof request === 'string') throw new ResponseError(ErrorCodes.InvalidParams, request);
      const found = strategyAt(request.uri);
      return found ? answerDiff(found.result.analysis, request, requestContext(request.uri)) : null;
    }),
  );

  connection.onExecuteCommand(
    guard('execute command', null, async (params) => {
      if (params.command !== INSERT_ALL_MISSING_SECTIONS) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}`);
      const argument: unknown = params.arguments?.[0];
      const uri = typeof argument === 'string' ? argument : isRecord(argument) && typeof argument.uri === 'string' ? argument.uri : lastActiveUri;
      const found = uri ? strategyAt(uri) : undefined;
      if (!found) return { applied: false, reason: 'No open strategy document.' };
      return insertAllMissingSections(found.document, found.result);
    }),
  );

  /** A quick fix's offsets as an LSP code action, version-checked where the client allows. */
  function toCodeAction(document: TextDocument, result: DocumentAnalysis, action: CodeActionResult): CodeAction {
    const lines = result.analysis.model.lines;
    const codeAction: CodeAction = {
      title: action.title,
      kind: action.kind,
      edit: workspaceEdit(document, action.edits.map((edit) => TextEdit.replace(rangeOf(lines, { start: edit.start, end: edit.end }), edit.newText))),
    };
    if (action.isPreferred) codeAction.isPreferred = true;
    if (action.diagnostics && action.diagnostics.length > 0) codeAction.diagnostics = action.diagnostics.map((finding) => toDiagnostic(document.uri, lines, finding));
    return codeAction;
  }

  connection.onCodeAction(
    guard('code actions', [] as CodeAction[], (params): CodeAction[] => {
      const found = strategyAt(params.textDocument.uri);
      if (!found) return [];
      const lines = found.result.analysis.model.lines;
      const range = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
      return computeCodeActions(found.result.analysis, range, params.context.only).map((action) => toCodeAction(found.document, found.result, action));
    }),
  );

  async function insertAllMissingSections(document: TextDocument, result: DocumentAnalysis): Promise<{ applied: boolean; reason?: string }> {
    const whole = { start: 0, end: result.analysis.model.text.length };
    const action = computeCodeActions(result.analysis, whole, [INSERT_MISSING_SECTIONS_KIND]).find((candidate) => candidate.kind === INSERT_MISSING_SECTIONS_KIND);
    if (!action || action.edits.length === 0) return { applied: false, reason: 'No section is missing, or the file does not parse.' };
    const edit = toCodeAction(document, result, action).edit!;
    const response = await connection.workspace.applyEdit({ label: action.title, edit });
    return { applied: response.applied, reason: response.failureReason };
  }

  // A failure outside any handler (it should not happen) is logged; the server goes on.
  process.on('uncaughtException', (error) => connection.console.error(`dgs: unexpected error: ${describe(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`dgs: unexpected rejection: ${describe(reason)}`));

  documents.listen(connection);
  connection.listen();
  return connection;
}

function serverVersion(): string {
  // The package root is two folders up from out/server/src, one up from dist/.
  for (const candidate of [path.join(__dirname, '..', '..', '..', 'package.json'), path.join(__dirname, '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dgs-strategy' && pkg.version) return pkg.version;
    } catch {
      // Not this layout.
    }
  }
  return '0.0.0';
}

/** Starts the server when run with a transport; explains itself otherwise. */
function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage());
    return;
  }
  if (args.includes('--version')) {
    process.stdout.write(`${serverVersion()}\n`);
    return;
  }
  if (!args.some((arg) => TRANSPORTS.test(arg))) {
    process.stderr.write(usage());
    process.exitCode = 2;
    return;
  }
  startServer();
}

main();

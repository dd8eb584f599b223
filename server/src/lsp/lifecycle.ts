/** Initialisation, settings and configuration changes, and the documents opening, changing, saving and closing. */
import * as path from 'path';
import { fileURLToPath } from 'url';
import { DidChangeWatchedFilesNotification, InitializeParams, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { loadDefaultSchema } from '../host/schemaFile';
import { warmUp } from '../core/warmUp';
import { CODE_ACTION_KINDS, INSERT_ALL_MISSING_SECTIONS } from './codeActions';
import { IMPORT_DOCUMENT_COMMAND } from './importDocument';
import { COMPLETION_TRIGGERS } from './completion';
import { ServerContext } from './context';
import { DiagnosticsPublisher } from './diagnostics';
import { isRecord, readSettings } from './settings';

export function registerLifecycle(server: ServerContext, diagnostics: DiagnosticsPublisher, version: string): void {
  const { connection, documents } = server;
  const warn = (message: string): void => connection.console.warn(message);

  async function fetchSettings(): Promise<void> {
    if (!server.capabilities.configurationRequests) return;
    const section: unknown = await connection.workspace.getConfiguration({ section: 'dgs' });
    server.settings = readSettings(section, server.initialSettings, warn);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    server.capabilities = {
      pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
      diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
      configurationRequests: capabilities.workspace?.configuration === true,
      snippetSupport: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
      hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      watchFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    };
    const options: unknown = params.initializationOptions;
    if (isRecord(options)) {
      if (options.trusted === false) server.trusted = false;
      server.settings = readSettings(options, server.settings, warn);
      server.settings = readSettings(options.dgs, server.settings, warn);
      server.initialSettings = server.settings;
    }
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    server.workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    if (server.workspaceFolders.length === 0 && params.rootPath) server.workspaceFolders = [params.rootPath];
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: [INSERT_ALL_MISSING_SECTIONS, IMPORT_DOCUMENT_COMMAND] },
      },
      serverInfo: { name: 'dgs-language-server', version },
    };
    if (server.capabilities.pullDiagnostics) result.capabilities.diagnosticProvider = { identifier: 'dgs', interFileDependencies: false, workspaceDiagnostics: false };
    // Before the first file arrives: see warmUp.ts. A failure only leaves the engine cold.
    try {
      warmUp(loadDefaultSchema());
    } catch (error) {
      server.log(`dgs: warm-up skipped: ${(error as Error).message}`);
    }
    server.phase = 'running';
    return result;
  });

  connection.onShutdown(() => {
    server.phase = 'shut down';
  });

  connection.onInitialized(
    server.guard('initialized', undefined, async () => {
      if (server.capabilities.configurationRequests) {
        await fetchSettings();
        diagnostics.reanalyseAll();
      }
      // Without file watching, configuration changes are picked up on save and on open.
      if (server.capabilities.watchFiles) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.dgs.{yaml,yml}' }] });
    }),
  );

  connection.onDidChangeConfiguration(
    server.guard('configuration change', undefined, async (change) => {
      if (server.capabilities.configurationRequests) await fetchSettings();
      else {
        const raw: unknown = change.settings;
        server.settings = readSettings(isRecord(raw) ? raw.dgs : undefined, server.initialSettings, warn);
      }
      diagnostics.reanalyseAll();
    }),
  );

  connection.onDidChangeWatchedFiles(server.guard('watched files', undefined, () => diagnostics.reanalyseAll()));

  documents.onDidOpen(
    server.guard('open', undefined, (event) => {
      // A configuration edited while the document was closed is read again.
      server.settingsByFolder.delete(path.dirname(server.documentPath(event.document.uri)));
      server.lastActiveUri = event.document.uri;
    }),
  );
  documents.onDidChangeContent(server.guard('change', undefined, (event) => diagnostics.schedule(event.document.uri)));
  documents.onDidSave(
    server.guard('save', undefined, (event) => {
      // Saving the configuration or a schema in the editor changes what applies to strategies.
      const entry = server.cache.peek(event.document.uri);
      if (!entry?.isStrategy) diagnostics.reanalyseAll();
    }),
  );
  documents.onDidClose(
    server.guard('close', undefined, (event) => {
      diagnostics.close(event.document.uri);
      server.close(event.document.uri);
    }),
  );
}

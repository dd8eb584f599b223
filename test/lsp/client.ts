/**
 * A small LSP client for the protocol tests: starts the real server process
 * (`node bin/dgs-language-server.js --stdio`) and speaks JSON-RPC to it over stdio.
 * Tests wait for the server's notifications; nothing here sleeps.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  LogMessageNotification,
  LogMessageParams,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  ApplyWorkspaceEditRequest,
  ApplyWorkspaceEditParams,
  DiagnosticRefreshRequest,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'bin', 'dgs-language-server.js');
const WAIT_MS = 15_000;

/** The capabilities of a modern editor (VS Code-like), push diagnostics unless `pull`. */
export function editorCapabilities(options: { pull?: boolean; snippets?: boolean } = {}): ClientCapabilities {
  const capabilities: ClientCapabilities = {
    workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true }, applyEdit: true },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: options.snippets ?? true, insertReplaceSupport: false } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      rename: { prepareSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    },
  };
  if (options.pull) {
    capabilities.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
    capabilities.workspace!.diagnostics = { refreshSupport: true };
  }
  return capabilities;
}

interface Waiter<T> {
  matches(value: T): boolean;
  resolve(value: T): void;
}

/** Values arriving over time; `next` takes the first unconsumed one that matches, waiting if needed. */
class Inbox<T> {
  private readonly queue: T[] = [];
  private readonly waiters: Array<Waiter<T>> = [];
  readonly all: T[] = [];

  push(value: T): void {
    this.all.push(value);
    const index = this.waiters.findIndex((waiter) => waiter.matches(value));
    if (index >= 0) {
      const [waiter] = this.waiters.splice(index, 1);
      waiter.resolve(value);
    } else {
      this.queue.push(value);
    }
  }

  next(matches: (value: T) => boolean, what: string, exited: () => string | undefined): Promise<T> {
    const index = this.queue.findIndex(matches);
    if (index >= 0) return Promise.resolve(this.queue.splice(index, 1)[0]);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`Timed out waiting for ${what}${exited() ? ` (${exited()})` : ''}`));
      }, WAIT_MS);
      const waiter: Waiter<T> = {
        matches,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Drops the queued values (those no test has taken). */
  clear(): void {
    this.queue.length = 0;
  }
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** The workspace folder (a path); a fresh temporary folder when absent. */
  workspace?: string;
  /** Answers to `workspace/configuration` for the `dgs` section. */
  settings?: Record<string, unknown>;
}

export class LspClient {
  readonly diagnostics = new Inbox<PublishDiagnosticsParams>();
  readonly logs = new Inbox<LogMessageParams>();
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly refreshes = new Inbox<true>();
  settings: Record<string, unknown>;
  private stderr = '';
  private exitInfo: string | undefined;
  private readonly versions = new Map<string, number>();
  /** Whether the client made the workspace folder (and so removes it when it stops). */
  private ownsWorkspace = false;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly workspace: string,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<{ client: LspClient; initialize: InitializeResult }> {
    const workspace = options.workspace ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-lsp-'));
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, workspace, options.settings ?? {});
    client.ownsWorkspace = options.workspace === undefined;
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    child.on('exit', (code, signal) => (client.exitInfo = `server exited with ${code ?? signal}; stderr: ${client.stderr.slice(-2000)}`));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.diagnostics.push(params));
    connection.onNotification(LogMessageNotification.type, (params) => client.logs.push(params));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'dgs' ? client.settings : null)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.refreshes.push(true);
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      client.appliedEdits.push(params);
      return { applied: true };
    });
    connection.listen();
    const initialize = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'test' }],
      capabilities: options.capabilities ?? editorCapabilities(),
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, initialize };
  }

  exited(): string | undefined {
    return this.exitInfo;
  }

  uri(name: string): string {
    return pathToFileURL(path.join(this.workspace, name)).href;
  }

  async open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The next diagnostics published for a document (optionally: for a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next(
      (params) => params.uri === uri && (version === undefined || params.version === version),
      `diagnostics of ${uri}${version === undefined ? '' : ` version ${version}`}`,
      () => this.exitInfo,
    );
  }

  nextLog(matches: (params: LogMessageParams) => boolean, what: string): Promise<LogMessageParams> {
    return this.logs.next(matches, what, () => this.exitInfo);
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { dgs: settings } });
  }

  async stop(): Promise<void> {
    if (this.exitInfo === undefined) {
      const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
      try {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        this.process.kill();
      }
      await exited;
    }
    this.connection.dispose();
    if (this.ownsWorkspace) fs.rmSync(this.workspace, { recursive: true, force: true });
  }
}

/** The LSP position of the `occurrence`-th match of `needle` in `text`, `delta` characters in. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 1): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`fixture has no ${JSON.stringify(needle)} (occurrence ${occurrence})`);
  }
  const offset = index + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

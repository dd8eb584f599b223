/**
 * The language client: starts the bundled server (`dist/server.js`) over Node IPC for
 * strategies and YAML files (on disk and unsaved), passes the `dgs` settings and whether
 * the workspace is trusted, and restarts a server that died, telling the drafter once.
 */
import * as vscode from 'vscode';
import {
  ClientCapabilities,
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  FeatureState,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  StaticFeature,
  TransportKind,
} from 'vscode-languageclient/node';
import { codeActionMiddleware } from './clauseFixes';
import { ruleLinkMiddleware, withRuleTarget } from './rulePages';
import { TabDiagnostics } from './tabDiagnostics';

export const CLIENT_ID = 'dgs';
export const INSERT_ALL_MISSING_SECTIONS = 'dgs.insertAllMissingSections';
/** A server that stops more often than this within the window is left stopped. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Strategies whatever their scheme (on disk, unsaved, in a virtual workspace); plain YAML on disk and unsaved only. */
export const DOCUMENT_SELECTOR = [
  { language: 'dgs-strategy' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
];

/** Restarts a server that stopped unexpectedly; says so once per session, and gives up after repeated crashes. */
export class RestartingErrorHandler implements ErrorHandler {
  private stops: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.OutputChannel) {}

  error(): ErrorHandlerResult {
    // A broken message is not a reason to stop; a dead process is handled by closed().
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.stops = this.stops.filter((time) => now - time < RESTART_WINDOW_MS);
    this.stops.push(now);
    if (this.stops.length > MAX_RESTARTS) {
      const message = `The DGS language server stopped ${this.stops.length} times in ${RESTART_WINDOW_MS / 60000} minutes and was not restarted again. Run "DGS: Restart language server" to try again; the "DGS Language Server" output shows what happened.`;
      void vscode.window.showErrorMessage(message, 'Show output').then((choice) => choice && this.output.show(true));
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    this.output.appendLine(`[${new Date().toISOString()}] The DGS language server stopped unexpectedly; restarting it.`);
    if (!this.told) {
      this.told = true;
      void vscode.window
        .showWarningMessage('The DGS language server stopped unexpectedly and was restarted. Checks go on as before.', 'Show output')
        .then((choice) => choice && this.output.show(true));
    }
    return { action: CloseAction.Restart, handled: true };
  }
}

/** The active strategy's URI, for a command run from the palette without one. */
export type ActiveUri = () => vscode.Uri | undefined;

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, activeUri: ActiveUri): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const tabs = new TabDiagnostics(() => client.diagnostics);
  context.subscriptions.push(tabs);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      configurationSection: 'dgs',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.dgs.yaml'),
    },
    // Read at every start, so that a restart after the workspace is trusted says so.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    // The one collection of findings: the server pushes them (see PushedDiagnostics).
    diagnosticCollectionName: 'dgs',
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
    middleware: {
      ...codeActionMiddleware,
      ...ruleLinkMiddleware,
      handleDiagnostics: (uri, diagnostics, next) => tabs.handle(uri, diagnostics.map(withRuleTarget), next),
      executeCommand: async (command, args, next) => {
        if (command !== INSERT_ALL_MISSING_SECTIONS) return next(command, args);
        // From the palette there is no argument, from a menu a Uri: the server wants the URI as text.
        const first: unknown = args[0];
        const uri = typeof first === 'string' ? first : first instanceof vscode.Uri ? first.toString() : activeUri()?.toString();
        if (!uri) {
          void vscode.window.showInformationMessage('Open a strategy file first: "DGS: Insert all missing sections" works on the strategy in the editor.');
          return undefined;
        }
        const result: unknown = await next(command, [uri, ...args.slice(1)]);
        reportCommandResult(result);
        return result;
      },
    },
  };
  const client = new LanguageClient(CLIENT_ID, 'DGS Language Server', serverOptions, clientOptions);
  client.registerFeature(new PushedDiagnostics());
  return client;
}

/**
 * The findings are pushed by the server as soon as a version is analysed, not pulled: VS Code
 * pulls only once a document's tab is shown and again on its own schedule, which delayed the
 * first squiggle, and a pulled collection beside the pushed one, both named dgs, made VS Code
 * warn "DiagnosticCollection with name 'dgs' does already exist". Registered after the
 * client's own features, it withdraws the pull capability they announce.
 */
export class PushedDiagnostics implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    if (capabilities.textDocument) delete capabilities.textDocument.diagnostic;
    if (capabilities.workspace) delete capabilities.workspace.diagnostics;
  }

  initialize(): void {}

  getState(): FeatureState {
    return { kind: 'static' };
  }

  clear(): void {}
}

/** The server answers `{ applied: false, reason }` when it changed nothing: say why. */
export function reportCommandResult(result: unknown): void {
  if (typeof result !== 'object' || result === null) return;
  const { applied, reason } = result as { applied?: unknown; reason?: unknown };
  if (applied === false && typeof reason === 'string' && reason.trim() !== '') void vscode.window.showInformationMessage(reason);
}

/** Starts the client, or restarts it when it runs; never throws (a failure is shown and logged). */
export async function startOrRestart(client: LanguageClient, output: vscode.OutputChannel): Promise<boolean> {
  try {
    if (client.state === State.Running) await client.restart();
    else if (client.state === State.Stopped) await client.start();
    else {
      await client.stop().catch(() => undefined);
      await client.start();
    }
    return true;
  } catch (error) {
    const message = `The DGS language server could not start: ${(error as Error)?.message ?? error}`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message, 'Show output').then((choice) => choice && output.show(true));
    return false;
  }
}

/**
 * The VS Code extension: a thin shell around the language server. It starts the bundled
 * server, follows the strategy being edited (status bar, coverage view, coverage report) with
 * what the server answers, and offers the commands. It analyses nothing itself, and runs
 * nothing from the workspace, so it works in untrusted workspaces too (the server then loads
 * no schema from outside the workspace).
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, State } from 'vscode-languageclient/node';
import { COVERAGE_REQUEST, SKELETON_REQUEST, SkeletonAnswer } from '../../server/src/protocol';
import { registerClauseFixes } from './clauseFixes';
import { STRATEGY_MARKER } from './coverageModel';
import { CoveragePanel } from './coveragePanel';
import { CoverageTracker, isStrategyCandidate } from './coverageTracker';
import { CoverageTree, createCoverageTree } from './coverageTree';
import { registerExportCommands } from './exportCommands';
import { importStrategyDocument } from './importDocument';
import { createLanguageClient, INSERT_ALL_MISSING_SECTIONS, reportCommandResult, startOrRestart } from './languageClient';
import { newStrategy, SkeletonRequester } from './newStrategy';
import { registerRulePages } from './rulePages';
import { createStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** A YAML file whose first line is `# dgs-strategy` is a strategy: give it the strategy language (grammar, snippets). */
function promoteMarkedYaml(document: vscode.TextDocument): void {
  if (document.languageId === 'yaml' && document.lineCount > 0 && STRATEGY_MARKER.test(document.lineAt(0).text)) {
    void vscode.languages.setTextDocumentLanguage(document, 'dgs-strategy').then(undefined, () => undefined);
  }
}

/** What the extension hands to other extensions (and the end-to-end tests) that activate it. */
export interface DgsApi {
  /** The "Strategy Coverage" view and its tree. */
  readonly coverageTree: CoverageTree;
  /** The coverage report beside the editor. */
  readonly coveragePanel: CoveragePanel;
  /** The strategy followed and its coverage, as the server answers it. */
  readonly coverageTracker: CoverageTracker;
  /** When activate() began and when the language server was running (Date.now()), for the first-squiggle measure. */
  readonly timings: { activated: number; serverRunning?: number };
}

export async function activate(context: vscode.ExtensionContext): Promise<DgsApi> {
  const timings: { activated: number; serverRunning?: number } = { activated: Date.now() };
  const output = vscode.window.createOutputChannel('DGS Language Server');
  const running = (): LanguageClient | undefined => (client && client.state === State.Running ? client : undefined);
  const tracker = new CoverageTracker(() => {
    const server = running();
    return server && ((params) => server.sendRequest(COVERAGE_REQUEST, params));
  });
  const requestSkeleton = (): SkeletonRequester | undefined => {
    const server = running();
    return server && ((params) => server.sendRequest<SkeletonAnswer | null>(SKELETON_REQUEST, params));
  };
  const panel = new CoveragePanel(tracker, context.extensionUri);
  const activeStrategyUri = (): vscode.Uri | undefined => {
    const active = vscode.window.activeTextEditor?.document;
    if (active && isStrategyCandidate(active)) return active.uri;
    return tracker.document?.uri;
  };

  const coverageTree = createCoverageTree(tracker);
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.dgs.yaml');
  const configChanged = (): void => tracker.follow(true);
  context.subscriptions.push(
    output,
    tracker,
    panel,
    createStatusBar(tracker),
    coverageTree,
    configWatcher,
    configWatcher.onDidChange(configChanged),
    configWatcher.onDidCreate(configChanged),
    configWatcher.onDidDelete(configChanged),
    vscode.workspace.onDidOpenTextDocument(promoteMarkedYaml),
    registerClauseFixes(() => tracker.document),
    registerRulePages(context.extensionUri),
  );
  vscode.workspace.textDocuments.forEach(promoteMarkedYaml);

  context.subscriptions.push(
    vscode.commands.registerCommand('dgs.showCoverage', async (resource?: unknown) => {
      if (resource instanceof vscode.Uri && tracker.document?.uri.toString() !== resource.toString()) {
        await vscode.window.showTextDocument(resource, { preview: false });
      }
      if (!tracker.snapshot) {
        tracker.follow(true);
        await tracker.refresh();
      }
      if (!(await panel.show())) {
        const choice = await vscode.window.showInformationMessage('Open a strategy file (*.strategy.yaml) to see its coverage.', 'New strategy');
        if (choice) await vscode.commands.executeCommand('dgs.init');
      }
    }),
    vscode.commands.registerCommand('dgs.restartServer', async () => {
      if (!client) return;
      if (await startOrRestart(client, output)) vscode.window.setStatusBarMessage('$(check) DGS language server restarted', 3000);
    }),
    vscode.commands.registerCommand('dgs.init', (resource?: unknown) => newStrategy(resource, requestSkeleton())),
    vscode.commands.registerCommand('dgs.importDocument', (resource?: unknown) => importStrategyDocument(client, resource)),
  );

  client = createLanguageClient(context, output, activeStrategyUri);
  registerExportCommands(context, () => client, activeStrategyUri);
  context.subscriptions.push(
    client.onDidChangeState((event) => {
      if (event.newState !== State.Running) return;
      timings.serverRunning ??= Date.now();
      tracker.follow(true);
    }),
    // Trust granted: the server may now load a schema the configuration names anywhere.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client) void startOrRestart(client, output);
    }),
  );
  if (await startOrRestart(client, output)) await registerFallbackCommands(context, activeStrategyUri);
  return { coverageTree, coveragePanel: panel, coverageTracker: tracker, timings };
}

/**
 * The language client registers the server's commands itself. Should the server not offer
 * `dgs.insertAllMissingSections`, the command still exists and asks the server directly.
 */
async function registerFallbackCommands(context: vscode.ExtensionContext, activeUri: () => vscode.Uri | undefined): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(INSERT_ALL_MISSING_SECTIONS)) return;
  context.subscriptions.push(
    vscode.commands.registerCommand(INSERT_ALL_MISSING_SECTIONS, async (uri?: unknown) => {
      const target = typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : activeUri()?.toString();
      if (!target || !client) {
        void vscode.window.showInformationMessage('Open a strategy file first: "DGS: Insert all missing sections" works on the strategy in the editor.');
        return undefined;
      }
      const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command: INSERT_ALL_MISSING_SECTIONS, arguments: [target] });
      reportCommandResult(result);
      return result;
    }),
  );
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop().catch(() => undefined);
}

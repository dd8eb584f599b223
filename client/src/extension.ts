/**
 * The VS Code extension: a thin shell around the language server and the core. It starts
 * the bundled server, follows the strategy being edited (status bar, coverage view, coverage
 * report) and offers the commands. It runs nothing from the workspace, so it works in
 * untrusted workspaces too (the server then loads no schema from outside the workspace).
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, State } from 'vscode-languageclient/node';
import { COVERAGE_REQUEST, STRATEGY_MARKER } from './coverageModel';
import { CoveragePanel } from './coveragePanel';
import { CoverageTracker, isStrategyCandidate } from './coverageTracker';
import { CoverageTree, createCoverageTree } from './coverageTree';
import { registerExportCommands } from './exportCommands';
import { importStrategyDocument } from './importDocument';
import { createLanguageClient, INSERT_ALL_MISSING_SECTIONS, reportCommandResult, startOrRestart } from './languageClient';
import { LocalAnalyses } from './localAnalysis';
import { newStrategy } from './newStrategy';
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
}

export async function activate(context: vscode.ExtensionContext): Promise<DgsApi> {
  const output = vscode.window.createOutputChannel('DGS Language Server');
  const analyses = new LocalAnalyses();
  const tracker = new CoverageTracker(analyses, () => {
    const running = client;
    if (!running || running.state !== State.Running) return undefined;
    return (uri: string) => running.sendRequest(COVERAGE_REQUEST, { uri });
  });
  const panel = new CoveragePanel(tracker);
  const activeStrategyUri = (): vscode.Uri | undefined => {
    const active = vscode.window.activeTextEditor?.document;
    if (active && isStrategyCandidate(active)) return active.uri;
    return tracker.document?.uri;
  };

  const coverageTree = createCoverageTree(tracker);
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.dgs.yaml');
  const configChanged = (): void => {
    analyses.clear();
    tracker.follow(true);
  };
  context.subscriptions.push(
    output,
    analyses,
    tracker,
    panel,
    createStatusBar(tracker),
    coverageTree,
    configWatcher,
    configWatcher.onDidChange(configChanged),
    configWatcher.onDidCreate(configChanged),
    configWatcher.onDidDelete(configChanged),
    vscode.workspace.onDidOpenTextDocument(promoteMarkedYaml),
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
      if (!panel.show()) {
        const choice = await vscode.window.showInformationMessage('Open a strategy file (*.strategy.yaml) to see its coverage.', 'New strategy');
        if (choice) await vscode.commands.executeCommand('dgs.init');
      }
    }),
    vscode.commands.registerCommand('dgs.restartServer', async () => {
      if (!client) return;
      if (await startOrRestart(client, output)) vscode.window.setStatusBarMessage('$(check) DGS language server restarted', 3000);
    }),
    vscode.commands.registerCommand('dgs.init', (resource?: unknown) => newStrategy(resource)),
    vscode.commands.registerCommand('dgs.importDocument', (resource?: unknown) => importStrategyDocument(client, resource)),
  );

  client = createLanguageClient(context, output, activeStrategyUri);
  registerExportCommands(context, () => client, activeStrategyUri);
  context.subscriptions.push(
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) tracker.follow(true);
    }),
    // Trust granted: the server may now load a schema the configuration names anywhere.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client) void startOrRestart(client, output);
    }),
  );
  if (await startOrRestart(client, output)) await registerFallbackCommands(context, activeStrategyUri);
  return { coverageTree };
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

/**
 * The language server: the LSP shell around the pure core. Run it with `--stdio` (any
 * editor) or `--node-ipc` (the VS Code client). startServer wires one small handler per
 * feature (server/src/lsp/) to a shared ServerContext, which keeps the open documents and
 * asks each one's document service (document.ts) for its analysis. Every handler is
 * guarded: a failure is logged and answers empty.
 */
import { Connection, createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { EditorDocument } from './editorDocument';
import { SentEdits } from './sentEdits';
import { packageInfo } from '../host/packageInfo';
import { registerCodeActions } from './codeActions';
import { registerCompletion } from './completion';
import { describeError, ServerContext } from './context';
import { registerCoverage } from './coverage';
import { registerExports } from './exports';
import { DiagnosticsPublisher } from './diagnostics';
import { registerHover } from './hover';
import { registerLifecycle } from './lifecycle';
import { registerNavigation } from './navigation';
import { registerCodeLens, registerFolding, registerSymbols } from './outline';

export { INSERT_ALL_MISSING_SECTIONS } from './codeActions';
export { COVERAGE_REQUEST } from './coverage';

function usage(): string {
  return 'Usage: dgs-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\nThe dgs language server: checks digital government strategies (YAML) against OECD/LEGAL/0406.\n';
}

const TRANSPORTS = /^--(stdio|node-ipc|socket=|pipe=|socket$|pipe$)/;

export function startServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const sentEdits = new SentEdits();
  const documents = new TextDocuments<EditorDocument>({ create: EditorDocument.create, update: sentEdits.update });
  const server = new ServerContext(connection, documents, sentEdits);
  const diagnostics = new DiagnosticsPublisher(server);
  registerLifecycle(server, diagnostics, packageInfo().version);
  diagnostics.register();
  registerHover(server);
  registerCompletion(server);
  registerSymbols(server);
  registerFolding(server);
  registerCodeLens(server);
  registerNavigation(server);
  registerCoverage(server, packageInfo().version);
  registerExports(server, packageInfo().version);
  registerCodeActions(server);

  // A failure outside any handler (it should not happen) is logged; the server goes on.
  // A client that stops reading (or goes away) leaves nothing to talk to: the server ends
  // quietly, as it does when its input closes, rather than failing to report the failure.
  const clientGone = (error: unknown): boolean => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
  };
  const leave = (): never => process.exit(server.phase === 'shut down' ? 0 : 1);
  process.stdout.on('error', (error) => {
    if (clientGone(error)) leave();
  });
  const report = (what: string, error: unknown): void => {
    if (clientGone(error)) leave();
    try {
      connection.console.error(`dgs: ${what}: ${describeError(error)}`);
    } catch {
      leave();
    }
  };
  process.on('uncaughtException', (error) => report('unexpected error', error));
  process.on('unhandledRejection', (reason) => report('unexpected rejection', reason));

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** Starts the server when run with a transport; explains itself otherwise. */
function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage());
    return;
  }
  if (args.includes('--version')) {
    process.stdout.write(`${packageInfo().version}\n`);
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

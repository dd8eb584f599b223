/**
 * The language server: the LSP shell around the pure core. Run it with `--stdio` (any
 * editor) or `--node-ipc` (the VS Code client). startServer wires one small handler per
 * feature (server/src/lsp/) to a shared ServerContext, which keeps the open documents and
 * asks each one's document service (document.ts) for its analysis. Every handler is
 * guarded: a failure is logged and answers empty.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Connection, createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerCodeActions } from './lsp/codeActions';
import { registerCompletion } from './lsp/completion';
import { describeError, ServerContext } from './lsp/context';
import { registerCoverage } from './lsp/coverage';
import { registerExports } from './lsp/exports';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { registerHover } from './lsp/hover';
import { registerLifecycle } from './lsp/lifecycle';
import { registerNavigation } from './lsp/navigation';
import { registerCodeLens, registerFolding, registerSymbols } from './lsp/outline';

export { INSERT_ALL_MISSING_SECTIONS } from './lsp/codeActions';
export { COVERAGE_REQUEST } from './lsp/coverage';

function usage(): string {
  return 'Usage: dgs-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\nThe dgs language server: checks digital government strategies (YAML) against OECD/LEGAL/0406.\n';
}

const TRANSPORTS = /^--(stdio|node-ipc|socket=|pipe=|socket$|pipe$)/;

export function startServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const server = new ServerContext(connection, documents);
  const diagnostics = new DiagnosticsPublisher(server);
  registerLifecycle(server, diagnostics, serverVersion());
  diagnostics.register();
  registerHover(server);
  registerCompletion(server);
  registerSymbols(server);
  registerFolding(server);
  registerCodeLens(server);
  registerNavigation(server);
  registerCoverage(server);
  registerExports(server, serverVersion());
  registerCodeActions(server);

  // A failure outside any handler (it should not happen) is logged; the server goes on.
  process.on('uncaughtException', (error) => connection.console.error(`dgs: unexpected error: ${describeError(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`dgs: unexpected rejection: ${describeError(reason)}`));

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

/** The server's command for "DGS: Import a strategy document": the client sends the document's bytes (import/command.ts). */
import { runImportCommand } from '../import/command';
import { ImportDocumentResult } from '../import/protocol';
import { ServerContext } from './context';

export { IMPORT_DOCUMENT_COMMAND } from '../import/protocol';

/** The strategy for the document, with the schema of the `.dgs.yaml` where it will be saved. */
export function importDocument(server: ServerContext, argument: unknown): Promise<ImportDocumentResult> {
  return runImportCommand(argument, (target) => server.settingsFor(server.documentPath(target ?? '')).schema);
}

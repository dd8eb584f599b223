/**
 * What the editor and the language server say to each other to import a document: the
 * client reads the file (from any file system VS Code knows) and sends its bytes; the server
 * runs the importer and returns the strategy's text. Only types and names: the client
 * imports this module without the importer itself.
 */

/** The server's command, run with `workspace/executeCommand`. */
export const IMPORT_DOCUMENT_COMMAND = 'dgs.server.importDocument';

export interface ImportDocumentArguments {
  /** The document's file name, for its format and the header comment: `strategy.docx`. */
  fileName: string;
  /** The document's bytes, base64. */
  content: string;
  /** Where the strategy will be saved (a URI), for the `.dgs.yaml` and schema that apply there. */
  target?: string;
}

export type ImportDocumentResult =
  | { text: string; measures: number; sections: number; unplaced: number; warnings: string[] }
  | { error: string };

/**
 * The changes the editor sent since each document was last analysed, as one edit: the
 * document service then looks for what changed only there, instead of comparing two texts of
 * several megabytes on every keystroke. A change that replaces the whole text ends the
 * record until the next analysis.
 */
import { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { SentEdit } from '../core/document';
import { composeEdits, TextEdit } from '../core/text/textEdit';
import { EditorDocument } from './editorDocument';

export class SentEdits {
  private readonly byUri = new Map<string, { from: string; edit?: TextEdit }>();

  /** The documents' update (TextDocuments' configuration): applies the changes, noting where each fell. */
  readonly update = (document: EditorDocument, changes: TextDocumentContentChangeEvent[], version: number): EditorDocument => {
    const log = this.byUri.get(document.uri);
    document.update(changes, version, (start, oldEnd, newEnd) => {
      if (!log) return;
      if (start < 0) {
        // The whole text replaced: nothing is known of where it changed.
        this.byUri.delete(document.uri);
        return;
      }
      const edit = { start, oldEnd, newEnd };
      log.edit = log.edit ? composeEdits(log.edit, edit) : edit;
    });
    return document;
  };

  /** The changes since the document's last analysed text, when all of them were ranged. */
  since(uri: string): SentEdit | undefined {
    const log = this.byUri.get(uri);
    return log?.edit ? { from: log.from, edit: log.edit } : undefined;
  }

  /** The document's text was analysed: later changes count from it. */
  analysed(uri: string, text: string): void {
    this.byUri.set(uri, { from: text });
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

/**
 * The changes the editor sent since each document was last analysed, as one edit: the
 * document service then looks for what changed only there, instead of comparing two texts of
 * several megabytes on every keystroke. A change that replaces the whole text ends the
 * record until the next analysis.
 */
import { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SentEdit } from '../core/document';
import { composeEdits } from '../core/text/textEdit';

export class SentEdits {
  private readonly byUri = new Map<string, { from: string; edit?: SentEdit['edit'] }>();

  /** The documents' update (TextDocuments' configuration): applies the changes one by one, noting where each fell. */
  readonly update = (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    let log = this.byUri.get(document.uri);
    for (const change of changes) {
      if (!('range' in change)) {
        log = undefined;
        this.byUri.delete(document.uri);
        document = TextDocument.update(document, [change], version);
        continue;
      }
      // As the document does: a range given end first is read start first, and clamped to the text.
      const a = document.offsetAt(change.range.start);
      const b = document.offsetAt(change.range.end);
      const start = Math.min(a, b);
      const edit = { start, oldEnd: Math.max(a, b), newEnd: start + change.text.length };
      document = TextDocument.update(document, [change], version);
      if (log) log.edit = log.edit ? composeEdits(log.edit, edit) : edit;
    }
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

/**
 * The open documents' text as the server keeps it: the `TextDocument` of
 * vscode-languageserver-textdocument, but over the core's line index, so that an edit moves
 * the line starts once, and the document service then takes that same index instead of
 * moving them a second time (both are tens of thousands of lines on a large strategy).
 * Positions follow the Language Server Protocol: lines end at `\r\n`, `\n` or `\r`, and an
 * offset inside a `\r\n` is the end of its line.
 */
import { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core/text/lineIndex';

export class EditorDocument implements TextDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    /** The text and its line starts: shared with the document service, never changed (an edit makes a new one). */
    public lines: LineIndex,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): EditorDocument {
    return new EditorDocument(uri, languageId, version, new LineIndex(content));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    const text = this.lines.text;
    if (!range) return text;
    return text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  getLineRange(line: number): Range {
    const lines = this.lines;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // Past the last line: the last line, as the library has it.
    const at = Math.min(line, lines.lineCount - 1);
    return { start: { line: at, character: 0 }, end: { line: at, character: lines.lineEnd(at) - lines.lineStarts[at] } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lines;
    if (line < 0 || line >= lines.lineCount) return '';
    const next = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : lines.text.length;
    return lines.text.slice(lines.lineEnd(line), next);
  }

  /** Applies the editor's changes in order, as `TextDocument.update` does; `applied` hears where each fell. */
  update(changes: TextDocumentContentChangeEvent[], version: number, applied?: (start: number, oldEnd: number, newEnd: number) => void): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.lines = new LineIndex(change.text);
        applied?.(-1, -1, -1);
        continue;
      }
      // A range given end first is read start first, and clamped to the text, as the library does.
      const a = this.offsetAt(change.range.start);
      const b = this.offsetAt(change.range.end);
      const start = Math.min(a, b);
      const end = Math.max(a, b);
      const old = this.lines.text;
      const text = old.slice(0, start) + change.text + old.slice(end);
      this.lines = this.lines.edited(text, start, end, start + change.text.length);
      applied?.(start, end, start + change.text.length);
    }
    this.version = version;
  }
}

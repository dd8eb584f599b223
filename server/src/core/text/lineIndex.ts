/** Offsets inside, positions at the edge: converts string offsets to LSP line/character and back. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open range of string offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export class LineIndex {
  /**
   * Offset at which each line starts. Lines end as the Language Server Protocol has it, at
   * `\r\n`, `\n` or a lone `\r` (the editor shows a line break there, so positions must too).
   */
  readonly lineStarts: Uint32Array;
  /** Whether the text holds no carriage return: its lines then end at `\n` alone. */
  private readonly crFree: boolean;

  /** `known`: the line starts, when they were found otherwise (edited). */
  constructor(
    readonly text: string,
    known?: { lineStarts: Uint32Array; crFree: boolean },
  ) {
    if (known) {
      this.lineStarts = known.lineStarts;
      this.crFree = known.crFree;
      return;
    }
    const starts = [0];
    this.crFree = text.indexOf('\r') === -1;
    if (this.crFree) {
      let at = text.indexOf('\n');
      while (at !== -1) {
        starts.push(at + 1);
        at = text.indexOf('\n', at + 1);
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (code === 10) {
          starts.push(i + 1);
        }
      }
    }
    // A typed array: an edit copies the line starts and moves those after it, tens of
    // thousands on a large strategy, at the speed of a memory copy.
    this.lineStarts = Uint32Array.from(starts);
  }

  /**
   * The index of a text that differs from this one's only in `[start, oldEnd)`, which became
   * `[start, newEnd)`: the lines before the edit are kept, those after it moved, and only the
   * edited stretch is scanned. (Texts with a carriage return are indexed whole.)
   */
  edited(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    if (!this.crFree || text.slice(start, newEnd).indexOf('\r') !== -1) return new LineIndex(text);
    const old = this.lineStarts;
    // The lines that start at or before the edit are kept as they are.
    const low = this.lineAt(start) + 1;
    const written: number[] = [];
    let at = text.indexOf('\n', start);
    while (at !== -1 && at < newEnd) {
      written.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    let index = low;
    while (index < old.length && old[index] <= oldEnd) index++;
    const starts = new Uint32Array(low + written.length + old.length - index);
    starts.set(old.subarray(0, low));
    starts.set(written, low);
    // The lines after the edit move by its length.
    const delta = newEnd - oldEnd;
    for (let line = low + written.length; index < old.length; line++, index++) starts[line] = old[index] + delta;
    return new LineIndex(text, { lineStarts: starts, crFree: true });
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The last line that starts at or before an offset of the text. */
  private lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = offset > 0 ? Math.min(Math.floor(offset), this.text.length) : 0;
    const low = this.lineAt(clamped);
    // Between the `\r` and the `\n` of a line break is not a place in the editor: the end of the line is.
    const inBreak = clamped > this.lineStarts[low] && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13;
    return { line: low, character: (inBreak ? clamped - 1 : clamped) - this.lineStarts[low] };
  }

  /** The offset of a position; a position outside the text (or not a number at all, from a careless client) is clamped into it. */
  offsetAt(position: Position): number {
    const line = Math.floor(position.line);
    if (!(line >= 0)) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line];
    const character = position.character > 0 ? Math.floor(position.character) : 0;
    return Math.min(start + character, this.lineEnd(line));
  }

  /** Offset of the end of a line's content, before its `\r\n`, `\n` or `\r`. */
  lineEnd(line: number): number {
    if (line >= this.lineStarts.length - 1) return this.text.length;
    let end = this.lineStarts[line + 1] - 1;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/**
 * Bytes to text for a strategy file: UTF-8, a byte order mark dropped, invalid bytes
 * replaced (U+FFFD) and their first place reported, so the file is still analysed.
 */
import { LineIndex, Position } from '../core/text/lineIndex';

export interface DecodedText {
  text: string;
  /** Whether the file started with a UTF-8 byte order mark (removed from `text`). */
  bom: boolean;
  /** When some bytes are not UTF-8: where the first is, in the decoded text, and how many sequences were replaced. */
  invalid?: { position: Position; count: number };
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: strict.decode(body), bom };
  } catch {
    const text = lenient.decode(body);
    const invalidAt = firstInvalidByte(body);
    const prefix = lenient.decode(body.subarray(0, invalidAt));
    const position = new LineIndex(prefix).positionAt(prefix.length);
    return { text, bom, invalid: { position, count: countInvalidSequences(body) } };
  }
}

/** The length of a valid UTF-8 sequence starting at `i`, or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i];
  if (first < 0x80) return 1;
  let length: number;
  let min: number;
  let max = 0xbf;
  if (first >= 0xc2 && first <= 0xdf) {
    length = 2;
    min = 0x80;
  } else if (first >= 0xe0 && first <= 0xef) {
    length = 3;
    // No overlong forms (E0 80–9F) and no surrogates (ED A0–BF).
    min = first === 0xe0 ? 0xa0 : 0x80;
    if (first === 0xed) max = 0x9f;
  } else if (first >= 0xf0 && first <= 0xf4) {
    length = 4;
    min = first === 0xf0 ? 0x90 : 0x80;
    if (first === 0xf4) max = 0x8f;
  } else {
    return 0;
  }
  if (i + length > bytes.length) return 0;
  if (bytes[i + 1] < min || bytes[i + 1] > max) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return length;
}

function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function countInvalidSequences(bytes: Uint8Array): number {
  let count = 0;
  let inInvalid = false;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      if (!inInvalid) count++;
      inInvalid = true;
      i++;
    } else {
      inInvalid = false;
      i += length;
    }
  }
  return count;
}

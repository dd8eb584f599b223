/**
 * A Word document (.docx bytes) → blocks, through mammoth's HTML, which keeps what the
 * structure step needs: heading styles, Word's numbered and bulleted lists, bold runs and
 * tables. Images are left out (their bytes are no text).
 */
import * as mammoth from 'mammoth';
import { Block } from './blocks';
import { readHtml } from './html';

/** Styles that mammoth does not map by default but that title pages use. */
const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Subtitle'] => p:fresh"];

export interface DocxText {
  blocks: Block[];
  /** mammoth's messages (unknown styles and the like), for the drafter. */
  warnings: string[];
}

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
  );
  return { blocks: readHtml(result.value), warnings: result.messages.map((message) => message.message) };
}

/** The document's text without structure, as Word shows it: what the evaluation counts words in. */
export async function docxRawText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return result.value;
}

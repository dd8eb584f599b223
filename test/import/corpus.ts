/**
 * The import corpus: strategy documents written for the evaluation, each in a folder of
 * test/fixtures/import/ with `document.md`, `document.txt` or `document.docx.txt` (a Word
 * document in the line format of docxFixture.ts) and `expected.json`, the structure a
 * careful reader finds in it. Folders under `heldout/` are left out unless asked for.
 */
import * as fs from 'fs';
import * as path from 'path';
import { docxRawText } from '../../server/src/import/docx';
import { DocumentFormat } from '../../server/src/import';
import { buildDocx } from './docxFixture';

export const CORPUS_DIR = path.resolve(__dirname, '../../../test/fixtures/import');

export interface ExpectedMeasure {
  title: string;
  lead: string | null;
  due: string | null;
  budget: { amount: number; currency: string } | null;
}

export interface Expected {
  format: DocumentFormat;
  strategy: { title: string; government?: string; level?: string; period?: { from: number; to: number }; status?: string; lead?: string };
  sections: { heading: string; section: string }[];
  measures: ExpectedMeasure[];
}

export interface CorpusDocument {
  name: string;
  format: DocumentFormat;
  bytes: Uint8Array;
  /** The document's text as a reader sees it, to count its words. */
  text: string;
  expected: Expected;
}

function folders(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'expected.json')))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

export async function loadDocument(folder: string): Promise<CorpusDocument> {
  const expected = JSON.parse(fs.readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Expected;
  const name = path.relative(CORPUS_DIR, folder).split(path.sep).join('/');
  if (expected.format === 'docx') {
    const bytes = await buildDocx(fs.readFileSync(path.join(folder, 'document.docx.txt'), 'utf8'));
    return { name, format: 'docx', bytes, text: await docxRawText(bytes), expected };
  }
  const bytes = fs.readFileSync(path.join(folder, `document.${expected.format}`));
  return { name, format: expected.format, bytes, text: bytes.toString('utf8'), expected };
}

export async function loadCorpus(options: { heldOut?: boolean } = {}): Promise<CorpusDocument[]> {
  const dirs = options.heldOut ? folders(path.join(CORPUS_DIR, 'heldout')) : folders(CORPUS_DIR);
  return Promise.all(dirs.map(loadDocument));
}

#!/usr/bin/env node
// Renders the Word export of the national example to docs/images/export-docx.png: three pages
// (the title page, the first chapter, the first page of the annex) side by side, as LibreOffice
// lays them out. For the README only: it needs LibreOffice (soffice) and poppler (pdftoppm),
// which `npm test` and CI do not install. Run `npm run build` first.
//   node scripts/render-export-image.js [--keep DIR]
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'images', 'export-docx.png');
const DPI = 70;
const GAP = 24;
const BACKGROUND = [0xe8, 0xe8, 0xe8];

function readPpm(file) {
  const data = fs.readFileSync(file);
  // P6 <width> <height> <max>\n<RGB bytes>
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error(`${file} is not a binary PPM`);
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: data.subarray(whole.length) };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function writePng(file, width, height, rgb) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]));
}

/** The pages side by side on a grey background, with a margin around each. */
function compose(pages) {
  const height = Math.max(...pages.map((page) => page.height)) + 2 * GAP;
  const width = pages.reduce((sum, page) => sum + page.width, 0) + GAP * (pages.length + 1);
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(BACKGROUND, i * 3);
  let x = GAP;
  for (const page of pages) {
    for (let y = 0; y < page.height; y++) page.pixels.copy(rgb, ((y + GAP) * width + x) * 3, y * page.width * 3, (y + 1) * page.width * 3);
    x += page.width + GAP;
  }
  return { width, height, rgb };
}

function main() {
  const keep = process.argv.indexOf('--keep');
  const work = keep >= 0 ? path.resolve(process.argv[keep + 1]) : fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-export-image-'));
  fs.mkdirSync(work, { recursive: true });
  const docx = path.join(work, 'national.docx');
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'dgs.js'), 'export', 'examples/national.strategy.yaml', '--format', 'docx', '--output', docx], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '1780963200' },
  });
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore' });
  const pdf = path.join(work, 'national.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const annex = text.findLastIndex((page) => /^\s*Annex\. Coverage of the Recommendation \S+\s*$/m.test(page)) + 1;
  if (annex <= 2) throw new Error('no annex page in the PDF');
  const pages = [1, 3, annex].map((number) => {
    const prefix = path.join(work, `page-${number}`);
    execFileSync('pdftoppm', ['-r', String(DPI), '-f', String(number), '-l', String(number), '-singlefile', pdf, prefix]);
    return readPpm(`${prefix}.ppm`);
  });
  const image = compose(pages);
  writePng(OUT, image.width, image.height, image.rgb);
  process.stdout.write(`${path.relative(ROOT, OUT)}: pages 1, 3 and ${annex} of ${text.length - 1}, ${image.width}×${image.height}\n`);
  if (keep < 0) fs.rmSync(work, { recursive: true, force: true });
}

main();

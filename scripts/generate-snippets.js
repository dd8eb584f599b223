#!/usr/bin/env node
// Writes snippets/dgs-strategy.json from the schema (server/src/snippets/snippetFile.ts does the work).
// `--check` writes nothing and exits 1 when the committed file differs from what the schema gives.
'use strict';
const { syncGeneratedFile } = require('./generated-file');
const fs = require('fs');
const path = require('path');
const { loadTs, ROOT } = require('./load-ts');

const SCHEMA = path.join(ROOT, 'server', 'schema', 'oecd-legal-0406.yaml');
const TARGET = path.join(ROOT, 'snippets', 'dgs-strategy.json');

function main() {
  const { renderSnippetFile, parseSchema } = loadTs({
    'server/src/snippets/snippetFile.ts': ['renderSnippetFile'],
    'server/src/core/schema/parse.ts': ['parseSchema'],
  });
  const text = renderSnippetFile(parseSchema(fs.readFileSync(SCHEMA, 'utf8'), SCHEMA));
  syncGeneratedFile(TARGET, text, 'scripts/generate-snippets.js');
}

main();

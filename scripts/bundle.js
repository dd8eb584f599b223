#!/usr/bin/env node
// Bundles the extension for VS Code with esbuild:
//   dist/extension.js   the client (client/src/extension.ts), `vscode` left to the editor
//   dist/server.js      the language server (server/src/lsp/server.ts)
//   dist/schema/*.yaml  the schema data, where defaultSchemaPath() looks beside the bundle
// and regenerates the snippets and the grammar from the schema first.
// Options: --production (minified, no source maps), --outdir DIR (default: dist).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_DIR = path.join(ROOT, 'server', 'schema');

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function bundle({ outdir = path.join(ROOT, 'dist'), production = false, generate = true } = {}) {
  if (generate) {
    for (const script of ['generate-snippets.js', 'generate-grammar.js']) {
      execFileSync(process.execPath, [path.join(__dirname, script)], { cwd: ROOT, stdio: 'inherit' });
    }
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    absWorkingDir: ROOT,
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir, external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: { server: 'server/src/lsp/server.ts' }, outdir }),
  ]);
  const schemaOut = path.join(outdir, 'schema');
  fs.mkdirSync(schemaOut, { recursive: true });
  for (const file of fs.readdirSync(SCHEMA_DIR)) {
    if (file.endsWith('.yaml')) fs.copyFileSync(path.join(SCHEMA_DIR, file), path.join(schemaOut, file));
  }
  return outdir;
}

module.exports = { bundle };

if (require.main === module) {
  const outdir = option('--outdir');
  bundle({ outdir: outdir ? path.resolve(outdir) : undefined, production: process.argv.includes('--production'), generate: !process.argv.includes('--no-generate') })
    .then((dir) => {
      for (const file of ['extension.js', 'server.js']) {
        const size = fs.statSync(path.join(dir, file)).size;
        process.stdout.write(`${path.relative(ROOT, path.join(dir, file))}: ${(size / 1024).toFixed(0)} KiB\n`);
      }
    })
    .catch((error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    });
}

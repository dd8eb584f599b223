// Loads TypeScript modules of the project in this process, without a prior `tsc` run:
// esbuild bundles an entry written on the fly into memory, and Node compiles the result.
'use strict';
const path = require('path');
const Module = require('module');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');

/** `exports` maps each exported name to the project file (relative to the root) that exports it. */
function loadTs(exportsByFile) {
  const contents = Object.entries(exportsByFile)
    .map(([file, names]) => `export { ${names.join(', ')} } from ${JSON.stringify('./' + file.replace(/\\/g, '/'))};`)
    .join('\n');
  const result = esbuild.buildSync({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'load-ts-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const filename = path.join(ROOT, 'scripts', '.load-ts-bundle.js');
  const loaded = new Module(filename, module);
  loaded.filename = filename;
  loaded.paths = Module._nodeModulePaths(ROOT);
  loaded._compile(result.outputFiles[0].text, filename);
  return loaded.exports;
}

module.exports = { loadTs, ROOT };

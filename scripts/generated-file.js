/**
 * Writes a file generated from the schema, or with --check only says whether the committed
 * file is what the generator gives (exit code 1 when not).
 */
const fs = require('fs');
const path = require('path');

function syncGeneratedFile(target, text, regenerate) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  const shown = path.relative(process.cwd(), target) || target;
  if (process.argv.includes('--check')) {
    if (current !== text) {
      process.stderr.write(`${shown} is not what ${regenerate} gives; run: node ${regenerate}\n`);
      process.exitCode = 1;
    }
    return;
  }
  if (current === text) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${shown}\n`);
}

module.exports = { syncGeneratedFile };

#!/usr/bin/env node
// Writes the tables derived from the rule registry (server/src/core/rules/index.ts): the rule
// settings in package.json and the index of docs/rules/README.md (server/src/core/rules/tables.ts
// does the work). `--check` writes nothing and exits 1 when a committed file differs.
'use strict';
const { syncGeneratedFile } = require('./generated-file');
const fs = require('fs');
const path = require('path');
const { loadTs, ROOT } = require('./load-ts');

function main() {
  const { RULES, withRuleSettings, withRulesIndex } = loadTs({
    'server/src/core/rules/index.ts': ['RULES'],
    'server/src/core/rules/tables.ts': ['withRuleSettings', 'withRulesIndex'],
  });
  const manifest = path.join(ROOT, 'package.json');
  syncGeneratedFile(manifest, withRuleSettings(fs.readFileSync(manifest, 'utf8'), RULES), 'scripts/generate-rule-tables.js');
  const readme = path.join(ROOT, 'docs', 'rules', 'README.md');
  syncGeneratedFile(readme, withRulesIndex(fs.readFileSync(readme, 'utf8'), RULES), 'scripts/generate-rule-tables.js');
}

main();

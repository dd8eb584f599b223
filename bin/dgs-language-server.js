#!/usr/bin/env node
// The dgs language server, for any LSP editor: `dgs-language-server --stdio`.
// The compiled server lives in out/ (npm run build); loading it starts it.
'use strict';
require('../out/server/src/lsp/server.js');

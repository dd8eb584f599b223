#!/usr/bin/env node
// The dgs command line. The compiled program lives in out/ (npm run build).
'use strict';
const { main } = require('../out/server/src/cli/main.js');
main();

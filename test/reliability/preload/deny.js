'use strict';
// Loaded into the CLI and the language server with NODE_OPTIONS=--require (see
// test/reliability/noNetwork.test.ts). Every way to reach the network, run another program or
// load code from outside the package is replaced by a function that records the call in the
// file named by DGS_DENY_LOG and throws. The tests assert that nothing was recorded, and that
// this file was loaded at all (DGS_DENY_LOADED), so that they cannot pass vacuously.
const fs = require('fs');
const path = require('path');
const Module = require('module');

const logFile = process.env.DGS_DENY_LOG;
const packageRoot = process.env.DGS_DENY_PACKAGE_ROOT;

function record(what) {
  const where = (new Error().stack || '').split('\n').slice(3, 8).map((line) => line.trim()).join(' < ');
  if (logFile) fs.appendFileSync(logFile, `${process.pid} ${what} ${where}\n`);
}

function deny(name) {
  return function denied() {
    record(name);
    throw new Error(`dgs reliability test: ${name} is not allowed`);
  };
}

function replace(moduleName, names) {
  const target = require(moduleName);
  for (const name of names) {
    if (typeof target[name] === 'function') target[name] = deny(`${moduleName}.${name}`);
  }
}

const net = require('net');
net.Socket.prototype.connect = deny('net.Socket.prototype.connect');
replace('net', ['connect', 'createConnection', 'createServer']);
replace('tls', ['connect', 'createServer']);
replace('dgram', ['createSocket']);
replace('http', ['request', 'get', 'createServer']);
replace('https', ['request', 'get', 'createServer']);
replace('http2', ['connect', 'createServer', 'createSecureServer']);
replace('dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
replace('child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
replace('worker_threads', ['Worker']);
replace('vm', ['runInContext', 'runInNewContext', 'runInThisContext', 'compileFunction', 'Script', 'createContext']);
if (typeof globalThis.fetch === 'function') globalThis.fetch = deny('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = deny('WebSocket');

// Code may be loaded from the package (and Node's own modules) only: never from the
// workspace, whatever a strategy or a configuration names.
if (packageRoot) {
  const originalLoad = Module._load;
  Module._load = function load(request, parent, isMain) {
    let resolved;
    try {
      resolved = Module._resolveFilename(request, parent, isMain);
    } catch {
      return originalLoad.apply(this, arguments);
    }
    if (path.isAbsolute(resolved) && !resolved.startsWith(packageRoot + path.sep) && resolved !== __filename) {
      record(`require(${resolved})`);
      throw new Error(`dgs reliability test: loading ${resolved} is not allowed`);
    }
    return originalLoad.apply(this, arguments);
  };
}

if (process.env.DGS_DENY_LOADED) fs.appendFileSync(process.env.DGS_DENY_LOADED, `${process.pid}\n`);

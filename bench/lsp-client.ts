/**
 * A real LSP client process for the benchmark: it starts one language server over stdio,
 * opens one strategy, and times what a drafter feels: open → diagnostics, edit →
 * diagnostics of that version, hover, completion, and the server's memory after open.
 *
 * `node out/bench/lsp-client.js '<ClientOptions as JSON>'` prints one line of JSON, the
 * ClientResult. Every wait is bounded; the server is killed at the end whatever happens.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { Diagnostic } from 'vscode-languageserver-protocol';

export type ServerName = 'dgs' | 'yaml-language-server';

export interface ClientOptions {
  server: ServerName;
  /** The command that starts the server, `[program, ...args]`. */
  command: string[];
  file: string;
  /** The JSON Schema file yaml-language-server validates against. */
  jsonSchemaFile?: string;
  /** The measure whose title and first clause the edits change. */
  editMeasureId: string;
  /** A clause reference the schema does not have, for the edits that break a reference. */
  unknownClause: string;
  /** Where the planted defects are, to check that the server really validates. */
  expectedDiagnostics: Array<{ line: number; code?: string }>;
  edits: number;
  hovers: number;
  completions: number;
  /** Ask for pull diagnostics (as VS Code does) instead of waiting for pushed ones. */
  pull?: boolean;
  timeoutMs: number;
  /** After this long in one phase (edits, hovers, completions), stop once 3 samples are in. */
  phaseBudgetMs: number;
  logFile?: string;
}

/** The kinds of edit timed besides the title and clause edits, each as an editor sends it. */
export const EDIT_KINDS = {
  typing: 'typing in a clause reference, one character per change',
  span: 'one change across two adjacent measures',
  paste: 'paste a measure',
  delete: 'delete a measure',
  invalidKey: 'a new key typed, invalid until its colon (and its removal)',
  bracket: 'an unclosed [ in addresses (and its closing)',
} as const;
export type EditKind = keyof typeof EDIT_KINDS;

export interface ClientResult {
  server: ServerName;
  file: string;
  diagnosticsMode: 'push' | 'pull';
  initializeMs: number;
  openMs: number;
  openDiagnostics: number;
  /** Planted defects the server reported at the expected line, of those expected. */
  validation: { expected: number; found: number; missing: string[] };
  rssAfterOpenMb: number;
  peakRssMb: number;
  rssAtEndMb: number;
  /** Server CPU time from didOpen to the first diagnostics, and per edit on average: work, whatever the load. */
  openCpuMs: number;
  editCpuMs: number;
  editTitleMs: number[];
  editClauseMs: number[];
  /** Edits whose diagnostics did not show what the edit did (a stale or wrong publish). */
  editMismatches: number;
  /** Ranged changes as editors send them, by kind (see EDIT_KINDS): edit → diagnostics of that version. */
  editKinds: Record<EditKind, number[]>;
  /** The server's CPU time for each of those edits, by kind: the work, whatever else the machine does. */
  editKindCpuMs: Record<EditKind, number[]>;
  /** Edits that break the YAML after which fewer findings other than yaml-syntax were shown than before. */
  findingsLost: number;
  hoverClauseMs: number[];
  hoverKeyMs: number[];
  hoverEmpty: number;
  completionAddressesMs: number[];
  completionKeyMs: number[];
  completionItems: { addresses: number; key: number };
  /** The kinds of edit whose diagnostics the server did not show within the timeout (ms), the phase then abandoned. */
  editKindsTimedOut: Partial<Record<EditKind, number>>;
  errors: string[];
}

interface Published {
  version?: number;
  diagnostics: Diagnostic[];
}

class TimeoutError extends Error {}
/** A kind of edit given up on after a timeout: the run goes on with the next kind. */
class PhaseAbandoned extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resident and peak memory of a process, in MB, from /proc (Linux). */
export function processMemoryMb(pid: number): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const read = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
    return { rss: read('VmRSS'), peak: read('VmHWM') };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** USER_HZ: 100 on every Linux that Node runs on. */
const CLOCK_TICKS = 100;

/** The places the benchmark acts on, found in the generated text. */
export interface Landmarks {
  titleLine: number;
  addressesLine: number;
  leadLine: number;
  /** A clause reference in the next measure, and the `addresses` list of the one after. */
  hoverClause: { line: number; character: number };
  completionAddressesLine: number;
  /** The section key above the edited measure. */
  sectionKey: { line: number; character: number };
  /** The measure after the edited one: its first line, and its addresses. */
  nextMeasureLine: number;
  nextAddressesLine: number;
}

export function findLandmarks(lines: string[], measureId: string): Landmarks {
  const idLine = lines.findIndex((line) => line.trimEnd() === `      - id: ${measureId}`);
  if (idLine < 0) throw new Error(`measure ${measureId} not found`);
  const fieldLine = (from: number, field: string): number => {
    for (let line = from + 1; line < lines.length && !lines[line].startsWith('      - '); line++) {
      if (lines[line].startsWith(`        ${field}:`)) return line;
    }
    throw new Error(`no ${field} in the measure at line ${from + 1}`);
  };
  const nextMeasure = (from: number): number => {
    for (let line = from + 1; line < lines.length; line++) if (lines[line].startsWith('      - id: ')) return line;
    throw new Error(`no measure after line ${from + 1}`);
  };
  let sectionLine = idLine;
  while (sectionLine > 0 && !/^ {2}[a-z][a-z-]*:\s*$/.test(lines[sectionLine])) sectionLine--;
  const second = nextMeasure(idLine);
  const third = nextMeasure(second);
  const hoverLine = fieldLine(second, 'addresses');
  return {
    titleLine: fieldLine(idLine, 'title'),
    addressesLine: fieldLine(idLine, 'addresses'),
    leadLine: fieldLine(idLine, 'lead'),
    hoverClause: { line: hoverLine, character: lines[hoverLine].indexOf('[') + 2 },
    completionAddressesLine: fieldLine(third, 'addresses'),
    sectionKey: { line: sectionLine, character: 4 },
    nextMeasureLine: second,
    nextAddressesLine: hoverLine,
  };
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export { median };

export async function runClient(options: ClientOptions): Promise<ClientResult> {
  const log = options.logFile ? fs.createWriteStream(options.logFile) : undefined;
  const [program, ...args] = options.command;
  const child: ChildProcess = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => log?.write(chunk));
  let exited = false;
  child.on('exit', () => (exited = true));
  // Stopped from outside: take the server along.
  process.once('SIGTERM', () => {
    child.kill('SIGKILL');
    process.exit(1);
  });
  const began = performance.now();
  const mark = (what: string) => log?.write(`[bench ${((performance.now() - began) / 1000).toFixed(1)} s] ${what}\n`);
  /** Whether a phase that began at `since` with `samples` taken should stop. */
  const overBudget = (since: number, samples: number) => samples >= 3 && performance.now() - since > options.phaseBudgetMs;

  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const uri = pathToFileURL(options.file).href;
  const folderUri = pathToFileURL(path.dirname(options.file)).href;
  const yamlSettings = {
    schemas: options.jsonSchemaFile ? { [pathToFileURL(options.jsonSchemaFile).href]: ['*.strategy.yaml'] } : {},
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };

  // Everything the server says, and who is waiting for diagnostics.
  let lastMessageAt = performance.now();
  let configurationAnswered = false;
  const waiters: Array<(published: Published) => boolean> = [];
  connection.onNotification((method: string, params: unknown) => {
    lastMessageAt = performance.now();
    if (method === 'textDocument/publishDiagnostics') {
      const published = params as { uri: string; version?: number; diagnostics: Diagnostic[] };
      if (published.uri !== uri) return;
      for (let index = 0; index < waiters.length; index++) {
        if (waiters[index](published)) {
          waiters.splice(index, 1);
          break;
        }
      }
    } else if (method === 'window/logMessage' || method === 'window/showMessage') {
      log?.write(`[${method}] ${(params as { message?: string }).message ?? ''}\n`);
    }
  });
  connection.onRequest((method: string, params: unknown) => {
    lastMessageAt = performance.now();
    if (method === 'workspace/configuration') {
      configurationAnswered = true;
      const items = (params as { items: Array<{ section?: string }> }).items;
      return items.map((item) => (item.section === 'yaml' ? yamlSettings : {}));
    }
    if (method === 'workspace/workspaceFolders') return [{ uri: folderUri, name: 'generated' }];
    // registerCapability, workDoneProgress/create, the refresh requests, showMessageRequest.
    return null;
  });
  connection.onError(([error]) => log?.write(`[connection error] ${error.message}\n`));
  connection.listen();

  /** Resolves with the first publication for which `accept` is true, and when it came. */
  function nextPublication(accept: (published: Published) => boolean, what: string): Promise<{ published: Published; at: number }> {
    return withTimeout(
      new Promise((resolve) => {
        waiters.push((published) => {
          if (!accept(published)) return false;
          resolve({ published, at: performance.now() });
          return true;
        });
      }),
      options.timeoutMs,
      what,
    );
  }

  async function quiet(ms: number, cap: number): Promise<void> {
    const start = performance.now();
    while (performance.now() - lastMessageAt < ms && performance.now() - start < cap) await delay(25);
  }

  const result: ClientResult = {
    server: options.server,
    file: options.file,
    diagnosticsMode: 'push',
    initializeMs: NaN,
    openMs: NaN,
    openDiagnostics: 0,
    validation: { expected: options.expectedDiagnostics.length, found: 0, missing: [] },
    rssAfterOpenMb: NaN,
    peakRssMb: NaN,
    rssAtEndMb: NaN,
    openCpuMs: NaN,
    editCpuMs: NaN,
    editTitleMs: [],
    editClauseMs: [],
    editMismatches: 0,
    editKinds: { typing: [], span: [], paste: [], delete: [], invalidKey: [], bracket: [] },
    editKindCpuMs: { typing: [], span: [], paste: [], delete: [], invalidKey: [], bracket: [] },
    findingsLost: 0,
    hoverClauseMs: [],
    hoverKeyMs: [],
    hoverEmpty: 0,
    completionAddressesMs: [],
    completionKeyMs: [],
    completionItems: { addresses: 0, key: 0 },
    editKindsTimedOut: {},
    errors: [],
  };

  const text = fs.readFileSync(options.file, 'utf8');
  const lines = text.split('\n');
  let version = 1;
  let pull = false;

  /** Diagnostics of the current version: pulled, or the pushed ones that match `accept`. */
  async function diagnosticsNow(accept: (diagnostics: Diagnostic[]) => boolean, what: string): Promise<{ diagnostics: Diagnostic[]; at: number; matched: boolean }> {
    if (pull) {
      const report = (await withTimeout(
        connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }),
        options.timeoutMs,
        what,
      )) as { kind: string; items?: Diagnostic[] };
      const diagnostics = report.items ?? [];
      return { diagnostics, at: performance.now(), matched: accept(diagnostics) };
    }
    const expected = version;
    // A publication that names its version must be of this one; one that does not (yaml-language-server)
    // is taken when it shows the edit, since the previous edit's diagnostics were already seen.
    let mismatched = false;
    const { published, at } = await nextPublication((published) => {
      if (published.version !== undefined) {
        if (published.version !== expected) return false;
        if (!accept(published.diagnostics)) mismatched = true;
        return true;
      }
      return accept(published.diagnostics);
    }, what);
    return { diagnostics: published.diagnostics, at, matched: !mismatched };
  }

  function change(line: number, start: number, end: number, newText: string): void {
    version++;
    connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: start }, end: { line, character: end } }, text: newText }],
    });
    lines[line] = lines[line].slice(0, start) + newText + lines[line].slice(end);
  }

  /** A ranged change over several lines, as editors send a paste, a deletion or a multi-line replacement. */
  function changeRange(startLine: number, startCharacter: number, endLine: number, endCharacter: number, newText: string): void {
    version++;
    connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } }, text: newText }],
    });
    const replaced = lines[startLine].slice(0, startCharacter) + newText + lines[endLine].slice(endCharacter);
    lines.splice(startLine, endLine - startLine + 1, ...replaced.split('\n'));
  }

  /** The text between two positions of the current version. */
  function textBetween(startLine: number, startCharacter: number, endLine: number, endCharacter: number): string {
    if (startLine === endLine) return lines[startLine].slice(startCharacter, endCharacter);
    return [lines[startLine].slice(startCharacter), ...lines.slice(startLine + 1, endLine), lines[endLine].slice(0, endCharacter)].join('\n');
  }

  try {
    let start = performance.now();
    const initialize = (await withTimeout(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'generated' }],
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
            ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
          },
        },
      }),
      options.timeoutMs,
      'initialize',
    )) as { capabilities: { diagnosticProvider?: unknown } };
    result.initializeMs = performance.now() - start;
    pull = options.pull === true && initialize.capabilities.diagnosticProvider !== undefined;
    result.diagnosticsMode = pull ? 'pull' : 'push';
    connection.sendNotification('initialized', {});
    connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
    // Let the server take its configuration before the document opens.
    const configured = performance.now();
    while (!configurationAnswered && performance.now() - configured < 5000) await delay(20);
    await quiet(300, 5000);

    // ---- Open → diagnostics.
    mark('open');
    let cpu = processCpuMs(child.pid!);
    start = performance.now();
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const opened = await diagnosticsNow(() => true, 'diagnostics after open');
    result.openMs = opened.at - start;
    result.openCpuMs = processCpuMs(child.pid!) - cpu;
    const memory = processMemoryMb(child.pid!);
    result.rssAfterOpenMb = memory.rss;
    result.openDiagnostics = opened.diagnostics.length;
    for (const expected of options.expectedDiagnostics) {
      const found = opened.diagnostics.some((d) => d.range.start.line === expected.line && (expected.code === undefined || d.code === expected.code));
      if (found) result.validation.found++;
      else result.validation.missing.push(`${expected.code ?? 'any'}@${expected.line + 1}`);
    }

    // ---- Edits: a measure's title, then its first clause reference (broken, then repaired).
    const marks = findLandmarks(lines, options.editMeasureId);
    const titleStart = lines[marks.titleLine].indexOf(':') + 2;
    const clauseStart = lines[marks.addressesLine].indexOf('[') + 1;
    const originalClause = /^[^,\]]+/.exec(lines[marks.addressesLine].slice(clauseStart))![0];
    let broken = false;
    const errorOnAddresses = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.range.start.line === marks.addressesLine);
    await quiet(200, 3000);
    mark('edits');
    cpu = processCpuMs(child.pid!);
    let editsDone = 0;
    /** The diagnostics last shown, to see whether an edit that breaks the YAML loses others. */
    let lastShown: Diagnostic[] = opened.diagnostics;
    const editsBegan = performance.now();
    for (let edit = 1; edit <= options.edits && !overBudget(editsBegan, edit - 1); edit++) {
      let accept: (diagnostics: Diagnostic[]) => boolean;
      start = performance.now();
      if (edit % 2 === 1) {
        change(marks.titleLine, titleStart, lines[marks.titleLine].length, `Revised title ${edit} of the measure under benchmark`);
        const stillBroken = broken;
        accept = (diagnostics) => errorOnAddresses(diagnostics) === stillBroken;
      } else {
        const clauseEnd = clauseStart + /^[^,\]]+/.exec(lines[marks.addressesLine].slice(clauseStart))![0].length;
        broken = !broken;
        change(marks.addressesLine, clauseStart, clauseEnd, broken ? options.unknownClause : originalClause);
        const nowBroken = broken;
        accept = (diagnostics) => errorOnAddresses(diagnostics) === nowBroken;
      }
      const seen = await diagnosticsNow(accept, `diagnostics after edit ${edit} (version ${version})`);
      if (!seen.matched) result.editMismatches++;
      lastShown = seen.diagnostics;
      (edit % 2 === 1 ? result.editTitleMs : result.editClauseMs).push(seen.at - start);
      // A drafter's next keystroke comes a moment later; let the server finish what it does after publishing.
      editsDone++;
      await delay(30);
    }
    result.editCpuMs = (processCpuMs(child.pid!) - cpu) / editsDone;

    // ---- Every other kind of edit, as ranged changes. Each phase leaves the text as it found it.
    mark('edit kinds');
    const nonSyntax = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code !== 'yaml-syntax').length;
    let shown = lastShown;
    /** Sends an edit, waits for the diagnostics of its version, and files the time under `kind`. */
    async function timedEdit(kind: EditKind, send: () => void, accept: (diagnostics: Diagnostic[]) => boolean, breaksYaml = false): Promise<void> {
      const before = nonSyntax(shown);
      const cpuBefore = processCpuMs(child.pid!);
      const began = performance.now();
      send();
      let seen: { diagnostics: Diagnostic[]; at: number; matched: boolean };
      try {
        seen = await diagnosticsNow(accept, `diagnostics after a ${kind} edit (version ${version})`);
      } catch (error) {
        // A server that never shows this kind of edit loses this kind's row, not the whole run.
        if (!(error instanceof TimeoutError)) throw error;
        result.errors.push(`${kind}: ${error.message}`);
        result.editKindsTimedOut[kind] = options.timeoutMs;
        throw new PhaseAbandoned();
      }
      result.editKinds[kind].push(seen.at - began);
      result.editKindCpuMs[kind].push(processCpuMs(child.pid!) - cpuBefore);
      if (!seen.matched) result.editMismatches++;
      if (breaksYaml && nonSyntax(seen.diagnostics) < before) result.findingsLost++;
      shown = seen.diagnostics;
      await delay(30);
    }
    const samples = Math.max(4, Math.floor(options.edits / 2));
    const errorOn = (line: number) => (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.range.start.line === line && d.severity === 1);
    const noErrorOn = (line: number) => (diagnostics: Diagnostic[]) => !errorOn(line)(diagnostics);
    const phase = async (run: (sample: number) => Promise<void>): Promise<void> => {
      const began = performance.now();
      try {
        for (let sample = 0; sample < samples && !overBudget(began, sample); sample++) await run(sample);
      } catch (error) {
        if (!(error instanceof PhaseAbandoned)) throw error;
        // The server is still working on the text the phase left: let it settle before the next one.
        await delay(5000);
      }
    };
    // Typing: one character at a time, in a clause reference (it becomes unknown, then
    // right again), so that every server's diagnostics show each keystroke.
    await phase(async () => {
      const at = lines[marks.addressesLine].indexOf('[') + 1 + /^[^,\]]+/.exec(lines[marks.addressesLine].slice(lines[marks.addressesLine].indexOf('[') + 1))![0].length;
      await timedEdit('typing', () => change(marks.addressesLine, at, at, 'x'), errorOn(marks.addressesLine));
      await timedEdit('typing', () => change(marks.addressesLine, at, at + 1, ''), noErrorOn(marks.addressesLine));
    });
    // A change across two adjacent measures (a multi-line replacement from one measure's lead
    // to the next one's), which breaks and repairs the next measure's first clause.
    const nextAddresses = marks.nextAddressesLine;
    const nextClauseStart = lines[nextAddresses].indexOf('[') + 1;
    const nextClause = /^[^,\]]+/.exec(lines[nextAddresses].slice(nextClauseStart))![0];
    /** The text from the edited measure's lead to the end of the next measure's addresses, its lead marked or unmarked and the next measure's first clause set. */
    const spanning = (old: string, clause: string): string => {
      const lead = old.split('\n')[0];
      const rest = old.slice(lead.length);
      const at = rest.lastIndexOf('[') + 1;
      const clauseEnd = at + /^[^,\]]+/.exec(rest.slice(at))![0].length;
      return (lead.endsWith(' (acting)') ? lead.slice(0, -9) : `${lead} (acting)`) + rest.slice(0, at) + clause + rest.slice(clauseEnd);
    };
    await phase(async () => {
      for (const broken of [true, false]) {
        const from = { line: marks.leadLine, character: lines[marks.leadLine].indexOf(':') + 2 };
        const to = { line: nextAddresses, character: lines[nextAddresses].length };
        const replacement = spanning(textBetween(from.line, from.character, to.line, to.character), broken ? options.unknownClause : nextClause);
        await timedEdit('span', () => changeRange(from.line, from.character, to.line, to.character, replacement), broken ? errorOn(nextAddresses) : noErrorOn(nextAddresses));
      }
    });
    // Paste a measure (with an unknown clause, to see it arrive), then delete it.
    const pasteLine = marks.nextMeasureLine;
    const pasted = [
      '      - id: PASTED-1',
      '        title: A measure pasted from another strategy',
      `        addresses: [${options.unknownClause}]`,
      '        lead: Ministry of Pasting',
      '        due: 2028-06',
      '        indicators:',
      '          - name: Pasted measures checked',
      '            target: 100%',
    ];
    await phase(async () => {
      await timedEdit('paste', () => changeRange(pasteLine, 0, pasteLine, 0, `${pasted.join('\n')}\n`), errorOn(pasteLine + 2));
      await timedEdit('delete', () => changeRange(pasteLine, 0, pasteLine + pasted.length, 0, ''), noErrorOn(pasteLine + 2));
    });
    // A new key typed on a new line of a measure: invalid until its colon. Then removed.
    const newKeyLine = marks.titleLine + 1;
    await phase(async () => {
      await timedEdit('invalidKey', () => changeRange(newKeyLine, 0, newKeyLine, 0, '        partn\n'), errorOn(newKeyLine), true);
      await timedEdit('invalidKey', () => changeRange(newKeyLine, 0, newKeyLine + 1, 0, ''), noErrorOn(newKeyLine));
    });
    // An unclosed bracket in addresses, then closed again.
    await phase(async () => {
      const close = lines[marks.addressesLine].lastIndexOf(']');
      const near = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.severity === 1 && d.range.start.line >= marks.addressesLine && d.range.start.line <= marks.addressesLine + 12);
      await timedEdit('bracket', () => change(marks.addressesLine, close, close + 1, ''), near, true);
      const end = lines[marks.addressesLine].length;
      await timedEdit('bracket', () => change(marks.addressesLine, end, end, ']'), (diagnostics) => !near(diagnostics));
    });

    // ---- Hover: on a clause reference, on a section key.
    mark('hovers');
    const hoversBegan = performance.now();
    for (let sample = 0; sample < options.hovers && !overBudget(hoversBegan, sample); sample++) {
      for (const [position, times] of [
        [marks.hoverClause, result.hoverClauseMs],
        [marks.sectionKey, result.hoverKeyMs],
      ] as const) {
        start = performance.now();
        const hover = await withTimeout(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), options.timeoutMs, 'hover');
        times.push(performance.now() - start);
        if (!hover) result.hoverEmpty++;
      }
    }

    // ---- Completion: a new item in an `addresses` list, and a new key in a measure.
    const listEnd = lines[marks.completionAddressesLine].lastIndexOf(']');
    version++;
    const keyLine = marks.leadLine + 1;
    connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        // The later change first, so that the positions of the earlier one stay valid.
        { range: { start: { line: marks.completionAddressesLine, character: listEnd }, end: { line: marks.completionAddressesLine, character: listEnd } }, text: ', ' },
        { range: { start: { line: keyLine, character: 0 }, end: { line: keyLine, character: 0 } }, text: '        \n' },
      ],
    });
    const addressesLine = marks.completionAddressesLine + 1;
    await diagnosticsNow(() => true, 'diagnostics before completion');
    await quiet(200, 3000);
    mark('completions');
    const completionsBegan = performance.now();
    for (let sample = 0; sample < options.completions && !overBudget(completionsBegan, sample); sample++) {
      for (const [position, times, kind] of [
        [{ line: addressesLine, character: listEnd + 2 }, result.completionAddressesMs, 'addresses'],
        [{ line: keyLine, character: 8 }, result.completionKeyMs, 'key'],
      ] as const) {
        start = performance.now();
        const completion = (await withTimeout(
          connection.sendRequest('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } }),
          options.timeoutMs,
          'completion',
        )) as { items?: unknown[] } | unknown[] | null;
        times.push(performance.now() - start);
        result.completionItems[kind] = Array.isArray(completion) ? completion.length : (completion?.items?.length ?? 0);
      }
    }
    const end = processMemoryMb(child.pid!);
    result.rssAtEndMb = end.rss;
    result.peakRssMb = end.peak;

    mark('shutdown');
    await withTimeout(connection.sendRequest('shutdown'), 5000, 'shutdown').catch((error: Error) => result.errors.push(error.message));
    connection.sendNotification('exit');
  } catch (error) {
    result.errors.push((error as Error).message);
  } finally {
    const deadline = performance.now() + 2000;
    while (!exited && performance.now() < deadline) await delay(25);
    if (!exited) child.kill('SIGKILL');
    connection.dispose();
    log?.end();
  }
  return result;
}

if (require.main === module) {
  const options = JSON.parse(process.argv[2]) as ClientOptions;
  runClient(options).then(
    (result) => {
      process.stdout.write(JSON.stringify(result) + '\n');
      process.exit(0);
    },
    (error: Error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    },
  );
}

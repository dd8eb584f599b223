/** Runs the real `dgs` program as a process, in a temporary folder of inline fixtures. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const DGS = path.join(REPO_ROOT, 'bin', 'dgs.js');

/** A busy machine (two cores shared by many) makes a start take seconds; the tests wait for the process, never a fixed time. */
const SPAWN_TIMEOUT_MS = 60_000;
/** For mocha's `this.timeout` in suites that start the program. */
export const SUITE_TIMEOUT_MS = 120_000;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runDgs(args: string[], cwd: string, env: Record<string, string | undefined> = {}): RunResult {
  const result = spawnSync(process.execPath, [DGS, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: SPAWN_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.signal) throw new Error(`dgs ${args.join(' ')} was ended by ${result.signal}; stderr: ${result.stderr}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder with the given files (path → text or bytes); removed by the returned cleanup. */
export function tempFolder(files: Record<string, string | Uint8Array> = {}): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-cli-'));
  writeFiles(folder, files);
  return folder;
}

export function writeFiles(folder: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

export function removeFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}

/** Standard error's non-empty lines. */
export function errorLines(result: RunResult): string[] {
  return result.stderr.split('\n').filter((line) => line.trim() !== '');
}

/**
 * A complete strategy without any finding: every part, every section, every clause
 * addressed, every measure with a lead and an indicator.
 */
export const CLEAN = `# dgs-strategy
strategy:
  title: Digital Government Strategy 2026-2030
  government: Republic of Examplia
  level: national
  period: { from: 2026, to: 2030 }
  status: draft
  lead: Ministry of Digital Affairs
objectives:
  openness:
    summary: Government processes become open, transparent and inclusive.
    measures:
      - { id: OPN-1, title: Accessibility standard, addresses: [1.i, 1.ii, 1.iii], lead: Agency for Digitisation, indicators: [{ name: Accessible services, baseline: 0, target: 90%, by: 2030 }] }
  engagement:
    summary: Stakeholders shape services and policies.
    measures:
      - { id: ENG-1, title: Participation platform, addresses: [2.i, 2.ii], lead: Agency for Digitisation, indicators: [{ name: Consultations held online, baseline: 0, target: 50, by: 2030 }] }
  data-driven-culture:
    summary: Data is used to decide and to serve.
    measures:
      - { id: DAT-1, title: Data governance framework, addresses: [3.i, 3.ii], lead: Statistics Office, indicators: [{ name: Open datasets, baseline: 0, target: 400, by: 2030 }] }
  security-and-privacy:
    summary: Services are secure and respect privacy.
    measures:
      - { id: SEC-1, title: Security baseline, addresses: [4], lead: Cyber Security Centre, indicators: [{ name: Services meeting the baseline, baseline: 0, target: 100%, by: 2030 }] }
development:
  leadership:
    summary: Political commitment at the highest level.
    measures:
      - { id: LEA-1, title: Digital cabinet committee, addresses: [5], lead: Prime Minister's Office, indicators: [{ name: Committee meetings a year, baseline: 0, target: 4, by: 2030 }] }
  coherence:
    summary: Digital technologies are part of every policy.
    measures:
      - { id: COH-1, title: Digital impact check, addresses: [6.i, 6.ii, 6.iii, 6.iv], lead: Ministry of Digital Affairs, indicators: [{ name: Policies checked, baseline: 0, target: 100%, by: 2030 }] }
  governance:
    summary: Clear responsibilities and co-ordination.
    measures:
      - { id: GOV-1, title: Chief information officers network, addresses: [7.i, 7.ii], lead: Ministry of Digital Affairs, indicators: [{ name: Ministries with a CIO, baseline: 0, target: 100%, by: 2030 }] }
  international-cooperation:
    summary: Working with other governments.
    measures:
      - { id: INT-1, title: Peer reviews, addresses: [8], lead: Ministry of Foreign Affairs, indicators: [{ name: Peer reviews held, baseline: 0, target: 2, by: 2030 }] }
implementation:
  business-cases:
    summary: Investments are justified by their value.
    measures:
      - { id: BUS-1, title: Business case method, addresses: [9.i, 9.ii], lead: Ministry of Finance, indicators: [{ name: Projects with a business case, baseline: 0, target: 100%, by: 2030 }] }
  project-capacity:
    summary: Projects are managed and monitored well.
    measures:
      - { id: CAP-1, title: Project portfolio office, addresses: [10.i, 10.ii, 10.iii, 10.iv, 10.v], lead: Ministry of Digital Affairs, indicators: [{ name: Projects on schedule, baseline: 0, target: 80%, by: 2030 }] }
  procurement:
    summary: Digital technologies are bought wisely.
    measures:
      - { id: PRC-1, title: Agile procurement rules, addresses: [11], lead: Procurement Agency, indicators: [{ name: Agile contracts, baseline: 0, target: 30, by: 2030 }] }
  legal-frameworks:
    summary: Laws allow digital opportunities to be seized.
    measures:
      - { id: LEG-1, title: Digital-ready legislation test, addresses: [12.i, 12.ii], lead: Ministry of Justice, indicators: [{ name: Laws assessed, baseline: 0, target: 100%, by: 2030 }] }
`;

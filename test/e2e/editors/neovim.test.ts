/**
 * A second, independent LSP client: Neovim's built-in one (Debian's neovim 0.7), running
 * test/e2e/neovim/check.lua headless against `dgs-language-server --stdio`. What Neovim saw is
 * held to `dgs check` and to the schema's text.
 */
import * as assert from 'assert';
import { loadDefaultSchema } from '../../../server/src/host/schemaFile';
import { asRead, checkedLines, collapse, hasCommand, protocolLines, ProtocolDiagnostic, runEditor, assertEditUpdatesFindings } from './support';

interface NeovimDiagnostic {
  lnum: number;
  col: number;
  severity: number;
  message: string;
  source?: string;
  code?: string;
}

interface NeovimResult {
  steps: string[];
  initial: { protocol: ProtocolDiagnostic[]; shown: NeovimDiagnostic[] };
  hover: { shown: string[] };
  edited: { text: string; protocol: ProtocolDiagnostic[]; shown: NeovimDiagnostic[] };
}

describe('Neovim (built-in LSP client) with dgs-language-server', () => {
  let run: ReturnType<typeof runEditor<NeovimResult>>;

  before(function () {
    assert.ok(hasCommand('nvim'), 'nvim is installed (scripts/e2e/install.sh installs it)');
    // The script quits Neovim itself; the last command only runs if the script could not be read.
    run = runEditor<NeovimResult>('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', 'luafile test/e2e/neovim/check.lua', '-c', 'cquit! 3']);
  });

  it('went through every step', () => {
    assert.deepStrictEqual(run.result.steps, ['initialized', 'diagnostics', 'hover', 'edit', 'stopped']);
  });

  it('shows the draft example\'s findings, exactly as dgs check reports them', () => {
    const { protocol, shown } = run.result.initial;
    assert.deepStrictEqual(protocolLines(protocol), checkedLines(run.original));
    // Neovim's diagnostics (signs, underlines, :lua vim.diagnostic.setqflist()) hold the same findings.
    assert.strictEqual(shown.length, protocol.length, 'Neovim shows every finding');
    const unknown = shown.find((d) => d.code === 'unknown-clause');
    assert.ok(unknown, 'Neovim shows the unknown clause');
    const line = run.original.split('\n')[unknown.lnum];
    assert.strictEqual(line.slice(unknown.col, unknown.col + 4), '1.iv', 'at the written 1.iv');
    assert.strictEqual(unknown.severity, 1, 'as an error');
  });

  it('shows a clause\'s text verbatim on hover', () => {
    const clause = loadDefaultSchema().unitByRef.get('1.i')?.clause;
    assert.ok(clause);
    const shown = asRead(run.result.hover.shown.join('\n'));
    assert.ok(shown.includes(collapse(clause.text)), `the hover window shows clause 1.i:\n${shown}`);
  });

  it('updates the findings after an edit', () => {
    assertEditUpdatesFindings(run.result.edited);
  });
});

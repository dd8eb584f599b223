/**
 * A third LSP client: Emacs 28 with Debian's Eglot, running test/e2e/emacs/check.el in batch
 * mode against `dgs-language-server --stdio`. What Emacs saw (Flymake's diagnostics, Eldoc's
 * hover text) is held to `dgs check` and to the schema's text.
 */
import * as assert from 'assert';
import { loadDefaultSchema } from '../../../server/src/host/schemaFile';
import { asRead, checkedLines, collapse, hasCommand, protocolLines, ProtocolDiagnostic, runEditor, assertEditUpdatesFindings } from './support';

interface FlymakeDiagnostic {
  line: number;
  column: number;
  type: string;
  text: string;
}

interface EmacsResult {
  steps: string[];
  initial: { protocol: ProtocolDiagnostic[]; shown: FlymakeDiagnostic[] };
  hover: { shown: string };
  edited: { text: string; protocol: ProtocolDiagnostic[]; shown: FlymakeDiagnostic[] };
}

describe('Emacs (Eglot) with dgs-language-server', () => {
  let run: ReturnType<typeof runEditor<EmacsResult>>;

  before(function () {
    assert.ok(hasCommand('emacs'), 'emacs is installed (scripts/e2e/install.sh installs it)');
    run = runEditor<EmacsResult>('emacs', ['--batch', '-Q', '-l', 'test/e2e/emacs/check.el']);
  });

  it('shows the draft example\'s findings in Flymake, exactly as dgs check reports them', () => {
    const { protocol, shown } = run.result.initial;
    assert.deepStrictEqual(protocolLines(protocol), checkedLines(run.original));
    assert.strictEqual(shown.length, protocol.length, 'Flymake shows every finding');
    const unknown = shown.find((d) => d.text.includes('[unknown-clause]'));
    assert.ok(unknown, 'Flymake shows the unknown clause');
    assert.strictEqual(unknown.type, 'eglot-error');
    const line = run.original.split('\n')[unknown.line];
    assert.strictEqual(line.slice(unknown.column, unknown.column + 4), '1.iv', 'at the written 1.iv');
  });

  it('shows a clause\'s text verbatim on hover (Eldoc)', () => {
    const clause = loadDefaultSchema().unitByRef.get('1.i')?.clause;
    assert.ok(clause);
    const shown = asRead(run.result.hover.shown);
    assert.ok(shown.includes(collapse(clause.text)), `Eldoc shows clause 1.i:\n${shown}`);
  });

  it('updates the findings after an edit', () => {
    assertEditUpdatesFindings(run.result.edited);
  });
});

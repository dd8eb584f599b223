/**
 * The first squiggle: how long a drafter waits for the draft example's first finding. The
 * extension activates when the window opens on a folder with strategies (and otherwise when
 * one is opened), so the language server starts while the window loads. This file runs first
 * (the suite runs its files in name order), on a fresh window. Three times are printed: from
 * opening the draft to its first finding, how much of it VS Code took to show the editor, and
 * the activation itself (activate() to the language server running). The first finding must
 * come within 1.5 s of the editor showing the draft, and the activation take at most 1.5 s;
 * the whole from opening is held to 1.5 s on a quiet machine (load below the number of cores),
 * where VS Code's own time to open an editor does not swell with the load.
 */
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DgsApi } from '../../../client/src/extension';
import { closeEditors, dgsDiagnostics, EXTENSION_ID, report, waitForDiagnostics, workspaceDir } from './support';

/** The target from opening the draft to its first finding, and for the activation. */
const FIRST_SQUIGGLE_MS = 1500;

describe('Activation and the first squiggle in VS Code', () => {
  after(closeEditors);

  it(`shows the draft example's first finding within ${FIRST_SQUIGGLE_MS} ms of opening it, and activates within ${FIRST_SQUIGGLE_MS} ms`, async () => {
    const extension = vscode.extensions.getExtension<DgsApi>(EXTENSION_ID);
    assert.ok(extension, `the extension ${EXTENSION_ID} is loaded`);
    const wasActive = extension.isActive;
    const file = path.join(workspaceDir(), 'draft.strategy.yaml');
    const opened = Date.now();
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document, { preview: false });
    const shown = Date.now() - opened;
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0, 'the first finding of the draft');
    const firstSquiggle = Date.now() - opened;
    // The findings may come before activate() has returned: its result is read after.
    const { timings } = await extension.activate();
    assert.ok(timings.serverRunning !== undefined, 'the language server runs');
    const activation = timings.serverRunning - timings.activated;
    const when = wasActive ? `when the window opened, ${opened - timings.activated} ms before the draft` : `on opening the draft, ${timings.activated - opened} ms after`;
    const [load] = os.loadavg();
    const quiet = load < os.cpus().length;
    report(`first squiggle: ${firstSquiggle} ms from opening draft.strategy.yaml to its first finding (VS Code showed the editor at ${shown} ms; ${dgsDiagnostics(document.uri).length} findings); load ${load.toFixed(1)} on ${os.cpus().length} cores`);
    report(`activation: ${activation} ms from activate() to the language server running; it began ${when}`);
    assert.ok(firstSquiggle - shown <= FIRST_SQUIGGLE_MS, `the first finding came ${firstSquiggle - shown} ms after the editor showed the draft; the target is ${FIRST_SQUIGGLE_MS} ms`);
    if (quiet) assert.ok(firstSquiggle <= FIRST_SQUIGGLE_MS, `the first finding came ${firstSquiggle} ms after opening the draft on a quiet machine; the target is ${FIRST_SQUIGGLE_MS} ms`);
    else report(`the ${FIRST_SQUIGGLE_MS} ms target from opening is not held on a loaded machine (load ${load.toFixed(1)}): VS Code alone took ${shown} ms to show the editor`);
    assert.ok(activation <= FIRST_SQUIGGLE_MS, `the activation took ${activation} ms; the target is ${FIRST_SQUIGGLE_MS} ms`);
  });
});

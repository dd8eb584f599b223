/**
 * The coverage report beside the draft, in a real VS Code: at 600 px wide it reflows without
 * breaking a word (measured in the page: no word's letters on two lines), in a dark theme it
 * takes the theme's colours (read from the page: the webview's --vscode-* variables), and a
 * real click on a measure's row or a clause's row moves the editor's cursor there. The README's
 * picture of the report in a dark theme at half width is taken here.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DgsApi } from '../../../client/src/extension';
import { activateExtension, clickInFrame, closeEditors, DRIVER_URL, evaluateInFrame, EXTENSION_ID, openStrategy, report, screenshot, setViewport, waitForCheckedFindings, waitForEditor, WAIT_MS } from './support';

/** An element only the report's page has: names the webview's frame to the driver. */
const REPORT = 'header.banner';
const PAGE = { width: 1600, height: 1000 };

function api(): DgsApi {
  const extension = vscode.extensions.getExtension<DgsApi>(EXTENSION_ID);
  assert.ok(extension?.isActive && extension.exports, 'the extension is active');
  return extension.exports;
}

interface Layout {
  width: number;
  scrollWidth: number;
  checked: number;
  broken: string[];
}

/**
 * Every word of the page's visible text, measured where the browser laid it out: a word whose
 * letters sit on two lines was broken inside. A line may end after a hyphen or a slash the text
 * has, so a word is measured up to one of those.
 */
const MEASURE_WORDS = `
  const broken = [];
  let checked = 0;
  const range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('svg, script, style, .sr, .skip')) continue;
    const pattern = /[^\\s\\-\\u2013\\u2014\\/]+[\\-\\u2013\\u2014\\/]?/g;
    let match;
    while ((match = pattern.exec(node.data))) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
      if (rects.length === 0) continue;
      checked++;
      if (new Set(rects.map((rect) => Math.round(rect.top))).size > 1) broken.push(match[0]);
    }
  }
  return { width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth, checked, broken };
`;

/** The webview's width once the layout has settled (two equal readings in a row). */
async function settledWidth(): Promise<number> {
  let last = -1;
  for (let reading = 0; reading < 20; reading++) {
    const width = await evaluateInFrame<number>(REPORT, 'await new Promise((resolve) => setTimeout(resolve, 150)); return document.documentElement.clientWidth;');
    if (width === last) return width;
    last = width;
  }
  return last;
}

/** Resizes the page until the report (in the right half of the editor area) is `target` px wide. */
async function fitReport(target: number): Promise<number> {
  let page = PAGE.width;
  let width = await settledWidth();
  for (let attempt = 0; attempt < 4 && Math.abs(width - target) > 6; attempt++) {
    // The two editor groups share what the page gains or loses.
    page += 2 * (target - width);
    await setViewport(page, PAGE.height);
    width = await settledWidth();
  }
  return width;
}

/** The page's colours, and the theme's as the webview's variables give them, resolved to rgb(). */
const READ_COLOURS = `
  const resolve = (value) => { const probe = document.createElement('span'); probe.style.color = value; document.body.appendChild(probe); const rgb = getComputedStyle(probe).color; probe.remove(); return rgb; };
  const variable = (name) => resolve(getComputedStyle(document.documentElement).getPropertyValue(name).trim());
  const badge = document.querySelector('.badge.s-complete');
  const code = document.querySelector('.banner .source code');
  return {
    code: code ? { color: getComputedStyle(code).color, background: getComputedStyle(code).backgroundColor, banner: getComputedStyle(document.querySelector('.banner')).backgroundColor } : null,
    dark: document.body.classList.contains('vscode-dark'),
    kind: ['vscode-high-contrast-light', 'vscode-high-contrast', 'vscode-dark', 'vscode-light'].find((name) => document.body.classList.contains(name)) ?? '',
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.body).color,
    complete: badge ? getComputedStyle(badge).color : '',
    theme: { background: variable('--vscode-editor-background'), text: variable('--vscode-editor-foreground'), complete: variable('--vscode-charts-green') },
  };
`;

interface Colours {
  dark: boolean;
  /** The body's theme class: vscode-light, vscode-dark, vscode-high-contrast or vscode-high-contrast-light. */
  kind: string;
  /** The file name in the banner: its colour, its background and the banner's. */
  code: { color: string; background: string; banner: string } | null;
  background: string;
  text: string;
  complete: string;
  theme: { background: string; text: string; complete: string };
}

const luminance = (rgb: string): number => {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

/** A colour, rgb() or rgba(), painted over an opaque one: the rgb() that shows. */
function over(top: string, below: string): string {
  const [r, g, b, a = 1] = (top.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0', '0']).map(Number);
  const [r0, g0, b0] = (below.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).map(Number);
  const mix = (x: number, y: number) => Math.round(a * x + (1 - a) * y);
  return `rgb(${mix(r, r0)}, ${mix(g, g0)}, ${mix(b, b0)})`;
}

/** WCAG 2's contrast ratio of two rgb() colours. */
function contrast(first: string, second: string): number {
  const relative = (rgb: string): number => {
    const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [relative(first), relative(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

async function waitForColours(accept: (colours: Colours) => boolean, what: string): Promise<Colours> {
  const deadline = Date.now() + WAIT_MS;
  let colours = await evaluateInFrame<Colours>(REPORT, READ_COLOURS);
  while (!accept(colours)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the report shows ${JSON.stringify(colours)}`);
    colours = await evaluateInFrame<Colours>(REPORT, `await new Promise((resolve) => setTimeout(resolve, 250)); ${READ_COLOURS}`);
  }
  return colours;
}

describe('The coverage report beside the editor in VS Code', () => {
  before(activateExtension);
  afterEach(closeEditors);

  it('reflows at 600 px without breaking a word, takes the dark theme\'s colours, and a click on a row moves the cursor there', async () => {
    const editor = await openStrategy('draft.strategy.yaml');
    const { document } = editor;
    await waitForCheckedFindings(document);
    await vscode.commands.executeCommand('dgs.showCoverage');
    assert.ok(api().coveragePanel.webviewPanel, 'the report is open');
    if (!DRIVER_URL) return; // Desktop VS Code: nothing can read the webview's page; the protocol and unit tests check the report.

    const workbench = vscode.workspace.getConfiguration('workbench');
    const theme = workbench.inspect<string>('colorTheme')?.globalValue;
    try {
      // 600 px wide: every word whole, no sideways scrolling of the page.
      const width = await fitReport(600);
      const layout = await evaluateInFrame<Layout>(REPORT, MEASURE_WORDS);
      report(`report at ${layout.width} px: ${layout.checked} words measured, ${layout.broken.length} broken, page ${layout.scrollWidth} px wide`);
      assert.ok(Math.abs(width - 600) <= 6, `the report is 600 px wide (${width})`);
      assert.ok(layout.checked > 500, `the page's words were measured (${layout.checked})`);
      assert.deepStrictEqual(layout.broken, [], 'no word is broken across two lines');
      assert.ok(layout.scrollWidth <= layout.width + 1, `the page does not scroll sideways (${layout.scrollWidth} px of content in ${layout.width})`);

      // A real click on a measure's row of "All measures" selects its id in the file.
      const { answer } = api().coverageTracker.snapshot!;
      const index = answer.report.measures.length - 1;
      const id = answer.report.measures[index].id!;
      await clickInFrame(REPORT, `#measures tr[data-dgs-measure="${index}"] > th`);
      await waitForEditor(document.uri, (e) => e.document.getText(e.selection) === id && e.visibleRanges.some((range) => range.contains(e.selection)), `the draft to show ${id} selected, after a click on its row`);
      // And on a clause's row: every measure that addresses it is selected (the clause with the most measures).
      const clause = answer.report.parts.flatMap((part) => part.recommendations.flatMap((r) => r.units)).reduce((most, unit) => (unit.measures.length > most.measures.length ? unit : most));
      assert.ok(clause.measures.length > 0, 'a clause of the draft is addressed');
      const ids = clause.measures.map((measure) => answer.report.measures[measure].id);
      await clickInFrame(REPORT, `tr[data-dgs-clause="${clause.ref}"] td.clause`);
      await waitForEditor(document.uri, (e) => JSON.stringify(e.selections.map((s) => e.document.getText(s))) === JSON.stringify(ids), `the measures of clause ${clause.ref} (${ids.join(', ')}) to be selected`);

      // A dark theme: the page takes its colours from the theme, live.
      await workbench.update('colorTheme', 'Dark Modern', vscode.ConfigurationTarget.Global);
      const colours = await waitForColours((c) => c.dark, 'the report to follow the dark theme');
      report(`report in Dark Modern: background ${colours.background}, text ${colours.text}, "complete" ${colours.complete}`);
      assert.strictEqual(colours.background, colours.theme.background, 'the background is the editor\'s');
      assert.strictEqual(colours.text, colours.theme.text, 'the text is the editor\'s');
      assert.strictEqual(colours.complete, colours.theme.complete, 'a complete status takes the theme\'s green');
      assert.ok(luminance(colours.background) < 0.25 && luminance(colours.text) > 0.6, `light text on a dark page (${colours.text} on ${colours.background})`);

      // The README's picture: the report at half width, in the dark theme.
      await setViewport(PAGE.width, PAGE.height);
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('workbench.action.evenEditorWidths');
      await settledWidth();
      await evaluateInFrame(REPORT, 'window.scrollTo(0, 0); return null;');
      const file = await screenshot('coverage-report-dark.png', '.webview.ready');
      assert.match(file, /coverage-report-dark\.png$/);

      // The light and the high-contrast themes: the theme's colours again, text that reads
      // (WCAG's 4.5:1 for body text; 7:1 in high contrast), and a picture of each to look at.
      for (const [name, kind, minimum, picture] of [
        ['Light Modern', 'vscode-light', 4.5, 'coverage-report-light.png'],
        ['Default High Contrast', 'vscode-high-contrast', 7, 'coverage-report-high-contrast.png'],
        ['Default High Contrast Light', 'vscode-high-contrast-light', 7, 'coverage-report-high-contrast-light.png'],
      ] as const) {
        await workbench.update('colorTheme', name, vscode.ConfigurationTarget.Global);
        const shown = await waitForColours((c) => c.kind === kind, `the report to follow ${name}`);
        report(`report in ${name}: background ${shown.background}, text ${shown.text}, "complete" ${shown.complete}`);
        assert.strictEqual(shown.background, shown.theme.background, `${name}: the background is the editor's`);
        assert.strictEqual(shown.text, shown.theme.text, `${name}: the text is the editor's`);
        assert.ok(contrast(shown.text, shown.background) >= minimum, `${name}: text at ${contrast(shown.text, shown.background).toFixed(1)}:1 against its background`);
        assert.ok(contrast(shown.complete, shown.background) >= 3, `${name}: a status badge at ${contrast(shown.complete, shown.background).toFixed(1)}:1 against its background`);
        // Code (the file's name in the banner) on what shows behind it: its own background over the banner's over the page's.
        assert.ok(shown.code, 'the banner names the file');
        const behind = over(shown.code.background, over(shown.code.banner, shown.background));
        assert.ok(contrast(shown.code.color, behind) >= minimum, `${name}: code at ${contrast(shown.code.color, behind).toFixed(1)}:1 (${shown.code.color} on ${behind})`);
        await evaluateInFrame(REPORT, 'window.scrollTo(0, 0); return null;');
        assert.match(await screenshot(picture, '.webview.ready'), new RegExp(picture.replace('.', '\\.')));
      }
    } finally {
      await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await setViewport(PAGE.width, PAGE.height);
    }
  });
});

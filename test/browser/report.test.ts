/**
 * The HTML coverage report in a real browser: Debian's Chromium, driven by playwright-core
 * (which downloads nothing), with axe-core checking accessibility. Run with
 * `npm run test:browser`, which installs Chromium first (scripts/browser/install.sh).
 * With UPDATE_SCREENSHOTS=1 the screenshot also replaces docs/images/coverage-report.png.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { analyze } from '../../server/src/core/analyze';
import { renderCoverageReport } from '../../server/src/report';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { NATIONAL } from '../helpers/trustFixtures';
import { HOSTILE, manyMeasures, SMALL } from '../unit/reportFixtures';
import { REPO_ROOT } from '../helpers/paths';


const ROOT = REPO_ROOT;
const schema = loadDefaultSchema();

/** The browser binary itself: /usr/bin/chromium is a shell wrapper that playwright cannot drive. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium'].filter((candidate): candidate is string => !!candidate);
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`Chromium not found at ${candidates.join(' or ')}: run scripts/browser/install.sh (or set CHROMIUM_PATH)`);
  return found;
}

const MATRIX = 'figure.matrix svg[role="img"]';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: AxeNode[];
}

function report(text: string, file: string): string {
  return renderCoverageReport('html', analyze(text, schema), { file });
}

function example(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
}

const SECTIONS = schema.recommendations.map((recommendation) => ({
  part: recommendation.part.key,
  section: recommendation.section,
  prefix: recommendation.idPrefix,
  units: recommendation.units.map((unit) => unit.ref),
}));

const PAGES: Array<{ name: string; file: string; text: () => string }> = [
  { name: 'the national example', file: 'examples/national.strategy.yaml', text: () => example('national.strategy.yaml') },
  { name: 'the draft example, with gaps and findings', file: 'examples/draft.strategy.yaml', text: () => example('draft.strategy.yaml') },
  { name: 'a small strategy with every status', file: 'test.strategy.yaml', text: () => SMALL },
  { name: 'a strategy with markup in its texts', file: 'hostile.strategy.yaml', text: () => HOSTILE },
  { name: 'a national draft with the gaps of real drafts (budgets in two currencies, invalid dates, clauses not applicable)', file: 'national.strategy.yaml', text: () => NATIONAL.text },
  { name: 'a strategy with 120 measures', file: 'many.strategy.yaml', text: () => manyMeasures(120, SECTIONS, schema.units.map((unit) => unit.ref)) },
];

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: AxeViolation[] };
  return result.violations;
}

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help}\n${violation.nodes.slice(0, 3).map((node) => `  ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

describe('HTML coverage report in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;

  before(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
  });

  after(async () => {
    await browser?.close();
  });

  /** Opens a report in a fresh page and records every request it makes (there must be none). */
  async function open(html: string, width = 1280): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html, { waitUntil: 'load' });
    return { page, requests };
  }

  for (const fixture of PAGES) {
    describe(fixture.name, () => {
      let html: string;
      let page: Page;
      let requests: string[];
      let scripts: number;

      before(async () => {
        html = report(fixture.text(), fixture.file);
        ({ page, requests } = await open(html));
        // Counted before axe-core adds its own script.
        scripts = await page.locator('script').count();
      });

      after(async () => {
        await page?.close();
      });

      it('has no serious or critical accessibility violation (axe-core), nor any other', async () => {
        const violations = await runAxe(page);
        const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        assert.deepStrictEqual(serious.map((violation) => violation.id), [], describeViolations(serious));
        assert.deepStrictEqual(violations.map((violation) => violation.id), [], describeViolations(violations));
      });

      it('shows every clause, recommendation and part lead-in verbatim', async () => {
        const text = normalise(await page.innerText('body'));
        for (const unit of schema.units) assert.ok(text.includes(normalise(unit.text)), `clause ${unit.ref}`);
        for (const recommendation of schema.recommendations) assert.ok(text.includes(normalise(recommendation.text)), `recommendation ${recommendation.number}`);
        for (const part of schema.parts) assert.ok(text.includes(normalise(part.leadIn)), `part ${part.key}`);
      });

      it('loads nothing and runs nothing', async () => {
        assert.deepStrictEqual(requests, []);
        assert.strictEqual(await page.evaluate('typeof window.__pwned'), 'undefined');
        assert.strictEqual(scripts, 0);
      });

      it('draws the matrix at full size, and fits the window without scrolling sideways', async () => {
        const matrix = page.locator(MATRIX);
        const box = await matrix.boundingBox();
        const natural = Number(await matrix.getAttribute('width'));
        assert.ok(box && Math.abs(box.width - natural) < 1 && box.height > 26 * 18, `matrix box ${JSON.stringify(box)}, drawn ${natural} wide`);
        const main = await page.locator('main').boundingBox();
        assert.ok(main && box.x >= main.x && box.x + box.width <= main.x + main.width, 'the matrix lies within the main column');
        const overflow = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
        assert.ok(overflow[0] <= overflow[1], `page width ${overflow[0]} in a window of ${overflow[1]}`);
      });
    });
  }

  it('shows a strategy\'s markup as text', async () => {
    const { page } = await open(report(HOSTILE, 'hostile.strategy.yaml'));
    try {
      assert.strictEqual(await page.innerText('h1'), '<script>window.__pwned = 1</script> | *bold* [link](http://example.org) & &amp; # end');
      const text = await page.innerText('main');
      assert.ok(text.includes('"><img src=x onerror="window.__pwned = 2"> <!-- |'));
      assert.ok(text.includes('</td></tr></table><script>window.__pwned = 3</script>'));
      assert.strictEqual(await page.locator('img').count(), 0);
      assert.strictEqual(await page.locator('main table').count(), await page.locator('main caption').count());
      assert.ok(await page.locator('body').isVisible(), 'the injected style did not hide the page');
    } finally {
      await page.close();
    }
  });

  it('lets a keyboard user skip to the report', async () => {
    const { page } = await open(report(SMALL, 'test.strategy.yaml'));
    try {
      await page.keyboard.press('Tab');
      assert.strictEqual(await page.evaluate('document.activeElement.textContent'), 'Skip to the report');
      assert.ok(await page.locator('a.skip').isVisible(), 'the skip link shows when focused');
      await page.keyboard.press('Enter');
      assert.strictEqual(await page.evaluate('location.hash'), '#main');
    } finally {
      await page.close();
    }
  });

  it('reflows on a narrow screen, with the matrix scaled to fit', async () => {
    const { page } = await open(report(example('national.strategy.yaml'), 'examples/national.strategy.yaml'), 320);
    try {
      const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
      assert.ok(widths[0] <= widths[1], `page width ${widths[0]} in a window of ${widths[1]}`);
      const box = await page.locator(MATRIX).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 320, `matrix box ${JSON.stringify(box)}`);
      const violations = await runAxe(page);
      assert.deepStrictEqual(violations.map((violation) => violation.id), [], describeViolations(violations));
    } finally {
      await page.close();
    }
  });

  it('prints without the contents, on A4 pages', async () => {
    const { page } = await open(report(example('draft.strategy.yaml'), 'examples/draft.strategy.yaml'));
    try {
      await page.emulateMedia({ media: 'print' });
      assert.strictEqual(await page.locator('nav').isVisible(), false);
      assert.ok(await page.locator(MATRIX).isVisible());
      const box = await page.locator(MATRIX).boundingBox();
      assert.ok(box && box.x + box.width <= 800, `the matrix fits the page: ${JSON.stringify(box)}`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      assert.strictEqual(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      assert.ok(pages >= 3 && pages <= 40, `${pages} pages`);
    } finally {
      await page.close();
    }
  });

  it('takes a screenshot of the report', async () => {
    const { page } = await open(report(example('draft.strategy.yaml'), 'examples/draft.strategy.yaml'));
    try {
      await page.setViewportSize({ width: 1280, height: 1800 });
      const image = await page.screenshot({ fullPage: false });
      assert.strictEqual(image.subarray(1, 4).toString('latin1'), 'PNG');
      assert.strictEqual(image.readUInt32BE(16), 1280);
      const folder = path.join(ROOT, 'out', 'screenshots');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'coverage-report.png'), image);
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
        fs.writeFileSync(path.join(ROOT, 'docs', 'images', 'coverage-report.png'), image);
      }
    } finally {
      await page.close();
    }
  });
});

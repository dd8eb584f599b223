/** `dgs --help`, `dgs help COMMAND`, `dgs COMMAND --help` and `dgs --version`. */
import * as assert from 'assert';
import { removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

describe('dgs help and version', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  before(() => {
    folder = tempFolder();
  });
  after(() => removeFolder(folder));

  it('--help shows the usage of every command and exits 0', () => {
    const result = runDgs(['--help'], folder);
    assert.strictEqual(result.status, 0);
    for (const usage of ['check FILE|FOLDER|GLOB...', 'coverage FILE', 'init [FILE]', 'schema', '--format text|json|sarif', '--max-warnings N', '--format markdown|html|json', '--force', '--version']) {
      assert.ok(result.stdout.includes(usage), usage);
    }
    assert.strictEqual(runDgs(['help'], folder).stdout, result.stdout);
  });

  for (const command of ['check', 'coverage', 'init', 'schema']) {
    it(`dgs help ${command} and dgs ${command} --help show the same usage`, () => {
      const viaHelp = runDgs(['help', command], folder);
      const viaOption = runDgs([command, '--help'], folder);
      assert.strictEqual(viaHelp.status, 0);
      assert.strictEqual(viaOption.status, 0);
      assert.strictEqual(viaHelp.stdout, viaOption.stdout);
      assert.ok(viaHelp.stdout.startsWith(`Usage: dgs ${command}`), viaHelp.stdout);
    });
  }

  it('--version prints the version of package.json', () => {
    const result = runDgs(['--version'], folder);
    assert.strictEqual(result.status, 0);
    assert.strictEqual(result.stdout, `${require('../../../package.json').version}\n`);
  });

  it('dgs help of an unknown command is exit 2', () => {
    const result = runDgs(['help', 'lint'], folder);
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /^dgs: no command "lint"/);
  });
});

/** Where the repository is, for tests that read its files (they run from out/test/…). */
import * as fs from 'fs';
import * as path from 'path';

function findRepoRoot(): string {
  let folder = __dirname;
  while (!fs.existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${__dirname}`);
    folder = parent;
  }
  return folder;
}

export const REPO_ROOT = findRepoRoot();

/** The package's name and version, read from its package.json (from out/ and from a bundle alike). */
import * as fs from 'fs';
import * as path from 'path';

export interface PackageInfo {
  name: string;
  version: string;
}

const PACKAGE_NAME = 'dgs-strategy';
let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let folder = __dirname;
  for (;;) {
    const candidate = path.join(folder, 'package.json');
    try {
      const parsed = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: unknown; version?: unknown };
      if (parsed.name === PACKAGE_NAME && typeof parsed.version === 'string') {
        cached = { name: PACKAGE_NAME, version: parsed.version };
        return cached;
      }
    } catch {
      // No package.json here, or not ours: look further up.
    }
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  cached = { name: PACKAGE_NAME, version: '0.0.0' };
  return cached;
}

// Which code the `rentwise` command runs (docs/adr/0009-the-command-runs-a-bundle-of-the-sources.md): the
// bundle in dist/ that `npm ci` built (scripts/build.mjs), while every source file it was built from is
// unchanged; otherwise the sources themselves, through tsx's loader. A developer's edit is never masked by
// an older bundle: changing, adding to or deleting one of those files turns the bundle off until the next
// `npm run build`.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The URL of dist/<entry>.mjs when dist/manifest.json lists the files it was built from and each still has
 * its size and modification time; null otherwise (no bundle, an unreadable manifest, a file changed or gone).
 */
export function freshBundle(root, entry = 'cli') {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'dist', 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  if (manifest?.format !== 1 || !Array.isArray(manifest.builtFrom) || manifest.builtFrom.length === 0) return null;
  for (const item of manifest.builtFrom) {
    if (!Array.isArray(item) || item.length !== 3) return null;
    const [path, size, mtimeMs] = item;
    let stat;
    try {
      stat = statSync(join(root, path));
    } catch {
      return null;
    }
    if (stat.size !== size || stat.mtimeMs !== mtimeMs) return null;
  }
  return pathToFileURL(join(root, 'dist', `${entry}.mjs`)).href;
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root (the folder of its package.json), from the URL of the module asking: the files
 * read at run time (migrations, templates, assets) are found from it. A module's own folder would do when
 * the sources run through tsx, but not from the bundle, where every module is in dist/ (docs/adr/0009).
 */
export function repositoryRoot(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
}

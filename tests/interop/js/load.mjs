// load.mjs - import an npm package from tests/e2e/js/node_modules (where
// scripts/setup.sh installs them) although this script lives elsewhere:
// ESM resolution does not read NODE_PATH, so the package's entry is found
// from its package.json and imported by file URL.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const modules =
  process.env.KGEX_NODE_MODULES || path.resolve(here, '../../e2e/js/node_modules');

function entryOf(dir, pkg) {
  let e = pkg.exports;
  if (e && typeof e === 'object' && !Array.isArray(e) && e['.'] !== undefined) e = e['.'];
  while (e && typeof e === 'object' && !Array.isArray(e)) {
    e = e.node ?? e.import ?? e.default ?? e.require;
  }
  return path.join(dir, typeof e === 'string' ? e : pkg.main || 'index.js');
}

export async function load(name) {
  const dir = path.join(modules, name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const mod = await import(pathToFileURL(entryOf(dir, pkg)).href);
  return { mod: mod.default ?? mod, ns: mod, version: pkg.version };
}

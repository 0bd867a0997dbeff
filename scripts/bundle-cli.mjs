// Build step (run by build-steps.mjs): apigov's own ES modules bundled into a few files,
// dist/bundle/, which bin/apigov.js and bin/snapshot-run.cjs run. Node 20 loads each ES module on its own (resolve, three
// asynchronous file operations, compile, link; no compile cache): ~270 of them before a lint
// starts, ~150 ms of every run. Rollup keeps ES module semantics; each `import()` stays a chunk
// loaded when it runs (the diff engine is not loaded for a lint). Dependencies stay outside, and
// so do the CommonJS files of our own (.cjs) and the worker threads' entries, which load the
// unbundled dist/ (their own threads, their own module instances).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const BUNDLE_DIR = path.join(DIST, 'bundle');

// startup.ts must run before any CommonJS dependency loads (the code cache, Spectral's polyfill
// answered); a chunk's imports of dependencies are evaluated before its own code, so it stays a
// file of its own, imported first.
const STARTUP = path.join(DIST, 'runtime', 'startup.js');
const isExternal = (id, importer) => {
  if (!id.startsWith('.') && !path.isAbsolute(id)) return true;
  const file = importer === undefined ? id : path.resolve(path.dirname(importer), id);
  return file.endsWith('.cjs') || file === STARTUP;
};

/**
 * `import.meta.url` is the module's own place: it finds package.json, the rulesets, the worker
 * files and Spectral's internals relative to it. In a chunk it would be the chunk's place, so
 * each one becomes the original module's URL, relative to the chunk (a moved checkout still works).
 */
const originalImportMeta = {
  name: 'original-import-meta',
  resolveImportMeta(property, { moduleId, chunkId }) {
    if (property !== 'url') return null;
    const relative = path.relative(path.dirname(path.join(BUNDLE_DIR, chunkId)), moduleId).split(path.sep).join('/');
    return `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
  },
};

// tsc's output has top-level `this` in its helpers and cycles between modules, as Node runs them.
const EXPECTED_WARNINGS = new Set(['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED']);

export async function bundleCli() {
  const bundle = await rollup({
    input: { main: path.join(DIST, 'cli', 'main.js') },
    external: isExternal,
    // Module order and side effects exactly as unbundled: nothing is dropped.
    treeshake: false,
    preserveEntrySignatures: 'strict',
    plugins: [originalImportMeta],
    onwarn(warning) {
      if (!EXPECTED_WARNINGS.has(warning.code)) throw new Error(`bundle: ${warning.message}`);
    },
  });
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await bundle.write({ dir: BUNDLE_DIR, format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
  await bundle.close();
}

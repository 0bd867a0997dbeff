// Build step (run by build-steps.mjs): apigov's own ES modules bundled into a few files,
// dist/bundle/, which bin/apigov.js runs in one process, and the same as CommonJS,
// dist/snapshot-bundle/, which the start-up snapshot holds (see SNAPSHOT_BUNDLE_DIR). Node 20
// loads each ES module on its own (resolve, three asynchronous file operations, compile, link;
// no compile cache): ~270 of them before a lint starts, ~150 ms of every run. Rollup keeps ES module semantics; each `import()` stays a chunk
// loaded when it runs (the diff engine is not loaded for a lint). Dependencies' ES module files
// are bundled too and their CommonJS packages required (see `dependencies` below); the CommonJS
// files of our own (.cjs) stay outside, and so do the worker threads' entries, which load the
// unbundled dist/ (their own threads, their own module instances).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const BUNDLE_DIR = path.join(DIST, 'bundle');
/**
 * The same code as CommonJS, from cli/snapshot-main.js, for the start-up snapshot to hold
 * (src/runtime/snapshot-entry.cts): the snapshot's builder can load CommonJS files only, and a
 * run started from the snapshot then has apigov's own code loaded too, not only its dependencies
 * (~50 ms of every run: Node's ES module loader reading and linking the chunks, the built-in
 * modules it needs, and the house ruleset's function files).
 */
export const SNAPSHOT_BUNDLE_DIR = path.join(DIST, 'snapshot-bundle');

// startup.ts must run before any CommonJS dependency loads (the code cache, Spectral's polyfill
// answered); a chunk's imports of dependencies are evaluated before its own code, so it stays a
// file of its own, imported first.
const STARTUP = path.join(DIST, 'runtime', 'startup.js');
const isOwnExternal = (file) => file.endsWith('.cjs') || file === STARTUP;

const ROOT = path.dirname(DIST);
const NODE_MODULES = path.join(ROOT, 'node_modules');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const BUILTINS = new Set(builtinModules);
const CJS_PREFIX = '\0cjs:';

/** The nearest package.json's `type` decides what a `.js` file is, as Node decides it. */
function isEsmFile(file) {
  if (file.endsWith('.mjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
  }
  return false;
}

/** The folder of the package a node_modules file belongs to. */
function packageDirOf(file) {
  const parts = path.relative(NODE_MODULES, file).split(path.sep);
  return path.join(NODE_MODULES, ...parts.slice(0, parts[0].startsWith('@') ? 2 : 1));
}

/**
 * Where Node's ES module loader finds a bare specifier. The build's own import.meta.resolve
 * answers from the checkout's root; an importer inside node_modules with a node_modules folder
 * of its own could be answered differently, so that is refused rather than guessed.
 */
function resolveBare(specifier, importer) {
  if (specifier.startsWith('#')) return resolvePackageImport(specifier, importer);
  if (importer.startsWith(NODE_MODULES) && existsSync(path.join(packageDirOf(importer), 'node_modules'))) {
    throw new Error(`bundle: ${importer} has its own node_modules; cannot resolve ${specifier} for it`);
  }
  return fileURLToPath(import.meta.resolve(specifier));
}

/** A package's own `#name` import (chalk's vendored files), by its `imports` map as Node reads it for an ES module. */
function resolvePackageImport(specifier, importer) {
  const dir = packageDirOf(importer);
  let target = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).imports?.[specifier];
  while (target !== null && typeof target === 'object') {
    const condition = ['node', 'import', 'default'].find((name) => name in target);
    target = condition === undefined ? undefined : target[condition];
  }
  if (typeof target !== 'string') throw new Error(`bundle: cannot resolve ${specifier} for ${importer}`);
  return path.join(dir, target);
}

/** Whether `require(specifier)` from the checkout's root loads `file` (false when it cannot resolve it at all). */
function requireResolves(specifier, file) {
  try {
    return requireFromRoot.resolve(specifier) === file;
  } catch {
    return false;
  }
}

/**
 * What each import becomes. Node loads every ES module file on its own (resolve, read, compile,
 * link), and wraps every CommonJS package an ES module imports in a module of its own, reading
 * and scanning its source again for export names (cjs-module-lexer) though the start-up snapshot
 * has it loaded. A lint loaded ~115 ES modules that way, 48 of them Nimma's modern build. Now:
 *  - a dependency's ES module files (Nimma's, chalk's, …) are bundled like our own: the same code,
 *    one instance per process as before (Spectral's CommonJS copy of Nimma stays its own);
 *  - a CommonJS dependency is taken with `require` (the module Node and the snapshot already
 *    have), its exports read as properties of module.exports when used — what Node's wrapper
 *    offers as named exports, without the wrapper. Only when `require` finds the very file the ES
 *    module loader would; otherwise the import stays as written;
 *  - Node's built-ins, our `.cjs` files and startup.js stay imports, as before.
 */
const dependencies = (format) => ({
  name: 'dependencies',
  resolveId(source, importer) {
    if (importer === undefined || source.startsWith('\0')) return null;
    if (source.startsWith('node:') || BUILTINS.has(source)) return { id: source, external: true };
    const relative = source.startsWith('.') || path.isAbsolute(source);
    const file = relative ? path.resolve(path.dirname(importer), source) : resolveBare(source, importer);
    if (!file.startsWith(NODE_MODULES)) return isOwnExternal(file) ? { id: source, external: true } : null;
    if (isEsmFile(file)) return file;
    if (!relative && requireResolves(source, file)) return `${CJS_PREFIX}${source}`;
    return { id: relative ? file : source, external: true };
  },
  load(id) {
    if (!id.startsWith(CJS_PREFIX)) return null;
    const specifier = JSON.stringify(id.slice(CJS_PREFIX.length));
    // As CommonJS the chunk's own `require` (in the snapshot's builder: its loader) does it.
    const required = format === 'cjs' ? `require(${specifier})` : `createRequire(import.meta.url)(${specifier})`;
    return {
      code: `${format === 'cjs' ? '' : "import { createRequire } from 'node:module';\n"}const __moduleExports = ${required};\nexport { __moduleExports, __moduleExports as default };\n`,
      syntheticNamedExports: '__moduleExports',
    };
  },
});

/**
 * `import.meta.url` is the module's own place: it finds package.json, the rulesets, the worker
 * files and Spectral's internals relative to it. In a chunk it would be the chunk's place, so
 * each one becomes the original module's URL, relative to the chunk (a moved checkout still works).
 */
const originalImportMeta = (format, dir) => ({
  name: 'original-import-meta',
  resolveImportMeta(property, { moduleId, chunkId }) {
    if (property !== 'url') return null;
    // A `require` of a CommonJS dependency resolves from the chunk's own place (the checkout's node_modules).
    if (moduleId.startsWith(CJS_PREFIX)) return null;
    const relative = path.relative(path.dirname(path.join(dir, chunkId)), moduleId).split(path.sep).join('/');
    const chunkUrl = format === 'cjs' ? "require('node:url').pathToFileURL(__filename)" : 'import.meta.url';
    return `new URL(${JSON.stringify(relative)}, ${chunkUrl}).href`;
  },
});

/**
 * The house rulesets' function files bundled in: house-loader.ts's empty BUNDLED_FUNCTIONS
 * becomes a table of static imports of every file in rulesets/functions/ (the same files it
 * would import() one by one at run time, by path below rulesets/).
 */
const HOUSE_LOADER = path.join(DIST, 'lint', 'house-loader.js');
const FUNCTIONS_DIR = path.join(ROOT, 'rulesets', 'functions');
const EMPTY_TABLE = 'const BUNDLED_FUNCTIONS = {};';
const houseFunctions = {
  name: 'house-functions',
  transform(code, id) {
    if (id !== HOUSE_LOADER) return null;
    if (!code.includes(EMPTY_TABLE)) throw new Error(`bundle: ${id} has no \`${EMPTY_TABLE}\` to fill in`);
    const files = readdirSync(FUNCTIONS_DIR).filter((name) => name.endsWith('.js')).sort();
    const imports = files.map((name, index) => `import houseFunction${index} from ${JSON.stringify(path.join(FUNCTIONS_DIR, name))};\n`).join('');
    const table = files.map((name, index) => `${JSON.stringify(`functions/${name}`)}: houseFunction${index}`).join(', ');
    // Appended, not put first: the source map's lines stay those of the file.
    return { code: `${code.replace(EMPTY_TABLE, `const BUNDLED_FUNCTIONS = { ${table} };`)}\n${imports}`, map: null };
  },
};

// tsc's output has top-level `this` in its helpers and cycles between modules, as Node runs them.
const EXPECTED_WARNINGS = new Set(['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED']);

async function writeBundle(input, dir, format) {
  const bundle = await rollup({
    input,
    // Module order and side effects exactly as unbundled: nothing is dropped.
    treeshake: false,
    preserveEntrySignatures: 'strict',
    plugins: [dependencies(format), originalImportMeta(format, dir), houseFunctions],
    onwarn(warning) {
      if (!EXPECTED_WARNINGS.has(warning.code)) throw new Error(`bundle: ${warning.message}`);
    },
  });
  rmSync(dir, { recursive: true, force: true });
  const extension = format === 'cjs' ? 'cjs' : 'js';
  // CommonJS: an import() of one of our chunks becomes a require of it (the snapshot has them all loaded).
  await bundle.write({ dir, format, entryFileNames: `[name].${extension}`, chunkFileNames: `[name]-[hash].${extension}`, ...(format === 'cjs' ? { exports: 'named', interop: 'auto' } : {}) });
  await bundle.close();
}

export async function bundleCli() {
  await writeBundle({ main: path.join(DIST, 'cli', 'main.js') }, BUNDLE_DIR, 'es');
  await writeBundle({ 'snapshot-main': path.join(DIST, 'cli', 'snapshot-main.js') }, SNAPSHOT_BUNDLE_DIR, 'cjs');
}

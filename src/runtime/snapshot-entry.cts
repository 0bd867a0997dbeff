/**
 * The entry of the start-up snapshot (built by scripts/build-steps.mjs with Node's
 * `--build-snapshot`; used by bin/apigov.js through runtime/snapshot-launch.cts).
 *
 * Loading the CommonJS dependencies a lint needs (Spectral's packages, ajv, lodash: ~400 files)
 * is ~300 ms of every run, code cache or not: each module's top level runs. The snapshot is
 * V8's heap with all of them loaded (~500 files: the build's recording runs include a diff),
 * written once at build time; a run started from it finds them in Node's module cache, as if
 * required, ~40 ms after start.
 *
 * A script, not a module: the snapshot builder runs one file with a `require` for Node's
 * built-in modules only. So the files are loaded here by a loader of our own (Node's would mark
 * user code as started, which a snapshot may not be), each into Node's module cache as a module
 * Node itself made, with the `require` Node would give it once the snapshot runs. What is
 * loaded is what the build's recording runs loaded (dist/snapshot/modules.json, written by
 * scripts/record-code-cache.mjs).
 *
 * What cannot be in a snapshot: `node:http`'s native parts (node-fetch loads it; it gets a
 * stand-in that loads the real one on first use, which apigov needs only for a remote ruleset
 * the user allowed), and `import()` in code compiled here (the main function below hands over
 * to a file Node loads at run time).
 */

type Loader = {
  new (id: string, parent?: NodeJS.Module): NodeJS.Module;
  _cache: Record<string, NodeJS.Module | undefined>;
  _resolveFilename(request: string, parent: NodeJS.Module, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: NodeJS.Module): string[] | null;
  _nodeModulePaths(folder: string): string[];
  _extensions: NodeJS.RequireExtensions;
  isBuiltin(name: string): boolean;
  createRequire(file: string): NodeJS.Require;
};

function buildSnapshot(): void {
  const Module = require('node:module') as Loader;
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const vm = require('node:vm') as typeof import('node:vm');
  const v8 = require('node:v8') as typeof import('node:v8');
  const builtin = require;

  const distDir = path.dirname(__dirname);
  const FETCH_PACKAGE = `${path.sep}node_modules${path.sep}node-fetch${path.sep}`;
  const WRAPPER_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname'];
  // Flipped when the snapshot runs: from then on every module requires through Node's own loader.
  let building = true;

  function requireFor(module: NodeJS.Module): NodeJS.Require {
    const require = ((request: string) => load(request, module)) as NodeJS.Require;
    const resolve = ((request: string, options?: unknown) => Module._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
    resolve.paths = (request: string) => Module._resolveLookupPaths(request, module);
    require.resolve = resolve;
    require.cache = Module._cache as NodeJS.Require['cache'];
    require.extensions = Module._extensions;
    return require;
  }

  function load(request: string, parent: NodeJS.Module): unknown {
    if (!building) return parent.require(request);
    if (Module.isBuiltin(request)) return builtin(request);
    const filename = Module._resolveFilename(request, parent, false);
    const cached = Module._cache[filename];
    if (cached !== undefined) return cached.exports;
    if (filename.includes(FETCH_PACKAGE)) return provide(filename, fetchStandIn(filename));
    const module = new Module(filename, parent);
    module.filename = filename;
    module.paths = Module._nodeModulePaths(path.dirname(filename));
    // In the cache before it runs, as Node does: a circular require gets the exports so far.
    Module._cache[filename] = module;
    try {
      const text = fs.readFileSync(filename, 'utf8');
      if (filename.endsWith('.json')) {
        module.exports = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } else {
        const body = text.startsWith('#!') ? `//${text}` : text;
        const wrapper = vm.compileFunction(body, WRAPPER_PARAMETERS, { filename });
        wrapper.call(module.exports, module.exports, requireFor(module), module, filename, path.dirname(filename));
      }
    } catch (error) {
      delete Module._cache[filename];
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  // node-fetch loads node:http, whose native parts a snapshot cannot hold. Its stand-in answers
  // `__esModule` (tslib's interop reads it when Spectral's packages load) and `default` (the only
  // export they call) without loading it; the real module loads on the first call or other read.
  function fetchStandIn(filename: string): unknown {
    let real: Record<string | symbol, unknown> | undefined;
    const loadReal = () => {
      if (real === undefined) {
        delete Module._cache[filename];
        real = Module.createRequire(filename)(filename) as Record<string | symbol, unknown>;
      }
      return real;
    };
    const fetch = (...args: unknown[]) => (loadReal() as unknown as (...args: unknown[]) => unknown)(...args);
    return new Proxy(fetch, {
      get: (target, key) => (key === 'default' ? target : key === '__esModule' ? true : loadReal()[key]),
    });
  }

  function provide(filename: string, exports: unknown): unknown {
    const module = new Module(filename);
    module.filename = filename;
    module.exports = exports;
    module.loaded = true;
    Module._cache[filename] = module;
    return exports;
  }

  const root = new Module(path.join(distDir, 'snapshot-root'));
  root.filename = root.id;
  root.paths = Module._nodeModulePaths(distDir);

  // What startup.ts does first in every process (before the code cache, which a snapshot does not need).
  (load(path.join(__dirname, 'native-aggregate-error.cjs'), root) as { provideNativeAggregateError(): void }).provideNativeAggregateError();

  const listed = JSON.parse(fs.readFileSync(path.join(distDir, 'snapshot', 'modules.json'), 'utf8')) as string[];
  for (const name of listed) {
    const filename = path.resolve(distDir, name);
    if (Module._cache[filename] === undefined) load(filename, root);
  }

  v8.startupSnapshot.setDeserializeMainFunction(() => {
    building = false;
    // Started as `node --snapshot-blob <blob> -- <arguments>`: argv is [node, ...arguments].
    const argv = process.argv.slice(1);
    // import() does not work in code compiled into the snapshot; it does in a file Node loads now.
    const { runMain } = Module.createRequire(__filename)('../../bin/snapshot-run.cjs') as { runMain(argv: string[]): Promise<void> };
    void runMain(argv);
  });
}

buildSnapshot();

/**
 * The entry of the start-up snapshot (built by scripts/build-steps.mjs with Node's
 * `--build-snapshot`; used by bin/apigov.js through runtime/snapshot-launch.cts).
 *
 * Loading the CommonJS dependencies a lint needs (Spectral's packages, ajv, lodash: ~400 files)
 * is ~300 ms of every run, code cache or not: each module's top level runs. The snapshot is
 * V8's heap with all of them loaded (~500 files: the build's recording runs include a diff),
 * written once at build time; a run started from it finds them in Node's module cache, as if
 * required, ~40 ms after start. apigov's own code is in it too, as the CLI bundle's CommonJS twin
 * (dist/snapshot-bundle/, see below).
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
  _load(request: string, parent: NodeJS.Module | undefined, isMain: boolean): unknown;
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
  const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
  const FETCH_PACKAGE = `${NODE_MODULES}node-fetch${path.sep}`;
  // Set while apigov's own chunks load: they may use only dependencies a recording run loaded.
  let ownCodeOnly = false;
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

  // Built-in modules whose state is made as they load (sockets, threads, async hooks, child
  // processes) — Node's snapshot builder warns about them, and https cannot be held at all. apigov's
  // own code imports some of them; it gets a stand-in that loads the real module when first used,
  // which is at run time (using one while the snapshot is built is an error: the build says so).
  const RUN_TIME_BUILTINS = new Set(['async_hooks', 'child_process', 'cluster', 'dgram', 'dns', 'domain', 'http', 'http2', 'https', 'inspector', 'net', 'perf_hooks', 'readline', 'repl', 'tls', 'trace_events', 'wasi', 'worker_threads']);
  const standIns = new Map<string, unknown>();

  function builtinStandIn(name: string): unknown {
    let standIn = standIns.get(name);
    if (standIn !== undefined) return standIn;
    let real: Record<string | symbol, unknown> | undefined;
    const loadReal = (): Record<string | symbol, unknown> => {
      if (building) throw new Error(`snapshot: node:${name} used while the snapshot is built`);
      return (real ??= Module.createRequire(__filename)(`node:${name}`) as Record<string | symbol, unknown>);
    };
    // A function target: interop helpers ask `typeof` and `__esModule` (a built-in has none) as a bundle loads.
    standIn = new Proxy(() => undefined, {
      get: (_target, key) => (key === '__esModule' ? undefined : loadReal()[key]),
      has: (_target, key) => key in loadReal(),
      ownKeys: () => Reflect.ownKeys(loadReal()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(loadReal(), key);
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    });
    standIns.set(name, standIn);
    return standIn;
  }

  function load(request: string, parent: NodeJS.Module): unknown {
    if (!building) return parent.require(request);
    if (Module.isBuiltin(request)) {
      const name = request.startsWith('node:') ? request.slice('node:'.length) : request;
      return RUN_TIME_BUILTINS.has(name) ? builtinStandIn(name) : builtin(request);
    }
    const filename = Module._resolveFilename(request, parent, false);
    const cached = Module._cache[filename];
    if (cached !== undefined) return cached.exports;
    if (ownCodeOnly && filename.includes(NODE_MODULES)) throw new Error(`snapshot: ${filename} is not one of the recorded modules`);
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

  // While building, a `require` made by Node (createRequire, which apigov's code and Spectral's
  // call as they load) comes here too, not to Node's loader.
  const nodeLoad = Module._load;
  Module._load = function (this: unknown, request: string, parent: NodeJS.Module | undefined, isMain: boolean) {
    return building ? load(request, parent ?? root) : nodeLoad.call(this, request, parent, isMain);
  };

  const listed = JSON.parse(fs.readFileSync(path.join(distDir, 'snapshot', 'modules.json'), 'utf8')) as string[];
  for (const name of listed) {
    const filename = path.resolve(distDir, name);
    if (Module._cache[filename] === undefined) load(filename, root);
  }

  // apigov's own code (dist/snapshot-bundle/): the entry, then each chunk whose dependencies the
  // recording runs loaded — a lint's, a diff's; not, say, a custom ruleset's bundler (rollup, 1 MB),
  // which would only make every run's snapshot larger. An import() between chunks is a require:
  // of a chunk here, or at run time of one left out. Without the entry, runs use the ES module
  // bundle (bin/snapshot-run.cjs).
  interface Bundle {
    snapshotMain(argv: string[], importer: (specifier: string) => Promise<unknown>): Promise<number>;
  }
  const bundleDir = path.join(distDir, 'snapshot-bundle');
  const loadOwn = (file: string): Record<string, unknown> | undefined => {
    const before = new Set(Object.keys(Module._cache));
    ownCodeOnly = true;
    try {
      return load(file, root) as Record<string, unknown>;
    } catch {
      // Whatever it had loaded so far goes too: nothing half-run stays in the snapshot.
      for (const key of Object.keys(Module._cache)) if (!before.has(key)) delete Module._cache[key];
      return undefined;
    } finally {
      ownCodeOnly = false;
    }
  };
  let bundle: Bundle | undefined;
  if (fs.existsSync(path.join(bundleDir, 'snapshot-main.cjs'))) {
    bundle = loadOwn(path.join(bundleDir, 'snapshot-main.cjs')) as Bundle | undefined;
    if (bundle !== undefined) for (const chunk of fs.readdirSync(bundleDir).sort()) if (chunk.endsWith('.cjs')) loadOwn(path.join(bundleDir, chunk));
  }

  v8.startupSnapshot.setDeserializeMainFunction(() => {
    building = false;
    Module._load = nodeLoad;
    // Started as `node --snapshot-blob <blob> -- <arguments>`: argv is [node, ...arguments].
    const argv = process.argv.slice(1);
    // import() does not work in code compiled into the snapshot; it does in a file Node loads now.
    const { runMain } = Module.createRequire(__filename)('../../bin/snapshot-run.cjs') as { runMain(argv: string[], bundle: Bundle | undefined): Promise<void> };
    void runMain(argv, bundle);
  });
}

buildSnapshot();

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { BUILD_DIR } from '../build-output.js';

/**
 * A V8 code cache for the CommonJS modules apigov loads from node_modules (Spectral's packages,
 * ajv, lodash: ~540 files, 3.6 MB of source on every run). Compiling them was ~50 ms of every
 * process, the petstore's lint included; Node 20 has no compile cache of its own (22 has
 * `module.enableCompileCache`). The build records the bytecode V8 produced for each module after a
 * representative lint (so functions compiled lazily during it are in too) into one pack file
 * per Node version and architecture; a run hands each module its entry as `cachedData`.
 *
 * Safety: an entry is used only when the module's text hashes to the text it was made from
 * (V8 itself checks only the length and its own version and flags, and rejects a mismatch of
 * those). Anything else — no pack, a changed or new file, a rejected entry, a module that may
 * call import(), a syntax V8 would only accept as an ES module — compiles as Node would. The pack
 * is read, never written, at run time.
 */

type CompileFn = (this: NodeModule, content: string, filename: string, format?: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: CompileFn };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: NodeModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}
const CjsModule = Module as unknown as ModuleInternals;

/** One pack entry: the hash of the module text, and where its cached data lies in the pack. */
type Entry = [hash: string, start: number, length: number];
interface PackHeader {
  node: string;
  entries: Record<string, Entry>;
}

/** Where the build writes the pack (scripts/record-code-cache.mjs). */
export const CODE_CACHE_DIR = path.join(BUILD_DIR, 'code-cache');

/** The pack for this Node version and architecture, in `dir`. */
export function codeCacheFile(dir: string): string {
  return path.join(dir, `v8-${process.version}-${process.arch}.bin`);
}

const hashOf = (text: string): string => createHash('sha1').update(text).digest('base64');

// A module that may call import() is compiled by Node: a vm script would need an experimental
// option (vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, which prints a warning) to load it.
const DYNAMIC_IMPORT = /\bimport\s*\(/;

function readPack(file: string): { header: PackHeader; data: Buffer } | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  try {
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as PackHeader;
    if (header.node !== process.version) return null;
    return { header, data: bytes.subarray(4 + headerLength) };
  } catch {
    return null;
  }
}

/** Node's own `require` for a module (its internal makeRequireFunction, without policy redirects). */
function requireFor(module: NodeModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) => CjsModule._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => CjsModule._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = CjsModule._extensions as NodeJS.RequireExtensions;
  require.cache = CjsModule._cache as NodeJS.Require['cache'];
  return require;
}

interface Installed {
  /** Modules compiled with a pack entry that V8 accepted, and without one. */
  hits: number;
  misses: number;
  /** With `record`: writes every module's code cache (as it stands now) to the pack file. */
  write(): void;
}

let installed: Installed | null = null;

/**
 * Compiles CommonJS modules under `node_modules` with their pack entry from `dir`. Once per
 * thread; later calls return the first installation. `record` keeps the compiled scripts so
 * the build can write the pack after a representative run.
 */
export function installCodeCache(dir: string, options: { record?: boolean } = {}): Installed {
  if (installed !== null) return installed;
  const file = codeCacheFile(dir);
  // Read on the first compile: a run started from the start-up snapshot has its dependencies
  // loaded already and may compile none (1.8 MB read and a header parsed for nothing).
  let pack: ReturnType<typeof readPack> | undefined = options.record ? null : undefined;
  // Entries are named relative to the pack's parent (dist/): a moved checkout keeps its pack.
  const root = path.dirname(dir);
  const recorded = new Map<string, { hash: string; script: vm.Script }>();
  const original = CjsModule.prototype._compile;
  const state: Installed = {
    hits: 0,
    misses: 0,
    write() {
      const entries: Record<string, Entry> = {};
      const blobs: Buffer[] = [];
      let offset = 0;
      for (const [name, { hash, script }] of recorded) {
        const data = script.createCachedData();
        entries[name] = [hash, offset, data.length];
        blobs.push(data);
        offset += data.length;
      }
      const header = Buffer.from(JSON.stringify({ node: process.version, entries } satisfies PackHeader));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length);
      fs.mkdirSync(dir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, Buffer.concat([length, header, ...blobs]));
      fs.renameSync(temporary, file);
    },
  };

  CjsModule.prototype._compile = function compileWithCache(this: NodeModule, content: string, filename: string, format?: string): unknown {
    const cjs = format !== 'module' && (filename.endsWith('.js') || filename.endsWith('.cjs'));
    if (!cjs || !filename.includes(`${path.sep}node_modules${path.sep}`) || DYNAMIC_IMPORT.test(content)) {
      return original.call(this, content, filename, format);
    }
    const name = path.relative(root, filename);
    const hash = hashOf(content);
    if (pack === undefined) pack = readPack(file);
    const entry = pack?.header.entries[name];
    const cachedData = entry !== undefined && entry[0] === hash ? pack!.data.subarray(entry[1], entry[1] + entry[2]) : undefined;
    let script: vm.Script;
    try {
      script = new vm.Script(CjsModule.wrap(content), { filename, cachedData });
    } catch {
      // A syntax error as CommonJS: Node decides (it may load the file as an ES module, or report the error).
      return original.call(this, content, filename, format);
    }
    if (cachedData !== undefined && !script.cachedDataRejected) state.hits += 1;
    else state.misses += 1;
    if (options.record) recorded.set(name, { hash, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  installed = state;
  return state;
}

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CODE_CACHE = path.join(ROOT, 'dist', 'runtime', 'code-cache.js');

let dir: string;
let packDir: string;

/**
 * Runs `body` in a fresh Node process (the cache patches the process's module loader): with
 * `mode` 'record' it loads the fixture package and writes the pack, 'use' loads it with the
 * pack, 'none' without any cache. Prints what the modules computed and the hit/miss counts.
 */
function child(mode: 'record' | 'use' | 'none', body: string): { out: Record<string, unknown>; stderr: string; status: number | null } {
  const script = `
    import { installCodeCache } from ${JSON.stringify(CODE_CACHE)};
    import { createRequire } from 'node:module';
    const cache = ${mode === 'none' ? 'null' : `installCodeCache(${JSON.stringify(packDir)}, { record: ${mode === 'record'} })`};
    const require = createRequire(${JSON.stringify(path.join(dir, 'app.cjs'))});
    const out = {};
    ${body}
    if (${mode === 'record'}) cache.write();
    out.hits = cache?.hits ?? null;
    out.misses = cache?.misses ?? null;
    console.log(JSON.stringify(out));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  const last = result.stdout.trim().split('\n').pop() ?? '{}';
  return { out: result.status === 0 ? JSON.parse(last) : {}, stderr: result.stderr, status: result.status };
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

const LOAD = `
  const lib = require('lib');
  out.value = lib.value();
  out.dirname = lib.dirname;
  out.resolved = lib.resolved;
  out.mainIsUndefined = lib.mainIsUndefined;
  out.imported = await lib.importSibling();
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigov-code-cache-'));
  packDir = path.join(dir, 'pack');
  write('app.cjs', '');
  write('node_modules/lib/package.json', '{ "name": "lib", "main": "index.js" }');
  // Uses what Node gives a CommonJS module: require (and require.resolve), __dirname, module, and a dynamic import.
  write('node_modules/lib/index.js', `
    const helper = require('./helper.js');
    exports.value = () => helper.letter();
    exports.dirname = __dirname;
    exports.resolved = require.resolve('./helper.js');
    exports.mainIsUndefined = require.main === undefined;
    exports.importSibling = require('./dynamic.js').importSibling;
  `);
  // A module that calls import() is left to Node: it is neither counted nor cached.
  write('node_modules/lib/dynamic.js', "exports.importSibling = async () => (await import('./sibling.mjs')).default;\n");
  write('node_modules/lib/helper.js', "module.exports = { letter: () => 'A' };\n");
  write('node_modules/lib/sibling.mjs', "export default 'from an ES module';\n");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the CommonJS code cache', () => {
  it('records a pack, and a later process compiles every module from it with the same results', () => {
    const plain = child('none', LOAD);
    expect(plain.status).toBe(0);
    const recorded = child('record', LOAD);
    expect(recorded.stderr).toBe('');
    expect(recorded.out).toMatchObject({ hits: 0, misses: 2 });
    const used = child('use', LOAD);
    expect(used.stderr).toBe('');
    expect(used.out).toEqual({ ...plain.out, hits: 2, misses: 0 });
    expect(used.out).toMatchObject({ value: 'A', dirname: path.join(dir, 'node_modules', 'lib'), resolved: path.join(dir, 'node_modules', 'lib', 'helper.js'), imported: 'from an ES module' });
  });

  it('does not use an entry whose module text changed, even at the same length', () => {
    child('record', LOAD);
    // Same length as the recorded text: V8's own check (length, version, flags) would accept the entry.
    write('node_modules/lib/helper.js', "module.exports = { letter: () => 'B' };\n");
    const used = child('use', LOAD);
    expect(used.out).toMatchObject({ value: 'B', hits: 1, misses: 1 });
    write('node_modules/lib/helper.js', "module.exports = { letter: () => 'A' };\n");
  });

  it('ignores a pack made by another Node version', () => {
    child('record', LOAD);
    const file = fs.readdirSync(packDir).map((name) => path.join(packDir, name))[0]!;
    const bytes = fs.readFileSync(file);
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + length));
    header.node = 'v0.0.0';
    const text = Buffer.from(JSON.stringify(header));
    const size = Buffer.alloc(4);
    size.writeUInt32LE(text.length);
    fs.writeFileSync(file, Buffer.concat([size, text, bytes.subarray(4 + length)]));
    expect(child('use', LOAD).out).toMatchObject({ value: 'A', hits: 0, misses: 2 });
  });

  it('leaves a file that only parses as an ES module to Node, with the same outcome as without the cache', () => {
    write('node_modules/esm-in-js/package.json', '{ "name": "esm-in-js", "main": "index.js" }');
    write('node_modules/esm-in-js/index.js', "export const value = 'esm';\n");
    const body = `
      try { out.value = require('esm-in-js').value; } catch (error) { out.error = error.code ?? error.name; }
    `;
    const plain = child('none', body);
    const used = child('use', body);
    expect(plain.status).toBe(0);
    expect({ value: used.out.value, error: used.out.error }).toEqual({ value: plain.out.value, error: plain.out.error });
  });

  it('is in place in the built CLI: every dependency compiled from the pack the build wrote', () => {
    const script = `
      import { CODE_CACHE_DIR, installCodeCache } from ${JSON.stringify(CODE_CACHE)};
      import { provideNativeAggregateError } from ${JSON.stringify(path.join(ROOT, 'dist', 'runtime', 'native-aggregate-error.cjs'))};
      const cache = installCodeCache(CODE_CACHE_DIR);
      // As startup.ts does: the run loads (and the build recorded) no es-aggregate-error fallback.
      provideNativeAggregateError();
      const { runInProcess } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'program.js'))});
      const code = await runInProcess(['lint', 'examples/petstore.yaml', '--no-cache'], { stdout() {}, stderr: (text) => process.stderr.write(text), cwd: ${JSON.stringify(ROOT)}, env: {}, isTTY: false });
      console.log(JSON.stringify({ code, hits: cache.hits, misses: cache.misses }));
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const { code, hits, misses } = JSON.parse(result.stdout);
    expect(code).toBe(0);
    // Hundreds of modules (Spectral, ajv, lodash: ~395 in a lint); V8 declines a handful of tiny ones.
    expect(hits).toBeGreaterThan(350);
    expect(misses).toBeLessThan(hits / 20);
  });
});

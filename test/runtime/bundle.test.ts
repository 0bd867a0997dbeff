import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary } from '../helpers/binary.js';

const BUNDLE = path.join(ROOT, 'dist', 'bundle');
const chunks = () => readdirSync(BUNDLE).filter((name) => name.endsWith('.js'));

// The CLI's bundle (scripts/bundle-cli.mjs), which bin/apigov.js runs.
describe('the CLI bundle', () => {
  it('keeps every import.meta.url the module it came from: each names an existing file of dist/', () => {
    let rewritten = 0;
    for (const name of chunks()) {
      const text = readFileSync(path.join(BUNDLE, name), 'utf8');
      const places = [...text.matchAll(/new URL\("([^"]+)", import\.meta\.url\)\.href/g)];
      for (const [, relative] of places) {
        expect(relative.startsWith('../'), `${name}: ${relative}`).toBe(true);
        expect(existsSync(path.resolve(BUNDLE, relative)), `${name}: ${relative}`).toBe(true);
      }
      rewritten += places.length;
      // The chunk's own import.meta.url is left only where a CommonJS dependency is required by its package name.
      const requires = [...text.matchAll(/createRequire\(import\.meta\.url\)\("(@?[\w.-]+(?:\/[\w.-]+)*)"\)/g)];
      for (const [, specifier] of requires) expect(specifier.startsWith('.'), `${name}: ${specifier}`).toBe(false);
      expect(text.split('import.meta.url').length - 1, name).toBe(places.length + requires.length);
    }
    // version.ts, builtin-rulesets.ts, the worker files, Spectral's internals…: ~25 modules use it.
    expect(rewritten).toBeGreaterThan(20);
  });

  it('runs startup.ts before any dependency loads: its first import', () => {
    const entry = readFileSync(path.join(BUNDLE, 'main.js'), 'utf8');
    expect(entry.split('\n')[0]).toBe("import '../runtime/startup.js';");
    for (const name of chunks().filter((chunk) => chunk.startsWith('main-'))) {
      const firstImport = readFileSync(path.join(BUNDLE, name), 'utf8').split('\n').find((line) => line.startsWith('import '));
      expect(firstImport, name).toBe("import '../runtime/startup.js';");
    }
  });

  it('leaves the diff engine out of what a lint loads (import() stays a chunk)', () => {
    const main = chunks().find((name) => name.startsWith('main-'))!;
    const text = readFileSync(path.join(BUNDLE, main), 'utf8');
    expect(text).toMatch(/import\('\.\/run-[\w-]+\.js'\)/);
    expect(text).not.toContain('function runDiff(');
  });

  it('bundles the ES module files of dependencies and requires the CommonJS ones: no import of a package is left', () => {
    const lint = readFileSync(path.join(BUNDLE, chunks().find((name) => name.startsWith('lint-spec-'))!), 'utf8');
    // Nimma's modern build (its ES modules, not Spectral's CommonJS copy) is in the lint chunk.
    expect(lint).toContain('class Nimma');
    expect(lint).toMatch(/createRequire\(import\.meta\.url\)\("@stoplight\/spectral-runtime"\)/);
    for (const name of chunks()) {
      const text = readFileSync(path.join(BUNDLE, name), 'utf8');
      const imported = [...text.matchAll(/^import (?:.* from )?'([^']+)';$/gm)].map(([, specifier]) => specifier!);
      const packages = imported.filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !isBuiltin(specifier));
      expect(packages, name).toEqual([]);
    }
  });

  it("has a CommonJS twin for the start-up snapshot that calls no import() (code compiled into a snapshot has none) and carries the house functions", () => {
    const dir = path.join(ROOT, 'dist', 'snapshot-bundle');
    const cjsChunks = readdirSync(dir).filter((name) => name.endsWith('.cjs'));
    expect(cjsChunks).toContain('snapshot-main.cjs');
    for (const name of cjsChunks) {
      const code = readFileSync(path.join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      // import( not inside a string ('import(' is astring's output text) nor a member (x.import()).
      expect(code, name).not.toMatch(/(^|[^'"\w.])import\(/m);
    }
    // Every house function file is in the house loader's table, in both bundles.
    const functionFiles = readdirSync(path.join(ROOT, 'rulesets', 'functions')).filter((name) => name.endsWith('.js'));
    for (const [folder, suffix] of [['bundle', '.js'], ['snapshot-bundle', '.cjs']] as const) {
      const loader = readdirSync(path.join(ROOT, 'dist', folder)).find((name) => name.startsWith('house-loader-') && name.endsWith(suffix))!;
      const table = /const BUNDLED_FUNCTIONS = \{([^}]*)\};/.exec(readFileSync(path.join(ROOT, 'dist', folder, loader), 'utf8'))?.[1] ?? '';
      expect([...table.matchAll(/"functions\/([\w-]+\.js)"/g)].map(([, file]) => file).sort(), folder).toEqual(functionFiles.sort());
    }
  });

  it('is what the binary runs, in one process too: the version from package.json, a lint with findings', () => {
    const env = { APIGOV_NO_SNAPSHOT: '1' };
    const version = runBinary(['--version'], { env });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const lint = runBinary(['lint', '-r', 'apigov:security', 'fixtures/lint/apigov-servers-https/invalid.yaml'], { env });
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/error\s+apigov-servers-https/);
  });
});

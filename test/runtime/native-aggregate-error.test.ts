import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What Spectral's function-options check throws for bad options, in a fresh process, with or without the stand-in. */
function aggregateFromSpectral(standIn: boolean): { thrown: Record<string, unknown>; esAbstractModules: number } {
  const script = `
    import { createRequire } from 'node:module';
    ${standIn ? `(await import(${JSON.stringify(path.join(ROOT, 'dist', 'runtime', 'native-aggregate-error.cjs'))})).provideNativeAggregateError();` : ''}
    const require = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});
    const { createRulesetFunction } = require('@stoplight/spectral-core');
    const options = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
    const check = createRulesetFunction({ input: null, options }, function named() {});
    let thrown = null;
    try { check.validator({ a: 1, b: 2 }); } catch (error) {
      thrown = { builtIn: error instanceof AggregateError, constructor: error.constructor.name, name: error.name, message: error.message,
        errors: error.errors.map((e) => [e.constructor.name, e.message, e.path]), stack: error.stack.split('\\n')[0] };
    }
    const esAbstractModules = Object.keys(require.cache).filter((file) => file.includes('/es-abstract/')).length;
    console.log(JSON.stringify({ thrown, esAbstractModules }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe('the built-in AggregateError in place of es-aggregate-error', () => {
  it('gives Spectral the very error it throws without the stand-in, without loading es-abstract', () => {
    const original = aggregateFromSpectral(false);
    const standIn = aggregateFromSpectral(true);
    expect(original.thrown).toMatchObject({ builtIn: true, constructor: 'AggregateError', errors: [[expect.any(String), '"named" function does not support "b" option', ['functionOptions', 'b']], expect.anything()] });
    expect(standIn.thrown).toEqual(original.thrown);
    expect(original.esAbstractModules).toBeGreaterThan(10);
    expect(standIn.esAbstractModules).toBe(0);
  });
});

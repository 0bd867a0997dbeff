import Module, { createRequire } from 'node:module';

/**
 * Spectral's core requires `es-aggregate-error` (for three `new AggregateError(...)` on error
 * paths). On Node 15 and later that package hands out the built-in AggregateError, bound — but
 * loading it first loads its fallback implementation and es-abstract under it: ~60 modules,
 * 20–40 ms of every process. This puts the package's answer (the built-in, bound the same way)
 * in Node's module cache at the path Spectral resolves it to, so that load never happens. Does
 * nothing when the path cannot be resolved. CommonJS, so that the snapshot's build
 * (snapshot-entry.cts) can load it as well as startup.ts.
 */
export function provideNativeAggregateError(): void {
  if (typeof AggregateError !== 'function') return;
  let file: string;
  try {
    const fromCore = createRequire(createRequire(__filename).resolve('@stoplight/spectral-core'));
    file = fromCore.resolve('es-aggregate-error');
  } catch {
    return;
  }
  const require = createRequire(file);
  if (require.cache[file] !== undefined) return;
  const bound = AggregateError.bind(null);
  Object.defineProperty(bound, 'prototype', { value: AggregateError.prototype, writable: true });
  const module = new (Module as unknown as new (id: string) => NodeJS.Module)(file);
  module.filename = file;
  module.loaded = true;
  module.exports = bound;
  require.cache[file] = module;
}

import { createConfinedResolver } from '../confined-resolver.js';
import { parseWithOwnProtoKeys } from '../../load/own-proto-keys.js';
import { createRefReader } from '../../load/ref-reader.js';
import { RefResolver, type ResolveOptions, type ResolveOutcome } from './ref-resolver.js';
import type { ParseResolveResult } from './resolve-types.js';

/** Spectral parses each referenced file as it arrives; `__proto__` keys there stay data, as in a spec. */
class OwnProtoKeysResolver extends RefResolver {
  override resolve(source: unknown, options: ResolveOptions = {}): Promise<ResolveOutcome> {
    const parse = options.parseResolveResult;
    if (parse === undefined) return super.resolve(source, options);
    const parseOwnKeys: ParseResolveResult = (resolved) => parseWithOwnProtoKeys(String(resolved.result), () => parse(resolved));
    return super.resolve(source, { ...options, parseResolveResult: parseOwnKeys });
  }
}

/**
 * The resolver lint gives Spectral: apigov's (src/lint/resolve), reading `$ref` targets only
 * through the run's ref policy (src/load/ref-reader.ts), like the confined resolver it replaces.
 * APIGOV_RESOLVER=spectral gives Spectral's own resolver instead (the differential tests compare
 * the two).
 */
export function createLintResolver(root: string, onRead?: (file: string) => void): unknown {
  if (process.env.APIGOV_RESOLVER === 'spectral') return createConfinedResolver(root, onRead);
  const reader = createRefReader({ root, onRead });
  const readFile = { resolve: (ref: { href(): string }) => reader.readFile(decodeURIComponent(ref.href())) };
  const readRemote = { resolve: (ref: { href(): string }) => reader.readRemote(ref.href()) };
  return new OwnProtoKeysResolver({ file: readFile, http: readRemote, https: readRemote });
}

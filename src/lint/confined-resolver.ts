import { Resolver } from '@stoplight/spectral-ref-resolver';
import { createRefReader } from '../load/ref-reader.js';
import { parseWithOwnProtoKeys } from '../load/own-proto-keys.js';

interface RefUri {
  href(): string;
}

type ResolveOptions = NonNullable<Parameters<Resolver['resolve']>[1]>;
type ParseResult = NonNullable<ResolveOptions['parseResolveResult']>;

/** Spectral parses each referenced file as it arrives; `__proto__` keys there stay data too. */
class LimitedResolver extends Resolver {
  override resolve(source: unknown, options?: ResolveOptions): ReturnType<Resolver['resolve']> {
    const parse = options?.parseResolveResult;
    if (parse === undefined) return super.resolve(source, options);
    const parseOwnKeys: ParseResult = (resolved) => parseWithOwnProtoKeys(String(resolved.result), () => parse(resolved));
    return super.resolve(source, { ...options, parseResolveResult: parseOwnKeys });
  }
}

/**
 * Spectral's resolver reading `$ref` targets only through the run's ref policy
 * (src/load/ref-reader.ts): confined files, remote only with --allow-remote. Spectral reports a
 * ref that fails there as an `invalid-ref` finding whose message is the reader's reason.
 */
export function createConfinedResolver(root: string, onRead?: (file: string) => void): Resolver {
  const reader = createRefReader({ root, onRead });
  const readFile = (ref: RefUri) => reader.readFile(decodeURIComponent(ref.href()));
  const readRemote = (ref: RefUri) => reader.readRemote(ref.href());
  return new LimitedResolver({
    resolvers: {
      file: { resolve: readFile },
      http: { resolve: readRemote },
      https: { resolve: readRemote },
    },
  });
}

import { promises as fs } from 'node:fs';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { isApigovError } from '../errors.js';
import { decodeSpecBytes } from '../load/decode-spec.js';
import { assertSize, guardSpecText } from '../load/guard-spec-text.js';
import { isInside } from '../load/is-inside.js';
import { parseWithOwnProtoKeys } from '../load/own-proto-keys.js';

interface RefUri {
  href(): string;
}

type ResolveOptions = NonNullable<Parameters<Resolver['resolve']>[1]>;
type ParseResult = NonNullable<ResolveOptions['parseResolveResult']>;

/** Reads a referenced file under the same limits as a spec; the error message becomes the invalid-ref finding. */
async function readLimited(file: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    assertSize(stat.size, file);
    const text = decodeSpecBytes(await fs.readFile(file), file);
    guardSpecText(text, file);
    return text;
  } catch (error) {
    if (isApigovError(error)) throw new Error(`cannot read ${error.message}`);
    throw error;
  }
}

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
 * `$ref` targets are read only from regular files under the spec's own folder (by real
 * path, so a symlink cannot lead out) and never from the network, and parsed only within the
 * spec limits. Spectral reports a ref that fails here as an `invalid-ref` finding, and the
 * outside file is never read.
 */
export function createConfinedResolver(root: string, onRead?: (file: string) => void): Resolver {
  const readConfined = async (ref: RefUri): Promise<string> => {
    const target = decodeURIComponent(ref.href());
    const realRoot = await fs.realpath(root);
    const realTarget = await fs.realpath(target).catch(() => {
      throw new Error(`cannot read ${target}: file not found`);
    });
    if (!isInside(realRoot, realTarget)) throw new Error(`${target} is outside the spec's folder ${root}; not read`);
    const stat = await fs.stat(realTarget);
    if (!stat.isFile()) throw new Error(`${target} is not a regular file; not read`);
    onRead?.(realTarget);
    return readLimited(realTarget);
  };
  const refuseRemote = async (ref: RefUri): Promise<string> => {
    throw new Error(`${ref.href()}: remote references are not fetched`);
  };
  return new LimitedResolver({
    resolvers: {
      file: { resolve: readConfined },
      http: { resolve: refuseRemote },
      https: { resolve: refuseRemote },
    },
  });
}

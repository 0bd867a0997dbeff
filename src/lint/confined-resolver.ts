import { promises as fs } from 'node:fs';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { isInside } from '../load/is-inside.js';

interface RefUri {
  href(): string;
}

/**
 * `$ref` targets are read only from regular files under the spec's own folder (by real
 * path, so a symlink cannot lead out) and never from the network. Spectral reports a ref
 * that fails here as an `invalid-ref` finding, and the outside file is never read.
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
    return fs.readFile(realTarget, 'utf8');
  };
  const refuseRemote = async (ref: RefUri): Promise<string> => {
    throw new Error(`${ref.href()}: remote references are not fetched`);
  };
  return new Resolver({
    resolvers: {
      file: { resolve: readConfined },
      http: { resolve: refuseRemote },
      https: { resolve: refuseRemote },
    },
  });
}

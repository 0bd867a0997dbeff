import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpecLoadError, isApigovError } from '../errors.js';
import { currentRunContext } from '../runtime/run-context.js';
import { decodeSpecBytes } from './decode-spec.js';
import { fetchGuarded } from './fetch-guarded.js';
import { assertSize, guardSpecText } from './guard-spec-text.js';
import { isInside } from './is-inside.js';

export interface RefReaderOptions {
  /** The folder of the document whose `$ref`s are read: the spec's folder (or, for a remote spec, its URL's folder). */
  root: string;
  /** Widens confinement from `root` to this folder (--ref-root). Default: the run's refRoot. */
  refRoot?: string;
  /** Whether http(s) targets are fetched (--allow-remote). Default: the run's allowRemote. */
  allowRemote?: boolean;
  /** Told every file read (by real path) and every URL fetched or tried, e.g. for a result cache. */
  onRead?: (fileOrUrl: string) => void;
  /**
   * Reads files from somewhere other than the disk (a git revision). Such a tree has no
   * symlinks to follow, so confinement is checked on the path as written.
   */
  readCommitted?: (file: string) => string;
}

/**
 * How lint and diff read what a `$ref` points at. Every method throws an Error whose message is
 * the reason, one line naming the target (lint shows it as the invalid-ref finding, diff in its
 * refusal); the content of a refused target is never read.
 */
export interface RefReader {
  /** An absolute path or a `file://` URI. */
  readFile(target: string): Promise<string>;
  /** An http(s) URL. */
  readRemote(url: string): Promise<string>;
}

/** Remote documents one spec's refs may pull in (its own `$ref`s and theirs). */
const MAX_REMOTE_DOCUMENTS = 200;

const isUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);

function toPath(target: string): string {
  return /^file:/i.test(target) ? fileURLToPath(target) : target;
}

/** Reads a file under the spec limits (size, encoding, structure), as a spec is read. */
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

/**
 * Fetches an http(s) document under the run's remote rules (src/load/fetch-guarded.ts) and the
 * spec limits. Throws an Error naming `displayName` with the reason; a size refusal is a SpecLoadError.
 */
export async function fetchText(url: string, displayName: string): Promise<string> {
  const context = currentRunContext();
  let bytes: Uint8Array;
  try {
    bytes = await fetchGuarded(url, { trustedOrigins: context.trustedOrigins, maxBytes: context.limits.maxBytes, timeoutMs: context.fetchTimeoutMs, displayName });
  } catch (error) {
    if (isApigovError(error)) throw error;
    throw new Error(`${displayName}: cannot fetch (${(error as Error).message})`);
  }
  const text = decodeSpecBytes(bytes, displayName);
  guardSpecText(text, displayName);
  return text;
}

function limitedCommitted(read: (file: string) => string, file: string): string {
  try {
    const text = read(file);
    guardSpecText(text, file);
    return text;
  } catch (error) {
    if (isApigovError(error)) throw new Error(`cannot read ${error.message}`);
    throw new Error(`cannot read ${file}: not in that revision`);
  }
}

/**
 * The one policy for `$ref` targets (docs/security.md, guarantees 1 and 2): files only from under
 * the confinement root — the spec's folder, or --ref-root — by real path, so a symlink cannot lead
 * out; regular files only (no devices, FIFOs, directories); the spec limits on every text; and
 * http(s) only with --allow-remote.
 */
export function createRefReader(options: RefReaderOptions): RefReader {
  const context = currentRunContext();
  const refRoot = options.refRoot ?? context.refRoot;
  const allowRemote = options.allowRemote ?? context.allowRemote;
  const confinedTo = refRoot ?? options.root;
  const outside = (target: string) =>
    refRoot === undefined ? `${target} is outside the spec's folder ${options.root}; not read` : `${target} is outside --ref-root ${refRoot}; not read`;
  let realRoot: Promise<string> | undefined;
  let remoteReads = 0;

  const readFromDisk = async (target: string): Promise<string> => {
    realRoot ??= fs.realpath(confinedTo);
    const root = await realRoot;
    const realTarget = await fs.realpath(target).catch(() => {
      throw new Error(`cannot read ${target}: file not found`);
    });
    if (!isInside(root, realTarget)) throw new Error(outside(target));
    const stat = await fs.stat(realTarget);
    if (!stat.isFile()) throw new Error(`${target} is not a regular file; not read`);
    options.onRead?.(realTarget);
    return readLimited(realTarget);
  };

  const readFromRevision = async (read: (file: string) => string, target: string): Promise<string> => {
    if (!isInside(path.resolve(confinedTo), path.resolve(target))) throw new Error(outside(target));
    options.onRead?.(target);
    return limitedCommitted(read, target);
  };

  return {
    async readFile(raw) {
      const target = toPath(raw);
      // A document fetched from a URL names files on someone else's machine, never on this one.
      if (isUrl(options.root)) throw new Error(`${target}: a remote document's $refs are not read from local files`);
      return options.readCommitted ? readFromRevision(options.readCommitted, target) : readFromDisk(target);
    },
    async readRemote(url) {
      if (!allowRemote) throw new Error(`${url}: remote references are fetched only with --allow-remote`);
      // Each document is capped in size and time; the count caps a spec that fans out to thousands.
      remoteReads += 1;
      if (remoteReads > MAX_REMOTE_DOCUMENTS) throw new Error(`${url}: not fetched: a spec may reference at most ${MAX_REMOTE_DOCUMENTS} remote documents`);
      options.onRead?.(url);
      try {
        return await fetchText(url, url);
      } catch (error) {
        // Spectral puts an error's class name before its message; a plain Error reads as the reason alone.
        if (isApigovError(error)) throw new Error(`cannot read ${error.message}`);
        throw error;
      }
    },
  };
}

/**
 * With a ref root (--ref-root, `ref-root:`), every spec must be under it: its refs are confined
 * to that root, and a spec outside would have none it is inside of. Checked by real path for a
 * file, by the path as written for a git revision (`committed`).
 */
export async function assertUnderRefRoot(file: string, displayName: string, committed = false): Promise<void> {
  const refRoot = currentRunContext().refRoot;
  if (refRoot === undefined) return;
  const root = committed ? path.resolve(refRoot) : await fs.realpath(refRoot);
  const real = committed ? path.resolve(file) : await fs.realpath(file).catch(() => path.resolve(file));
  if (!isInside(root, real)) throw new SpecLoadError(`${displayName}: not under --ref-root ${refRoot}; every spec must be inside the folder its $refs are confined to`);
}

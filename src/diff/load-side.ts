import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { SpecLoadError, UsageError, isApigovError } from '../errors.js';
import { decodeSpecBytes } from '../load/decode-spec.js';
import { fetchCapped } from '../load/fetch-capped.js';
import { assertSize } from '../load/guard-spec-text.js';
import { parseReferencedData, parseSpecData, type ParsedData } from '../load/parse-data.js';
import { readSpecText, readSpecTextSync } from '../load/read-spec-file.js';
import { currentSpecLimits } from '../runtime/run-context.js';
import type { DocumentSource } from './refs.js';
import { isInside } from '../load/is-inside.js';

export type Side = 'base' | 'revision';

export interface LoadedSide {
  spec: ParsedData;
  /** The description as read, for reports that locate changes in it. */
  text: string;
  source: DocumentSource;
  /** As the user wrote it, for messages. */
  label: string;
}

/** External $ref files are read only from under the spec's folder, as in lint. */
function fileSource(file: string, spec: ParsedData): DocumentSource {
  const root = realpathSync(path.dirname(file));
  return {
    location: file,
    data: spec.data,
    resolveLocation: (from, relative) => path.resolve(path.dirname(from), decodeURIComponent(relative)),
    readExternal(location) {
      try {
        const real = realpathSync(location);
        if (!isInside(root, real)) return undefined;
        return parseReferencedData(readSpecTextSync(real, real), real);
      } catch {
        return undefined;
      }
    },
  };
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
}

/** A file's bytes at a revision; git stops at one byte past the size limit, which then names the file. */
function gitBytes(args: string[], cwd: string, label: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: currentSpecLimits().maxBytes + 1 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOBUFS') assertSize(currentSpecLimits().maxBytes + 1, label);
    throw error;
  }
}

/** `REF:path`: the file as committed at REF, read with git from the repository around `cwd`. */
function gitSide(ref: string, file: string, cwd: string, label: string): Omit<LoadedSide, 'label'> {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new SpecLoadError(`${label}: not inside a git repository, so the git revision cannot be read`);
  }
  const inRepo = (absolute: string) => path.relative(top, absolute).split(path.sep).join('/');
  const show = (absolute: string, name: string) => decodeSpecBytes(gitBytes(['show', `${ref}:${inRepo(absolute)}`], top, name), name);
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = show(absolute, label);
  } catch (error) {
    if (isApigovError(error)) throw error;
    const reason = String((error as { stderr?: Buffer }).stderr ?? '').split('\n')[0]!.replace(/^fatal: /, '');
    throw new SpecLoadError(`${label}: cannot read from git (${reason || 'unknown revision or path'})`);
  }
  const spec = parseSpecData(text, label);
  return {
    spec,
    text,
    source: {
      location: absolute,
      data: spec.data,
      resolveLocation: (from, relative) => path.resolve(path.dirname(from), decodeURIComponent(relative)),
      readExternal(location) {
        try {
          if (!isInside(path.dirname(absolute), location)) return undefined;
          const name = `${ref}:${inRepo(location)}`;
          return parseReferencedData(show(location, name), name);
        } catch {
          return undefined;
        }
      },
    },
  };
}

async function urlSide(url: string, label: string): Promise<Omit<LoadedSide, 'label'>> {
  let text: string;
  try {
    text = decodeSpecBytes((await fetchCapped(url, label)).bytes, label);
  } catch (error) {
    if (isApigovError(error)) throw error;
    throw new SpecLoadError(`${label}: cannot fetch (${(error as Error).message})`);
  }
  const spec = parseSpecData(text, label);
  return { spec, text, source: { location: url, data: spec.data, resolveLocation: (from, rel) => new URL(rel, from).href, readExternal: () => undefined } };
}

/**
 * Loads one side of a diff: a file path, `REF:path` from git, or a URL (only when allowed).
 * Every failure is a SpecLoadError whose message starts with the side.
 */
export async function loadSide(side: Side, argument: string, cwd: string, allowRemote: boolean): Promise<LoadedSide> {
  const label = argument;
  try {
    if (/^https?:\/\//i.test(argument)) {
      if (!allowRemote) throw new UsageError(`${argument}: URLs are read only with --allow-remote`);
      return { ...(await urlSide(argument, label)), label };
    }
    const local = path.resolve(cwd, argument);
    const gitRef = /^([^:]+):(.+)$/.exec(argument);
    if (!existsSync(local) && gitRef && !/^[a-zA-Z]$/.test(gitRef[1]!)) return { ...gitSide(gitRef[1]!, gitRef[2]!, cwd, label), label };
    const text = await readSpecText(local, argument);
    const spec = parseSpecData(text, argument);
    return { spec, text, source: fileSource(local, spec), label };
  } catch (error) {
    if (isApigovError(error)) {
      const Kind = error instanceof UsageError ? UsageError : SpecLoadError;
      throw new Kind(`${side}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { SpecLoadError, UsageError, isApigovError } from '../errors.js';
import { parseSpecData, type ParsedData } from '../load/parse-data.js';
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

const MAX_REMOTE_BYTES = 50 * 1024 * 1024;

function parseData(text: string): unknown {
  return YAML.parse(text, { maxAliasCount: 1000 });
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
        if (!isInside(root, real) || !statSync(real).isFile()) return undefined;
        return parseData(readFileSync(real, 'utf8'));
      } catch {
        return undefined;
      }
    },
  };
}

function readLocal(file: string, label: string): string {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new SpecLoadError(`${label}: file not found`);
  }
  if (!stat.isFile()) throw new SpecLoadError(`${label}: not a regular file`);
  return readFileSync(file, 'utf8');
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
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
  const show = (absolute: string) => git(['show', `${ref}:${inRepo(absolute)}`], top);
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = show(absolute);
  } catch (error) {
    const reason = String((error as { stderr?: string }).stderr ?? '').split('\n')[0]!.replace(/^fatal: /, '');
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
          return isInside(path.dirname(absolute), location) ? parseData(show(location)) : undefined;
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
    const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    throw new SpecLoadError(`${label}: cannot fetch (${(error as Error).message})`);
  }
  if (text.length > MAX_REMOTE_BYTES) throw new SpecLoadError(`${label}: larger than ${MAX_REMOTE_BYTES / 1024 / 1024} MB`);
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
    const text = readLocal(local, argument);
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

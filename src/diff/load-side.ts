import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SpecLoadError, UsageError, isApigovError } from '../errors.js';
import { decodeSpecBytes } from '../load/decode-spec.js';
import { assertSize } from '../load/guard-spec-text.js';
import { parseSpecData, type ParsedData } from '../load/parse-data.js';
import { readSpecText } from '../load/read-spec-file.js';
import { assertUnderRefRoot, createRefReader, fetchText, type RefReader } from '../load/ref-reader.js';
import { currentSpecLimits } from '../runtime/run-context.js';
import { readExternalDocuments, resolveRefLocation } from './external-refs.js';
import type { DocumentSource } from './refs.js';
import { isHttpUrl } from '../load/http-url.js';

export type Side = 'base' | 'revision';

export interface LoadedSide {
  spec: ParsedData;
  /** The description as read, for reports that locate changes in it. */
  text: string;
  source: DocumentSource;
  /** As the user wrote it, for messages. */
  label: string;
  /** Why the file a `$ref` of the root document points at could not be read (refused, missing...), if it could not. */
  refProblem(ref: string): string | undefined;
}

type Read = Omit<LoadedSide, 'label'>;

/**
 * A side's `$ref`ed documents, all read up front through the run's ref policy
 * (src/load/ref-reader.ts, as in lint), so the synchronous engine only looks them up.
 */
async function sourceOf(location: string, data: unknown, reader: RefReader): Promise<Pick<LoadedSide, 'source' | 'refProblem'>> {
  const documents = await readExternalDocuments(location, data, reader);
  const source: DocumentSource = {
    location,
    data,
    resolveLocation: resolveRefLocation,
    readExternal(target) {
      const document = documents.get(target);
      return document && 'data' in document ? document.data : undefined;
    },
  };
  const refProblem = (ref: string) => {
    const file = ref.split('#', 1)[0]!;
    if (file === '') return undefined;
    try {
      const document = documents.get(resolveRefLocation(location, file));
      return document && 'reason' in document ? document.reason : undefined;
    } catch {
      return undefined; // not a location at all
    }
  };
  return { source, refProblem };
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
async function gitSide(ref: string, file: string, cwd: string, label: string): Promise<Read> {
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
  await assertUnderRefRoot(absolute, label, true);
  const spec = parseSpecData(text, label);
  // A committed tree has no symlinks to follow: the reader confines the path as written.
  const readCommitted = (location: string) => show(location, `${ref}:${inRepo(location)}`);
  const reader = createRefReader({ root: path.dirname(absolute), readCommitted });
  return { spec, text, ...(await sourceOf(absolute, spec.data, reader)) };
}

async function urlSide(url: string, label: string): Promise<Read> {
  let text: string;
  try {
    text = await fetchText(url, label);
  } catch (error) {
    if (isApigovError(error)) throw error;
    throw new SpecLoadError((error as Error).message);
  }
  const spec = parseSpecData(text, label);
  return { spec, text, ...(await sourceOf(url, spec.data, createRefReader({ root: new URL('.', url).href }))) };
}

/**
 * Loads one side of a diff: a file path, `REF:path` from git, or a URL (only when allowed).
 * Every failure is a SpecLoadError whose message starts with the side.
 */
export async function loadSide(side: Side, argument: string, cwd: string, allowRemote: boolean): Promise<LoadedSide> {
  const label = argument;
  try {
    if (isHttpUrl(argument)) {
      if (!allowRemote) throw new UsageError(`${argument}: URLs are read only with --allow-remote`);
      return { ...(await urlSide(argument, label)), label };
    }
    const local = path.resolve(cwd, argument);
    const gitRef = /^([^:]+):(.+)$/.exec(argument);
    if (!existsSync(local) && gitRef && !/^[a-zA-Z]$/.test(gitRef[1]!)) return { ...(await gitSide(gitRef[1]!, gitRef[2]!, cwd, label)), label };
    const text = await readSpecText(local, argument);
    await assertUnderRefRoot(local, argument);
    const spec = parseSpecData(text, argument);
    return { spec, text, ...(await sourceOf(local, spec.data, createRefReader({ root: path.dirname(local) }))), label };
  } catch (error) {
    if (isApigovError(error)) {
      const Kind = error instanceof UsageError ? UsageError : SpecLoadError;
      throw new Kind(`${side}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

import { promises as fs, readFileSync, statSync, type Stats } from 'node:fs';
import { SpecLoadError } from '../errors.js';
import { decodeSpecBytes } from './decode-spec.js';
import { assertSize } from './guard-spec-text.js';

function assertReadable(stat: Stats, displayName: string): void {
  if (stat.isDirectory()) throw new SpecLoadError(`${displayName}: is a directory, not a spec file`);
  // Devices (/dev/zero), FIFOs and sockets never end or block; only regular files are read.
  if (!stat.isFile()) throw new SpecLoadError(`${displayName}: not a regular file`);
  assertSize(stat.size, displayName);
}

function cannotRead(error: unknown, displayName: string): SpecLoadError {
  return new SpecLoadError(`${displayName}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
}

/**
 * Reads a spec file's text, or throws a SpecLoadError naming it (missing, a directory, a device,
 * larger than the size limit, unreadable, not UTF-8/UTF-16 text).
 */
export async function readSpecText(file: string, displayName: string): Promise<string> {
  const stat = await fs.stat(file).catch(() => {
    throw new SpecLoadError(`${displayName}: file not found`);
  });
  assertReadable(stat, displayName);
  const bytes = await fs.readFile(file).catch((error: unknown) => {
    throw cannotRead(error, displayName);
  });
  // The file may have grown since stat; the cap is on what was read.
  assertSize(bytes.length, displayName);
  return decodeSpecBytes(bytes, displayName);
}

/** readSpecText for synchronous callers (the diff engine's `$ref` reader). */
export function readSpecTextSync(file: string, displayName: string): string {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    throw new SpecLoadError(`${displayName}: file not found`);
  }
  assertReadable(stat, displayName);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw cannotRead(error, displayName);
  }
  assertSize(bytes.length, displayName);
  return decodeSpecBytes(bytes, displayName);
}

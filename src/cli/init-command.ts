import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE } from '../config/load-config.js';
import { starterConfig } from '../config/starter-config.js';
import { UsageError } from '../errors.js';
import type { Io } from './io.js';
import { writeOutputFile } from './write-output.js';
import { loadFastGlob } from '../load/glob.js';

const SPEC_GUESSES = ['**/{openapi,swagger,api}*.{yaml,yml,json}'];
const MAX_GUESSED_SPECS = 10;

// An API description says what it is near its top: `openapi: 3.0.3`, `"swagger": "2.0"`...
const DESCRIPTION_MARKER = /^\s*["']?(openapi|swagger|asyncapi)["']?\s*:/m;

/** Whether the file's first few kilobytes declare an API description (apigov.yaml does not). */
function looksLikeDescription(file: string): boolean {
  const buffer = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  try {
    return DESCRIPTION_MARKER.test(buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0)));
  } finally {
    closeSync(fd);
  }
}

/** Spec files the starter config can name: usual names (not in node_modules) that declare an API description. */
async function guessSpecs(cwd: string): Promise<string[]> {
  const found = await (await loadFastGlob())(SPEC_GUESSES, { cwd, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], deep: 4 });
  return found
    .sort()
    .filter((file) => looksLikeDescription(path.join(cwd, file)))
    .slice(0, MAX_GUESSED_SPECS);
}

export async function initCommand(flags: { force: boolean }, io: Io): Promise<number> {
  const file = path.join(io.cwd, CONFIG_FILE);
  if (existsSync(file) && !flags.force) throw new UsageError(`${file}: already exists; pass --force to overwrite it`);
  const specs = await guessSpecs(io.cwd);
  await writeOutputFile(file, starterConfig(specs), 'the config');
  io.stdout(`Wrote ${CONFIG_FILE}${specs.length > 0 ? ` naming ${specs.length} spec${specs.length === 1 ? '' : 's'}` : ' (edit specs: to name your API descriptions)'}.\n`);
  return 0;
}

export function registerInit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write a commented starter apigov.yaml in the working directory')
    .option('--force', 'overwrite an existing apigov.yaml', false)
    .action(async (options: { force: boolean }) => setExit(await initCommand(options, io)));
}

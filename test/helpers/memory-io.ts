import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

// Every directory made here goes when the test file ends (each file imports this module afresh):
// a full run made some 1,500 of them and left them all in the system's temp folder.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in-process against a working directory, capturing its output. */
export async function runCli(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd,
    // A fresh result cache per run unless a test shares one on purpose.
    env: { NO_COLOR: '1', ...env, APIGOV_CACHE_DIR: env.APIGOV_CACHE_DIR ?? scratchDir('apigov-cache-') },
    isTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temp directory populated with the given files (relative path → content). */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = scratchDir('apigov-test-');
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

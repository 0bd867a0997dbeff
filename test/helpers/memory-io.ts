import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

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
    env: { NO_COLOR: '1', APIGOV_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'apigov-cache-')), ...env },
    isTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temp directory populated with the given files (relative path → content). */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'apigov-test-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

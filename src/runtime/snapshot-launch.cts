import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Starting the CLI from the start-up snapshot (snapshot-entry.cts): bin/apigov.js runs the CLI in
 * a second process, `node --snapshot-blob <blob> -- <arguments>`, whose Spectral packages are
 * already loaded. Used only when the snapshot was built by this Node binary for this checkout and
 * install, and the process runs without Node or V8 options: V8 refuses a snapshot made under
 * other flags (exit 14), and the user's options are theirs to keep. Anything else runs in-process.
 */

// CommonJS, so bin/apigov.js (CommonJS too) starts the snapshot without Node's ES module loader:
// ~16 ms of every run. Compiled to dist/runtime/, so dist/ is one folder up (build-output.ts's BUILD_DIR).
const BUILD_DIR = path.resolve(__dirname, '..');
export const SNAPSHOT_DIR = path.join(BUILD_DIR, 'snapshot');
/** The CommonJS files the build's recording runs loaded (scripts/record-code-cache.mjs). */
export const SNAPSHOT_MODULES = path.join(SNAPSHOT_DIR, 'modules.json');
const BASE = path.join(SNAPSHOT_DIR, `v8-${process.version}-${process.arch}`);
export const SNAPSHOT_BLOB = `${BASE}.blob`;
const STAMP = `${BASE}.json`;
// npm rewrites this file whenever it changes node_modules: a snapshot of other packages is stale.
const INSTALL_RECORD = path.join(path.dirname(BUILD_DIR), 'node_modules', '.package-lock.json');
/** Node's exit code when it cannot load a snapshot (made by another binary, or under other V8 flags). */
const SNAPSHOT_REFUSED = 14;

/**
 * What a snapshot's loaded modules depend on besides their files: the binary, the checkout and
 * the install. (One of them reads the environment as it loads: immer picks its development or
 * production build by NODE_ENV, for Spectral's ref resolver. Both builds freeze what they produce
 * and differ only in their error texts, so the build's choice stands for every run.)
 */
function currentStamp(): string {
  let install = 'none';
  try {
    const stat = fs.statSync(INSTALL_RECORD);
    install = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    // Not installed by npm: nothing to compare.
  }
  return JSON.stringify({ node: process.version, arch: process.arch, execPath: process.execPath, dist: BUILD_DIR, install });
}

/** Build step: records what the snapshot just built was made with. */
export function writeSnapshotStamp(): void {
  fs.writeFileSync(STAMP, `${currentStamp()}\n`);
}

/** The snapshot to start from, or null to run in this process. */
export function usableSnapshot(env: NodeJS.ProcessEnv, execArgv: string[]): string | null {
  if (env.APIGOV_NO_SNAPSHOT === '1' || execArgv.length > 0 || (env.NODE_OPTIONS ?? '').trim() !== '') return null;
  try {
    if (fs.readFileSync(STAMP, 'utf8').trim() !== currentStamp()) return null;
    return fs.existsSync(SNAPSHOT_BLOB) ? SNAPSHOT_BLOB : null;
  } catch {
    return null;
  }
}

export type SnapshotOutcome = { exitCode: number } | { signal: NodeJS.Signals } | { refused: true };

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs the CLI from the snapshot with this process's streams, passing on the signals this process
 * gets (a terminal's Ctrl-C reaches both; a `kill` of this process reaches only it).
 */
export function runFromSnapshot(blob: string, args: string[]): Promise<SnapshotOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--snapshot-blob', blob, '--', ...args], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    const done = (outcome: SnapshotOutcome) => {
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve(outcome);
    };
    // Not started at all (no process to wait for): run in this one.
    child.on('error', () => child.pid === undefined && done({ refused: true }));
    child.on('exit', (code, signal) => {
      if (signal !== null) done({ signal });
      else done(code === SNAPSHOT_REFUSED ? { refused: true } : { exitCode: code ?? 2 });
    });
  });
}

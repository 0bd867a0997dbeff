import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createActivityBoard, readActivities, type Activity } from '../runtime/activity.js';
import type { Io } from './io.js';
import { LINT_THREAD_STACK_MB } from '../runtime/stack-size.js';

// Run from TypeScript sources (the test runner), the worker is the built one: `npm test` builds first.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? '../../dist/cli/timed-run-worker.js' : './timed-run-worker.js', import.meta.url);

export type TimedRunMessage = { stream: 'stdout' | 'stderr'; text: string } | { exitCode: number };

function describe(activity: Activity | undefined, seconds: number): string {
  const limit = `(--timeout ${seconds})`;
  if (activity === undefined) return `apigov: the run timed out after ${seconds} s ${limit}\n`;
  return `apigov: ${activity.subject}: timed out after ${seconds} s${activity.detail ? ` while ${activity.detail}` : ''} ${limit}\n`;
}

/** A folder for the run's temporary folders; undefined when none can be made (the run then reports that itself if it needs one). */
function runTempFolder(): string | undefined {
  try {
    return mkdtempSync(path.join(tmpdir(), 'apigov-run-'));
  } catch {
    return undefined;
  }
}

/**
 * Runs the command on a worker thread and stops it when the time is up. Parsing and rule code
 * (a pathological regular expression, say) can block a thread for minutes with no chance for a
 * timer to fire in it; this thread stays free, terminates the worker — which interrupts even a
 * running regular expression — and reports what the worker's threads were busy with, one line
 * each, with exit 2. Reports are written at the end of a run, so nothing half-written is left.
 */
export function runWithTimeout(argv: string[], io: Io, seconds: number): Promise<number> {
  const board = createActivityBoard();
  // The worker's temporary folders go in here (temp-root.ts), removed once the worker is gone.
  const tempRoot = runTempFolder();
  const worker = new Worker(WORKER, {
    resourceLimits: { stackSizeMb: LINT_THREAD_STACK_MB },
    workerData: { argv, cwd: io.cwd, env: { ...io.env }, isTTY: io.isTTY, stderrIsTTY: io.stderrIsTTY, board, tempRoot },
  });
  const stop = () => worker.terminate().finally(() => tempRoot !== undefined && rmSync(tempRoot, { recursive: true, force: true }));
  return new Promise<number>((resolve) => {
    let settled = false;
    const settle = (code: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => resolve(code));
    };
    const timer = setTimeout(() => {
      const busy = readActivities(board);
      settled = true;
      void stop().then(() => {
        for (const line of busy.length > 0 ? busy.map((a) => describe(a, seconds)) : [describe(undefined, seconds)]) io.stderr(line);
        resolve(2);
      });
    }, seconds * 1000);
    worker.on('message', (message: TimedRunMessage) => {
      if (settled) return;
      if ('exitCode' in message) settle(message.exitCode);
      else if (message.stream === 'stdout') io.stdout(message.text);
      else io.stderr(message.text);
    });
    worker.on('error', (error: Error) => {
      if (settled) return;
      io.stderr(`apigov: internal error: ${error.message.split('\n')[0]}\n`);
      settle(2);
    });
    worker.on('exit', () => {
      if (settled) return;
      io.stderr('apigov: internal error: the run ended without a result\n');
      settle(2);
    });
  });
}

import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { installedActivityBoard } from '../runtime/activity.js';
import { currentRunContext } from '../runtime/run-context.js';
import type { FileResult } from './lint-file.js';
import type { RulesetRecipe } from './ruleset-recipe.js';
import { LINT_THREAD_STACK_MB } from '../runtime/stack-size.js';

// Run from TypeScript sources (the test runner), the worker is the built one: `npm test` builds first.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? '../../dist/lint/lint-worker.js' : './lint-worker.js', import.meta.url);

/** Below this many files a worker's own ruleset load costs more than the parallelism saves: they are linted on the calling thread. */
export const MIN_FILES_FOR_WORKERS = 4;

// Linting a spec takes roughly 40 bytes of memory per byte of text at its peak (GitHub's 13 MB
// description: ~450 MB; Microsoft Graph beta's 47 MB: 1.7 GB). Specs whose estimates would
// together pass the budget are not linted at the same time, so peak memory is set by the largest
// spec, not by which large specs happen to meet.
// A worker that linted a spec of `recycleAfterBytes` or more is replaced: V8 keeps the heap it grew for a long while.
export interface PoolLimits {
  bytesPerTextByte: number;
  memoryBudget: number;
  recycleAfterBytes: number;
}

const LIMITS: PoolLimits = { bytesPerTextByte: 40, memoryBudget: 2 * 1024 ** 3, recycleAfterBytes: 16 * 1024 ** 2 };

interface Job {
  file: string;
  size: number;
  estimate: number;
}

function jobFor(file: string, limits: PoolLimits): Job {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // A URL or a file that vanished: the worker reports what is wrong with it.
  }
  return { file, size, estimate: size * limits.bytesPerTextByte };
}

/**
 * Lints files on `jobs` worker threads, each holding its own ruleset and one spec at a time.
 * Largest specs first (a large spec started last would run alone at the end), within the memory
 * budget above. Results arrive in completion order.
 */
export async function lintOnWorkers(
  files: string[],
  jobs: number,
  recipe: RulesetRecipe,
  cwd: string,
  onResult: (result: FileResult) => void,
  limits: PoolLimits = LIMITS,
): Promise<void> {
  const queue = files.map((file) => jobFor(file, limits)).sort((a, b) => b.size - a.size || (a.file < b.file ? -1 : 1));
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  // Workers get this run's limits and policy, and write to its activity board when it has one.
  const context = currentRunContext();
  const board = installedActivityBoard();
  const startWorker = () => new Worker(WORKER, { workerData: { recipe, cwd, context, board }, resourceLimits: { stackSizeMb: LINT_THREAD_STACK_MB } });

  /** The next job that fits the budget (anything fits when nothing else runs); 'wait' when all left are too large for now. */
  const take = (): Job | 'wait' | undefined => {
    if (queue.length === 0) return undefined;
    const index = queue.findIndex((job) => inFlight === 0 || inFlight + job.estimate <= limits.memoryBudget);
    if (index === -1) return 'wait';
    const [job] = queue.splice(index, 1);
    inFlight += job!.estimate;
    return job;
  };

  const lint = (worker: Worker, file: string) =>
    new Promise<{ result: FileResult; died: boolean }>((resolve) => {
      const onMessage = (result: FileResult) => settle({ result, died: false });
      // The worker died (e.g. out of memory on one spec): report that file, carry on with a new worker.
      const onError = (error: Error) => settle({ result: { source: file, failure: { source: file, message: `${file}: internal error while linting: ${error.message}` } }, died: true });
      const settle = (outcome: { result: FileResult; died: boolean }) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(outcome);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(file);
    });

  const lane = async () => {
    // Started when it has a job: an idle worker's error would have no one to hear it.
    let worker: Worker | undefined;
    try {
      for (;;) {
        const job = take();
        if (job === undefined) return;
        if (job === 'wait') {
          await new Promise<void>((resolve) => waiting.push(resolve));
          continue;
        }
        worker ??= startWorker();
        const { result, died } = await lint(worker, job.file);
        inFlight -= job.estimate;
        for (const wake of waiting.splice(0)) wake();
        onResult(result);
        if (died || job.size >= limits.recycleAfterBytes) {
          if (!died) await worker.terminate();
          worker = undefined;
        }
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, lane));
}

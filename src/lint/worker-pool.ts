import { Worker } from 'node:worker_threads';
import { installedActivityBoard } from '../runtime/activity.js';
import { currentRunContext } from '../runtime/run-context.js';
import type { FileResult } from './lint-file.js';
import type { RulesetRecipe } from './ruleset-recipe.js';
import { LINT_THREAD_STACK_MB } from '../runtime/stack-size.js';

// Run from TypeScript sources (the test runner), the worker is the built one: `npm test` builds first.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? '../../dist/lint/lint-worker.js' : './lint-worker.js', import.meta.url);

/**
 * Lints files on `jobs` worker threads, each holding its own ruleset and one spec at a time, so
 * memory stays bounded however many files there are. Results arrive in completion order.
 */
export async function lintOnWorkers(files: string[], jobs: number, recipe: RulesetRecipe, cwd: string, onResult: (result: FileResult) => void): Promise<void> {
  const queue = [...files];
  // Workers get this run's limits and policy, and write to its activity board when it has one.
  const context = currentRunContext();
  const board = installedActivityBoard();
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { recipe, cwd, context, board }, resourceLimits: { stackSizeMb: LINT_THREAD_STACK_MB } });
      let current: string | undefined;
      const next = () => {
        current = queue.shift();
        if (current === undefined) void worker.terminate().then(() => resolve());
        else worker.postMessage(current);
      };
      worker.on('message', (result: FileResult) => {
        onResult(result);
        next();
      });
      worker.on('error', (error: Error) => {
        // The worker died (e.g. out of memory on one spec): report that file, carry on with a new worker.
        if (current !== undefined) onResult({ source: current, failure: { source: current, message: `${current}: internal error while linting: ${error.message}` } });
        runWorker().then(resolve, reject);
      });
      next();
    });
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, runWorker));
}

// First: startup.ts (the code cache, …) must run before any CommonJS dependency loads.
import '../runtime/startup.js';
import { parentPort, workerData } from 'node:worker_threads';
import { installActivityBoard } from '../runtime/activity.js';
import { withRunContext, type RunContext } from '../runtime/run-context.js';
import { lintFile } from './lint-file.js';
import { buildRuleset, cacheFor, type RulesetRecipe } from './ruleset-recipe.js';

// One lint worker: builds the ruleset once, then lints the files the pool sends, one at a time.
const { recipe, cwd, context, board } = workerData as { recipe: RulesetRecipe; cwd: string; context: RunContext; board?: SharedArrayBuffer };
if (board) installActivityBoard(board);
const ready = withRunContext(context, () => buildRuleset(recipe)).then((ruleset) => ({ ruleset, cache: cacheFor(recipe, ruleset) }));

parentPort!.on('message', async (file: string) => {
  const { ruleset, cache } = await ready;
  parentPort!.postMessage(await withRunContext(context, () => lintFile(file, cwd, ruleset, cache)));
});

import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { SpecLoadError, UsageError, isApigovError } from '../errors.js';
import { parseSpecText, readSpecTextSync } from '../load/load-spec.js';
import { assertUnderRefRoot, fetchText } from '../load/ref-reader.js';
import { currentRunContext } from '../runtime/run-context.js';
import type { FileFailure, Finding } from '../report/finding.js';
import { beginActivity, endActivity } from '../runtime/activity.js';
import { lintSpec } from './lint-spec.js';
import { FilterFailure, findThrowingFilter, guardFilters } from './filter-guard.js';
import { RuleFailure, findInCauses, guardAsyncFunctions, guardRules, rootMessage } from './rule-guard.js';
import { cacheIdentity, type ResultCache } from './result-cache.js';
import { isHttpUrl } from '../load/http-url.js';

/** A spec's text: a file (under the ref root, if any), or a URL the user named, only with --allow-remote. */
async function readInput(file: string, displayName: string): Promise<string> {
  if (!isHttpUrl(file)) {
    // Read in one go on this thread: the promise API reads a large file in 512 KB pieces, each a
    // trip through libuv's thread pool (GitHub's 13 MB: ~30 ms waiting, idle, in a profile), and
    // nothing else runs on this thread meanwhile (each worker thread lints one file at a time).
    const text = readSpecTextSync(file, displayName);
    await assertUnderRefRoot(file, displayName);
    return text;
  }
  if (!currentRunContext().allowRemote) throw new UsageError(`${file}: URLs are read only with --allow-remote`);
  try {
    return await fetchText(file, displayName);
  } catch (error) {
    if (isApigovError(error)) throw error;
    throw new SpecLoadError((error as Error).message);
  }
}

/** `stackExhausted`: the file may lint on a thread with a larger stack (see run-lint.ts). */
export type FileResult = { source: string; findings: Finding[]; cached?: boolean } | { source: string; failure: FileFailure; stackExhausted?: boolean };

function exhaustedStack(error: unknown): boolean {
  const overflow = findInCauses(error, RangeError);
  return overflow !== undefined && /call stack/i.test(overflow.message);
}

/**
 * A rule that threw or rejected on this spec, or a ruleset's JSONPath filter that threw, is
 * named with the place; anything else is apigov's own bug.
 */
async function describeUnexpected(error: unknown, displayName: string, ruleset: Ruleset): Promise<string> {
  const failure = findInCauses(error, RuleFailure);
  if (exhaustedStack(error)) {
    // Resolving $refs inlines each target where it is used; chains of them can nest deeper than the JSONPath walk can recurse.
    return `${displayName}: nested too deeply to lint once its $refs are resolved (call stack exhausted${failure ? ` in rule ${failure.ruleId}` : ''})`;
  }
  if (failure) return `${displayName}: ${failure.message}: ${rootMessage(failure.cause)}`;
  const walk = findInCauses(error, FilterFailure);
  if (walk) {
    const filter = await findThrowingFilter(ruleset, walk).catch(() => undefined);
    const owner = filter ? `rule${filter.rules.length > 1 ? 's' : ''} ${filter.rules.join(', ')}: JSONPath filter ${filter.expression}` : 'a JSONPath filter of the ruleset';
    return `${displayName}: ${owner} failed at ${walk.at}: ${rootMessage(walk.cause)}`;
  }
  return `${displayName}: internal error while linting: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * Lints one file. A file apigov refuses (not found, not an API description...) is a failure with
 * its one-line message; so is an unexpected error, so that one bad spec in a large run never
 * stops the others.
 */
export async function lintFile(file: string, cwd: string, ruleset: Ruleset, cache?: ResultCache): Promise<FileResult> {
  const displayName = isHttpUrl(file) ? file : path.relative(cwd, file) || file;
  // Under --timeout, a run cut short names the file it was on (and the rule, see rule-guard.ts).
  beginActivity(displayName);
  guardRules();
  guardAsyncFunctions(ruleset);
  await guardFilters();
  try {
    const text = await readInput(file, displayName);
    const identity = cacheIdentity(file);
    const cached = await cache?.lookup(identity, text);
    if (cached) return { source: file, findings: cached, cached: true };
    const referenced = new Set<string>();
    const findings = await lintSpec(parseSpecText(text, file, displayName), ruleset, referenced);
    // A fetched document (or a failed fetch) may differ next time, and the cache can only re-check files.
    if (![...referenced].some(isHttpUrl)) await cache?.store(identity, text, findings, referenced);
    return { source: file, findings };
  } catch (error) {
    const message = isApigovError(error) ? error.message : await describeUnexpected(error, displayName, ruleset);
    return { source: file, failure: { source: file, message }, ...(exhaustedStack(error) ? { stackExhausted: true } : null) };
  } finally {
    endActivity();
  }
}

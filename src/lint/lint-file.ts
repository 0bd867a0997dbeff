import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { isApigovError } from '../errors.js';
import { parseSpecText, readSpecText } from '../load/load-spec.js';
import type { FileFailure, Finding } from '../report/finding.js';
import { beginActivity, endActivity } from '../runtime/activity.js';
import { lintSpec } from './lint-spec.js';
import { findRuleFailure, guardRules, rootMessage } from './rule-guard.js';
import type { ResultCache } from './result-cache.js';

export type FileResult = { source: string; findings: Finding[]; cached?: boolean } | { source: string; failure: FileFailure };

/** A rule that threw on this spec is named with the place; anything else is apigov's own bug. */
function describeUnexpected(error: unknown, displayName: string): string {
  const failure = findRuleFailure(error);
  if (failure) return `${displayName}: ${failure.message}: ${rootMessage(failure.cause)}`;
  return `${displayName}: internal error while linting: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * Lints one file. A file apigov refuses (not found, not an API description...) is a failure with
 * its one-line message; so is an unexpected error, so that one bad spec in a large run never
 * stops the others.
 */
export async function lintFile(file: string, cwd: string, ruleset: Ruleset, cache?: ResultCache): Promise<FileResult> {
  const displayName = path.relative(cwd, file) || file;
  // Under --timeout, a run cut short names the file it was on (and the rule, see rule-guard.ts).
  beginActivity(displayName);
  guardRules();
  try {
    const text = await readSpecText(file, displayName);
    const cached = await cache?.lookup(file, text);
    if (cached) return { source: file, findings: cached, cached: true };
    const referenced = new Set<string>();
    const findings = await lintSpec(parseSpecText(text, file, displayName), ruleset, referenced);
    await cache?.store(file, text, findings, referenced);
    return { source: file, findings };
  } catch (error) {
    const message = isApigovError(error) ? error.message : describeUnexpected(error, displayName);
    return { source: file, failure: { source: file, message } };
  } finally {
    endActivity();
  }
}

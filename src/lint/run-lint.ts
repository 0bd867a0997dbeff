import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { isApigovError } from '../errors.js';
import { expandTargets } from '../load/expand-targets.js';
import { loadSpec } from '../load/load-spec.js';
import type { FileFailure, Finding, Report } from '../report/finding.js';
import { sortFindings } from '../report/sort.js';
import { lintSpec } from './lint-spec.js';

/**
 * Lints every file the patterns name with one ruleset. A file that cannot be loaded is
 * recorded as a failure and the others are still linted; unexpected errors propagate.
 */
export async function runLint(patterns: string[], cwd: string, ruleset: Ruleset): Promise<Report> {
  const { files, failures } = await expandTargets(patterns, cwd);
  const findings: Finding[] = [];
  const allFailures: FileFailure[] = [...failures];
  const sources: string[] = [];
  for (const file of files) {
    try {
      const spec = await loadSpec(file, path.relative(cwd, file) || file);
      findings.push(...(await lintSpec(spec, ruleset)));
      sources.push(file);
    } catch (error) {
      if (!isApigovError(error)) throw error;
      allFailures.push({ source: file, message: error.message });
    }
  }
  return { findings: sortFindings(findings), failures: allFailures, sources };
}

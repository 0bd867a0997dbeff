import path from 'node:path';
import { Spectral, type Ruleset } from '@stoplight/spectral-core';
import type { LoadedSpec } from '../load/load-spec.js';
import type { Finding, Severity } from '../report/finding.js';
import { useFastExampleValidation } from './examples/fast-example.js';
import { internExampleSchemas } from './intern-example-schemas.js';
import { createLintResolver } from './resolve/lint-resolver.js';

/**
 * Runs a ruleset over one parsed spec and maps Spectral's results to findings. The files its
 * `$ref`s led to are added to `referenced`, for the result cache.
 */
export async function lintSpec(spec: LoadedSpec, ruleset: Ruleset, referenced?: Set<string>): Promise<Finding[]> {
  internExampleSchemas();
  useFastExampleValidation(ruleset);
  const spectral = new Spectral({ resolver: createLintResolver(path.dirname(spec.source), (file) => referenced?.add(file)) as never });
  spectral.setRuleset(ruleset);
  const results = await spectral.run(spec.document, { ignoreUnknownFormat: false });
  return results.map((result) => ({
    ruleId: String(result.code),
    severity: result.severity as Severity,
    message: result.message,
    source: result.source ?? spec.source,
    path: [...result.path],
    range: result.range,
    origin: 'lint' as const,
  }));
}

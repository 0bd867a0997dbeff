import path from 'node:path';
import { Spectral, type IRuleResult, type Ruleset } from '@stoplight/spectral-core';
import type { LoadedSpec } from '../load/load-spec.js';
import type { Finding, Severity } from '../report/finding.js';
import { runDocument } from './engine/run-document.js';
import { useFastExampleValidation } from './examples/fast-example.js';
import { useFastSchema } from './fast-schema.js';
import { useFastUniqueArrays } from './fast-unique-arrays.js';
import { internExampleSchemas } from './intern-example-schemas.js';
import { createLintResolver } from './resolve/lint-resolver.js';

/**
 * apigov's runner (src/lint/engine) returns what Spectral's `run` returns, faster;
 * APIGOV_ENGINE=spectral runs Spectral's own, for the parity test and for comparison.
 */
async function runRules(document: LoadedSpec['document'], resolver: unknown, ruleset: Ruleset): Promise<IRuleResult[]> {
  if (process.env.APIGOV_ENGINE !== 'spectral') return runDocument(document, resolver, ruleset);
  const spectral = new Spectral({ resolver: resolver as never });
  spectral.setRuleset(ruleset);
  return spectral.run(document, { ignoreUnknownFormat: false });
}

/**
 * Runs a ruleset over one parsed spec and maps Spectral's results to findings. The files its
 * `$ref`s led to are added to `referenced`, for the result cache.
 */
export async function lintSpec(spec: LoadedSpec, ruleset: Ruleset, referenced?: Set<string>): Promise<Finding[]> {
  internExampleSchemas();
  useFastExampleValidation(ruleset);
  useFastUniqueArrays(ruleset);
  useFastSchema(ruleset);
  const resolver = createLintResolver(path.dirname(spec.source), (file) => referenced?.add(file));
  const results = await runRules(spec.document, resolver, ruleset);
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

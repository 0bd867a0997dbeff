import type { SpecFormat } from '../load/detect-format.js';
import type { ApiModel, OperationModel } from './model.js';
import { asObj, asString, operationIdentity } from './normalize-common.js';
import { operationsOas2, securitySchemesOas2 } from './normalize-oas2.js';
import { operationsOas3, securitySchemesOas3 } from './normalize-oas3.js';
import { RefResolver, type DocumentSource } from './refs.js';

/**
 * Keys ignore a trailing slash so `/pets/` in one version matches `/pets` in the other; a
 * description declaring both forms keeps the slash on the second so neither is lost.
 */
function keyed(operations: OperationModel[]): Map<string, OperationModel> {
  const byKey = new Map<string, OperationModel>();
  for (const op of operations) {
    const clash = byKey.get(op.key);
    if (!clash) {
      byKey.set(op.key, op);
      continue;
    }
    // `/pets/{id}` beside `/pets/{name}` is invalid OpenAPI (the same path twice): first one wins.
    if (op.pathTemplate.endsWith('/') === clash.pathTemplate.endsWith('/')) continue;
    const [slashed, plain] = op.pathTemplate.endsWith('/') ? [op, clash] : [clash, op];
    const kept = { ...slashed, ...operationIdentity(slashed.method, slashed.pathTemplate, true) };
    byKey.set(plain.key, plain);
    byKey.set(kept.key, kept);
  }
  return byKey;
}

/** Builds the version-independent model of a parsed description; schemas stay unresolved. */
export function buildModel(format: SpecFormat, source: DocumentSource): ApiModel {
  const refs = new RefResolver(source);
  const root = asObj(source.data);
  const isOas2 = format === 'oas2';
  const operations = keyed(isOas2 ? operationsOas2(refs, root) : operationsOas3(refs, root));
  const info = asObj(root.info);
  return {
    format,
    version: asString(info.version),
    stability: asString(info['x-stability-level']),
    operations,
    paths: new Set([...operations.values()].map((op) => op.pathKey)),
    securitySchemes: isOas2 ? securitySchemesOas2(root) : securitySchemesOas3(root),
    refs,
  };
}

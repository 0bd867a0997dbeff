import type { SpecFormat } from '../load/detect-format.js';
import { normalizePathTemplate, type ApiModel } from './model.js';
import { asObj, asString } from './normalize-common.js';
import { operationsOas2, securitySchemesOas2 } from './normalize-oas2.js';
import { operationsOas3, securitySchemesOas3 } from './normalize-oas3.js';
import { RefResolver, type DocumentSource } from './refs.js';

/** Builds the version-independent model of a parsed description; schemas stay unresolved. */
export function buildModel(format: SpecFormat, source: DocumentSource): ApiModel {
  const refs = new RefResolver(source);
  const root = asObj(source.data);
  const isOas2 = format === 'oas2';
  const operations = isOas2 ? operationsOas2(refs, root) : operationsOas3(refs, root);
  const info = asObj(root.info);
  return {
    format,
    version: asString(info.version),
    stability: asString(info['x-stability-level']),
    operations: new Map(operations.map((op) => [op.key, op])),
    paths: new Set(operations.map((op) => normalizePathTemplate(op.pathTemplate))),
    securitySchemes: isOas2 ? securitySchemesOas2(root) : securitySchemesOas3(root),
    refs,
  };
}

import { createRequire } from 'node:module';
import path from 'node:path';
import type { Document, IRuleResult, Ruleset } from '@stoplight/spectral-core';

/**
 * Pieces of Spectral's runner that apigov's own runner reuses as they are, so that targets,
 * messages, ref-following and result order are Spectral's by construction. The package does
 * not export them, so they are loaded from its installed files by path (the version is pinned
 * in package.json; test/lint/engine-parity.test.ts fails if any of them moves or changes).
 */
const require = createRequire(import.meta.url);
const coreDir = path.dirname(require.resolve('@stoplight/spectral-core'));
const internal = <T>(file: string): T => require(path.join(coreDir, file)) as T;

export interface AssociatedItem {
  document: Document;
  path: (string | number)[];
  missingPropertyPath: (string | number)[];
}

export interface Inventory {
  readonly document: Document;
  readonly resolved: unknown;
  readonly unresolved: unknown;
  readonly formats: Set<unknown> | null;
  readonly diagnostics: IRuleResult[];
  readonly errors: IRuleResult[] | null;
  /** The resolver's graph (null before resolving or for a non-object document): each file's refMap. */
  readonly graph: { getNodeData(source: string): { refMap: Record<string, string> } } | null;
  /** The files `$ref`s led to, by absolute source. */
  readonly referencedDocuments: Record<string, Document | null | undefined>;
  resolve(): Promise<void>;
  findAssociatedItemForPath(path: (string | number)[], resolved: boolean): AssociatedItem | null;
}

export type LintTarget = { path: (string | number)[]; value: unknown };

export const { DocumentInventory } = internal<{ DocumentInventory: new (document: Document, resolver: unknown) => Inventory }>(
  'documentInventory.js',
);
export const { getLintTargets } = internal<{ getLintTargets: (value: unknown, field: string | undefined) => LintTarget[] }>(
  'runner/utils/getLintTargets.js',
);
export const { message: interpolate } = internal<{ message: (template: string, vars: Record<string, unknown>) => string }>(
  'runner/utils/message.js',
);
export const { prepareResults } = internal<{ prepareResults: (results: IRuleResult[]) => IRuleResult[] }>('runner/utils/results.js');
export const { generateDocumentWideResult } = internal<{
  generateDocumentWideResult: (document: Document, message: string, severity: number, code: string) => IRuleResult;
}>('utils/generateDocumentWideResult.js');

/** The ruleset-level view Spectral's run uses (overrides applied for the document's source). */
export type SourceRuleset = ReturnType<Ruleset['fromSource']>;

import Nimma from 'nimma';
import { jsonPathPlus } from 'nimma/fallbacks';

/** The options Spectral constructs Nimma with: jsonpath-plus for what Nimma does not compile. */
export const NIMMA_OPTIONS = { fallback: jsonPathPlus, unsafe: false, output: 'auto', customShorthands: {} } as const;

export type GeneratedQuery = (input: unknown, callbacks: Record<string, (node: never) => void>) => void;

/** The JavaScript module Nimma generates for a set of paths (throws as Nimma does on a bad path). */
export function generatedCode(paths: string[]): string {
  return (new Nimma(paths, NIMMA_OPTIONS) as unknown as { sourceCode: string }).sourceCode;
}

const IMPORTS = /import\s*({[^}]+})\s*from\s*['"][^'"]+['"];?/g;

/**
 * Evaluates Nimma's generated module against the given runtime (Nimma's own, with a Scope of
 * apigov's): the first import is Nimma's runtime, any others the fallback engine's, passed in
 * by name. null when the code does not look as expected.
 */
export function instantiate(sourceCode: string, runtime: object): GeneratedQuery | null {
  const imports = [...sourceCode.matchAll(IMPORTS)];
  if (imports.length === 0 || !/nimma\/runtime/.test(imports[0]![0]) || !sourceCode.includes('export default function')) return null;
  const code = sourceCode.replace(IMPORTS, '').replace('export default function', 'return function');
  const deps = (jsonPathPlus as { runtimeDeps: Map<string, unknown> }).runtimeDeps;
  const factory = Function('__runtime__', ...deps.keys(), `const ${imports[0]![1]} = __runtime__;\n${code}`) as (...args: unknown[]) => GeneratedQuery;
  return factory(runtime, ...deps.values());
}

// Nimma ships types only for its CommonJS entry; these describe the ES module entries apigov imports.
declare module 'nimma' {
  export type EmittedScope = { readonly path: (string | number)[]; readonly value: unknown };
  export default class Nimma {
    constructor(
      expressions: string[],
      options?: { customShorthands: Record<string, string> | null; fallback: unknown; unsafe: boolean; output: 'ES2018' | 'ES2021' | 'auto' },
    );
    query(input: Record<string, unknown> | unknown[], callbacks: Record<string, (scope: EmittedScope) => void>): void;
  }
}
declare module 'nimma/fallbacks' {
  export const jsonPathPlus: unknown;
}
declare module 'nimma/runtime' {
  export class Scope {
    constructor(root: unknown, callbacks: unknown, parent?: unknown);
    path: (string | number)[];
    traverse(fn: unknown, zones: unknown): void;
  }
}

declare module 'nimma/parser' {
  /** Nimma's JSONPath parser: one node per step (`MemberExpression`, `ScriptFilterExpression`, …). */
  export function parse(path: string): { type: string; value?: unknown; deep?: boolean }[];
}

declare module 'nimma/errors' {
  export class RuntimeError extends Error {
    constructor(message: string, options?: { cause?: unknown });
  }
}

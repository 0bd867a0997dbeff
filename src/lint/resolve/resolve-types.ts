import type URI from 'urijs';

/** An error as Spectral's resolver reports it; Spectral turns each distinct message into an `invalid-ref` finding. */
export interface ResolveError {
  code: 'POINTER_MISSING' | 'RESOLVE_URI' | 'PARSE_POINTER';
  message: string;
  path: string[];
  uri: URI;
  uriStack: string[];
  pointerStack: string[];
}

/** What resolving one document (or a part of it) gives: Spectral's `IResolveResult` minus the runner. */
export interface Resolved {
  result: unknown;
  refMap: Record<string, string>;
  errors: ResolveError[];
}

/** One external ref looked up: where its value goes, and the value or the error. */
export interface UriResult {
  uri: URI;
  pointerStack: string[];
  targetPath: string[];
  resolved?: Resolved;
  error?: ResolveError;
}

/** Spectral's hook that parses a fetched text into data (and records the document for locations). */
export type ParseResolveResult = (options: {
  uriResult: unknown;
  result: unknown;
  targetAuthority: URI;
  parentAuthority: URI;
  parentPath: string[];
  fragment: string;
}) => Promise<{ result?: unknown }>;

/** Reads the text a ref points at; `resolve` throws with the reason when it may not or cannot. */
export interface RefSchemeReader {
  resolve(ref: URI): Promise<string>;
}

export type SchemeReaders = Record<string, RefSchemeReader | undefined>;

import { trimStart } from '@stoplight/json';
import type URI from 'urijs';
import type { DocumentRunner } from './document-runner.js';
import { withoutFragment, type RemoteRef } from './ref-uri.js';
import type { UriResult } from './resolve-types.js';

export interface LookupRequest {
  ref: RemoteRef;
  /** The `$ref` object itself: what a ref back into a document being resolved stays. */
  value: unknown;
  parentPath: string[];
  parentPointer: string;
  resolvingPointer: string | undefined;
  pointerStack: string[];
}

/**
 * Resolves an external ref as Spectral's runner does: a document already on the way (on the
 * uri stack) leaves the ref as it is; otherwise the document is read once per resolver (shared
 * with every other ref to it, failures included) and the wanted part resolved within it.
 */
export async function lookUpRef(runner: DocumentRunner, request: LookupRequest): Promise<UriResult> {
  const { ref, value, parentPointer, resolvingPointer, pointerStack } = request;
  const parentPath = request.parentPath.slice();
  const cacheKey = withoutFragment(ref.uri);
  const result: UriResult = { uri: ref.uri, pointerStack, targetPath: resolvingPointer === parentPointer ? [] : parentPath };
  if (runner.uriStack.includes(cacheKey)) {
    result.resolved = { result: value, refMap: {}, errors: [] };
    return result;
  }
  const current = runner.baseUri.toString();
  // The top document never counts itself on the stack; documents it leads to do.
  const pushed = current && runner.depth !== 0 ? current : null;
  let target: DocumentRunner | undefined;
  try {
    if (runner.atMaxUriDepth()) throw new Error(`Max uri depth (${runner.uriStack.length}) reached. Halting, this is probably a circular loop.`);
    target = await documentFor(runner, ref.uri.clone().fragment(''), ref.uri.fragment(), cacheKey, parentPath);
    if (pushed) target.uriStack = target.uriStack.concat(pushed);
  } catch (error) {
    const uriStack = pushed ? runner.uriStack.concat(pushed) : runner.uriStack;
    result.error = { code: 'RESOLVE_URI', message: String(error), uri: ref.uri, uriStack, pointerStack, path: parentPath };
  }
  if (target !== undefined) {
    result.resolved = await target.resolve({ jsonPointer: ref.jsonPointer, parentPath });
    keepRefWhereTargetMissing(result, ref.uri, value);
  }
  return result;
}

/**
 * Where the wanted part of the other document is itself a ref to a missing place, the runner
 * keeps the `$ref` object (it matches the error's path against the fragment as written). Its
 * other branch writes into the part's frozen copy, which changes nothing, so it is left out.
 */
function keepRefWhereTargetMissing(result: UriResult, uri: URI, value: unknown): void {
  const resolved = result.resolved!;
  for (const error of resolved.errors) {
    if (error.code !== 'POINTER_MISSING' || error.path.join('/') !== uri.fragment().slice(1)) continue;
    const inResult = trimStart(error.path, trimStart(uri.fragment(), '/').split('/')) as string[];
    if (inResult.length === 0 && resolved.result) resolved.result = value;
  }
}

/** The runner for a document, from the resolver's cache or read now (and then cached, even if it fails). */
function documentFor(runner: DocumentRunner, uri: URI, fragment: string, cacheKey: string, parentPath: string[]): Promise<DocumentRunner> | DocumentRunner {
  const cache = runner.context.uriCache;
  // Spectral's memoizer keys by the cache key, or by the whole request when that is empty.
  const key = cacheKey || JSON.stringify({ 0: { ref: uri, fragment, cacheKey, parentPath } });
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const pending = readDocument(runner, uri, fragment, parentPath);
  cache.set(key, pending);
  return pending;
}

async function readDocument(runner: DocumentRunner, uri: URI, fragment: string, parentPath: string[]): Promise<DocumentRunner> {
  const { readers, parse } = runner.context;
  let scheme = uri.scheme();
  if (!readers[scheme] && runner.refs.isFile(uri)) scheme = 'file';
  const reader = readers[scheme];
  if (!reader) throw new Error(`No resolver defined for scheme '${uri.scheme() || 'file'}' in ref ${uri.toString()}`);
  let data: unknown = await reader.resolve(uri);
  if (parse !== undefined) {
    try {
      const parsed = await parse({ uriResult: data, result: data, targetAuthority: uri, parentAuthority: runner.baseUri, parentPath, fragment });
      data = parsed.result;
    } catch (error) {
      throw new Error(`Could not parse remote reference response for '${uri.toString()}' - ${String(error)}`);
    }
  }
  return runner.child(data, uri);
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RefReader } from '../load/ref-reader.js';
import { parseReferencedData } from '../load/parse-data.js';
import { isHttpUrl } from '../load/http-url.js';

/** A document a `$ref` reached: its data, or why it could not be read (the ref reader's reason). */
export type ExternalDocument = { data: unknown } | { reason: string };

/** Where a `$ref`'s file part points, from the document holding it: a path, or a URL for remote documents. */
export function resolveRefLocation(from: string, file: string): string {
  if (isHttpUrl(file)) return new URL(file).href;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(from)) return new URL(file, from).href;
  if (/^file:/i.test(file)) return fileURLToPath(file);
  return path.resolve(path.dirname(from), decodeURIComponent(file));
}

function refFiles(root: unknown): string[] {
  const files = new Set<string>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const file = ref.split('#', 1)[0]!;
      if (file !== '') files.add(file);
    }
    for (const value of Object.values(node)) stack.push(value);
  }
  return [...files];
}

/**
 * Reads every document the `$ref`s of `data` reach, transitively, through the ref reader — before
 * the diff engine, which follows refs synchronously, looks at any of them. Refs inside a
 * referenced document resolve against that document's location.
 */
export async function readExternalDocuments(location: string, data: unknown, reader: RefReader): Promise<Map<string, ExternalDocument>> {
  const documents = new Map<string, ExternalDocument>([[location, { data }]]);
  const pending: Array<{ from: string; data: unknown }> = [{ from: location, data }];
  while (pending.length > 0) {
    const { from, data: holder } = pending.pop()!;
    for (const file of refFiles(holder)) {
      let target: string;
      try {
        target = resolveRefLocation(from, file);
      } catch {
        continue; // not a location at all: the ref stays dangling
      }
      if (documents.has(target)) continue;
      try {
        const remote = isHttpUrl(target);
        const text = remote ? await reader.readRemote(target) : await reader.readFile(target);
        const parsed = parseReferencedData(text, target);
        documents.set(target, { data: parsed });
        pending.push({ from: target, data: parsed });
      } catch (error) {
        documents.set(target, { reason: (error as Error).message.split('\n')[0]! });
      }
    }
  }
  documents.delete(location);
  return documents;
}

import type { DocumentRunner } from './document-runner.js';
import { DraftSession } from './draft-tree.js';
import { decodePointer } from './pointers.js';
import type { RefCrawl } from './ref-crawl.js';
import type { Resolved } from './resolve-types.js';

/**
 * Replaces each local ref with its target's value, in the order and with the outcome of
 * Spectral's runner: targets in dependency order; for each, every ref that leads to it (directly
 * or through refs to refs) gets the target's current value — one shared value, not a copy —
 * unless the ref sits inside something the target leads back to (a cycle: it stays `{ $ref }`);
 * a missing target is an error for each such ref. Returns the new document (the same one when
 * nothing changed); the places written are recorded in the refMap.
 */
export function inlineLocalRefs(runner: DocumentRunner, crawl: RefCrawl, resolved: Resolved): unknown {
  const session = new DraftSession(runner.source);
  const encoder = runner.context.encoder;
  const targetsInGraph: [string, unknown][] = [];
  for (const pointer of crawl.pointers.overallOrder()) {
    const dependants = crawl.pointers.dependantsOf(pointer);
    if (dependants.length === 0) continue;
    const pointerPath = decodePointer(pointer);
    const value = pointerPath.length === 0 ? session.original() : session.get(pointerPath);
    const to = encoder.encode(pointerPath);
    for (const dependant of dependants) {
      const place = crawl.placePath(dependant);
      if (crawl.stems.isCircular(pointer, place)) continue;
      const from = encoder.encode(place);
      resolved.refMap[from] = to;
      runner.graph.setEdge(runner.root, from, to);
      if (value === undefined) {
        const { baseUri, uriStack } = runner;
        resolved.errors.push({ code: 'POINTER_MISSING', message: `'${pointer}' does not exist`, path: place.slice(), uri: baseUri, uriStack, pointerStack: [] });
        continue;
      }
      session.set(place, value);
      if (runner.graph.hasNode(to)) targetsInGraph.push([to, value]);
    }
  }
  const result = session.finalize();
  // Only a document without a base URI has nodes named by bare pointers; they hold the target's value.
  for (const [node, value] of targetsInGraph) runner.graph.setData(node, session.finalizeValue(value));
  return result;
}

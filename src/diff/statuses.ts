import type { ResponseModel } from './model.js';

const RANGE = /^[1-5]XX$/;

export interface StatusMatch {
  pairs: Array<[ResponseModel, ResponseModel]>;
  removed: ResponseModel[];
  added: ResponseModel[];
}

/**
 * Pairs responses by status (keys are upper-cased: `2xx` is `2XX`). A status the revision now
 * describes through its range (`404` → `4XX`), or a range it now spells out in new codes
 * (`4XX` → `400`, `404`), is paired rather than removed: clients handling the one handle the
 * other, and the pair's bodies and headers are still compared. `default` covers nothing: it
 * describes unexpected outcomes.
 */
export function matchStatuses(base: Map<string, ResponseModel>, revision: Map<string, ResponseModel>): StatusMatch {
  const result: StatusMatch = { pairs: [], removed: [], added: [] };
  for (const [status, before] of base) {
    const exact = revision.get(status);
    if (exact) {
      result.pairs.push([before, exact]);
      continue;
    }
    const covering = [...revision.keys()].filter((other) => (isCode(status) ? isRangeOf(other, status) : isRangeOf(status, other) && !base.has(other)));
    if (covering.length === 0) result.removed.push(before);
    for (const other of covering) result.pairs.push([before, revision.get(other)!]);
  }
  for (const [status, after] of revision) if (!base.has(status)) result.added.push(after);
  return result;
}

const isCode = (status: string) => /^\d{3}$/.test(status);
const isRangeOf = (range: string, code: string) => RANGE.test(range) && isCode(code) && range[0] === code[0];

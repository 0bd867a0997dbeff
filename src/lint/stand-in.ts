import type { Ruleset } from '@stoplight/spectral-core';

type Then = Ruleset['rules'][string]['then'][number];

/** Gives a stand-in the original's own properties and name: Spectral's wrappers carry a validator, and messages name the function. */
export function dressAs<T extends object>(standIn: T, original: object & { name: string }): T {
  Object.assign(standIn, original);
  Reflect.defineProperty(standIn, 'name', { value: original.name });
  return standIn;
}

const swapped = new WeakMap<Ruleset, Set<unknown>>();

/** Puts the stand-in in place of `original` in every rule `then` that uses it (and that `accepts`), once per ruleset. */
export function swapIn(ruleset: Ruleset, original: unknown, standIn: unknown, accepts: (then: Then) => boolean = () => true): void {
  let done = swapped.get(ruleset);
  if (done === undefined) swapped.set(ruleset, (done = new Set()));
  if (done.has(standIn)) return;
  done.add(standIn);
  const swaps = (then: Then) => (then.function as unknown) === original && accepts(then);
  for (const rule of Object.values(ruleset.rules)) {
    if (!rule.then.some(swaps)) continue;
    rule.then = rule.then.map((then) => (swaps(then) ? { ...then, function: standIn as never } : then));
  }
}

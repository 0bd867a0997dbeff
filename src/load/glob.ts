import type fastGlob from 'fast-glob';

type FastGlob = typeof fastGlob;
let loaded: Promise<FastGlob> | undefined;

/** fast-glob, loaded on first use: ~20 ms of start-up a run over plain file names never needs. */
export function loadFastGlob(): Promise<FastGlob> {
  loaded ??= import('fast-glob').then((module) => module.default);
  return loaded;
}

/**
 * Whether fast-glob would read the pattern as a glob. Every test in its isDynamicPattern needs
 * one of these characters (`*`, `?`, a leading `!`, `[…]`, `(…|…)`, `@(…)`, `{…}`, or the `\`
 * escape), so a pattern without any is a plain path and fast-glob need not be loaded to say so.
 */
export async function isGlob(pattern: string): Promise<boolean> {
  if (!/[*?!()[\]{}\\]/.test(pattern)) return false;
  return (await loadFastGlob()).isDynamicPattern(pattern);
}

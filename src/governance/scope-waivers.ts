import type { ApigovConfig } from '../config/types.js';
import type { ScopedWaiver } from '../waivers/apply-waivers.js';
import { fileSet } from './file-set.js';

/** The config's waivers with the files their `specs` globs select. */
export async function scopeWaivers(config: ApigovConfig | undefined): Promise<ScopedWaiver[]> {
  const scoped: ScopedWaiver[] = [];
  for (const waiver of config?.waivers ?? []) scoped.push({ waiver, files: waiver.specs.length > 0 ? await fileSet(waiver.specs) : undefined });
  return scoped;
}

/**
 * Whether a run saw every spec a waiver may apply to, so "waives nothing" is a fact and not an
 * artefact of linting one file: the waiver's own specs were linted, or, for a waiver without
 * specs, the run linted the config's specs (no spec arguments).
 */
export function waiverScopeCheck(files: readonly string[], usedConfigSpecs: boolean): (waiver: ScopedWaiver) => boolean {
  const linted = new Set(files);
  return ({ files: selected }) => (selected ? [...selected].some((file) => linted.has(file)) : usedConfigSpecs);
}

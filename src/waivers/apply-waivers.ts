import type { Waiver } from '../config/types.js';
import { operationMatches } from '../governance/operation-pattern.js';
import { isAtOrUnder } from '../governance/pointer-pattern.js';
import { jsonPointer } from '../json-pointer.js';
import type { InlineIgnore } from './inline-ignores.js';
import type { WaiverNote, WaiverSubject } from './subject.js';

/** A config waiver with the files its `specs` select (undefined: every file). */
export interface ScopedWaiver {
  waiver: Waiver;
  files?: ReadonlySet<string>;
}

export interface WaiverResult {
  /** Per subject, in order: the waiver that waives it, if any. */
  notes: Array<WaiverNote | undefined>;
  usedWaivers: Set<Waiver>;
  /** Per inline ignore, the rule ids it waived something for. */
  usedInline: Map<InlineIgnore, Set<string>>;
}

function configWaives(scoped: ScopedWaiver, subject: WaiverSubject): boolean {
  const { waiver, files } = scoped;
  if (waiver.rule !== subject.rule) return false;
  if (files && !files.has(subject.source)) return false;
  if (waiver.path !== undefined && (subject.location === undefined || !isAtOrUnder(waiver.path, subject.location))) return false;
  if (waiver.operation !== undefined && (subject.operation === undefined || !operationMatches(waiver.operation, subject.operation))) return false;
  return true;
}

function inlineWaives(ignore: InlineIgnore, subject: WaiverSubject): boolean {
  if (ignore.source !== subject.source || subject.location === undefined || !ignore.rules.includes(subject.rule)) return false;
  return ignore.location.length <= subject.location.length && ignore.location.every((segment, i) => String(segment) === String(subject.location![i]));
}

/**
 * Decides which subjects are waived: an inline `x-apigov-ignore` on the object or an ancestor, or
 * a config waiver that has not expired (`expires` is the last day it holds). Expired waivers waive
 * nothing; the caller turns them, and unused ones, into findings.
 */
export function applyWaivers(subjects: readonly WaiverSubject[], waivers: readonly ScopedWaiver[], inline: readonly InlineIgnore[], today: string, configName: string): WaiverResult {
  const result: WaiverResult = { notes: [], usedWaivers: new Set(), usedInline: new Map() };
  const active = waivers.filter(({ waiver }) => waiver.expires >= today);
  for (const subject of subjects) {
    const ignore = inline.find((candidate) => inlineWaives(candidate, subject));
    if (ignore) {
      result.usedInline.set(ignore, (result.usedInline.get(ignore) ?? new Set()).add(subject.rule));
      result.notes.push({ kind: 'inline', declaredAt: `${jsonPointer([...ignore.location, 'x-apigov-ignore'])}` });
      continue;
    }
    const scoped = active.find((candidate) => configWaives(candidate, subject));
    if (scoped) {
      const { waiver } = scoped;
      result.usedWaivers.add(waiver);
      result.notes.push({ kind: 'config', reason: waiver.reason, owner: waiver.owner, expires: waiver.expires, declaredAt: `${configName} waivers[${waiver.index}]` });
      continue;
    }
    result.notes.push(undefined);
  }
  return result;
}

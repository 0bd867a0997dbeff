import type { Range, SeverityName } from '../finding.js';
import { countPhrase, worstFirst } from './severity-rank.js';

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<SeverityName, Command> = { error: 'error', warn: 'warning', info: 'notice', hint: 'notice' };
/** GitHub shows at most this many annotations of each kind per step; the rest are dropped silently. */
export const ANNOTATIONS_PER_KIND = 10;

export interface Annotation {
  severity: SeverityName;
  /** Repository-relative path; without it the annotation is attached to the run, not a file. */
  file?: string;
  range?: Range;
  title: string;
  message: string;
}

/** Message text: GitHub decodes %25, %0D and %0A, so those three are all that must be escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally cannot contain the `,` and `:` that separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(annotation: Annotation): string {
  const properties: Array<[string, string | number]> = [];
  if (annotation.file !== undefined) {
    properties.push(['file', annotation.file]);
    const range = annotation.range;
    if (range) properties.push(['line', range.start.line + 1], ['col', range.start.character + 1]);
    // An empty range (a diff change knows only where its object starts) has no end to show.
    if (range && (range.end.line !== range.start.line || range.end.character !== range.start.character)) properties.push(['endLine', range.end.line + 1], ['endColumn', range.end.character + 1]);
  }
  properties.push(['title', annotation.title]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[annotation.severity]} ${list}::${escapeData(annotation.message)}`;
}

/** Worst first, at most ANNOTATIONS_PER_KIND of each kind; `reserveNotice` keeps one notice slot free. */
function pick(annotations: Annotation[], reserveNotice: boolean): { shown: Annotation[]; left: Annotation[] } {
  const used: Record<Command, number> = { error: 0, warning: 0, notice: reserveNotice ? 1 : 0 };
  const shown: Annotation[] = [];
  const left: Annotation[] = [];
  for (const annotation of worstFirst(annotations, (a) => a.severity)) {
    const kind = COMMAND[annotation.severity];
    if (used[kind] < ANNOTATIONS_PER_KIND) {
      used[kind] += 1;
      shown.push(annotation);
    } else left.push(annotation);
  }
  return { shown, left };
}

/**
 * Workflow commands for as many annotations as GitHub will show, the worst first. When some are
 * left out, a final notice (it keeps a slot of its own) says how many, by severity, so nobody
 * mistakes the annotations for the whole report. `tally` is a plain log line, always printed.
 */
export function workflowCommands(annotations: Annotation[], noun: string, tally: string): string {
  let { shown, left } = pick(annotations, false);
  if (left.length > 0) ({ shown, left } = pick(annotations, true));
  const lines = shown.map(command);
  if (left.length > 0) {
    const counts = (['error', 'warn', 'info', 'hint'] as const)
      .map((severity) => [severity, left.filter((a) => a.severity === severity).length] as const)
      .filter(([, count]) => count > 0)
      .map(([severity, count]) => countPhrase(count, severity));
    const message = `${left.length} more ${noun}${left.length === 1 ? ' was' : 's were'} not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} per kind per step): ${counts.join(', ')}. Use another --format for the full report.`;
    lines.push(`::notice title=${escapeProperty('apigov')}::${escapeData(message)}`);
  }
  lines.push(tally);
  return `${lines.join('\n')}\n`;
}

import { jsonPointer } from '../../json-pointer.js';
import { SEVERITY_NAMES, type Finding, type Report, type Severity } from '../finding.js';
import { html } from '../shared/html-escape.js';
import { htmlPage, severityFilters } from '../shared/html-page.js';
import { compareOperations, operationOf } from '../shared/operation-of.js';
import { displaySource } from './relative-source.js';
import type { Formatter } from './types.js';

const HEADINGS: Record<Severity, string> = { 0: 'Errors', 1: 'Warnings', 2: 'Info', 3: 'Hints' };
const SEVERITIES: Severity[] = [0, 1, 2, 3];

function table(findings: Finding[], cwd: string): string {
  const rows = findings.map((f) => {
    const at = `${displaySource(f.source, cwd)}${f.range ? `:${f.range.start.line + 1}:${f.range.start.character + 1}` : ''}`;
    const name = SEVERITY_NAMES[f.severity];
    return `<tr class="sev-${name}"><td class="badge">${name}</td><td><code>${html(at)}</code></td><td><code>${html(f.ruleId)}</code></td><td>${html(f.message)}</td><td><code>${html(jsonPointer(f.path))}</code></td></tr>`;
  });
  return `<table><thead><tr><th>severity</th><th>location</th><th>rule</th><th>message</th><th>path</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function groupBy<K>(findings: Finding[], key: (f: Finding) => K): Map<K, Finding[]> {
  const groups = new Map<K, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(key(finding));
    if (group) group.push(finding);
    else groups.set(key(finding), [finding]);
  }
  return groups;
}

function bySeverity(report: Report, cwd: string): string[] {
  const groups = groupBy(report.findings, (f) => f.severity);
  return SEVERITIES.filter((s) => groups.has(s)).flatMap((s) => [`<h3>${HEADINGS[s]} (${groups.get(s)!.length})</h3>`, table(groups.get(s)!, cwd)]);
}

function byRule(report: Report, cwd: string): string[] {
  // Worst rule first, then the most frequent; a loop, not Math.min(...), since a rule can fire 100,000 times.
  const worst = (findings: Finding[]) => findings.reduce((min, f) => Math.min(min, f.severity), 3);
  const groups = [...groupBy(report.findings, (f) => f.ruleId)].sort(([idA, a], [idB, b]) => worst(a) - worst(b) || b.length - a.length || (idA < idB ? -1 : 1));
  return groups.map(([id, findings]) => {
    const description = report.ruleDescriptions?.[id];
    const summary = `<code>${html(id)}</code> — ${findings.length} finding${findings.length === 1 ? '' : 's'}${description ? ` <span class="muted">${html(description)}</span>` : ''}`;
    return `<details><summary>${summary}</summary>${table(findings, cwd)}</details>`;
  });
}

/** By file, then by operation; findings outside any operation close each file. */
function compareGroups(a: { source: string; operation: string }, b: { source: string; operation: string }): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.operation === '' || b.operation === '') return (a.operation === '' ? 1 : 0) - (b.operation === '' ? 1 : 0);
  return compareOperations(a.operation, b.operation);
}

function byOperation(report: Report, cwd: string): string[] {
  const multipleFiles = new Set(report.findings.map((f) => f.source)).size > 1;
  const groups = groupBy(report.findings, (f) => `${f.source}\u0000${operationOf(f.path) ?? ''}`);
  const keyed = [...groups].map(([key, findings]) => ({ source: findings[0]!.source, operation: key.slice(key.indexOf('\u0000') + 1), findings }));
  keyed.sort((a, b) => compareGroups(a, b));
  return keyed.flatMap(({ source, operation, findings }) => {
    const file = multipleFiles ? ` <span class="muted">${html(displaySource(source, cwd))}</span>` : '';
    const heading = operation ? `<code>${html(operation)}</code>` : 'Outside any operation';
    return [`<h3>${heading}${file}</h3>`, table(findings, cwd)];
  });
}

/** One self-contained page: counts, then every finding by severity, by rule and by operation. */
export const htmlReport: Formatter = (report, context) => {
  const files = report.sources.length;
  const counts = SEVERITIES.map((s) => {
    const n = report.findings.filter((f) => f.severity === s).length;
    return `<li class="sev-${SEVERITY_NAMES[s]}"><strong>${n}</strong> ${HEADINGS[s].toLowerCase()}</li>`;
  });
  counts.push(`<li><strong>${files}</strong> file${files === 1 ? '' : 's'} linted</li>`);
  const body = [`<ul class="counts">${counts.join('')}</ul>`];
  if (report.failures.length > 0) {
    body.push('<h2>Files that could not be linted</h2>', `<ul>${report.failures.map((f) => `<li><code>${html(displaySource(f.source, context.cwd))}</code>: ${html(f.message)}</li>`).join('')}</ul>`);
  }
  if (report.findings.length === 0) body.push(`<p>No problems found.</p>`);
  else {
    const present = SEVERITIES.filter((s) => report.findings.some((f) => f.severity === s)).map((s) => ({ id: SEVERITY_NAMES[s], label: HEADINGS[s] }));
    body.push(severityFilters(present), '<nav><a href="#by-severity">By severity</a><a href="#by-rule">By rule</a><a href="#by-operation">By operation</a></nav>');
    body.push('<h2 id="by-severity">By severity</h2>', ...bySeverity(report, context.cwd));
    body.push('<h2 id="by-rule">By rule</h2>', ...byRule(report, context.cwd));
    body.push('<h2 id="by-operation">By operation</h2>', ...byOperation(report, context.cwd));
  }
  const subtitle = `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  return htmlPage('apigov lint report', subtitle, body);
};

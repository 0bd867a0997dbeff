import type { DiffReport } from '../../diff/report.js';
import type { Change, Level } from '../../diff/types.js';
import { html } from '../shared/html-escape.js';
import { htmlPage, severityFilters } from '../shared/html-page.js';
import { groupByOperation } from './group.js';
import type { DiffFormatter } from './types.js';

const SECTIONS: Array<{ level: Level; heading: string; label: string }> = [
  { level: 'error', heading: 'Breaking changes', label: 'Breaking' },
  { level: 'warn', heading: 'Warnings', label: 'Warnings' },
  { level: 'info', heading: 'Other changes', label: 'Info' },
];

function verdict(report: DiffReport): string {
  const { semver } = report;
  const recommended = `Recommended release: <strong>${html(semver.recommended)}</strong>.`;
  if (semver.actual === 'unknown') return `<p class="verdict">${recommended}</p>`;
  const declared = semver.actual === 'none' ? `info.version unchanged (${html(semver.base ?? '')})` : `info.version ${html(semver.base ?? '')} → ${html(semver.revision ?? '')} is a ${html(semver.actual)} release`;
  const enough = semver.sufficient ? '' : ' — <strong class="sev-error"><span class="badge">not enough</span></strong>';
  return `<p class="verdict">${recommended} ${declared}${enough}.</p>`;
}

function changeList(changes: Change[]): string {
  const rows = changes.map((c) => `<tr class="sev-${c.level}"><td><code>${html(c.id)}</code></td><td>${html(c.message)}</td><td><code>${html(c.path)}</code></td></tr>`);
  return `<table><thead><tr><th>change</th><th>details</th><th>path</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** A changelog page: the semver verdict, then breaking changes, warnings and the rest, each per operation. */
export const diffHtml: DiffFormatter = (report) => {
  const { summary } = report;
  const counts = SECTIONS.map(({ level, label }) => `<li class="sev-${level}"><strong>${summary[level]}</strong> ${label.toLowerCase()}</li>`);
  const body = [`<ul class="counts">${counts.join('')}</ul>`, verdict(report)];
  if (summary.total === 0) body.push('<p>No changes.</p>');
  else body.push(severityFilters(SECTIONS.filter(({ level }) => summary[level] > 0).map(({ level, label }) => ({ id: level, label }))));
  for (const { level, heading } of SECTIONS) {
    const changes = report.changes.filter((c) => c.level === level);
    if (changes.length === 0) continue;
    body.push(`<section class="sev-${level}"><h2>${heading} (${changes.length})</h2>`);
    for (const [operation, group] of groupByOperation(changes)) body.push(`<h3>${operation ? `<code>${html(operation)}</code>` : 'API-wide'}</h3>`, changeList(group));
    body.push('</section>');
  }
  return htmlPage(`API changes: ${report.base} → ${report.revision}`, `${summary.total} change${summary.total === 1 ? '' : 's'}, ${summary.breaking} breaking`, body);
};

import type { RuleEntry } from '../../lint/rule-catalog.js';
import { html as escape } from '../shared/html-escape.js';
import type { DiffCheckEntry, RuleFormatter } from './index.js';
import { compareText } from '../../text-order.js';

// Rule texts come from rulesets anyone may write: every text goes through escape(), and the
// policy forbids scripts and requests in case some markup slipped through anyway.
const POLICY = "default-src 'none'; style-src 'unsafe-inline'";

function anchor(prefix: string, name: string): string {
  return escape(`${prefix}-${name.replace(/\s+/g, '-')}`);
}

const STYLE = `
  :root { color-scheme: light; --muted: #57606a; --line: #d0d7de; }
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #1f2328; }
  h1 { margin-top: 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin-top: 2.5rem; }
  nav ul { columns: 2; padding-left: 1.2rem; } .muted { color: var(--muted); }
  .rule { border: 1px solid var(--line); border-radius: 6px; padding: .2rem 1rem .8rem; margin: 1rem 0; }
  .rule h3 { display: flex; gap: .6rem; align-items: center; font-size: 1.05rem; }
  .rule h3 a { color: inherit; text-decoration: none; font-family: ui-monospace, monospace; }
  .severity { font-size: .75rem; font-weight: 600; border-radius: 1rem; padding: .05rem .55rem; color: #fff; }
  .severity-error { background: #cf222e; } .severity-warn { background: #9a6700; } .severity-info { background: #0969da; }
  .severity-hint { background: #6e7781; } .severity-off { background: #fff; color: var(--muted); border: 1px solid var(--line); }
  dl.applies { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: .6rem 0; }
  dl.applies dt { font-weight: 600; color: var(--muted); } dl.applies dd { margin: 0; line-height: 1.9; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; background: #f6f8fa; padding: .1rem .3rem; border-radius: 4px; word-break: break-all; }
  pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; border-radius: 6px; } pre code { padding: 0; background: none; }
  table { border-collapse: collapse; } th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; }
`;

// One <dd> per <dt>, so the two-column grid keeps each term beside all of its values.
function codeList(items: string[]): string {
  return `<dd>${items.map((item) => `<code>${escape(item)}</code>`).join('<br>')}</dd>`;
}

function example(title: string, text: string | undefined): string {
  return text ? `<details><summary>${title}</summary><pre><code>${escape(text.trimEnd())}</code></pre></details>` : '';
}

function ruleArticle(rule: RuleEntry): string {
  const applies = rule.given.length + rule.then.length > 0 ? `<dl class="applies"><dt>Given</dt>${codeList(rule.given)}<dt>Then</dt>${codeList(rule.then)}</dl>` : '';
  return [
    `<article class="rule" id="${anchor('rule', rule.id)}">`,
    `<h3><a href="#${anchor('rule', rule.id)}">${escape(rule.id)}</a><span class="severity severity-${escape(rule.severity)}">${escape(rule.severity)}</span></h3>`,
    `<p class="description">${escape(rule.description || 'No description.')}</p>`,
    rule.rationale ? `<p class="rationale"><strong>Why:</strong> ${escape(rule.rationale)}</p>` : '',
    applies,
    example('Failing example', rule.bad),
    example('Passing example', rule.good),
    '</article>',
  ].join('\n');
}

/** Rules by the ruleset they come from: the described ruleset's own rules first, then each inherited one. */
function groupRules(rules: RuleEntry[], own: string): Array<[string, RuleEntry[]]> {
  const groups = new Map<string, RuleEntry[]>();
  for (const rule of rules) groups.set(rule.ruleset, [...(groups.get(rule.ruleset) ?? []), rule]);
  return [...groups].sort(([a], [b]) => (a === own ? -1 : b === own ? 1 : compareText(a, b)));
}

function diffChecksSection(checks: DiffCheckEntry[]): string {
  if (checks.length === 0) return '';
  const rows = checks.map((c) => `<tr><td><code>${escape(c.id)}</code></td><td>${escape(c.level)}</td><td>${escape(c.direction)}</td><td>${escape(c.check)}</td></tr>`);
  return `<section id="diff-checks"><h2>Diff checks (apigov diff)</h2><table><thead><tr><th>id</th><th>level</th><th>direction</th><th>check</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The rule reference as one self-contained HTML page (inline CSS, no scripts), for publishing a house ruleset. */
export const rulesHtml: RuleFormatter = ({ ruleset, rules, diffChecks }) => {
  const groups = groupRules(rules, ruleset);
  const nav = groups.map(([name, members]) => `<li><a href="#${anchor('group', name)}">${escape(name)}</a> <span class="muted">(${members.length})</span></li>`);
  const sections = groups.map(
    ([name, members]) => `<section class="group" id="${anchor('group', name)}">\n<h2>${escape(name)}</h2>\n${members.map(ruleArticle).join('\n')}\n</section>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${POLICY}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Rules of ${escape(ruleset)}</title><style>${STYLE}</style></head>`,
    '<body>',
    `<header><h1>Rules of ${escape(ruleset)}</h1><p class="muted">${rules.length} rule${rules.length === 1 ? '' : 's'} from ${groups.length} ruleset${groups.length === 1 ? '' : 's'}. Generated by <code>apigov rules --format html</code>.</p></header>`,
    `<nav><ul>${nav.join('')}${diffChecks.length > 0 ? '<li><a href="#diff-checks">Diff checks</a></li>' : ''}</ul></nav>`,
    '<main>',
    ...sections,
    diffChecksSection(diffChecks),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
};

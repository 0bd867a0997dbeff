import { html } from './html-escape.js';

// No scripts and no requests: the policy forbids both, so a report mailed around or opened
// from an artifact store cannot run or fetch anything, even if a spec smuggled markup past escaping.
const POLICY = "default-src 'none'; style-src 'unsafe-inline'";

// Severity filters are checkboxes that CSS :has() reads, so filtering works without JavaScript.
const STYLE = `
:root { color-scheme: light dark; --error: #c62828; --warn: #b26a00; --info: #1565c0; --hint: #607d8b; --line: #8884; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3 { margin: 1.25rem 0 .5rem; font-size: 1.05rem; } .muted { opacity: .75; }
code { font: 13px ui-monospace, monospace; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
.counts { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; padding: 0; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 6rem; }
.counts strong { display: block; font-size: 1.5rem; }
.badge { font-weight: 600; white-space: nowrap; }
.sev-error .badge, .counts .sev-error strong { color: var(--error); }
.sev-warn .badge, .counts .sev-warn strong { color: var(--warn); }
.sev-info .badge, .counts .sev-info strong { color: var(--info); }
.sev-hint .badge, .counts .sev-hint strong { color: var(--hint); }
.filters { border: 1px solid var(--line); border-radius: 6px; padding: .25rem .75rem; }
.filters label { margin-right: 1rem; }
body:has(#show-error:not(:checked)) tr.sev-error, body:has(#show-warn:not(:checked)) tr.sev-warn,
body:has(#show-info:not(:checked)) tr.sev-info, body:has(#show-hint:not(:checked)) tr.sev-hint { display: none; }
nav a { margin-right: 1rem; }
details { margin: .25rem 0; } summary { cursor: pointer; }
`;

/** Checkboxes for the severities present; unchecking one hides its rows everywhere on the page. */
export function severityFilters(severities: Array<{ id: string; label: string }>): string {
  const boxes = severities.map(({ id, label }) => `<label><input type="checkbox" id="show-${html(id)}" checked> ${html(label)}</label>`);
  return `<fieldset class="filters"><legend>Show</legend>${boxes.join('')}</fieldset>`;
}

/** A complete, self-contained HTML document: inline CSS, no scripts, no external resources. */
export function htmlPage(title: string, subtitle: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${html(title)}</h1><p class="muted">${html(subtitle)}</p></header>`,
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

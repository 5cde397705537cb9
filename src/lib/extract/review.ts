/**
 * review.html: one section per report, each proposed figure beside the sentence or table row it came from
 * (the number highlighted), with its confidence, the report's warnings and its source link. Made for the
 * keyboard: j/k move between rows, a accepts, x rejects, e edits the value, A accepts a whole report; the
 * decisions are kept in the browser and saved as decisions.csv, which `npm run extract:merge` applies.
 * Without JavaScript the page still shows everything, and the CSV files can be reviewed in a spreadsheet.
 */
import type { Evidence } from './figures.ts';
import type { Batch, PageProposal } from './batch.ts';

export interface MetricLabel {
  zh: string;
  en: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The evidence around its number: up to `around` characters each side, the number marked. */
export function evidenceHtml(e: Evidence | undefined, around = 70): string {
  if (!e) return '<span class="none">(no source text)</span>';
  const from = Math.max(0, e.start - around);
  const to = Math.min(e.text.length, e.end + around);
  const before = `${from > 0 ? '…' : ''}${e.text.slice(from, e.start)}`;
  const after = `${e.text.slice(e.end, to)}${to < e.text.length ? '…' : ''}`;
  const number = e.text.slice(e.start, e.end);
  return `${escape(before)}<mark>${escape(number === '' ? '·' : number)}</mark>${escape(after)}`;
}

const safeHref = (url: string | null) => (url !== null && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null);

function section(p: PageProposal, index: number, labels: ReadonlyMap<string, MetricLabel>, newAgency: boolean): string {
  const x = p.extraction;
  const href = safeHref(p.page.url);
  const source = href ? `<a href="${escape(href)}" rel="noreferrer noopener" target="_blank">${escape(href)}</a>` : escape(p.page.origin);
  const status = p.known ? 'known' : statusOf(p);
  const agency = x.agency;
  const head = `<h2><span class="rid">${escape(p.report?.id ?? x.report_id)}</span> ${escape(agency.name ?? agency.printed ?? '(no agency)')} · ${x.year ?? '(no year)'}</h2>`;
  const facts = [
    [
      'agency',
      `${escape(agency.printed ?? '—')}${agency.id ? ` → <code>${escape(agency.id)}</code> (${agency.how === 'proposed' ? '<strong>proposed, confirm</strong>' : escape(agency.how ?? '')})` : ''}`,
    ],
    ['level · sector', `${escape(agency.level ?? '—')} · ${escape(agency.sector?.key ?? '—')}`],
    ['scope', `<code>${escape(x.scope)}</code> — ${escape(x.scopeReason)}`],
    ['template', escape(x.template)],
    ['published', escape(p.published || '—')],
    ['source', source],
  ]
    .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
    .join('');
  const note =
    status === 'unidentified'
      ? '<p class="alert">No agency id or no year: these figures are not in figures.csv. Add the agency to data/agencies.csv, or extract the page alone with --report ID.</p>'
      : status === 'duplicate'
        ? `<p class="alert">Same report id as ${escape(p.duplicateOf ?? '')}: this page's figures are not in figures.csv.</p>`
        : status === 'known'
          ? '<p class="alert">This report is already in data/reports.csv: its row stays as it is; only figures it lacks can be merged.</p>'
          : '';
  const writable = status === 'new' || status === 'known';
  const decision = (file: string, key: string, extra = '') =>
    writable ? `<td class="state" data-file="${file}" data-key="${escape(key)}"${extra}>pending</td>` : '<td class="state">—</td>';
  const agencyRow =
    writable && newAgency && agency.id
      ? `<tr class="row agency" tabindex="0"><th>agency</th><td colspan="4"><code>${escape(agency.id)}</code> ${escape(agency.name ?? '')} · English name: <input class="name-en" data-key="${escape(agency.id)}" placeholder="e.g. Education Bureau of …"></td>${decision('agencies', agency.id)}</tr>`
      : '';
  const reportRow = writable
    ? `<tr class="row report" tabindex="0"><th>report</th><td colspan="4"><code>${escape(p.report?.id ?? '')}</code> ${escape(x.scope)} · ${escape(x.template)}</td>${decision('reports', p.report?.id ?? '')}</tr>`
    : '';
  const figures = x.figures
    .map((f) => {
      const label = labels.get(f.metric) ?? labels.get(f.metric.replace(/\.change(_pct)?$/, ''));
      const key = `${p.report?.id ?? x.report_id}|${f.metric}`;
      const low = f.confidence < 0.7 ? ' low' : '';
      return (
        `<tr class="row fig${low}" tabindex="0"><th><code>${escape(f.metric)}</code>${label ? `<small>${escape(label.zh)} · ${escape(label.en)}</small>` : ''}</th>` +
        `<td class="val"><span class="value">${f.value}</span> <span class="q">${escape(f.qualifier)}</span></td>` +
        `<td class="conf">${f.confidence.toFixed(2)}</td><td class="loc">${escape(f.locator)}</td>` +
        `<td class="ev">${evidenceHtml(f.evidence)}</td>${decision('figures', key, ` data-value="${f.value}" data-qualifier="${escape(f.qualifier)}"`)}</tr>`
      );
    })
    .join('');
  const warnings = x.warnings.length > 0 ? `<ul class="warnings">${x.warnings.map((w) => `<li>${escape(w)}</li>`).join('')}</ul>` : '';
  return (
    `<section class="report ${status}" id="r${index}">${head}<dl>${facts}</dl>${note}${warnings}` +
    `<div class="scroll"><table><thead><tr><th>metric</th><th>value</th><th>conf.</th><th>locator</th><th>source text</th><th>review</th></tr></thead>` +
    `<tbody>${agencyRow}${reportRow}${figures || '<tr><td colspan="6" class="none">no figures proposed</td></tr>'}</tbody></table></div></section>`
  );
}

const STYLE = `
body{font:14px/1.5 system-ui,"Noto Sans SC",sans-serif;margin:0;color:#222;background:#fafafa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5rem 1rem;z-index:2}
header p{margin:.2rem 0}kbd{border:1px solid #999;border-radius:3px;padding:0 .3em;background:#f3f3f3}
main{padding:0 1rem 4rem}section{background:#fff;border:1px solid #ddd;margin:1rem 0;padding:.5rem 1rem}
section.unidentified,section.duplicate{opacity:.75}h2{font-size:1.05rem;margin:.3rem 0}.rid{font-family:monospace;color:#555}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;margin:.3rem 0}dt{color:#666}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{border-top:1px solid #eee;padding:.25rem .4rem;vertical-align:top;text-align:left}
th small{display:block;color:#666;font-weight:normal}.ev{max-width:46rem}.ev mark{background:#ffe066;font-weight:bold}
tr.row:focus{outline:3px solid #1c7ed6;outline-offset:-3px}tr.low .conf{color:#c92a2a}
td.state{font-weight:bold}tr.ok td.state{color:#2b8a3e}tr.rejected td.state{color:#c92a2a}tr.rejected{text-decoration:line-through;opacity:.6}
tr.edited .value{background:#d0ebff}.alert{color:#a61e4d}.warnings{color:#8a5a00;margin:.3rem 0}.none{color:#999}
button{font:inherit}dd{overflow-wrap:anywhere}.scroll{overflow-x:auto}.ev{min-width:14rem}
@media (max-width:700px){header{position:static}main{padding:0 .3rem 3rem}section{padding:.5rem}}
`;

// The review logic, run in the curator's browser. Decisions are keyed by file and key, kept in localStorage under
// the batch's id, and saved as decisions.csv.
const SCRIPT = `
(() => {
  const store = 'extract-review:' + document.body.dataset.batch;
  const decisions = JSON.parse(localStorage.getItem(store) || '{}');
  const rows = [...document.querySelectorAll('tr.row')].filter((r) => r.querySelector('td.state[data-file]'));
  const cell = (r) => r.querySelector('td.state[data-file]');
  const id = (r) => cell(r).dataset.file + '\\t' + cell(r).dataset.key;
  const paint = (r) => {
    const d = decisions[id(r)] || {};
    const state = d.review || 'pending';
    r.classList.remove('ok', 'rejected', 'edited');
    if (state !== 'pending') r.classList.add(state);
    cell(r).textContent = state;
    const v = r.querySelector('.value');
    if (v && d.value !== undefined) { v.textContent = d.value; r.classList.add('edited'); }
    const q = r.querySelector('.q');
    if (q && d.qualifier !== undefined) q.textContent = d.qualifier;
    const n = r.querySelector('.name-en');
    if (n && d.name_en !== undefined && document.activeElement !== n) n.value = d.name_en;
    progress();
  };
  const save = () => localStorage.setItem(store, JSON.stringify(decisions));
  const set = (r, patch) => { decisions[id(r)] = Object.assign(decisions[id(r)] || {}, patch); save(); paint(r); };
  const progress = () => {
    const done = rows.filter((r) => (decisions[id(r)] || {}).review && decisions[id(r)].review !== 'pending').length;
    document.getElementById('progress').textContent = done + ' of ' + rows.length + ' rows reviewed';
  };
  const move = (step) => {
    const at = rows.indexOf(document.activeElement);
    const next = rows[Math.max(0, Math.min(rows.length - 1, at < 0 ? 0 : at + step))];
    if (next) { next.focus(); next.scrollIntoView({ block: 'nearest' }); }
  };
  const sectionOf = (r) => r.closest('section');
  const jump = (step) => {
    const sections = [...document.querySelectorAll('section.report')];
    const at = sections.indexOf(sectionOf(document.activeElement) || sections[0]);
    const target = sections[Math.max(0, Math.min(sections.length - 1, at + step))];
    const first = target && rows.find((r) => sectionOf(r) === target);
    if (first) { first.focus(); first.scrollIntoView({ block: 'start' }); } else if (target) target.scrollIntoView();
  };
  const csvCell = (s) => /[",\\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  const download = () => {
    const lines = ['file,key,review,value,qualifier,name_en'];
    for (const r of rows) {
      const d = decisions[id(r)];
      if (!d) continue;
      const c = cell(r);
      lines.push([c.dataset.file, c.dataset.key, d.review || 'pending', d.value ?? '', d.qualifier ?? '', d.name_en ?? ''].map((x) => csvCell(String(x))).join(','));
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([lines.join('\\n') + '\\n'], { type: 'text/csv' }));
    a.download = 'decisions.csv';
    a.click();
  };
  const qualifiers = ['exact', 'at_least', 'about', 'nearly'];
  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement) return;
    const r = rows.includes(document.activeElement) ? document.activeElement : null;
    const k = e.key;
    if (k === 'j' || k === 'ArrowDown') { move(1); e.preventDefault(); }
    else if (k === 'k' || k === 'ArrowUp') { move(-1); e.preventDefault(); }
    else if (k === 'n') jump(1);
    else if (k === 'p') jump(-1);
    else if (k === 's') download();
    else if (r && k === 'a') { set(r, { review: 'ok' }); move(1); }
    else if (r && k === 'x') { set(r, { review: 'rejected' }); move(1); }
    else if (r && k === 'u') set(r, { review: 'pending' });
    else if (r && k === 'q' && r.classList.contains('fig')) {
      const now = (decisions[id(r)] || {}).qualifier || cell(r).dataset.qualifier;
      set(r, { qualifier: qualifiers[(qualifiers.indexOf(now) + 1) % qualifiers.length] });
    } else if (r && k === 'e' && r.classList.contains('fig')) {
      const now = (decisions[id(r)] || {}).value ?? cell(r).dataset.value;
      const v = prompt('Value as printed (万 multiplied out):', now);
      if (v !== null && /^-?\\d+(\\.\\d+)?$/.test(v.trim())) set(r, { value: v.trim() });
    } else if (r && k === 'A') {
      for (const o of rows) if (sectionOf(o) === sectionOf(r) && !((decisions[id(o)] || {}).review)) set(o, { review: 'ok' });
    }
  });
  for (const n of document.querySelectorAll('.name-en')) {
    n.addEventListener('input', () => set(n.closest('tr'), { name_en: n.value }));
  }
  document.getElementById('save').addEventListener('click', download);
  rows.forEach(paint);
  progress();
})();
`;

export interface ReviewPageInput {
  batch: Batch;
  /** Stable id of the batch, to keep decisions of different batches apart in the browser. */
  id: string;
  labels: ReadonlyMap<string, MetricLabel>;
}

export function reviewHtml({ batch, id, labels }: ReviewPageInput): string {
  const newAgencies = new Set(batch.agencies.map((a) => a.id));
  const sections = batch.pages.map((p, i) => section(p, i, labels, newAgencies.has(p.extraction.agency.id ?? '')));
  const count = (status: string) => batch.pages.filter((p) => statusOf(p) === status).length;
  return `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Review ${batch.reports.length} proposed reports</title><style>${STYLE}</style></head>
<body data-batch="${escape(id)}">
<header>
<p><strong>${batch.pages.length} pages</strong>: ${batch.reports.length} reports, ${batch.figures.length} figures and ${batch.agencies.length} new agencies proposed; ${count('unidentified')} pages without agency or year, ${count('duplicate')} duplicates. <span id="progress"></span></p>
<p><kbd>j</kbd>/<kbd>k</kbd> next/previous row · <kbd>a</kbd> accept · <kbd>x</kbd> reject · <kbd>u</kbd> undo · <kbd>e</kbd> edit value · <kbd>q</kbd> change qualifier · <kbd>A</kbd> accept the rest of a report · <kbd>n</kbd>/<kbd>p</kbd> next/previous report · <kbd>s</kbd> save decisions.csv
<button id="save" type="button">Save decisions.csv</button></p>
<p>Save decisions.csv into this folder, then run <code>npm run extract:merge -- THIS_FOLDER</code>. Without this page: set the <code>review</code> column of the CSV files to <code>ok</code> or <code>rejected</code>.</p>
</header>
<main>${sections.join('\n')}</main>
<script>${SCRIPT}</script>
</body></html>
`;
}

function statusOf(p: PageProposal): string {
  return p.duplicateOf ? 'duplicate' : p.report === null ? 'unidentified' : 'new';
}

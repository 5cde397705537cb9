/**
 * <compare-chart>: enhances the compare page's GET form into a live picker. The form's own controls stay the
 * interface (native select, radios and checkboxes are keyboard operable as they are); this adds the agencies
 * of each province as checkboxes when the province is opened (or all of them when the reader searches, or
 * those the URL names), a search filter, removable chips for the selection, a cap at MAX_AGENCIES, and the
 * chart and table. The state lives
 * in the URL (history.replaceState), read and written by the pure functions in src/lib/site/compare.ts. The
 * ECharts client is most of the page's JavaScript, so it is fetched only once there is something to draw.
 */
import {
  compareChartHeight,
  compareChartOption,
  compareMarks,
  type CompareChartData,
  type CompareLine,
} from '../lib/charts/compare-chart.ts';
import type { LiveChart } from '../lib/charts/echarts.ts';
import { PALETTE } from '../lib/charts/marks.ts';
import {
  alignToYears,
  compareYears,
  fillText,
  indexSeries,
  MAX_AGENCIES,
  parseAgencySeriesFile,
  parseCompareState,
  serialiseCompareState,
  type AgencySeriesFile,
  type CompareMessages,
  type CompareState,
  type StateIssue,
} from '../lib/site/compare.ts';
import { formatValue, unitLabel, type Lang } from '../lib/core/format.ts';
import type { SeriesPoint, Unit } from '../lib/core/schema.ts';

interface AgencyControl {
  id: string;
  name: string;
  input: HTMLInputElement;
  item: HTMLElement;
}

/** One agency of a province list (downloads/directory/<code>.json). */
interface DirectoryEntry {
  id: string;
  name_zh: string;
  name_en: string;
  prefecture: string;
}

/** The province list an agency id is in: its division code's province, or 100000 for national bodies. */
const chunkOfId = (id: string) => (id.startsWith('100000') ? '100000' : `${id.slice(0, 2)}0000`);

interface MetricInfo {
  label: string;
  unit: Unit;
}

/** What one agency contributes to a drawing: its figures for the metric, or why there are none. */
interface AgencyFigures {
  agency: AgencyControl;
  points: SeriesPoint[];
  sources: Record<string, string | null>;
  failed: boolean;
}

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`compare page: ${selector} missing`);
  return found;
}

class CompareChart extends HTMLElement {
  #t!: CompareMessages;
  #lang: Lang = 'zh';
  #base = '/';
  #agencyPages = '/agencies/';
  #agencies = new Map<string, AgencyControl>();
  #metrics = new Map<string, MetricInfo>();
  #state: CompareState = { agencies: [], metric: '', mode: 'abs' };
  #issues: StateIssue[] = [];
  #files = new Map<string, Promise<AgencySeriesFile>>();
  /** Province lists (downloads/directory/<code>.json), loaded once each. */
  #chunks = new Map<string, Promise<void>>();
  /** Set once the state is read and the form's events are handled. */
  #wired = false;
  #chart: LiveChart | undefined;
  /** Renders are asynchronous (fetches); only the latest may touch the page. */
  #renderId = 0;

  connectedCallback() {
    this.#t = JSON.parse(this.dataset.messages ?? '{}') as CompareMessages;
    this.#lang = this.dataset.lang === 'en' ? 'en' : 'zh';
    this.#base = this.dataset.base ?? '/';
    this.#agencyPages = this.dataset.agencyPages ?? '/agencies/';
    const form = required<HTMLFormElement>(this, 'form');

    for (const option of form.querySelectorAll<HTMLOptionElement>('select[name="metric"] option')) {
      this.#metrics.set(option.value, { label: option.dataset.label ?? option.value, unit: (option.dataset.unit ?? 'count') as Unit });
    }
    void this.#start(form);
  }

  /** Load the provinces of the agencies the URL names, then read the state against what exists. */
  async #start(form: HTMLFormElement) {
    const requested = (new URLSearchParams(location.search).get('agencies') ?? '').split(',').filter(Boolean);
    // Only provinces the page lists: an unknown id must not cost a failed request.
    const codes = [...new Set(requested.map(chunkOfId))].filter((code) => this.#province(code) !== null);
    await Promise.allSettled(codes.map((code) => this.#loadChunk(code)));
    const { state, issues } = parseCompareState(location.search, {
      agencies: new Set(this.#agencies.keys()),
      metrics: [...this.#metrics.keys()],
    });
    this.#state = state;
    this.#issues = issues;
    for (const id of state.agencies) this.#province(chunkOfId(id))?.setAttribute('open', '');
    this.#wire(form);
  }

  /** The <details> of a province list. */
  #province(code: string): HTMLDetailsElement | null {
    return this.querySelector<HTMLDetailsElement>(`details.compare-province[data-chunk="${code}"]`);
  }

  #loadChunk(code: string): Promise<void> {
    let loading = this.#chunks.get(code);
    if (!loading) {
      loading = fetch(`${this.#base}downloads/directory/${encodeURIComponent(code)}.json`)
        .then((response) => {
          if (!response.ok) throw new Error(`${response.status} ${response.url}`);
          return response.json() as Promise<{ agencies: DirectoryEntry[] }>;
        })
        .then(({ agencies }) => this.#addAgencies(code, agencies));
      loading.catch(() => this.#chunks.delete(code));
      this.#chunks.set(code, loading);
    }
    return loading;
  }

  /** Checkboxes for a province's agencies, as the page would have rendered them. */
  #addAgencies(code: string, agencies: readonly DirectoryEntry[]) {
    const list = this.#province(code)?.querySelector('ul');
    if (!list) return;
    const en = this.#lang === 'en';
    const province = this.#province(code)?.querySelector('summary')?.firstChild?.textContent?.trim() ?? '';
    for (const a of agencies) {
      if (this.#agencies.has(a.id)) continue;
      const name = en ? a.name_en : a.name_zh;
      const input = document.createElement('input');
      Object.assign(input, { type: 'checkbox', name: 'agencies', value: a.id, id: `compare-agency-${a.id}` });
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = name;
      const profile = document.createElement('a');
      profile.className = 'compare-profile';
      profile.href = `${this.#agencyPages}${a.id}/`;
      profile.textContent = this.dataset.profile ?? '';
      const item = el('li', {}, input, label, profile);
      item.dataset.search = [a.name_zh, a.name_en, province, a.prefecture, a.id].join(' ').toLowerCase();
      list.append(item);
      this.#agencies.set(a.id, { id: a.id, name, input, item });
    }
    if (this.#wired) {
      this.#syncControls();
      this.#filter(required<HTMLInputElement>(this, '#compare-search').value);
    }
  }

  #wire(form: HTMLFormElement) {
    this.#wired = true;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('change', (event) => this.#onChange(event));
    const search = required<HTMLInputElement>(this, '#compare-search');
    search.addEventListener('input', () => void this.#search(search.value));
    form.addEventListener(
      'toggle',
      (event) => {
        const details = event.target;
        if (details instanceof HTMLDetailsElement && details.open && details.dataset.chunk) {
          // A failed load is shown as an empty list; opening the province again retries it.
          this.#loadChunk(details.dataset.chunk).catch(() => undefined);
        }
      },
      true,
    );
    required<HTMLElement>(this, '.compare-chips').addEventListener('click', (event) => this.#onChipClick(event));
    new ResizeObserver(() => this.#chart?.resize()).observe(required(this, '.compare-canvas'));

    this.dataset.enhanced = '';
    for (const hidden of this.querySelectorAll<HTMLElement>('.compare-search, .compare-selected, .compare-output')) hidden.hidden = false;
    this.#filter('');
    void this.#render();
  }

  #onChange(event: Event) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    this.#issues = [];
    let announcement = '';
    if (target.name === 'metric') this.#state = { ...this.#state, metric: target.value };
    else if (target.name === 'mode' && (target.value === 'abs' || target.value === 'index'))
      this.#state = { ...this.#state, mode: target.value };
    else if (target.name === 'agencies' && target instanceof HTMLInputElement) {
      const name = this.#agencies.get(target.value)?.name ?? target.value;
      if (target.checked && this.#state.agencies.length < MAX_AGENCIES) {
        this.#state = { ...this.#state, agencies: [...this.#state.agencies, target.value] };
        announcement = fillText(this.#t.compareAdded, { name });
      } else if (!target.checked) {
        this.#state = { ...this.#state, agencies: this.#state.agencies.filter((id) => id !== target.value) };
        announcement = fillText(this.#t.compareRemoved, { name });
      }
    }
    void this.#render(announcement);
  }

  #onChipClick(event: Event) {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-agency]');
    const id = button?.dataset.agency;
    if (!id) return;
    const position = this.#state.agencies.indexOf(id);
    this.#issues = [];
    this.#state = { ...this.#state, agencies: this.#state.agencies.filter((a) => a !== id) };
    void this.#render(fillText(this.#t.compareRemoved, { name: this.#agencies.get(id)?.name ?? id }));
    // Focus would otherwise fall to the page start when the chip disappears: keep it among the chips.
    const buttons = this.querySelectorAll<HTMLButtonElement>('.compare-chips button');
    (buttons[Math.min(position, buttons.length - 1)] ?? required<HTMLInputElement>(this, '#compare-search')).focus();
  }

  /** Searching needs every province's list: load them all (once), then filter. */
  async #search(query: string) {
    if (query.trim() !== '') {
      const codes = [...this.querySelectorAll<HTMLElement>('details.compare-province')].flatMap((d) => d.dataset.chunk ?? []);
      await Promise.allSettled(codes.map((code) => this.#loadChunk(code)));
    }
    this.#filter(query);
  }

  #filter(query: string) {
    const q = query.trim().toLowerCase();
    let shown = 0;
    for (const { item } of this.#agencies.values()) {
      item.hidden = q !== '' && !(item.dataset.search ?? '').includes(q);
      if (!item.hidden) shown++;
    }
    for (const group of this.querySelectorAll<HTMLDetailsElement>('details.compare-province')) {
      const matches = group.querySelector('li:not([hidden])') !== null;
      group.hidden = q !== '' && !matches;
      if (q !== '' && matches) group.open = true;
    }
    const total = Number(required<HTMLElement>(this, '.compare-list').dataset.total ?? this.#agencies.size);
    required<HTMLOutputElement>(this, '.compare-search output').textContent = fillText(this.#t.compareSearchCount, {
      shown: q === '' ? total : shown,
      total,
    });
  }

  /** Put the form in line with the state: the checked boxes, the chips and the cap. */
  #syncControls() {
    const { agencies, metric, mode } = this.#state;
    const form = required<HTMLFormElement>(this, 'form');
    required<HTMLSelectElement>(form, 'select[name="metric"]').value = metric;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="mode"]')) radio.checked = radio.value === mode;
    const full = agencies.length >= MAX_AGENCIES;
    for (const control of this.#agencies.values()) {
      control.input.checked = agencies.includes(control.id);
      control.input.disabled = full && !control.input.checked;
    }
    required<HTMLElement>(this, '.compare-max').hidden = !full;
    required<HTMLElement>(this, '.compare-selected-count').textContent = fillText(this.#t.compareSelected, {
      count: agencies.length,
      max: MAX_AGENCIES,
    });
    required<HTMLElement>(this, '.compare-chips').replaceChildren(
      ...agencies.map((id, i) => {
        const name = this.#agencies.get(id)?.name ?? id;
        const button = el('button', { type: 'button', textContent: '×' });
        button.dataset.agency = id;
        button.setAttribute('aria-label', fillText(this.#t.compareRemove, { name }));
        return el('li', {}, this.#swatch(i), name, button);
      }),
    );
  }

  #swatch(i: number) {
    const swatch = el('span', { className: 'compare-swatch' });
    swatch.style.background = PALETTE[i % PALETTE.length] ?? '#000000';
    swatch.setAttribute('aria-hidden', 'true');
    return swatch;
  }

  #load(id: string): Promise<AgencySeriesFile> {
    let file = this.#files.get(id);
    if (!file) {
      file = fetch(`${this.#base}downloads/agencies/${encodeURIComponent(id)}.json`)
        .then((response) => {
          if (!response.ok) throw new Error(`${response.status} ${response.url}`);
          return response.json() as Promise<unknown>;
        })
        .then((json) => parseAgencySeriesFile(json, id));
      // A failed fetch is not cached, so picking the agency again retries it.
      file.catch(() => this.#files.delete(id));
      this.#files.set(id, file);
    }
    return file;
  }

  async #render(announcement = '') {
    const renderId = ++this.#renderId;
    const state = this.#state;
    history.replaceState(history.state, '', `${location.pathname}${serialiseCompareState(state)}${location.hash}`);
    this.#syncControls();
    this.#keepLanguageLinkState();

    const agencies = state.agencies.flatMap((id) => this.#agencies.get(id) ?? []);
    const results = await Promise.allSettled(agencies.map((a) => this.#load(a.id)));
    if (renderId !== this.#renderId) return;
    const figures: AgencyFigures[] = agencies.map((agency, i) => {
      const result = results[i];
      if (result?.status !== 'fulfilled') return { agency, points: [], sources: {}, failed: true };
      return { agency, points: result.value.series[state.metric] ?? [], sources: result.value.sources, failed: false };
    });
    if (!this.#chart && figures.some((f) => f.points.length > 0)) {
      const { mountChart } = await import('../lib/charts/echarts.ts');
      if (renderId !== this.#renderId) return;
      this.#showFigure(true);
      const canvas = required<HTMLElement>(this, '.compare-canvas');
      canvas.style.height = `${compareChartHeight(figures.length)}px`;
      this.#chart ??= mountChart(canvas);
    }
    this.#draw(figures, announcement);
  }

  /** The chart needs a laid-out container before ECharts can measure it. */
  #showFigure(visible: boolean) {
    required<HTMLElement>(this, '.compare-figure').hidden = !visible;
    required<HTMLElement>(this, '.compare-table').hidden = !visible;
  }

  #draw(figures: AgencyFigures[], announcement: string) {
    const t = this.#t;
    const { metric, mode } = this.#state;
    const info = this.#metrics.get(metric) ?? { label: metric, unit: 'count' as Unit };
    const notes = this.#issues.map((issue) => this.#issueText(issue, info.label));
    const years = compareYears(figures.map((f) => f.points));
    const stated = figures.map((f) => alignToYears(f.points, years));
    let shown = stated;

    for (const f of figures) {
      if (f.failed) notes.push(fillText(t.compareLoadError, { name: f.agency.name }));
      else if (f.points.length === 0) notes.push(fillText(t.compareNoFigures, { name: f.agency.name }));
    }
    if (mode === 'index') {
      const outcome = indexSeries(figures.map((f) => f.points));
      shown = outcome.series.map((s) => alignToYears(s.status === 'indexed' ? s.points : [], years));
      const indexed = outcome.series.flatMap((s, i) => (s.status === 'indexed' ? [{ s, name: figures[i]?.agency.name ?? '' }] : []));
      if (outcome.commonBaseYear !== null && indexed.length > 0)
        notes.push(fillText(t.compareBaseCommon, { year: outcome.commonBaseYear }));
      else if (indexed.length > 0) {
        const list = indexed.map(({ s, name }) => fillText(t.compareBaseItem, { name, year: s.base.year }));
        notes.push(fillText(t.compareBaseOwn, { list: list.join(this.#lang === 'zh' ? ',' : '; ') }));
      }
      outcome.series.forEach((s, i) => {
        if (s.status === 'unavailable' && s.reason === 'base_not_positive') {
          notes.push(
            fillText(t.compareBaseNotPositive, {
              name: figures[i]?.agency.name ?? '',
              year: s.base.year,
              value: formatValue(s.base.value, s.base.qualifier, this.#lang),
            }),
          );
        }
      });
    }

    required<HTMLElement>(this, '.compare-notes').replaceChildren(...notes.map((n) => el('li', { textContent: n })));
    required<HTMLElement>(this, '.compare-empty').hidden = figures.length > 0;
    this.#showFigure(years.length > 0);
    if (years.length > 0) {
      const unit = mode === 'index' ? t.compareUnitIndex : unitLabel(info.unit, this.#lang) || t.compareUnitCount;
      const lines: CompareLine[] = figures.map((f, i) => ({ label: f.agency.name, points: shown[i] ?? [], sources: f.sources }));
      this.#drawChart({ years, lines, mode, axisName: unit, allowNegative: info.unit === 'count_change' }, info.label);
      this.#fillTable(figures, years, stated, shown, `${info.label} · ${unit}`);
    }
    const view = mode === 'index' ? t.compareModeIndex : t.compareModeAbs;
    const status = figures.length > 0 ? fillText(t.compareStatus, { metric: info.label, view, count: figures.length }) : '';
    required<HTMLElement>(this, '.compare-announce').textContent = [announcement, status].filter(Boolean).join(' ');
  }

  #drawChart(data: CompareChartData, metricLabel: string) {
    const t = this.#t;
    const canvas = required<HTMLElement>(this, '.compare-canvas');
    canvas.style.height = `${compareChartHeight(data.lines.length)}px`;
    this.#chart?.resize();
    const text = { missing: t.tableMissing, sourceUnknown: t.sourceUnknown, approximate: t.keyApproximate, notStated: t.keyNotStated };
    this.#chart?.setOption(compareChartOption(data, this.#lang, text, canvas.clientWidth || undefined), { notMerge: true });
    const marks = compareMarks(data);
    required<HTMLElement>(this, '.compare-figure figcaption').textContent = [
      marks.zero && t.chartKeyZero,
      marks.notStated && t.chartKeyNotStated,
      marks.approximate && t.chartKeyApproximate,
      t.compareChartNote,
    ]
      .filter(Boolean)
      .join(this.#lang === 'zh' ? '' : ' ');
    const separator = this.#lang === 'zh' ? '、' : ', ';
    canvas.setAttribute(
      'aria-label',
      fillText(t.compareChartLabel, {
        metric: metricLabel,
        view: data.mode === 'index' ? t.compareModeIndex : t.compareModeAbs,
        years: `${data.years[0]}–${data.years.at(-1)}`,
        agencies: data.lines.map((l) => l.label).join(separator),
      }),
    );
  }

  /** Years × agencies; each figure links to its report, "—" where the report does not state it. */
  #fillTable(
    figures: AgencyFigures[],
    years: number[],
    stated: (SeriesPoint | null)[][],
    shown: (SeriesPoint | null)[][],
    caption: string,
  ) {
    const t = this.#t;
    const lang = this.#lang;
    const missing = () => [el('span', { textContent: '—' }), el('span', { className: 'visually-hidden', textContent: t.tableMissing })];
    const cell = (f: AgencyFigures, own: SeriesPoint | null, value: SeriesPoint | null) => {
      const td = el('td', { className: 'num' });
      if (!own) {
        td.append(...missing());
        return td;
      }
      const url = f.sources[own.report_id];
      const text = value ? formatValue(value.value, value.qualifier, lang) : '—';
      const approximate = value !== null && value.qualifier !== 'exact';
      const primary = url
        ? el('a', { href: url, rel: 'external noopener', className: approximate ? 'approx' : '' }, text)
        : el('span', { className: approximate ? 'approx' : '' }, text);
      td.append(primary);
      if (own.derived) td.append(el('abbr', { title: t.derivedMark }, '*'));
      if (this.#state.mode === 'index') {
        td.append(
          el('span', { className: 'compare-stated' }, fillText(t.compareStated, { value: formatValue(own.value, own.qualifier, lang) })),
        );
      }
      if (!url) td.append(el('span', { className: 'compare-stated missing' }, t.sourceUnknown));
      return td;
    };
    const rows = years
      .map((year, y) => ({ year, y }))
      .filter(({ y }) => stated.some((s) => s[y]))
      .map(({ year, y }) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, String(year)),
          ...figures.map((f, i) => cell(f, stated[i]?.[y] ?? null, shown[i]?.[y] ?? null)),
        ),
      );
    const head = el(
      'tr',
      {},
      el('th', { scope: 'col' }, t.tableYear),
      ...figures.map((f, i) =>
        el(
          'th',
          { scope: 'col', className: 'num' },
          this.#swatch(i),
          el('a', { href: `${this.#agencyPages}${f.agency.id}/` }, f.agency.name),
        ),
      ),
    );
    required<HTMLElement>(this, '.compare-table caption').textContent = caption;
    required<HTMLElement>(this, '.compare-table thead').replaceChildren(head);
    required<HTMLElement>(this, '.compare-table tbody').replaceChildren(...rows);
  }

  #issueText(issue: StateIssue, metricLabel: string): string {
    const t = this.#t;
    const list = (values: string[]) => values.join(', ');
    switch (issue.kind) {
      case 'unknown_agencies':
        return fillText(t.compareIssueAgencies, { values: list(issue.values) });
      case 'too_many_agencies':
        return fillText(t.compareIssueTooMany, {
          max: MAX_AGENCIES,
          values: list(issue.dropped.map((id) => this.#agencies.get(id)?.name ?? id)),
        });
      case 'unknown_metric':
        return fillText(t.compareIssueMetric, { value: issue.value, metric: metricLabel });
      case 'unknown_mode':
        return fillText(t.compareIssueMode, { value: issue.value });
    }
  }

  /** The header's language switch should open the same comparison in the other language. */
  #keepLanguageLinkState() {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-header a[hreflang]')) {
      const url = new URL(link.href);
      url.search = location.search;
      link.href = url.href;
    }
  }
}

customElements.define('compare-chart', CompareChart);

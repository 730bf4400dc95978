/**
 * Lays the view model out as DOM. Text goes in through textContent, the charts' markup is built by
 * charts.ts from numbers and escaped strings. Buttons carry `data-action`; main.ts handles clicks.
 * `data-test` attributes are the stable hooks of the end-to-end tests.
 */

import { el } from '../shared/dom';
import { chartHtml, type ChartFormat } from './charts';
import type { AdminModel, ChartsModel, ModelSectionModel, QuotaTableModel, RecommendationModel, StatusModel, UsageViewModel } from './protocol';

/** Local times, numbers and scale labels in the display language, in the webview's own time zone. */
export interface ViewFormat {
  readonly chart: (withDate: boolean) => ChartFormat;
}

export function createFormat(lang: string): ViewFormat {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dateTime = new Intl.DateTimeFormat(lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    chart: (withDate) => ({
      time: (ms) => (withDate ? dateTime : time).format(ms),
      value: (value) => number.format(value),
      axis: (value) => compact.format(value),
    }),
  };
}

/** "Updated 2 min ago" from the time of the data and now. */
export function ageText(status: StatusModel, now: number): string {
  if (status.updatedAt === undefined) return '';
  const minutes = Math.floor(Math.max(0, now - status.updatedAt) / 60_000);
  if (minutes < 1) return status.age.justNow;
  if (minutes < 60) return status.age.minutes.replace('{0}', String(minutes));
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return status.age.hours.replace('{0}', String(hours));
  return status.age.days.replace('{0}', String(Math.floor(hours / 24)));
}

export function retryText(status: StatusModel, now: number): string {
  if (status.retry === undefined) return '';
  return status.retry.template.replace('{0}', String(Math.max(1, Math.ceil((status.retry.at - now) / 1000))));
}

/** Rewrites the texts that depend on the clock; called by a timer between states. */
export function updateClock(root: HTMLElement, status: StatusModel, now: number): void {
  const age = root.querySelector('[data-test="usage-age"]');
  if (age) age.textContent = ageText(status, now);
  const retry = root.querySelector('[data-test="usage-retry"]');
  if (retry) retry.textContent = retryText(status, now);
}

export function renderView(root: HTMLElement, model: UsageViewModel, format: ViewFormat, now: number): void {
  const parts: (Node | undefined)[] = [];
  if (model.notConfigured !== undefined) {
    // Nothing to range over or refresh: only the reason and the way out.
    const { message, wizardButton } = model.notConfigured;
    parts.push(
      el(
        'div',
        { class: 'not-configured', 'data-test': 'not-configured' },
        el('p', {}, message),
        wizardButton === undefined ? undefined : el('button', { 'data-action': 'wizard', 'data-focus': 'wizard' }, wizardButton),
      ),
    );
  } else {
    parts.push(header(model), statusLine(model.status, now));
    if (model.header.context !== undefined) parts.push(el('p', { class: 'context' }, model.header.context));
    if (model.placeholder !== undefined) parts.push(el('p', { class: 'placeholder', 'data-test': 'usage-placeholder' }, model.placeholder));
    if (model.error !== undefined) parts.push(el('p', { class: 'error', 'data-test': 'usage-error', role: 'alert' }, model.error));
    if (model.alert !== undefined) parts.push(el('p', { class: `alert alert-${model.alert.level}`, 'data-test': 'usage-alert' }, model.alert.text));
    for (const problem of model.problems) parts.push(el('p', { class: 'problem', 'data-test': 'usage-problem' }, problem));
    for (const note of model.notes) parts.push(el('p', { class: 'note' }, note));
    if (model.cost !== undefined) parts.push(el('p', { class: 'cost', 'data-test': 'usage-cost', title: model.cost.tooltip }, model.cost.text));
    if (model.admin !== undefined) parts.push(adminRow(model.admin));
    if (model.alarmsNote !== undefined) parts.push(el('p', { class: 'note', 'data-test': 'alarms-note' }, model.alarmsNote));
    if (model.models.length > 0) {
      parts.push(el('div', { class: model.stale ? 'models stale' : 'models', 'aria-busy': model.status.refreshing === undefined ? undefined : 'true' }, ...model.models.map((section) => modelSection(section, format))));
    }
  }
  root.replaceChildren(...parts.filter((part): part is Node => part !== undefined));
}

function adminRow(admin: AdminModel): HTMLElement {
  return el(
    'div',
    { class: 'admin', 'data-test': 'admin-actions' },
    el('span', { class: 'label' }, admin.label),
    ...admin.actions.map((action) =>
      el('button', { 'data-action': 'admin', 'data-admin': action.action, 'data-test': `admin-${action.action}`, 'data-focus': `admin-${action.action}`, title: action.tooltip }, action.label),
    ),
  );
}

function alarmList(alarms: NonNullable<ModelSectionModel['alarms']>, format: ViewFormat): HTMLElement {
  const times = format.chart(false);
  return el(
    'ul',
    { class: 'alarms', 'data-test': 'alarms', 'aria-label': alarms.label },
    ...alarms.items.map((alarm) =>
      el(
        'li',
        { class: `alarm alarm-${alarm.state.toLowerCase()}`, 'data-test': 'alarm', 'data-state': alarm.state, 'data-name': alarm.name, title: alarm.reason === undefined ? alarm.name : `${alarm.name}\n${alarm.reason}` },
        el('span', { class: 'alarm-state' }, alarm.stateText),
        ` ${alarm.label}`,
        alarm.since === undefined ? undefined : el('time', { datetime: new Date(alarm.since).toISOString() }, ` · ${times.time(alarm.since)}`),
      ),
    ),
  );
}

function header(model: UsageViewModel): HTMLElement {
  const ranges = el(
    'div',
    { class: 'ranges', role: 'group', 'aria-label': model.header.rangeGroupLabel },
    ...model.header.ranges.map((choice) =>
      el(
        'button',
        {
          'data-action': 'range',
          'data-range': choice.range,
          'data-test': `range-${choice.range}`,
          'data-focus': `range-${choice.range}`,
          'aria-pressed': String(choice.range === model.range),
          title: choice.tooltip,
        },
        choice.label,
      ),
    ),
  );
  const refresh = el('button', { class: 'refresh', 'data-action': 'refresh', 'data-test': 'refresh', 'data-focus': 'refresh' }, model.header.refresh);
  return el('div', { class: 'toolbar' }, ranges, refresh);
}

function statusLine(status: StatusModel, now: number): HTMLElement {
  return el(
    'p',
    { class: 'status' },
    el('span', { 'data-test': 'usage-age', title: status.updatedAt === undefined ? undefined : new Date(status.updatedAt).toLocaleString(document.documentElement.lang || undefined) }, ageText(status, now)),
    status.refreshing === undefined ? undefined : el('span', { class: 'refreshing', 'data-test': 'usage-refreshing' }, status.refreshing),
    status.retry === undefined ? undefined : el('span', { class: 'retry', 'data-test': 'usage-retry' }, retryText(status, now)),
  );
}

function modelSection(section: ModelSectionModel, format: ViewFormat): HTMLElement {
  const heading = el('h2', {}, el('span', { class: 'model-id' }, section.modelId), section.routing === undefined ? undefined : el('span', { class: 'routing' }, section.routing));
  const figures = section.figures.length === 0 ? undefined : el('dl', { class: 'figures' }, ...section.figures.map((figure) => el('div', { class: figure.level === 'warning' ? 'figure warning' : 'figure' }, el('dt', {}, figure.label), el('dd', {}, figure.value))));
  let throttled: HTMLElement | undefined;
  if (section.throttled !== undefined) {
    const times = format.chart(section.throttled.withDate);
    throttled = el(
      'p',
      { class: 'throttled', 'data-test': 'throttled-minutes' },
      el('span', { class: 'label' }, `${section.throttled.label}: `),
      ...section.throttled.times.flatMap((time) => [el('time', { datetime: new Date(time).toISOString() }, times.time(time)), ' ']),
      section.throttled.more === undefined ? undefined : el('span', { class: 'more' }, section.throttled.more),
    );
  }
  return el(
    'section',
    { class: 'model', 'data-test': 'model-section', 'data-model-id': section.modelId },
    heading,
    section.alarms === undefined ? undefined : alarmList(section.alarms, format),
    figures,
    throttled,
    ...section.notes.map((note) => el('p', { class: 'note' }, note)),
    section.charts === undefined ? undefined : charts(section.charts, format),
    section.quotaTable === undefined ? undefined : quotaTable(section.quotaTable),
    section.recommendations.length === 0 ? undefined : el('ul', { class: 'recommendations' }, ...section.recommendations.map((recommendation) => recommendationItem(section.modelId, recommendation))),
  );
}

function charts(model: ChartsModel, format: ViewFormat): HTMLElement {
  const chartFormat = format.chart(model.withDate);
  const container = el('div', { class: 'charts' });
  // Markup from charts.ts: numbers and strings escaped there, no script, no inline style.
  container.innerHTML = (['tokens', 'requests', 'throttles'] as const)
    .map((kind) => chartHtml({ kind, chart: model[kind], times: model.times, periodMs: model.periodMs, format: chartFormat }))
    .join('');
  return container;
}

function quotaTable(table: QuotaTableModel): HTMLElement {
  const { columns } = table;
  const labels = [columns.measure, columns.routing, columns.value, columns.defaultValue, columns.adjustable, columns.pending];
  const head = el('tr', {}, ...labels.map((text) => el('th', { scope: 'col' }, text)));
  // In a narrow sidebar usage.css stacks each row; the cells then carry their column's name.
  const rows = table.rows.map((row) =>
    el(
      'tr',
      { class: row.own ? 'own' : 'other', 'data-test': 'quota-row', 'data-code': row.code, title: `${row.name} (${row.code})` },
      ...[row.measure, row.routing, row.value, row.defaultValue, row.adjustable, row.pending].map((text, index) =>
        el('td', { class: index === 2 || index === 3 ? 'number' : undefined, 'data-label': index >= 2 ? labels[index] : undefined }, text),
      ),
    ),
  );
  return el('div', { class: 'table-scroll' }, el('table', { class: 'quotas' }, el('thead', {}, head), el('tbody', {}, ...rows)));
}

function recommendationItem(modelId: string, recommendation: RecommendationModel): HTMLElement {
  const increase = recommendation.increase;
  let action: HTMLElement | undefined;
  if (increase !== undefined) {
    action =
      increase.requested !== undefined
        ? el('span', { class: 'requested', 'data-test': 'requested' }, increase.requested)
        : el(
            'button',
            {
              'data-action': 'increase',
              'data-test': 'request-increase',
              'data-focus': `increase:${modelId}:${increase.quotaCode}`,
              'data-model-id': increase.modelId,
              'data-quota-code': increase.quotaCode,
              'data-desired-value': String(increase.desiredValue),
            },
            increase.button,
          );
  }
  return el(
    'li',
    { class: 'recommendation', 'data-test': 'recommendation', 'data-code': recommendation.code },
    el('p', { class: 'title' }, recommendation.title),
    el('p', { class: 'detail' }, recommendation.detail),
    action,
  );
}

/**
 * The small usage charts as HTML/SVG strings, drawn from numbers without a chart library. Pure
 * string building (no DOM), so it is tested in Node. Colours come only from classes that
 * media/usage.css maps to the theme's variables; nothing inline (the webview's CSP forbids it).
 * The SVG stretches to the view's width at a fixed height; text stays outside it in HTML so it is
 * never distorted.
 */

import type { ChartModel } from './protocol';

/** The drawing's coordinate system (the SVG stretches it: width 100 %, height from the CSS). */
export const CHART_WIDTH = 300;
export const CHART_HEIGHT = 90;
/** Room above the top of the scale for its label. */
const TOP = 12;
const BASELINE = CHART_HEIGHT - 1;

/** Hover targets per period are drawn up to this many periods (7 days by the hour is 168). */
const MAX_HOVER_COLUMNS = 400;

export type ChartKind = 'tokens' | 'requests' | 'throttles';

export interface ChartFormat {
  /** A period's start (or the range's end) as a local time. */
  time(ms: number): string;
  /** A value as hover text shows it. */
  value(value: number): string;
  /** The top of the scale, short ("250K"). */
  axis(value: number): string;
}

export interface ChartInput {
  readonly kind: ChartKind;
  readonly chart: ChartModel;
  readonly times: readonly number[];
  readonly periodMs: number;
  readonly format: ChartFormat;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value`; 1 for nothing to show. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= value * (1 - 1e-12)) return step * magnitude;
  }
  return 10 * magnitude;
}

/** The top of the y-axis: the highest value or the quota, whichever is higher, rounded up. */
export function scaleMax(values: readonly (number | null)[], quota?: number): number {
  const highest = values.reduce<number>((max, value) => (value !== null && value > max ? value : max), 0);
  return niceCeiling(Math.max(highest, quota ?? 0));
}

/** The y coordinate of a value on a scale from 0 to `max` (SVG y grows downwards). */
export function chartY(value: number, max: number): number {
  return round(BASELINE - (Math.min(Math.max(value, 0), max) / max) * (BASELINE - TOP));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The path of a line with a gap at every null; a lone point is a zero-length segment (a dot with round caps). */
export function linePath(values: readonly (number | null)[], max: number): string {
  const column = CHART_WIDTH / Math.max(values.length, 1);
  const parts: string[] = [];
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const point = `${round((index + 0.5) * column)} ${chartY(value, max)}`;
    const next = values[index + 1];
    if (drawing) parts.push(`L${point}`);
    else parts.push(next === null || next === undefined ? `M${point}h0` : `M${point}`);
    drawing = true;
  });
  return parts.join('');
}

/** The chart as HTML: caption and legend, the SVG, the start and end of the range below it. */
export function chartHtml(input: ChartInput): string {
  const { kind, chart, times, periodMs, format } = input;
  const bars = kind === 'throttles';
  const max = scaleMax(chart.values, chart.quota);
  const count = chart.values.length;
  const column = CHART_WIDTH / Math.max(count, 1);
  const shapes: string[] = [
    `<line class="chart-grid" x1="0" y1="${TOP}" x2="${CHART_WIDTH}" y2="${TOP}"/>`,
    `<line class="chart-axis" x1="0" y1="${BASELINE}" x2="${CHART_WIDTH}" y2="${BASELINE}"/>`,
  ];
  if (count <= MAX_HOVER_COLUMNS) {
    const hovers = chart.values.map((value, index) => {
      const time = times[index];
      const label = `${time === undefined ? '' : format.time(time)} · ${value === null ? '–' : format.value(value)}`;
      return `<rect class="chart-hover" x="${round(index * column)}" y="0" width="${round(column)}" height="${CHART_HEIGHT}"><title>${escapeHtml(label)}</title></rect>`;
    });
    shapes.push(`<g>${hovers.join('')}</g>`);
  }
  if (bars) {
    const gap = column * 0.15;
    chart.values.forEach((value, index) => {
      if (value === null || value <= 0) return;
      const y = chartY(value, max);
      shapes.push(`<rect class="chart-bar" x="${round(index * column + gap)}" y="${y}" width="${round(column - 2 * gap)}" height="${round(BASELINE - y)}"/>`);
    });
  } else {
    const path = linePath(chart.values, max);
    if (path !== '') shapes.push(`<path class="chart-line" d="${path}"/>`);
  }
  if (chart.quota !== undefined) {
    const y = chartY(chart.quota, max);
    shapes.push(`<line class="chart-quota" data-test="quota-line" x1="0" y1="${y}" x2="${CHART_WIDTH}" y2="${y}"><title>${escapeHtml(chart.quotaLabel ?? '')}</title></line>`);
  }
  const legend = chart.quota !== undefined && chart.quotaLabel !== undefined ? `<span class="chart-legend"><span class="chart-legend-quota"></span>${escapeHtml(chart.quotaLabel)}</span>` : '';
  const first = times[0];
  const last = times[times.length - 1];
  const axis =
    first === undefined || last === undefined
      ? ''
      : `<div class="chart-x"><span>${escapeHtml(format.time(first))}</span><span>${escapeHtml(format.time(last + periodMs))}</span></div>`;
  return (
    `<figure class="chart" data-test="chart-${kind}">` +
    `<figcaption><span class="chart-caption">${escapeHtml(chart.caption)}</span>${legend}</figcaption>` +
    `<div class="chart-frame"><span class="chart-ymax" aria-hidden="true">${escapeHtml(format.axis(max))}</span>` +
    `<svg class="chart-svg" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(chart.ariaLabel)}">` +
    `<title>${escapeHtml(chart.ariaLabel)}</title>${shapes.join('')}</svg></div>${axis}</figure>`
  );
}

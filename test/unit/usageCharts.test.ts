// The usage view's charts are strings built from numbers: their geometry, their gaps and bars,
// their accessibility, and that every colour comes from the theme through usage.css.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_HEIGHT, CHART_WIDTH, chartHtml, chartY, linePath, niceCeiling, scaleMax, type ChartFormat, type ChartKind } from '../../src/webview/usage/charts';
import type { ChartModel } from '../../src/webview/usage/protocol';

const css = readFileSync(join(__dirname, '..', '..', 'media', 'usage.css'), 'utf8');
const START = Date.UTC(2025, 9, 1, 14, 0);
const MINUTE = 60_000;
const format: ChartFormat = {
  time: (ms) => new Date(ms).toISOString().slice(11, 16),
  value: (value) => String(value),
  axis: (value) => `${value}`,
};

function render(kind: ChartKind, chart: Partial<ChartModel> & Pick<ChartModel, 'values'>): string {
  const times = chart.values.map((_value, index) => START + index * MINUTE);
  return chartHtml({ kind, chart: { caption: 'Tokens per minute', ariaLabel: 'Tokens per minute: peak 80, quota 50', ...chart }, times, periodMs: MINUTE, format });
}

function attribute(html: string, selector: RegExp, name: string): string | undefined {
  const element = html.match(selector)?.[0];
  return element?.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
}

describe('usage charts', () => {
  it('rounds the scale up to 1, 2, 2.5 or 5 × 10ⁿ and includes the quota', () => {
    assert.equal(niceCeiling(0), 1);
    assert.equal(niceCeiling(7), 10);
    assert.equal(niceCeiling(150_000), 200_000);
    assert.equal(niceCeiling(200_000), 200_000);
    assert.equal(niceCeiling(210_000), 250_000);
    assert.equal(scaleMax([1, 2, null], 1_000), 1_000);
    assert.equal(scaleMax([null, 80], 50), 100);
    assert.equal(scaleMax([null, null]), 1);
  });

  it('draws the quota line at its height on the scale', () => {
    // The scale tops at 100 (the peak of 80 rounded up), so a quota of 50 sits half-way up.
    const html = render('tokens', { values: [10, 80, null, 40], quota: 50, quotaLabel: 'Quota 50' });
    const y = Number(attribute(html, /<line class="chart-quota"[^>]*>/, 'y1'));
    assert.equal(y, chartY(50, 100));
    assert.equal(y, (CHART_HEIGHT - 1 + 12) / 2);
    assert.equal(attribute(html, /<line class="chart-quota"[^>]*>/, 'data-test'), 'quota-line');
    assert.match(html, /<title>Quota 50<\/title>/);
    // A quota above every value is the top of the scale.
    const above = render('tokens', { values: [1, 2], quota: 1_000, quotaLabel: 'Quota 1000' });
    assert.equal(Number(attribute(above, /<line class="chart-quota"[^>]*>/, 'y1')), chartY(1_000, 1_000));
    assert.match(above, /<span class="chart-ymax"[^>]*>1000<\/span>/);
  });

  it('has no quota line without a quota', () => {
    const html = render('requests', { values: [1, 2, 3] });
    assert.doesNotMatch(html, /quota-line/);
    assert.doesNotMatch(html, /chart-legend/);
  });

  it('leaves a gap at every null and draws a lone point as a dot', () => {
    const path = linePath([1, 2, null, 3, null, null, 4, 5], 10);
    assert.equal(path.match(/M/g)?.length, 3, path);
    assert.match(path, /M[\d.]+ [\d.]+h0/, 'the lone 3 is a zero-length segment');
    assert.equal(linePath([null, null], 10), '');
    const html = render('tokens', { values: [null, null, null] });
    assert.doesNotMatch(html, /chart-line/);
  });

  it('puts points at the middle of their periods across the full width', () => {
    const path = linePath([0, 10], 10);
    assert.equal(path, `M${CHART_WIDTH / 4} ${chartY(0, 10)}L${(CHART_WIDTH * 3) / 4} ${chartY(10, 10)}`);
  });

  it('draws throttle bars only in throttled periods', () => {
    const html = render('throttles', { values: [0, null, 2, 0, 5], caption: 'Throttled requests per minute', ariaLabel: 'Throttled: 7' });
    const bars = [...html.matchAll(/<rect class="chart-bar"[^>]*>/g)].map((match) => match[0]);
    assert.equal(bars.length, 2);
    const column = CHART_WIDTH / 5;
    const xs = bars.map((bar) => Number(bar.match(/\bx="([^"]*)"/)![1]));
    assert.ok(xs[0]! > 2 * column && xs[0]! < 3 * column, `bar 1 at ${xs[0]}`);
    assert.ok(xs[1]! > 4 * column && xs[1]! < 5 * column, `bar 2 at ${xs[1]}`);
    // The taller bar reaches the top of the scale (5 is its own nice ceiling).
    assert.equal(Number(bars[1]!.match(/\by="([^"]*)"/)![1]), chartY(5, 5));
    assert.doesNotMatch(html, /chart-line/);
  });

  it('is an image with a label, hover titles and the range on the x-axis', () => {
    const html = render('tokens', { values: [10, 80, null, 40], quota: 50, quotaLabel: 'Quota 50' });
    assert.match(html, /^<figure class="chart" data-test="chart-tokens">/);
    assert.match(html, /<svg [^>]*role="img"[^>]*aria-label="Tokens per minute: peak 80, quota 50"/);
    assert.match(html, /<svg [^>]*viewBox="0 0 300 90"[^>]*preserveAspectRatio="none"/);
    assert.match(html, /<title>14:01 · 80<\/title>/, 'each period has a hover title');
    assert.match(html, /<title>14:02 · –<\/title>/, 'a gap says so');
    assert.match(html, /<div class="chart-x"><span>14:00<\/span><span>14:04<\/span><\/div>/, 'start and end of the range');
  });

  it('escapes the words it is given', () => {
    const html = render('tokens', { values: [1], caption: '<script>alert(1)</script>', ariaLabel: '"quoted" & <b>', quota: 2, quotaLabel: '<i>q</i>' });
    assert.doesNotMatch(html, /<script>|<b>|<i>/);
    assert.match(html, /aria-label="&#34;quoted&#34; &#38; &#60;b&#62;"/);
  });

  it('colours only through classes that usage.css maps to theme variables', () => {
    const html = render('tokens', { values: [10, 80, null, 40], quota: 50, quotaLabel: 'Quota 50' }) + render('throttles', { values: [0, 3] });
    assert.doesNotMatch(html, /\b(fill|stroke|style|color)=/, 'no presentation colours or inline styles (the CSP forbids inline styles)');
    assert.doesNotMatch(html, /#[0-9a-f]{3,8}\b|rgba?\(/i);
    const rule = (selector: string) => css.match(new RegExp(`(^|[\\s,}])${selector.replace('.', '\\.')}[^{]*\\{([^}]*)\\}`, 'm'))?.[2] ?? '';
    assert.match(rule('.chart-line'), /stroke: var\(--vscode-charts-blue\)/);
    assert.match(rule('.chart-quota'), /stroke: var\(--vscode-charts-red\)/);
    assert.match(rule('.chart-bar'), /fill: var\(--vscode-charts-yellow\)/);
    assert.match(css, /\.chart-grid,\s*\.chart-axis\s*\{[^}]*stroke: var\(--vscode-editorWidget-border\)/);
    assert.match(rule('.chart-x'), /color: var\(--vscode-descriptionForeground\)/);
    for (const name of new Set([...html.matchAll(/class="([^"]+)"/g)].flatMap((match) => match[1]!.split(' ')))) {
      assert.ok(css.includes(`.${name}`), `usage.css styles .${name}`);
    }
    assert.doesNotMatch(css, /#[0-9a-f]{3,8}\b|rgba?\(/i, 'usage.css uses theme variables only');
  });
});

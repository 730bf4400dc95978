// What the spend read claims only when it read it: a forecast answer without a numeric total is no
// forecast (never $0); a CloudWatch read cut short or missing a query makes a partial estimate and a
// partial measured usage, said to be partial (not verified), in English and Japanese.
import assert from 'node:assert/strict';
import { forecastOf } from '../../src/aws/spend/spend';
import { measuredFromRecords, measuredPartialText, planMeasuredQueries } from '../../src/core/costPlan/measuredUsage';
import { estimateFailed, estimateFromRecords, planEstimateQueries, spendPeriods } from '../../src/core/spend/spendReport';
import type { MetricSeriesRecord } from '../../src/core/usage/quotaTypes';
import { comparisonLines } from '../../src/core/spend/spendText';
import type { SpendReport } from '../../src/core/spend/spendTypes';

const periods = spendPeriods(Date.UTC(2026, 0, 15, 10));
const report = (change: Partial<SpendReport>): SpendReport => ({ generatedAt: Date.UTC(2026, 0, 15, 10), periods, services: ['Amazon Bedrock'], problems: [], ...change });

describe('spend honesty (pure)', () => {
  describe('the forecast', () => {
    it('reads the total and the 80% interval when Cost Explorer gives them', () => {
      const forecast = forecastOf({ $metadata: {}, Total: { Amount: '12.5', Unit: 'USD' }, ForecastResultsByTime: [{ MeanValue: '12.5', PredictionIntervalLowerBound: '11', PredictionIntervalUpperBound: '14' }] });
      assert.deepEqual(forecast, { usd: 12.5, lower: 11, upper: 14 });
      assert.deepEqual(forecastOf({ $metadata: {}, Total: { Amount: '0', Unit: 'USD' } }), { usd: 0 });
    });

    it('a missing, empty or non-numeric total is no forecast, never $0', () => {
      assert.equal(forecastOf({ $metadata: {} }), undefined);
      assert.equal(forecastOf({ $metadata: {}, Total: { Unit: 'USD' } }), undefined);
      assert.equal(forecastOf({ $metadata: {}, Total: { Amount: '', Unit: 'USD' } }), undefined);
      assert.equal(forecastOf({ $metadata: {}, Total: { Amount: 'n/a', Unit: 'USD' } }), undefined);
    });

    it('a forecast without an amount is said to be not verified, in English and Japanese, with no dollar figure', () => {
      const en = comparisonLines(report({ forecastWithoutAmount: true }), 'en');
      assert.equal(en.length, 1);
      assert.match(en[0]!, /^Forecast: not verified\. .*GetCostForecast without a total amount.*it is not \$0/);
      assert.doesNotMatch(en[0]!, /\$0\.00/);
      const ja = comparisonLines(report({ forecastWithoutAmount: true }), 'ja');
      assert.match(ja[0]!, /^予測: 未確認です。.*GetCostForecast.*\$0 ではありません/);
    });
  });

  describe('a partial CloudWatch read', () => {
    const MODEL = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2026, 0, 15, 10);
    const record = (id: string, value: number, complete = true): MetricSeriesRecord => ({ id, timestamps: [from], values: [value], complete });
    const estimatePlan = planEstimateQueries([MODEL], from, to);
    const whole = estimatePlan.queries.map((query) => record(query.id, 1_000_000));

    it('an estimate from every query, each complete, is not partial', () => {
      const estimate = estimateFromRecords(estimatePlan, whole, 'ap-northeast-1');
      assert.equal(estimate.partial, undefined);
      assert.equal(estimate.tokens.input, 1_000_000);
    });

    it('a series cut short (PartialData) or a query without an answer makes the estimate partial', () => {
      const cut = estimateFromRecords(estimatePlan, whole.map((entry, index) => (index === 1 ? { ...entry, complete: false } : entry)), 'ap-northeast-1');
      assert.equal(cut.partial, true);
      const missing = estimateFromRecords(estimatePlan, whole.slice(1), 'ap-northeast-1');
      assert.equal(missing.partial, true);
      assert.equal(missing.tokens.input, 0);
      // A cached read with a partial estimate asks CloudWatch again within the hour (free), as a failed one does.
      assert.equal(estimateFailed(report({ estimate: missing })), true);
      assert.equal(estimateFailed(report({ estimate: estimateFromRecords(estimatePlan, whole, 'ap-northeast-1') })), false);
    });

    it('a partial estimate is said to be partial (not verified) and is not subtracted from Cost Explorer\'s figure, in English and Japanese', () => {
      const estimate = estimateFromRecords(estimatePlan, whole.slice(1), 'ap-northeast-1');
      const months = periods.months.map((month, index) => ({ month, usd: 10, byModel: [], byKind: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, other: 0 }, toDate: index === periods.months.length - 1 }));
      const en = comparisonLines(report({ estimate, months }), 'en');
      assert.ok(en.some((line) => /^Partial, not verified: CloudWatch answered only part of these metrics/.test(line)), en.join('\n'));
      assert.ok(!en.some((line) => line.startsWith('Cost Explorer minus the estimate')), en.join('\n'));
      const ja = comparisonLines(report({ estimate, months }), 'ja');
      assert.ok(ja.some((line) => line.startsWith('一部のみ・未確認: CloudWatch は')), ja.join('\n'));
      // The same read complete: the difference is given and no partial line.
      const completeLines = comparisonLines(report({ estimate: estimateFromRecords(estimatePlan, whole, 'ap-northeast-1'), months }), 'en');
      assert.ok(completeLines.some((line) => line.startsWith('Cost Explorer minus the estimate')));
      assert.ok(!completeLines.some((line) => line.startsWith('Partial')));
    });

    it('measured usage from a cut or incomplete read is partial, with its words in English and Japanese', () => {
      const plan = planMeasuredQueries([MODEL], to);
      const all = plan.queries.map((query) => record(query.id, 5));
      assert.equal(measuredFromRecords(plan, all).partial, undefined);
      assert.equal(measuredFromRecords(plan, all.slice(0, -1)).partial, true);
      assert.equal(measuredFromRecords(plan, all.map((entry, index) => (index === 0 ? { ...entry, complete: false } : entry))).partial, true);
      assert.match(measuredPartialText('en'), /^Partial, not verified: CloudWatch answered only part of the 30 days of metrics/);
      assert.match(measuredPartialText('ja'), /^一部のみ・未確認: CloudWatch は 30 日分/);
    });
  });
});

// What the spend read claims only when it read it: a forecast answer without a numeric total is no
// forecast (never $0), in English and Japanese.
import assert from 'node:assert/strict';
import { forecastOf } from '../../src/aws/spend/spend';
import { spendPeriods } from '../../src/core/spend/spendReport';
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
});

// The quota and usage verdicts: "every quota below 80 %" only when quotas and metrics were read.
import assert from 'node:assert/strict';
import type { UsageProblem, UsageReport } from '../../src/core/usage/quotaTypes';
import { quotasVerdict, usageVerdict } from '../../src/core/usage/usageVerdict';

const problem = (service: UsageProblem['service'], operation: string): UsageProblem => ({ service, error: { operation, phase: 'call', name: 'InternalServerException', httpStatus: 500 } });
const summary = (modelId: string, withQuota: boolean) =>
  ({ modelId, tpm: { peak: 1, typical: 1, ...(withQuota ? { quota: { value: 100 }, peakPercent: 1 } : {}) }, rpm: { peak: 1, typical: 1 } }) as never;
const base = { region: 'ap-northeast-1', range: '1h', generatedAt: 0, modelIds: ['m'], problems: [], recommendations: [] } as unknown as UsageReport;
const read = { ...base, quotas: [{ modelId: 'm', quotas: [{}] }], series: {}, models: [summary('m', true)], alert: { recentThrottles: 0, state: 'ok' } } as unknown as UsageReport;

describe('quotasVerdict and usageVerdict', () => {
  it('is ok with every quota below 80 % only when both were read', () => {
    assert.deepEqual([quotasVerdict(read).state, usageVerdict(read).code], ['ok', 'usage-ok']);
  });

  it('is not verified when the listings or the metrics failed, naming each failed call once, in a stable order', () => {
    const failed = { ...base, problems: [problem('servicequotas', 'ListAWSDefaultServiceQuotas'), problem('cloudwatch', 'GetMetricData'), problem('servicequotas', 'ListServiceQuotas')] } as UsageReport;
    const quotas = quotasVerdict(failed);
    assert.equal(quotas.state, 'not-verified');
    assert.deepEqual(quotas.unread.map((entry) => entry.error.operation), ['ListAWSDefaultServiceQuotas', 'ListServiceQuotas']);
    assert.deepEqual([usageVerdict(failed).state, usageVerdict(failed).code], ['not-verified', 'usage-unread']);
  });

  it('does not claim quota use without the quotas, or for a model without a TPM or RPM quota', () => {
    const { quotas: _quotas, ...noQuotas } = read;
    assert.equal(usageVerdict(noQuotas as UsageReport).code, 'usage-ok-no-quotas');
    const unmatched = usageVerdict({ ...read, models: [summary('m', true), summary('n', false)] } as UsageReport);
    assert.deepEqual([unmatched.code, unmatched.unmatched], ['usage-ok-unmatched', ['n']]);
  });

  it('is a problem when the alert warns', () => {
    assert.equal(usageVerdict({ ...read, alert: { recentThrottles: 3, state: 'warning' } } as UsageReport).state, 'problem');
  });
});

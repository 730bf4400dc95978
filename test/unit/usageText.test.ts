import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/text/locale';
import type { ModelQuota, QuotaMeasure, QuotaRouting, Recommendation, UsageProblem } from '../../src/core/usage/quotaTypes';
import { alertText, formatCount, formatUsd, measureText, problemText, recommendationText, routingText, USAGE_TEXTS } from '../../src/core/usage/usageText';

const LOCALES: readonly Locale[] = ['en', 'ja'];
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_SONNET = 'global.anthropic.claude-sonnet-4-5-20250929-v1:0';

/** Every string of a table by its path (`recommendation.quota-zero.title`). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') found.set(path, value);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [childPath, text] of leaves(child, path === '' ? key : `${path}.${key}`)) found.set(childPath, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

function quota(measure: QuotaMeasure, routing: QuotaRouting, value: number, extra: Partial<ModelQuota> = {}): ModelQuota {
  return { measure, routing, longContext: false, code: 'L-F4DDD3EB', name: 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', value, defaultValue: value, adjustable: true, pending: [], matchedBy: 'code', ...extra };
}

describe('usage texts', () => {
  it('has every key in both languages, with the same placeholders and no empty wording', () => {
    const english = leaves(USAGE_TEXTS.en);
    const japanese = leaves(USAGE_TEXTS.ja);
    assert.deepEqual([...japanese.keys()].sort(), [...english.keys()].sort());
    assert.ok(english.size > 30);
    for (const [key, text] of english) {
      assert.notEqual(text.trim(), '', `en ${key}`);
      assert.notEqual(japanese.get(key)!.trim(), '', `ja ${key}`);
      assert.deepEqual(placeholders(japanese.get(key)!), placeholders(text), key);
    }
  });

  it('names measures and routings in each language', () => {
    assert.equal(measureText('tokens-per-minute', 'en'), 'tokens per minute (TPM)');
    assert.equal(measureText('requests-per-minute', 'ja'), '1 分あたりのリクエスト数 (RPM)');
    assert.equal(routingText('global', 'en'), 'global cross-Region inference');
    assert.equal(routingText('cross-region', 'en'), 'geographic cross-Region inference');
    assert.equal(routingText('on-demand', 'en'), 'on-demand in-Region inference');
    for (const routing of ['global', 'cross-region', 'on-demand'] as const) assert.notEqual(routingText(routing, 'ja'), routingText(routing, 'en'));
  });

  it('formats counts and dollars per locale', () => {
    assert.equal(formatCount(1_234_567, 'en'), '1,234,567');
    assert.equal(formatCount(1_234_567, 'ja'), '1,234,567');
    assert.equal(formatCount(246_999.6, 'en'), '247,000');
    assert.equal(formatUsd(1_234.5, 'en'), '$1,234.50');
    assert.match(formatUsd(1_234.5, 'ja'), /^(US)?\$1,234\.50$/);
    // Under a dollar keeps four decimals: 0.0051375 → $0.0051.
    assert.equal(formatUsd(0.0051375, 'en'), '$0.0051');
    assert.equal(formatUsd(0, 'en'), '$0.00');
  });
});

describe('recommendationText', () => {
  const increase: Recommendation = {
    code: 'request-increase',
    modelId: JP_SONNET,
    quota: quota('tokens-per-minute', 'cross-region', 200_000),
    peak: 247_000,
    desiredValue: 310_000,
    alreadyRequested: false,
  };

  it('states the value to request with the current value and the peak', () => {
    const text = recommendationText(increase, 'en');
    assert.equal(text.title, `Request 310,000 TPM for ${JP_SONNET} (now 200,000; peak 247,000)`);
    // 247,000 / 200,000 = 123.5 % → 124 %.
    assert.match(text.detail, /124% of its tokens per minute \(TPM\) quota for geographic cross-Region inference/);
    assert.match(text.detail, /L-F4DDD3EB/);
    assert.match(text.detail, /default of 200,000/);
    assert.doesNotMatch(text.detail, /already open/);
    const ja = recommendationText(increase, 'ja');
    assert.match(ja.title, /310,000/);
    assert.match(ja.title, /200,000/);
    assert.match(ja.detail, /124%/);
    assert.match(ja.detail, /地域別クロスリージョン推論/);
  });

  it('mentions an open request', () => {
    const pending = [{ id: 'r1', code: 'L-F4DDD3EB', desiredValue: 400_000, status: 'CASE_OPENED' }];
    const rec: Recommendation = { ...increase, quota: quota('tokens-per-minute', 'cross-region', 200_000, { pending }), alreadyRequested: true };
    assert.match(recommendationText(rec, 'en').detail, /already open \(400,000, CASE_OPENED\)/);
    assert.match(recommendationText(rec, 'ja').detail, /申請値 400,000、ステータス CASE_OPENED/);
  });

  it('says where to set CLAUDE_CODE_MAX_OUTPUT_TOKENS and what the reservation becomes', () => {
    const rec: Recommendation = {
      code: 'lower-max-output-tokens',
      modelId: JP_SONNET,
      current: 32_000,
      suggested: 6_144,
      averageOutputPerRequest: 1_500,
      reservedTpmNow: 272_000,
      reservedTpmSuggested: 65_152,
      quotaValue: 200_000,
    };
    for (const locale of LOCALES) {
      const { title, detail } = recommendationText(rec, locale);
      // The value to type is written plainly; the other numbers are grouped.
      assert.match(title, /CLAUDE_CODE_MAX_OUTPUT_TOKENS .*6144/);
      for (const expected of ['.claude/settings.json', '6144', '32,000', '1,500', '272,000', '65,152', '200,000']) assert.ok(detail.includes(expected), `${locale}: ${expected}`);
    }
  });

  it('spells out the data-residency consequence and the price of switching to global', () => {
    const rec: Recommendation = {
      code: 'switch-scope',
      modelId: JP_SONNET,
      suggestedModelId: GLOBAL_SONNET,
      fromRouting: 'cross-region',
      toRouting: 'global',
      currentQuota: quota('tokens-per-minute', 'cross-region', 200_000),
      suggestedQuota: quota('tokens-per-minute', 'global', 500_000),
      residency: 'any-region',
    };
    const en = recommendationText(rec, 'en');
    // 500,000 / 200,000 = 2.5.
    assert.equal(en.title, `Switch ${JP_SONNET} to ${GLOBAL_SONNET} for a 2.5× larger quota`);
    assert.match(en.detail, /any commercial AWS Region worldwide/);
    assert.match(en.detail, /outside Japan/);
    // jp. Sonnet 4.5 is priced 1.1 × global.
    assert.match(en.detail, /about 10% more expensive than global/);
    const ja = recommendationText(rec, 'ja');
    assert.match(ja.title, /2\.5 倍/);
    assert.match(ja.detail, /日本国外/);
    assert.match(ja.detail, /約 10% 高く/);
    // Sonnet 4 in us.: the same list price, and the geography is the United States.
    const us: Recommendation = { ...rec, modelId: 'us.anthropic.claude-sonnet-4-20250514-v1:0', suggestedModelId: 'global.anthropic.claude-sonnet-4-20250514-v1:0' };
    const usText = recommendationText(us, 'en').detail;
    assert.match(usText, /outside the United States/);
    assert.match(usText, /list price is the same/);
    assert.doesNotMatch(usText, /more expensive/);
    // A scope the wording does not know is named by its prefix.
    assert.match(recommendationText({ ...rec, modelId: 'xx.anthropic.claude-sonnet-4-5-20250929-v1:0' }, 'en').detail, /outside the Regions of the xx\. profile/);
  });

  it('explains a zero quota', () => {
    const rec: Recommendation = { code: 'quota-zero', modelId: JP_SONNET, quota: quota('requests-per-minute', 'cross-region', 0, { defaultValue: 200 }) };
    const en = recommendationText(rec, 'en');
    assert.equal(en.title, `${JP_SONNET}: the requests per minute (RPM) quota is 0`);
    assert.match(en.detail, /The AWS default is 200\./);
    const ja = recommendationText(rec, 'ja');
    assert.match(ja.title, /クォータが 0 です/);
    assert.match(ja.detail, /デフォルト値は 200 です/);
  });
});

describe('problemText', () => {
  it('says what to do about each kind of failed call, naming the endpoint variable of the service', () => {
    const cloudWatch = (error: Partial<UsageProblem['error']>): UsageProblem => ({ service: 'cloudwatch', error: { operation: 'GetMetricData', phase: 'call', ...error } });
    assert.match(problemText(cloudWatch({ timedOut: true }), 'en'), /did not finish in time\)\. Usage charts are hidden; quotas are shown\. Check the network and proxy \(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_CLOUDWATCH\), then try again\.$/);
    assert.match(problemText(cloudWatch({ name: 'ThrottlingException', message: 'Rate exceeded', httpStatus: 400 }), 'en'), /AWS throttled the call, ThrottlingException: Rate exceeded\)\..* Wait a minute and try again\.$/);
    assert.match(problemText(cloudWatch({ name: 'ExpiredTokenException', message: 'expired', httpStatus: 403 }), 'en'), /Get fresh credentials \(sign in again\), then try again\.$/);
    assert.match(problemText(cloudWatch({ message: '', httpStatus: 502, unreadable: 'html' }), 'en'), /Try again in a few minutes; if it persists, check any proxy or gateway and the endpoint settings \(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_CLOUDWATCH\)\.$/);
    assert.match(problemText(cloudWatch({ name: 'ThrottlingException', message: 'Rate exceeded' }), 'ja'), /スロットリング.*1 分ほど待ってから、もう一度試してください。$/);
    assert.match(problemText({ service: 'servicequotas', error: { operation: 'ListServiceQuotas', phase: 'call', timedOut: true } }, 'ja'), /時間内に終わりませんでした.*AWS_ENDPOINT_URL_SERVICE_QUOTAS/);
  });

  it('names a missing permission and what is still shown', () => {
    const problem: UsageProblem = { service: 'cloudwatch', missingPermission: 'cloudwatch:GetMetricData', error: { operation: 'GetMetricData', phase: 'call', name: 'AccessDeniedException' } };
    assert.equal(problemText(problem, 'en'), 'CloudWatch could not be read: the permission cloudwatch:GetMetricData is missing. Usage charts are hidden; quotas are shown.');
    assert.equal(problemText(problem, 'ja'), 'CloudWatch を読み取れませんでした: cloudwatch:GetMetricData の権限がありません。使用状況のグラフは表示されませんが、クォータは表示されます。');
    const quotas: UsageProblem = { ...problem, service: 'servicequotas', missingPermission: 'servicequotas:ListServiceQuotas' };
    assert.match(problemText(quotas, 'en'), /^Service Quotas could not be read: .*servicequotas:ListServiceQuotas.*Quotas are hidden/);
  });

  it('names the service, operation and error briefly, without secrets', () => {
    const problem: UsageProblem = {
      service: 'servicequotas',
      error: { operation: 'ListServiceQuotas', phase: 'call', name: 'ServiceException', message: `Internal failure\n token=${'A'.repeat(64)}` },
    };
    const en = problemText(problem, 'en');
    assert.match(en, /^Service Quotas could not be read \(ListServiceQuotas: ServiceException: Internal failure \[redacted\]\)\./);
    assert.doesNotMatch(en, /AAAAAAAAAA/);
    const long: UsageProblem = { ...problem, error: { ...problem.error, message: 'x '.repeat(300) } };
    // The message is cut to 200 characters; the sentence around it and the fix stay.
    assert.ok(problemText(long, 'en').length < 440);
    assert.match(problemText({ ...problem, error: { operation: 'GetMetricData', phase: 'call', timedOut: true } }, 'en'), /GetMetricData: did not finish in time/);
    assert.match(
      problemText({ ...problem, error: { operation: 'GetMetricData', phase: 'call', networkCode: 'ECONNRESET' } }, 'ja'),
      /GetMetricData: エンドポイントに接続できませんでした \(ECONNRESET\).*AWS_ENDPOINT_URL_CLOUDWATCH/,
    );
    assert.match(
      problemText({ ...problem, error: { operation: 'ListServiceQuotas', phase: 'call', networkCode: 'ECONNREFUSED' } }, 'en'),
      /ListServiceQuotas: the endpoint could not be reached \(ECONNREFUSED\); check the network, proxy and endpoint settings \(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SERVICE_QUOTAS\)/,
    );
    // What came back, by status: never the parser's exception.
    assert.match(
      problemText({ ...problem, error: { operation: 'ListServiceQuotas', phase: 'call', message: '', httpStatus: 503, unreadable: 'html' } }, 'en'),
      /\(ListServiceQuotas: HTTP 503 \(service unavailable\), an HTML page instead of an AWS answer: a proxy or gateway answered, not AWS\)/,
    );
    assert.match(
      problemText({ ...problem, error: { operation: 'ListServiceQuotas', phase: 'call', name: 'ServiceException', message: 'Try later.', httpStatus: 503 } }, 'en'),
      /\(ListServiceQuotas: HTTP 503 \(service unavailable\), ServiceException: Try later\.\)/,
    );
    assert.match(problemText({ ...problem, error: { operation: 'GetMetricData', phase: 'call' } }, 'en'), /an error AWS did not name/);
  });

  it('never repeats what a credential provider said', () => {
    const problem: UsageProblem = { service: 'cloudwatch', error: { operation: 'GetMetricData', phase: 'credentials', name: 'CredentialsProviderError', message: 'profile secret-team in /home/me/.aws/config' } };
    const text = problemText(problem, 'en');
    assert.match(text, /AWS credentials could not be loaded/);
    assert.doesNotMatch(text, /secret-team|\.aws/);
  });
});

describe('alertText', () => {
  it('is silent when all is well', () => {
    assert.equal(alertText({ recentThrottles: 0, highestPercent: { modelId: JP_SONNET, measure: 'tokens-per-minute', percent: 50 }, state: 'ok' }, 'en'), undefined);
  });

  it('counts recent throttles and names a quota above 80 %', () => {
    const alert = { recentThrottles: 12, highestPercent: { modelId: JP_SONNET, measure: 'tokens-per-minute' as const, percent: 91.2 }, state: 'warning' as const };
    assert.equal(alertText(alert, 'en'), `12 throttled requests in the last 15 minutes; ${JP_SONNET}: 91% of the tokens per minute (TPM) quota`);
    const ja = alertText(alert, 'ja')!;
    assert.match(ja, /直近 15 分間にスロットリングされたリクエスト: 12 件/);
    assert.match(ja, /91%/);
    assert.equal(alertText({ ...alert, recentThrottles: 1, highestPercent: { ...alert.highestPercent, percent: 40 } }, 'en'), '1 throttled request in the last 15 minutes');
    assert.equal(alertText({ ...alert, recentThrottles: 0 }, 'en'), `${JP_SONNET}: 91% of the tokens per minute (TPM) quota`);
  });
});

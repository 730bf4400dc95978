// Right words for the wire: what a gateway's HTML page, a 503, a malformed body, a reset and an
// unreachable endpoint become, through the real SDK clients and the fake's fault modes, for the
// Bedrock probe and control plane, the STS identity check and the quotas and usage readers.
import assert from 'node:assert/strict';
import { getInferenceProfile, openBedrockSession, probeModel } from '../../src/aws/models/bedrock';
import { checkIdentity } from '../../src/aws/profiles/identity';
import { fetchUsageReport } from '../../src/aws/usage/usage';
import type { Diagnosis } from '../../src/core/models/bedrockTypes';
import { describeDiagnosis, diagnoseAwsError } from '../../src/core/models/diagnosis';
import { describeIdentityFailure } from '../../src/core/profiles/identityFailure';
import { problemText } from '../../src/core/usage/usageText';
import type { FaultKind } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const target = { type: 'profile' as const, profile: 'static-dev' };
/** What the SDK or a parser says, which must never reach a person. */
const PROGRAMMER_TEXT = /\$response|Deserialization error|SyntaxError|Unexpected token|is not valid JSON|XML parse error|Unterminated string/;

function words(diagnosis: Diagnosis): { en: string; ja: string } {
  const en = describeDiagnosis(diagnosis, 'en');
  const ja = describeDiagnosis(diagnosis, 'ja');
  return { en: `${en.cause} ${en.fix}`, ja: `${ja.cause} ${ja.fix}` };
}

describe('wire faults in words (fake AWS, real SDK)', () => {
  const context = useFakeAwsHome('wire');

  async function probeDiagnosis(fault: FaultKind): Promise<Diagnosis> {
    context.fake.inject({ service: 'bedrock-runtime', operation: 'Converse', fault, times: 1 });
    const opened = await openBedrockSession({ target, region: TOKYO, timeoutMs: 5_000 });
    assert.ok(opened.ok);
    try {
      const result = await probeModel(opened.value, JP_SONNET);
      assert.ok(!result.ok, 'the probe must fail under the fault');
      return diagnoseAwsError(result.error, { profile: 'static-dev', region: TOKYO, modelId: JP_SONNET });
    } finally {
      opened.value.close();
    }
  }

  it('a gateway HTML 503 on the probe: its status and "a proxy or gateway answered", no parser text', async () => {
    const diagnosis = await probeDiagnosis('html-503');
    assert.equal(diagnosis.code, 'service-error');
    assert.equal(diagnosis.awsCode, 'HTTP 503');
    const { en, ja } = words(diagnosis);
    assert.match(en, /HTTP 503 \(service unavailable\)/);
    assert.match(en, /a proxy or gateway answered, not AWS/);
    assert.match(en, /AWS_ENDPOINT_URL_BEDROCK_RUNTIME/);
    assert.match(ja, /HTTP 503 \(サービス利用不可\)/);
    assert.match(ja, /プロキシまたはゲートウェイが応答しました/);
    for (const text of [en, ja, diagnosis.detail ?? '']) assert.doesNotMatch(text, PROGRAMMER_TEXT);
  });

  it('an HTML 500 page is a 500 from a proxy, not an "internal server error" of AWS alone', async () => {
    const { en } = words(await probeDiagnosis('html-500'));
    assert.match(en, /HTTP 500 \(internal server error\), an HTML page instead of an AWS answer/);
  });

  it("the service's own JSON 503 is called a 503 (service unavailable), with its AWS name", async () => {
    const diagnosis = await probeDiagnosis('json-503');
    assert.equal(diagnosis.code, 'service-error');
    const { en } = words(diagnosis);
    assert.match(en, /HTTP 503 \(service unavailable\) \(ServiceUnavailableException\)/);
    assert.doesNotMatch(en, PROGRAMMER_TEXT);
  });

  it('a malformed 200 body and a reset mid-answer are named as such', async () => {
    const malformed = await probeDiagnosis('malformed');
    assert.equal(malformed.code, 'service-error');
    assert.match(words(malformed).en, /HTTP 200 \(OK\), a body that is not a valid AWS answer \(truncated or malformed\)/);
    const reset = await probeDiagnosis('reset');
    assert.equal(reset.code, 'service-error');
    assert.match(words(reset).en, /the connection broke in the middle of the answer/);
    for (const diagnosis of [malformed, reset]) assert.doesNotMatch(words(diagnosis).en, PROGRAMMER_TEXT);
  });

  it('the control plane names AWS_ENDPOINT_URL_BEDROCK, not the runtime variable', async () => {
    context.fake.inject({ service: 'bedrock', operation: 'GetInferenceProfile', fault: 'html-503', times: 1 });
    const opened = await openBedrockSession({ target, region: TOKYO, timeoutMs: 5_000 });
    assert.ok(opened.ok);
    try {
      const result = await getInferenceProfile(opened.value, JP_SONNET);
      assert.ok(!result.ok);
      const { en } = words(diagnoseAwsError(result.error, { region: TOKYO, modelId: JP_SONNET }));
      assert.match(en, /AWS_ENDPOINT_URL_BEDROCK\b/);
      assert.doesNotMatch(en, /AWS_ENDPOINT_URL_BEDROCK_RUNTIME/);
    } finally {
      opened.value.close();
    }
  });

  it('an unreachable runtime names AWS_ENDPOINT_URL_BEDROCK_RUNTIME', async () => {
    // A closed loopback port: the runtime endpoint refuses connections.
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = 'http://127.0.0.1:9';
    const opened = await openBedrockSession({ target, region: TOKYO, timeoutMs: 5_000 });
    assert.ok(opened.ok);
    try {
      const result = await probeModel(opened.value, JP_SONNET);
      assert.ok(!result.ok);
      const diagnosis = diagnoseAwsError(result.error, { region: TOKYO, modelId: JP_SONNET });
      assert.equal(diagnosis.code, 'unreachable');
      const { en, ja } = words(diagnosis);
      assert.match(en, /AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_BEDROCK_RUNTIME\)/);
      assert.match(ja, /AWS_ENDPOINT_URL_BEDROCK_RUNTIME/);
      assert.doesNotMatch(en, /AWS_ENDPOINT_URL_BEDROCK\b(?!_)/);
    } finally {
      opened.value.close();
    }
  });

  it('STS behind a gateway: the identity check reports HTTP 503 from a proxy and names AWS_ENDPOINT_URL_STS', async () => {
    context.fake.inject({ service: 'sts', operation: 'GetCallerIdentity', fault: 'html-503', times: 1 });
    const result = await checkIdentity({ target, region: TOKYO, timeoutMs: 5_000 });
    assert.ok(!result.ok);
    assert.equal(result.failure.reason, 'service-error');
    assert.equal(result.failure.code, 'HTTP 503');
    const en = describeIdentityFailure(result.failure, 'en');
    assert.match(en.cause, /HTTP 503 \(service unavailable\), an HTML page instead of an AWS answer: a proxy or gateway answered/);
    assert.match(en.fix, /AWS_ENDPOINT_URL_STS/);
    assert.doesNotMatch(`${en.cause} ${en.fix} ${result.failure.detail ?? ''}`, PROGRAMMER_TEXT);
    const ja = describeIdentityFailure(result.failure, 'ja');
    assert.match(ja.cause, /HTTP 503 \(サービス利用不可\)/);
  });

  it('credentials that expire between two calls: the second identity check says expired keys', async () => {
    const first = await checkIdentity({ target, region: TOKYO, timeoutMs: 5_000 });
    assert.ok(first.ok);
    context.fake.inject({ service: 'sts', operation: 'GetCallerIdentity', fault: 'expired-credentials', times: 1 });
    const second = await checkIdentity({ target, region: TOKYO, timeoutMs: 5_000 });
    assert.ok(!second.ok);
    assert.equal(second.failure.reason, 'expired-keys');
  });

  it('usage and quotas: an HTML 503 from CloudWatch and a reset from Service Quotas, in words', async () => {
    context.fake.inject({ service: 'cloudwatch', operation: 'GetMetricData', fault: 'html-503' });
    context.fake.inject({ service: 'servicequotas', operation: 'ListServiceQuotas', fault: 'reset' });
    const result = await fetchUsageReport({ target, region: TOKYO, modelIds: [JP_SONNET], range: '1h' });
    assert.ok(result.ok);
    const texts = result.report.problems.map((problem) => problemText(problem, 'en'));
    const cloudWatch = texts.find((text) => text.startsWith('CloudWatch'));
    assert.ok(cloudWatch, texts.join('\n'));
    assert.match(cloudWatch, /HTTP 503 \(service unavailable\), an HTML page instead of an AWS answer/);
    const quotas = texts.find((text) => text.startsWith('Service Quotas'));
    assert.ok(quotas, texts.join('\n'));
    assert.match(quotas, /the connection broke in the middle of the answer/);
    for (const text of [...texts, ...result.report.problems.map((problem) => problemText(problem, 'ja'))]) assert.doesNotMatch(text, PROGRAMMER_TEXT);
  });

  it('an unreachable CloudWatch names AWS_ENDPOINT_URL_CLOUDWATCH, and Service Quotas its own variable', async () => {
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH = 'http://127.0.0.1:9';
    process.env.AWS_ENDPOINT_URL_SERVICE_QUOTAS = 'http://127.0.0.1:9';
    const result = await fetchUsageReport({ target, region: TOKYO, modelIds: [JP_SONNET], range: '1h' });
    assert.ok(result.ok);
    const texts = result.report.problems.map((problem) => problemText(problem, 'en'));
    assert.ok(texts.some((text) => text.startsWith('CloudWatch') && /ECONNREFUSED.*AWS_ENDPOINT_URL_CLOUDWATCH/.test(text)), texts.join('\n'));
    assert.ok(texts.some((text) => text.startsWith('Service Quotas') && /ECONNREFUSED.*AWS_ENDPOINT_URL_SERVICE_QUOTAS/.test(text)), texts.join('\n'));
  });
});

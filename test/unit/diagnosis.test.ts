import assert from 'node:assert/strict';
import type { Diagnosis, DiagnosisCode, ModelAvailabilityRecord, RawAwsError } from '../../src/core/models/bedrockTypes';
import {
  DIAGNOSIS_CODES,
  describeDiagnosis,
  diagnoseAvailability,
  diagnoseAwsError,
  mayHaveTakenEffect,
  modelNotInRegion,
  suggestProfileIds,
  worstSeverity,
} from '../../src/core/models/diagnosis';
import { DIAGNOSIS_TEXTS, type DiagnosisTextKey } from '../../src/core/models/diagnosisText';

const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_SONNET = `jp.${SONNET}`;
const TOKYO = { profile: 'dev', region: 'ap-northeast-1', modelId: JP_SONNET };
const ROLE = 'arn:aws:sts::123456789012:assumed-role/Developer/alice';

const call = (operation: string, name: string, message: string, httpStatus?: number): RawAwsError => ({ operation, phase: 'call', name, message, httpStatus });

const cases: [string, RawAwsError, { profile?: string; region: string; modelId?: string }, DiagnosisCode][] = [
  [
    'a bare model ID invoked on demand',
    call('Converse', 'ValidationException', `Invocation of model ID ${SONNET} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`, 400),
    { ...TOKYO, modelId: SONNET },
    'on-demand-not-supported',
  ],
  ['a model never enabled', call('Converse', 'AccessDeniedException', "You don't have access to the model with the specified model ID.", 403), TOKYO, 'model-access-not-granted'],
  [
    'missing AWS Marketplace actions',
    call(
      'Converse',
      'AccessDeniedException',
      'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 15 minutes.',
      403,
    ),
    TOKYO,
    'marketplace-actions-missing',
  ],
  [
    'the missing use case form',
    call('Converse', 'ResourceNotFoundException', 'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.', 404),
    TOKYO,
    'use-case-form-missing',
  ],
  [
    'a legacy model',
    call('Converse', 'ResourceNotFoundException', 'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock', 404),
    { ...TOKYO, modelId: 'anthropic.claude-3-sonnet-20240229-v1:0' },
    'legacy-model',
  ],
  ['too many tokens', call('Converse', 'ThrottlingException', 'Too many tokens, please wait before trying again.', 429), TOKYO, 'throttled'],
  ['too many requests', call('Converse', 'ThrottlingException', 'Too many requests, please wait before trying again.', 429), TOKYO, 'throttled'],
  ['a bare 429', { operation: 'Converse', phase: 'call', httpStatus: 429 }, TOKYO, 'throttled'],
  ['an expired SSO token', { operation: 'ListInferenceProfiles', phase: 'credentials', name: 'TokenProviderError', message: "Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile." }, TOKYO, 'credentials'],
  ['no credentials at all', { operation: 'ListInferenceProfiles', phase: 'credentials', name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, TOKYO, 'credentials'],
  ['expired STS keys (JSON)', call('ListInferenceProfiles', 'ExpiredTokenException', 'The security token included in the request is expired', 403), TOKYO, 'credentials'],
  ['expired STS keys (XML)', call('GetCallerIdentity', 'ExpiredToken', 'The security token included in the request is expired', 403), TOKYO, 'credentials'],
  ['unknown keys', call('Converse', 'UnrecognizedClientException', 'The security token included in the request is invalid.', 403), TOKYO, 'credentials'],
  ['an invalid key id', call('GetCallerIdentity', 'InvalidClientTokenId', 'The security token included in the request is invalid.', 403), TOKYO, 'credentials'],
  [
    'an SCP denying a destination region',
    call(
      'Converse',
      'AccessDeniedException',
      `User: ${ROLE} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:ap-northeast-3::foundation-model/${SONNET} with an explicit deny in a service control policy`,
      403,
    ),
    TOKYO,
    'scp-denied-region',
  ],
  [
    'ListInferenceProfiles denied',
    call('ListInferenceProfiles', 'AccessDeniedException', `User: ${ROLE} is not authorized to perform: bedrock:ListInferenceProfiles on resource: arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/* because no identity-based policy allows the bedrock:ListInferenceProfiles action`, 403),
    TOKYO,
    'list-profiles-denied',
  ],
  [
    'InvokeModel not allowed',
    call('Converse', 'AccessDeniedException', `User: ${ROLE} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/${JP_SONNET} because no identity-based policy allows the bedrock:InvokeModel action`, 403),
    TOKYO,
    'iam-denied',
  ],
  [
    'a permissions boundary',
    call('Converse', 'AccessDeniedException', `User: ${ROLE} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/${JP_SONNET} because no permissions boundary allows the bedrock:InvokeModel action`, 403),
    TOKYO,
    'iam-denied',
  ],
  ['an invalid identifier', call('Converse', 'ValidationException', 'The provided model identifier is invalid.', 400), { ...TOKYO, modelId: `${JP_SONNET}[1m]` }, 'invalid-identifier'],
  ['max_tokens above the model\'s limit (Anthropic API wording)', call('Converse', 'ValidationException', 'max_tokens: 200000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-5-20250929', 400), TOKYO, 'max-tokens-invalid'],
  ['max_tokens above the model\'s limit (Bedrock wording)', call('Converse', 'ValidationException', 'The maximum tokens you requested exceeds the model limit of 8192. Try again with a maximum tokens value that is lower than 8192.', 400), TOKYO, 'max-tokens-invalid'],
  ['a missing inference profile', call('GetInferenceProfile', 'ResourceNotFoundException', 'Inference profile not found.', 404), { ...TOKYO, modelId: `au.${SONNET}` }, 'model-not-in-region'],
  ['a model unknown to the region', call('GetFoundationModelAvailability', 'ResourceNotFoundException', 'The specified resource was not found.', 404), TOKYO, 'model-not-in-region'],
  ['a deadline', { operation: 'Converse', phase: 'call', timedOut: true }, TOKYO, 'timeout'],
  ['an abort', { operation: 'Converse', phase: 'call', name: 'AbortError', message: 'Request aborted' }, TOKYO, 'timeout'],
  ['a refused connection', { operation: 'ListInferenceProfiles', phase: 'call', name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:9', networkCode: 'ECONNREFUSED' }, TOKYO, 'unreachable'],
  ['a cancel', { operation: 'Converse', phase: 'call', cancelled: true }, TOKYO, 'cancelled'],
  ['something new', call('Converse', 'ModelNotReadyException', 'Model is not ready for inference.', 400), TOKYO, 'unknown'],
  ['an internal error', call('ListInferenceProfiles', 'InternalServerException', 'Internal server error', 500), TOKYO, 'service-error'],
  ['a JSON 503', call('Converse', 'ServiceUnavailableException', 'Service Unavailable.', 503), TOKYO, 'service-error'],
  ['an HTML page from a gateway', { operation: 'Converse', phase: 'call', message: '', httpStatus: 503, unreadable: 'html' }, TOKYO, 'service-error'],
  ['a connection cut mid-answer', { operation: 'Converse', phase: 'call', message: '', httpStatus: 200, networkCode: 'ECONNRESET', unreadable: 'cut' }, TOKYO, 'service-error'],
];

const available: ModelAvailabilityRecord = { modelId: SONNET, authorization: 'AUTHORIZED', agreement: 'AVAILABLE', entitlement: 'AVAILABLE', region: 'AVAILABLE' };

/** A diagnosis of each code with every field the texts may use. */
function sample(code: DiagnosisCode): Diagnosis {
  const base: Diagnosis = {
    code,
    severity: 'error',
    operation: 'Converse',
    awsCode: 'SomeException',
    detail: 'something happened',
    modelId: JP_SONNET,
    region: 'ap-northeast-1',
    profile: 'dev',
  };
  if (code === 'credentials') return diagnoseAwsError({ operation: 'Converse', phase: 'credentials', name: 'TokenProviderError', message: 'Token is expired.' }, TOKYO);
  if (code === 'scp-denied-region') return { ...base, deniedRegion: 'ap-northeast-3', deniedAction: 'bedrock:InvokeModel' };
  if (code === 'iam-denied' || code === 'list-profiles-denied') return { ...base, deniedAction: 'bedrock:InvokeModel' };
  return base;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('diagnoseAwsError', () => {
  for (const [label, raw, context, code] of cases) {
    it(`recognises ${label} as ${code}`, () => {
      const diagnosis = diagnoseAwsError(raw, context);
      assert.equal(diagnosis.code, code, JSON.stringify(diagnosis));
      assert.equal(diagnosis.operation, raw.operation);
      assert.equal(diagnosis.region, context.region);
      assert.equal(diagnosis.profile, context.profile);
      assert.equal(diagnosis.modelId, context.modelId);
      if (raw.name) assert.equal(diagnosis.awsCode, raw.name);
    });
  }

  it('covers every code with at least one realistic error or availability record', () => {
    const seen = new Set<DiagnosisCode>(cases.map(([, , , code]) => code));
    for (const record of [
      { ...available, agreement: 'PENDING' },
      { ...available, entitlement: 'NOT_AVAILABLE' },
      { ...available, region: 'NOT_AVAILABLE' },
    ]) {
      for (const diagnosis of diagnoseAvailability(record, TOKYO)) seen.add(diagnosis.code);
    }
    assert.deepEqual(DIAGNOSIS_CODES.filter((code) => !seen.has(code)), []);
  });

  it('keeps the identity classification for credential failures, with the sign-in command', () => {
    const diagnosis = diagnoseAwsError(
      { operation: 'ListInferenceProfiles', phase: 'credentials', name: 'TokenProviderError', message: "The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile." },
      TOKYO,
    );
    assert.equal(diagnosis.identity?.reason, 'sso-not-signed-in');
    const text = describeDiagnosis(diagnosis, 'en');
    assert.equal(text.command, 'aws sso login --profile dev');
    assert.ok(describeDiagnosis(diagnosis, 'ja').fix.includes('aws sso login --profile dev'));
    assert.equal(diagnoseAwsError(call('Converse', 'ExpiredTokenException', 'The security token included in the request is expired'), TOKYO).identity?.reason, 'expired-keys');
    assert.equal(diagnoseAwsError(call('Converse', 'UnrecognizedClientException', 'The security token included in the request is invalid.'), TOKYO).identity?.reason, 'invalid-keys');
  });

  it('treats an SSO message surfacing in the call phase as a credential failure', () => {
    const diagnosis = diagnoseAwsError({ operation: 'Converse', phase: 'call', name: 'Error', message: "Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile." }, TOKYO);
    assert.equal(diagnosis.code, 'credentials');
    assert.equal(diagnosis.identity?.reason, 'sso-expired');
  });

  it('never keeps the command line of a failed credential process', () => {
    const diagnosis = diagnoseAwsError({ operation: 'Converse', phase: 'credentials', name: 'CredentialsProviderError', message: 'Command failed: /bin/creds --token abc123' }, TOKYO);
    assert.equal(diagnosis.code, 'credentials');
    assert.equal(diagnosis.detail, undefined);
  });

  it('parses the region an SCP denies, and the action', () => {
    const raw = cases.find(([, , , code]) => code === 'scp-denied-region')![1];
    const diagnosis = diagnoseAwsError(raw, TOKYO);
    assert.equal(diagnosis.deniedRegion, 'ap-northeast-3');
    assert.equal(diagnosis.deniedAction, 'bedrock:InvokeModel');
    const en = describeDiagnosis(diagnosis, 'en');
    assert.ok(en.cause.includes('ap-northeast-3') && en.cause.includes('ap-northeast-1'), en.cause);
    assert.ok(/in-region/.test(en.fix), en.fix);
    assert.ok(describeDiagnosis(diagnosis, 'ja').cause.includes('ap-northeast-3'));
  });

  it('parses an SCP with the policy ARN appended and a partition other than aws', () => {
    const message = `User: ${ROLE} is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws-cn:bedrock:cn-northwest-1::foundation-model/${SONNET} with an explicit deny in a service control policy: arn:aws:organizations::111122223333:policy/o-abc/service_control_policy/p-xyz`;
    const diagnosis = diagnoseAwsError(call('InvokeModel', 'AccessDeniedException', message, 403), { region: 'cn-north-1', modelId: SONNET });
    assert.equal(diagnosis.code, 'scp-denied-region');
    assert.equal(diagnosis.deniedRegion, 'cn-northwest-1');
    assert.equal(diagnosis.deniedAction, 'bedrock:InvokeModelWithResponseStream');
  });

  it('explains an SCP on the global model ARN as a global routing denial', () => {
    const message = `User: ${ROLE} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:::foundation-model/${SONNET} with an explicit deny in a service control policy`;
    const diagnosis = diagnoseAwsError(call('Converse', 'AccessDeniedException', message, 403), { ...TOKYO, modelId: `global.${SONNET}` });
    assert.equal(diagnosis.code, 'scp-denied-region');
    assert.equal(diagnosis.deniedRegion, undefined);
    assert.ok(/global/.test(describeDiagnosis(diagnosis, 'en').cause));
  });

  it('tells an explicit deny apart from a missing allow', () => {
    const allowMissing = diagnoseAwsError(cases.find(([label]) => label === 'InvokeModel not allowed')![1], TOKYO);
    assert.equal(allowMissing.deniedAction, 'bedrock:InvokeModel');
    assert.ok(/generates/.test(describeDiagnosis(allowMissing, 'en').fix));
    const explicit = diagnoseAwsError(call('Converse', 'AccessDeniedException', `User: ${ROLE} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/${JP_SONNET} with an explicit deny in an identity-based policy`, 403), TOKYO);
    assert.equal(explicit.code, 'iam-denied');
    const text = describeDiagnosis(explicit, 'en');
    assert.ok(/administrator/.test(text.fix) && /explicitly denies/.test(text.cause), text.cause);
  });

  it('names the [1m] suffix for an invalid identifier, and the prefix otherwise', () => {
    const raw = call('Converse', 'ValidationException', 'The provided model identifier is invalid.', 400);
    const oneM = describeDiagnosis(diagnoseAwsError(raw, { ...TOKYO, modelId: `${JP_SONNET}[1m]` }), 'en');
    assert.ok(oneM.cause.includes('[1m]') && oneM.fix.includes('[1m]'), oneM.cause);
    assert.ok(describeDiagnosis(diagnoseAwsError(raw, { ...TOKYO, modelId: `${JP_SONNET}[1m]` }), 'ja').cause.includes('[1m]'));
    const prefix = describeDiagnosis(diagnoseAwsError(raw, { region: 'us-east-1', modelId: JP_SONNET }), 'en');
    assert.ok(prefix.cause.includes('jp.') && prefix.cause.includes('us-east-1') && !prefix.cause.includes('[1m]'), prefix.cause);
  });

  it('suggests inference profile IDs for a bare model ID', () => {
    const raw = cases[0]![1];
    const diagnosis = diagnoseAwsError(raw, { region: 'ap-northeast-1', modelId: SONNET });
    const en = describeDiagnosis(diagnosis, 'en');
    assert.ok(en.fix.includes(`jp.${SONNET}`) && en.fix.includes(`global.${SONNET}`), en.fix);
    assert.ok(describeDiagnosis(diagnosis, 'ja').fix.includes(`global.${SONNET}`));
    assert.deepEqual(suggestProfileIds(SONNET, 'us-west-2'), [`us.${SONNET}`, `global.${SONNET}`]);
    assert.deepEqual(suggestProfileIds(SONNET, 'us-gov-west-1'), [`us-gov.${SONNET}`]);
    assert.deepEqual(suggestProfileIds(JP_SONNET, 'ap-northeast-1'), []);
    const better = describeDiagnosis(diagnosis, 'en', { suggestedModelIds: [`apac.${SONNET}`] });
    assert.ok(better.fix.includes(`apac.${SONNET}`) && !better.fix.includes(`jp.${SONNET}`));
    // Without a model ID in the context, the ID is read from the message.
    assert.equal(diagnoseAwsError(raw, { region: 'ap-northeast-1' }).modelId, SONNET);
  });

  it('tells tokens from requests when throttled, and points at the quota', () => {
    const tokens = describeDiagnosis(diagnoseAwsError(cases.find(([label]) => label === 'too many tokens')![1], TOKYO), 'en');
    const requests = describeDiagnosis(diagnoseAwsError(cases.find(([label]) => label === 'too many requests')![1], TOKYO), 'en');
    assert.ok(/tokens per minute/.test(tokens.cause) && tokens.fix.includes('CLAUDE_CODE_MAX_OUTPUT_TOKENS'), tokens.cause);
    assert.ok(/requests per minute/.test(requests.cause), requests.cause);
    assert.notEqual(tokens.cause, requests.cause);
    assert.ok(tokens.consoleUrl?.includes('servicequotas'));
    const daily = diagnoseAwsError(call('Converse', 'ThrottlingException', 'Too many tokens per day, please wait before trying again.', 429), TOKYO);
    assert.ok(/per day/.test(describeDiagnosis(daily, 'en').cause));
  });

  it('words another service\'s throttle as its API rate limit, not as a Bedrock model quota', () => {
    const region = { profile: 'dev', region: 'ap-northeast-1' };
    for (const [operation, service, raw] of [
      ['DescribeAlarms', 'CloudWatch', call('DescribeAlarms', 'Throttling', 'Rate exceeded', 400)],
      ['ListTopics', 'Amazon SNS', call('ListTopics', 'Throttled', 'Rate exceeded', 429)],
      ['ListServiceQuotas', 'Service Quotas', call('ListServiceQuotas', 'TooManyRequestsException', 'Rate exceeded', 400)],
    ] as const) {
      const diagnosis = diagnoseAwsError(raw, region);
      assert.equal(diagnosis.code, 'throttled');
      const en = describeDiagnosis(diagnosis, 'en');
      assert.equal(en.cause, `${service} throttled ${operation} in ap-northeast-1: too many requests to its API. This is a rate limit of the AWS API, not a model quota of Bedrock.`);
      assert.match(en.fix, /^Wait a minute and try again/);
      assert.doesNotMatch(`${en.cause} ${en.fix}`, /Service Quotas;|quota increase|for the model/);
      assert.equal(en.consoleUrl, undefined, 'no link to the Bedrock quotas');
      const ja = describeDiagnosis(diagnosis, 'ja');
      assert.ok(ja.cause.includes(service) && JAPANESE.test(ja.cause) && JAPANESE.test(ja.fix), ja.cause);
    }
    // A model call's throttle is still the model's quota.
    assert.match(describeDiagnosis(diagnoseAwsError(cases.find(([label]) => label === 'too many requests')![1], TOKYO), 'en').cause, /^Bedrock refused Converse/);
  });

  it('links the Bedrock console for model access and the use case form', () => {
    const access = describeDiagnosis(diagnoseAwsError(cases[1]![1], TOKYO), 'en');
    assert.equal(access.consoleUrl, 'https://ap-northeast-1.console.aws.amazon.com/bedrock/home?region=ap-northeast-1#/modelaccess');
    assert.ok(access.cause.includes(JP_SONNET) && access.cause.includes('ap-northeast-1'));
    const form = describeDiagnosis(diagnoseAwsError(cases[3]![1], { region: 'us-east-1' }), 'en');
    assert.ok(form.consoleUrl?.startsWith('https://us-east-1.console.aws.amazon.com/bedrock/home?region=us-east-1#/'), form.consoleUrl);
  });

  it('names the marketplace actions and the CalledViaLast condition', () => {
    const diagnosis = diagnoseAwsError(cases[2]![1], TOKYO);
    assert.ok(diagnosis.deniedAction?.startsWith('aws-marketplace:'));
    for (const locale of ['en', 'ja'] as const) {
      const { fix } = describeDiagnosis(diagnosis, locale);
      assert.ok(fix.includes('aws-marketplace:ViewSubscriptions') && fix.includes('aws-marketplace:Subscribe') && fix.includes('aws:CalledViaLast = bedrock.amazonaws.com'), fix);
    }
  });

  it('marks a ListInferenceProfiles denial as a warning and names the action', () => {
    const diagnosis = diagnoseAwsError(cases.find(([label]) => label === 'ListInferenceProfiles denied')![1], TOKYO);
    assert.equal(diagnosis.severity, 'warning');
    assert.equal(diagnosis.deniedAction, 'bedrock:ListInferenceProfiles');
    assert.ok(/bundled catalog/.test(describeDiagnosis(diagnosis, 'en').cause));
  });

  it('keeps the code and the message of unknown errors visible', () => {
    const diagnosis = diagnoseAwsError(call('Converse', 'ModelNotReadyException', 'Model is not ready for inference.', 400), TOKYO);
    assert.equal(diagnosis.code, 'unknown');
    assert.equal(diagnosis.awsCode, 'ModelNotReadyException');
    assert.equal(diagnosis.detail, 'Model is not ready for inference.');
    for (const locale of ['en', 'ja'] as const) {
      const { cause } = describeDiagnosis(diagnosis, locale);
      assert.ok(cause.includes('ModelNotReadyException') && cause.includes('Model is not ready for inference.'), cause);
    }
    const unnamed = diagnoseAwsError({ operation: 'Converse', phase: 'call', httpStatus: 502, message: 'Bad gateway' }, TOKYO);
    assert.equal(unnamed.awsCode, 'HTTP 502');
    assert.ok(describeDiagnosis(unnamed, 'en').cause.includes('HTTP 502'));
  });

  it('redacts secrets that an error message echoes', () => {
    // Assembled at run time so that no secret-shaped value sits in the source.
    const keyId = ['AK', 'IA', 'ABCDEFGHIJKL', 'MNOP'].join('');
    const secret = ['abcdEFGHijklMNOP', 'qrstUVWXyz0123456789ABCD'].join('');
    const diagnosis = diagnoseAwsError(call('Converse', 'WeirdException', `bad key ${keyId} with aws_secret_access_key=${secret} and ${secret}`, 400), TOKYO);
    assert.equal(diagnosis.code, 'unknown');
    assert.ok(!diagnosis.detail?.includes('abcdEFGH'), diagnosis.detail);
    assert.ok(!diagnosis.detail?.includes(keyId), diagnosis.detail);
    assert.ok(!describeDiagnosis(diagnosis, 'en').cause.includes('abcdEFGH'));
  });
});

describe('diagnoseAvailability', () => {
  it('finds nothing wrong with an available model', () => {
    assert.deepEqual(diagnoseAvailability(available, TOKYO), []);
  });

  it('maps each failing status', () => {
    const codes = (record: Partial<ModelAvailabilityRecord>) => diagnoseAvailability({ ...available, ...record }, TOKYO).map((d) => `${d.code}/${d.severity}`);
    assert.deepEqual(codes({ authorization: 'NOT_AUTHORIZED' }), ['model-access-not-granted/error']);
    assert.deepEqual(codes({ agreement: 'PENDING' }), ['agreement-pending/warning']);
    assert.deepEqual(codes({ agreement: 'NOT_AVAILABLE' }), ['marketplace-actions-missing/warning']);
    assert.deepEqual(codes({ agreement: 'ERROR', agreementMessage: 'Subscription failed' }), ['marketplace-actions-missing/error']);
    assert.deepEqual(codes({ entitlement: 'NOT_AVAILABLE' }), ['entitlement-not-available/error']);
    assert.deepEqual(codes({ region: 'NOT_AVAILABLE', authorization: 'NOT_AUTHORIZED' }), ['region-not-available/error']);
    assert.deepEqual(codes({ authorization: 'NOT_AUTHORIZED', agreement: 'PENDING' }), ['model-access-not-granted/error', 'agreement-pending/warning']);
  });

  it('shows the agreement message and uses the record model ID', () => {
    const [diagnosis] = diagnoseAvailability({ ...available, agreement: 'ERROR', agreementMessage: 'Offer not available in this account' }, { region: 'ap-northeast-1' });
    assert.ok(diagnosis);
    assert.equal(diagnosis.modelId, SONNET);
    assert.equal(diagnosis.detail, 'Offer not available in this account');
    for (const locale of ['en', 'ja'] as const) {
      const text = describeDiagnosis(diagnosis, locale);
      assert.ok(text.cause.includes('Offer not available in this account') && text.cause.includes(SONNET), text.cause);
      assert.ok(text.fix.includes('aws:CalledViaLast'));
    }
  });
});

describe('describeDiagnosis', () => {
  it('has a complete, distinct text in English and Japanese for every code', () => {
    for (const locale of ['en', 'ja'] as const) {
      const causes = new Set<string>();
      for (const code of DIAGNOSIS_CODES) {
        const text = describeDiagnosis(sample(code), locale);
        assert.ok(text.cause.trim().length > 10, `${locale} ${code} cause`);
        assert.ok(text.fix.trim().length > 10, `${locale} ${code} fix`);
        assert.ok(!/\{\w+\}/.test(text.cause + text.fix), `${locale} ${code} leaves a placeholder: ${text.cause} ${text.fix}`);
        if (locale === 'ja') assert.ok(JAPANESE.test(text.cause) && JAPANESE.test(text.fix), `ja ${code}`);
        const en = describeDiagnosis(sample(code), 'en');
        if (locale === 'ja') assert.notEqual(text.cause, en.cause, code);
        assert.ok(!causes.has(text.cause), `${locale} ${code} repeats another cause`);
        causes.add(text.cause);
      }
    }
  });

  it('has every variant worded in both languages, with the same placeholders', () => {
    const keys = Object.keys(DIAGNOSIS_TEXTS.en.entries) as DiagnosisTextKey[];
    assert.deepEqual(Object.keys(DIAGNOSIS_TEXTS.ja.entries).sort(), [...keys].sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      const en = DIAGNOSIS_TEXTS.en.entries[key];
      const ja = DIAGNOSIS_TEXTS.ja.entries[key];
      assert.ok(JAPANESE.test(ja.cause) && JAPANESE.test(ja.fix), key);
      assert.notEqual(en.cause, ja.cause, key);
      assert.deepEqual(new Set(placeholders(ja.cause + ja.fix)), new Set(placeholders(en.cause + en.fix)), key);
    }
  });

  it('words a diagnosis without model or operation without leaving placeholders', () => {
    for (const code of DIAGNOSIS_CODES) {
      for (const locale of ['en', 'ja'] as const) {
        const text = describeDiagnosis({ code, severity: 'error', region: 'us-east-1' }, locale);
        assert.ok(!/\{\w+\}/.test(text.cause + text.fix), `${locale} ${code}: ${text.cause}`);
        assert.ok(!/^[a-z]/.test(locale === 'en' ? text.cause : 'X'), `${code}: ${text.cause}`);
      }
    }
  });

  it('builds the model-not-in-region diagnosis for a catalog without the model', () => {
    const diagnosis = modelNotInRegion(`jp.${SONNET}`, 'us-east-1', 'dev');
    assert.equal(diagnosis.code, 'model-not-in-region');
    const text = describeDiagnosis(diagnosis, 'en');
    assert.ok(text.cause.includes(`jp.${SONNET}`) && text.cause.includes('us-east-1'), text.cause);
  });
});

describe('mayHaveTakenEffect', () => {
  const write = (raw: Partial<RawAwsError>) => mayHaveTakenEffect(diagnoseAwsError({ operation: 'PutDashboard', phase: 'call', ...raw }, { region: 'ap-northeast-1' }));
  it('is true when the answer of a write did not come back whole, false when AWS said no or the request never left', () => {
    assert.equal(write({ timedOut: true }), true);
    assert.equal(write({ cancelled: true }), true);
    assert.equal(write({ message: '', httpStatus: 200, unreadable: 'cut', networkCode: 'ECONNRESET' }), true);
    assert.equal(write({ message: '', httpStatus: 200, unreadable: 'malformed' }), true);
    assert.equal(write({ message: '', httpStatus: 502, unreadable: 'html' }), true);
    assert.equal(write({ name: 'Error', message: 'socket hang up', networkCode: 'ECONNRESET' }), true);
    assert.equal(write({ name: 'Error', message: 'connect ECONNREFUSED', networkCode: 'ECONNREFUSED' }), false);
    assert.equal(write({ name: 'InternalServerException', message: 'Internal server error.', httpStatus: 500 }), false);
    assert.equal(write({ name: 'ThrottlingException', message: 'Rate exceeded', httpStatus: 429 }), false);
    assert.equal(write({ name: 'ExpiredTokenException', message: 'The security token included in the request is expired', httpStatus: 403 }), false);
  });
});

describe('worstSeverity', () => {
  it('prefers errors to warnings and says nothing for none', () => {
    assert.equal(worstSeverity([]), undefined);
    assert.equal(worstSeverity([sample('timeout'), { ...sample('throttled'), severity: 'warning' }]), 'error');
    assert.equal(worstSeverity(diagnoseAvailability({ ...available, agreement: 'PENDING' }, TOKYO)), 'warning');
  });
});

describe('wire failures in words', () => {
  const PROGRAMMER_TEXT = /\$response|Deserialization error|SyntaxError/;

  it('names the endpoint variable of the service that could not be reached', () => {
    const unreachable = (operation: string) =>
      describeDiagnosis(diagnoseAwsError({ operation, phase: 'call', name: 'Error', message: 'connect ECONNREFUSED', networkCode: 'ECONNREFUSED' }, TOKYO), 'en').fix;
    assert.match(unreachable('Converse'), /\(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_BEDROCK_RUNTIME\)/);
    assert.match(unreachable('ListInferenceProfiles'), /\(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_BEDROCK\)/);
    assert.match(unreachable('GetMetricData'), /AWS_ENDPOINT_URL_CLOUDWATCH/);
    assert.match(unreachable('ListServiceQuotas'), /AWS_ENDPOINT_URL_SERVICE_QUOTAS/);
    // The admin features' CloudWatch and SNS calls: their own variables, not the sign-in's.
    for (const operation of ['DescribeAlarms', 'PutMetricAlarm', 'GetDashboard', 'PutDashboard']) assert.match(unreachable(operation), /\(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_CLOUDWATCH\)/, operation);
    for (const operation of ['ListTopics', 'CreateTopic', 'ListSubscriptionsByTopic', 'Subscribe']) assert.match(unreachable(operation), /\(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SNS\)/, operation);
    assert.match(unreachable('ResolveCredentials'), /AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL_SSO_OIDC/);
    const ja = describeDiagnosis(diagnoseAwsError({ operation: 'Converse', phase: 'call', networkCode: 'ECONNREFUSED' }, TOKYO), 'ja').fix;
    assert.match(ja, /AWS_ENDPOINT_URL、AWS_ENDPOINT_URL_BEDROCK_RUNTIME/);
  });

  it('reports an HTML page by its status and "a proxy or gateway answered", in both languages', () => {
    const diagnosis = diagnoseAwsError({ operation: 'Converse', phase: 'call', message: '', httpStatus: 503, unreadable: 'html' }, TOKYO);
    assert.equal(diagnosis.awsCode, 'HTTP 503');
    assert.equal(diagnosis.detail, undefined);
    const en = describeDiagnosis(diagnosis, 'en');
    assert.equal(
      en.cause,
      'Converse in ap-northeast-1 got HTTP 503 (service unavailable), an HTML page instead of an AWS answer: a proxy or gateway answered, not AWS.',
    );
    const ja = describeDiagnosis(diagnosis, 'ja');
    assert.match(ja.cause, /HTTP 503 \(サービス利用不可\)、AWS の応答ではなく HTML ページ/);
    for (const text of [en.cause, en.fix, ja.cause, ja.fix]) assert.doesNotMatch(text, PROGRAMMER_TEXT);
  });

  it('calls a 503 with an AWS body a 503 and keeps the AWS name and message', () => {
    const en = describeDiagnosis(diagnoseAwsError(call('ListInferenceProfiles', 'ServiceUnavailableException', 'Service Unavailable.', 503), TOKYO), 'en');
    assert.match(en.cause, /answered with HTTP 503 \(service unavailable\) \(ServiceUnavailableException\)/);
    assert.match(en.cause, /Service Unavailable\./);
    assert.match(en.fix, /AWS_ENDPOINT_URL_BEDROCK\b/);
  });

  it('names a malformed body and a reset mid-answer for what they are', () => {
    const malformed = describeDiagnosis(diagnoseAwsError({ operation: 'GetMetricData', phase: 'call', message: '', httpStatus: 200, unreadable: 'malformed' }, TOKYO), 'en');
    assert.match(malformed.cause, /HTTP 200 \(OK\), a body that is not a valid AWS answer \(truncated or malformed\)/);
    const cut = describeDiagnosis(diagnoseAwsError({ operation: 'Converse', phase: 'call', message: '', httpStatus: 200, networkCode: 'ECONNRESET', unreadable: 'cut' }, TOKYO), 'en');
    assert.match(cut.cause, /got no complete answer: HTTP 200 \(OK\), the connection broke in the middle of the answer/);
  });
});

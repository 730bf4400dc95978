import assert from 'node:assert/strict';
import {
  GetAWSDefaultServiceQuotaCommand,
  GetRequestedServiceQuotaChangeCommand,
  GetServiceQuotaCommand,
  ListAWSDefaultServiceQuotasCommand,
  ListRequestedServiceQuotaChangeHistoryByQuotaCommand,
  ListRequestedServiceQuotaChangeHistoryCommand,
  ListServiceQuotasCommand,
  RequestServiceQuotaIncreaseCommand,
  ServiceQuotasClient,
  paginateListAWSDefaultServiceQuotas,
  paginateListServiceQuotas,
  type ServiceQuota,
} from '@aws-sdk/client-service-quotas';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { BASIC_ACCOUNT_ID, BASIC_OUTSIDER_KEY, BASIC_REGION, BASIC_STATIC_KEY } from './scenarios/basic';
import {
  OLD_NAMES_RECODED_MODELS,
  OLD_NAME_QUOTA_CODES,
  QUOTA_CODES,
  QUOTA_MODEL_KEYS,
  bedrockQuotaCatalog,
  defaultQuotaValue,
  quotaCode,
  quotaKindsOf,
  quotaName,
} from './scenarios/quotaCatalog';
import { BASIC_APPLIED_QUOTAS, BASIC_APPROVED_REQUEST_ID, QUOTA_THROTTLED, QUOTA_TINY } from './scenarios/quotaData';
import { SERVICE_QUOTAS_ERROR_MESSAGES } from './services/serviceQuotasWorld';
import { snapshotEnv } from './testEnv';
import { getScenario, scenarioNames } from './index';
import { rejects } from './rejects';
import { STATIC_CREDENTIALS, useFakeClients, type Credentials } from './useFakeClients';


const STATIC = STATIC_CREDENTIALS;
const OUTSIDER: Credentials = { accessKeyId: BASIC_OUTSIDER_KEY.accessKeyId, secretAccessKey: BASIC_OUTSIDER_KEY.secretAccessKey };
const TOKYO_CATALOG = bedrockQuotaCatalog('ap-northeast-1');

function useFake(scenario: string) {
  const { fake, client } = useFakeClients(scenario);
  return { fake, quotas: (region?: string, credentials?: Credentials) => client((config) => new ServiceQuotasClient(config), region, credentials) };
}

async function allApplied(client: ServiceQuotasClient, pageSize?: number): Promise<ServiceQuota[]> {
  const out: ServiceQuota[] = [];
  for await (const page of paginateListServiceQuotas({ client, ...(pageSize !== undefined && { pageSize }) }, { ServiceCode: 'bedrock' })) {
    out.push(...(page.Quotas ?? []));
  }
  return out;
}

async function allDefaults(client: ServiceQuotasClient): Promise<ServiceQuota[]> {
  const out: ServiceQuota[] = [];
  for await (const page of paginateListAWSDefaultServiceQuotas({ client }, { ServiceCode: 'bedrock' })) out.push(...(page.Quotas ?? []));
  return out;
}

const getQuota = (client: ServiceQuotasClient, code: string): Promise<ServiceQuota | undefined> =>
  client.send(new GetServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: code })).then((answer) => answer.Quota);

describe('fake-aws: Service Quotas through the real SDK', () => {
  const { fake, quotas } = useFake('basic');

  it('pages ListServiceQuotas 100 at a time (more than 100 Bedrock quotas) and shows applied values where they differ', async () => {
    const listed = await allApplied(quotas());
    assert.ok(TOKYO_CATALOG.length > 100, 'enough quotas to page');
    assert.deepEqual(listed.map((quota) => quota.QuotaCode), TOKYO_CATALOG.map((quota) => quota.code));
    const calls = fake().requests.filter((entry) => entry.operation === 'ListServiceQuotas');
    assert.equal(calls.length, Math.ceil(TOKYO_CATALOG.length / 100));
    assert.ok(calls.every((entry) => entry.service === 'servicequotas' && entry.signingService === 'servicequotas' && entry.resource === undefined && entry.status === 200));
    const applied = BASIC_APPLIED_QUOTAS[BASIC_REGION] ?? {};
    assert.ok(Object.keys(applied).length > 0);
    for (const quota of listed) {
      const definition = TOKYO_CATALOG.find((candidate) => candidate.code === quota.QuotaCode);
      assert.equal(quota.Value, applied[quota.QuotaCode ?? ''] ?? definition?.defaultValue, quota.QuotaCode);
      assert.equal(quota.QuotaArn, `arn:aws:servicequotas:${BASIC_REGION}:${BASIC_ACCOUNT_ID}:bedrock/${quota.QuotaCode}`);
    }
    // A smaller page size only changes the number of calls.
    fake().clearLog();
    assert.deepEqual((await allApplied(quotas(), 40)).map((quota) => quota.QuotaCode), TOKYO_CATALOG.map((quota) => quota.code));
    assert.equal(fake().requests.length, Math.ceil(TOKYO_CATALOG.length / 40));
  });

  it('lists every quota with its AWS default and an account-less ARN in ListAWSDefaultServiceQuotas', async () => {
    const defaults = await allDefaults(quotas());
    assert.deepEqual(
      defaults.map((quota) => [quota.QuotaCode, quota.Value, quota.QuotaArn]),
      TOKYO_CATALOG.map((quota) => [quota.code, quota.defaultValue, `arn:aws:servicequotas:${BASIC_REGION}::bedrock/${quota.code}`]),
    );
    const globalTpm = quotaCode('sonnet45', 'globalTpm');
    const [applied, byDefault] = await Promise.all([
      getQuota(quotas(), globalTpm),
      quotas().send(new GetAWSDefaultServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: globalTpm })),
    ]);
    assert.equal(applied?.Value, BASIC_APPLIED_QUOTAS[BASIC_REGION]?.[globalTpm]);
    assert.equal(byDefault.Quota?.Value, defaultQuotaValue('ap-northeast-1', 'sonnet45', 'globalTpm'));
  });

  it('answers the record shape AWS uses for Bedrock quotas', async () => {
    const quota = await getQuota(quotas(), quotaCode('sonnet45', 'geoTpm'));
    assert.deepEqual(
      { ...quota, Description: undefined },
      {
        ServiceCode: 'bedrock',
        ServiceName: 'Amazon Bedrock',
        QuotaArn: `arn:aws:servicequotas:${BASIC_REGION}:${BASIC_ACCOUNT_ID}:bedrock/L-F4DDD3EB`,
        QuotaCode: 'L-F4DDD3EB',
        QuotaName: 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1',
        Value: 200_000,
        Unit: 'None',
        Adjustable: true,
        GlobalQuota: false,
        UsageMetric: {},
        QuotaAppliedAtLevel: 'ACCOUNT',
        Description: undefined,
      },
    );
    assert.ok(quota?.Description);
    assert.equal((await getQuota(quotas(), quotaCode('sonnet45', 'tokensPerDay')))?.Adjustable, false);
  });

  it('names every model quota in the new style, 1M-context variants for Sonnet 4.5 and 4.6 only, and the unknown Sonnet 5', async () => {
    const listed = await allApplied(quotas());
    for (const model of QUOTA_MODEL_KEYS) {
      for (const kind of quotaKindsOf(model)) {
        const found = listed.find((quota) => quota.QuotaCode === QUOTA_CODES[model][kind]);
        assert.equal(found?.QuotaName, quotaName(model, kind), `${model} ${kind}`);
      }
    }
    assert.equal(quotaKindsOf('haiku45').some((kind) => kind.endsWith('1m')), false);
    assert.ok(listed.some((quota) => quota.QuotaName === 'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.6 1M Context Length'));
    assert.ok(listed.some((quota) => quota.QuotaName === 'Model units per provisioned model for Anthropic Claude Sonnet 4.5 V1'), 'a confusable noise quota');
    assert.ok(listed.some((quota) => quota.QuotaName === 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 5'));
  });

  it('answers per signing region and caller account', async () => {
    const code = quotaCode('haiku45', 'geoTpm');
    assert.equal((await getQuota(quotas('us-east-1'), code))?.Value, defaultQuotaValue('us-east-1', 'haiku45', 'geoTpm'));
    assert.equal((await getQuota(quotas('us-east-1'), code))?.QuotaArn, `arn:aws:servicequotas:us-east-1:${BASIC_ACCOUNT_ID}:bedrock/${code}`);
    // Another account sees the defaults and its own account in the ARN.
    const outsider = await getQuota(quotas(BASIC_REGION, OUTSIDER), quotaCode('sonnet45', 'globalTpm'));
    assert.equal(outsider?.Value, defaultQuotaValue('ap-northeast-1', 'sonnet45', 'globalTpm'));
    assert.match(outsider?.QuotaArn ?? '', new RegExp(`:${BASIC_OUTSIDER_KEY.account}:`));
    // A region without a quota catalog lists nothing.
    assert.deepEqual((await quotas('eu-central-1').send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' }))).Quotas, []);
    await rejects(getQuota(quotas('eu-central-1'), code), 'NoSuchResourceException', SERVICE_QUOTAS_ERROR_MESSAGES.noSuchQuota);
  });

  it('refuses unknown codes and services, foreign page tokens and out-of-range page sizes', async () => {
    const error = await rejects(getQuota(quotas(), 'L-00000000'), 'NoSuchResourceException', SERVICE_QUOTAS_ERROR_MESSAGES.noSuchQuota);
    assert.equal(error.$metadata?.httpStatusCode, 400);
    await rejects(
      quotas().send(new GetAWSDefaultServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: 'L-00000000' })),
      'NoSuchResourceException',
    );
    await rejects(quotas().send(new ListServiceQuotasCommand({ ServiceCode: 'not-a-service' })), 'NoSuchResourceException', SERVICE_QUOTAS_ERROR_MESSAGES.noSuchService);
    const first = await quotas().send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' }));
    assert.equal(first.Quotas?.length, 100);
    assert.ok(first.NextToken);
    await rejects(
      quotas('us-east-1').send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock', NextToken: first.NextToken })),
      'InvalidPaginationTokenException',
      SERVICE_QUOTAS_ERROR_MESSAGES.invalidToken,
    );
    await rejects(
      quotas().send(new ListAWSDefaultServiceQuotasCommand({ ServiceCode: 'bedrock', NextToken: first.NextToken })),
      'InvalidPaginationTokenException',
    );
    await rejects(quotas().send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock', MaxResults: 101 })), 'ValidationException', /less than or equal to 100/);
  });

  it('records an increase request as PENDING without a case, and lists it in the history, newest first', async () => {
    const code = quotaCode('haiku45', 'geoTpm');
    const before = Date.now();
    const { RequestedQuota: created } = await quotas().send(new RequestServiceQuotaIncreaseCommand({ ServiceCode: 'bedrock', QuotaCode: code, DesiredValue: 1_000_000 }));
    const after = Date.now();
    assert.ok(created?.Id);
    assert.equal(created.Status, 'PENDING');
    assert.equal(created.CaseId, undefined);
    assert.equal(created.DesiredValue, 1_000_000);
    assert.equal(created.QuotaCode, code);
    assert.equal(created.QuotaName, quotaName('haiku45', 'geoTpm'));
    assert.ok(created.Created instanceof Date);
    assert.ok(created.Created.getTime() >= before - 1 && created.Created.getTime() <= after + 1);
    assert.equal(JSON.parse(created.Requester ?? '{}').callerArn, BASIC_STATIC_KEY.arn);

    const history = await quotas().send(new ListRequestedServiceQuotaChangeHistoryCommand({ ServiceCode: 'bedrock' }));
    assert.deepEqual(history.RequestedQuotas?.map((request) => [request.Id, request.Status]), [
      [created.Id, 'PENDING'],
      [BASIC_APPROVED_REQUEST_ID, 'APPROVED'],
    ]);
    const pending = await quotas().send(new ListRequestedServiceQuotaChangeHistoryCommand({ ServiceCode: 'bedrock', Status: 'PENDING' }));
    assert.deepEqual(pending.RequestedQuotas?.map((request) => request.Id), [created.Id]);
    const byQuota = await quotas().send(new ListRequestedServiceQuotaChangeHistoryByQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: code }));
    assert.deepEqual(byQuota.RequestedQuotas?.map((request) => request.Id), [created.Id]);
    const one = await quotas().send(new GetRequestedServiceQuotaChangeCommand({ RequestId: created.Id }));
    assert.equal(one.RequestedQuota?.Status, 'PENDING');
    // The live state holds it; another region's history does not list it.
    assert.ok(fake().state.serviceQuotas?.accounts[BASIC_ACCOUNT_ID]?.requests?.some((request) => request.id === created.Id));
    assert.deepEqual((await quotas('us-east-1').send(new ListRequestedServiceQuotaChangeHistoryCommand({}))).RequestedQuotas, []);
    // While it is open, another request for the code is refused.
    await rejects(
      quotas().send(new RequestServiceQuotaIncreaseCommand({ ServiceCode: 'bedrock', QuotaCode: code, DesiredValue: 2_000_000 })),
      'ResourceAlreadyExistsException',
      SERVICE_QUOTAS_ERROR_MESSAGES.alreadyOpen,
    );
  });

  it('refuses increases at or below the value in force, at or below the default, and of non-adjustable quotas', async () => {
    const request = (code: string, desired: number): Promise<unknown> =>
      quotas().send(new RequestServiceQuotaIncreaseCommand({ ServiceCode: 'bedrock', QuotaCode: code, DesiredValue: desired }));
    const globalTpm = quotaCode('sonnet45', 'globalTpm');
    const applied = BASIC_APPLIED_QUOTAS[BASIC_REGION]?.[globalTpm] ?? 0;
    await rejects(request(globalTpm, applied), 'IllegalArgumentException', SERVICE_QUOTAS_ERROR_MESSAGES.atOrBelowCurrent);
    await rejects(request(quotaCode('sonnet45', 'geoTpm'), defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm')), 'IllegalArgumentException', SERVICE_QUOTAS_ERROR_MESSAGES.atOrBelowCurrent);
    await rejects(request(quotaCode('sonnet45', 'tokensPerDay'), 10 ** 12), 'IllegalArgumentException', SERVICE_QUOTAS_ERROR_MESSAGES.notAdjustable);
    await rejects(request('L-00000000', 10), 'NoSuchResourceException');
    assert.ok(fake().requests.every((entry) => entry.status === 400));
    assert.equal(fake().state.serviceQuotas?.accounts[BASIC_ACCOUNT_ID]?.requests?.length, 1, 'nothing recorded');
  });

  it('answers TooManyRequestsException to an injected throttle and UnknownOperationException to other operations', async () => {
    fake().inject({ service: 'servicequotas', operation: 'ListServiceQuotas', throttle: true, times: 1 });
    await rejects(quotas().send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' })), 'TooManyRequestsException', SERVICE_QUOTAS_ERROR_MESSAGES.throttled);
    assert.equal((await quotas().send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' }))).Quotas?.length, 100);
    const { ListServicesCommand } = await import('@aws-sdk/client-service-quotas');
    await rejects(quotas().send(new ListServicesCommand({})), 'UnknownOperationException');
  });

  it('is reached through the environment fake.env() exports (AWS_ENDPOINT_URL), as is CloudWatch', async () => {
    const restore = snapshotEnv();
    Object.assign(process.env, fake().env());
    const sq = new ServiceQuotasClient({ region: BASIC_REGION, credentials: STATIC, maxAttempts: 1 });
    const cw = new CloudWatchClient({ region: BASIC_REGION, credentials: STATIC, maxAttempts: 1 });
    try {
      await sq.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock', MaxResults: 1 }));
      const end = new Date();
      await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(end.getTime() - 600_000),
          EndTime: end,
          MetricDataQueries: [{ Id: 'q', MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: 'Invocations' }, Period: 60, Stat: 'Sum' } }],
        }),
      );
    } finally {
      sq.destroy();
      cw.destroy();
      restore();
    }
    assert.deepEqual(
      fake().requests.map((entry) => [entry.service, entry.operation, entry.signingService, entry.status]),
      [
        ['servicequotas', 'ListServiceQuotas', 'servicequotas', 200],
        ['cloudwatch', 'GetMetricData', 'monitoring', 200],
      ],
    );
  });
});

describe('fake-aws: quota scenarios', () => {
  const names = [
    'quota-cloudwatch-denied',
    'quota-healthy',
    'quota-near',
    'quota-old-names',
    'quota-servicequotas-denied',
    'quota-throttled',
    'quota-tiny',
  ];

  it('are registered, and each changes only account 111122223333', () => {
    for (const name of names) {
      assert.ok((scenarioNames() as string[]).includes(name), name);
      const scenario = getScenario(name);
      assert.equal(scenario.name, name);
      assert.deepEqual(Object.keys(scenario.serviceQuotas?.accounts ?? {}), [BASIC_ACCOUNT_ID]);
      assert.deepEqual(Object.keys(scenario.cloudWatch?.accounts ?? {}), [BASIC_ACCOUNT_ID]);
      assert.deepEqual(Object.keys(scenario.bedrock?.accounts ?? {}), []);
    }
  });

  describe('quota-throttled', () => {
    const { quotas } = useFake('quota-throttled');
    it('has a PENDING increase of the jp. Sonnet 4.5 RPM quota (not TPM) and a large global quota', async () => {
      const pending = await quotas().send(new ListRequestedServiceQuotaChangeHistoryCommand({ ServiceCode: 'bedrock', Status: 'PENDING' }));
      assert.deepEqual(
        pending.RequestedQuotas?.map((request) => [request.Id, request.QuotaCode, request.DesiredValue, request.CaseId]),
        [[QUOTA_THROTTLED.pendingRequest.id, quotaCode('sonnet45', 'geoRpm'), QUOTA_THROTTLED.pendingRequest.desiredValue, undefined]],
      );
      const created = pending.RequestedQuotas?.[0]?.Created?.getTime() ?? 0;
      assert.ok(Math.abs(Date.now() - QUOTA_THROTTLED.pendingRequest.createdMinutesAgo * 60_000 - created) < 60_000);
      assert.equal((await getQuota(quotas(), quotaCode('sonnet45', 'globalTpm')))?.Value, QUOTA_THROTTLED.globalTpm);
      assert.equal((await getQuota(quotas(), quotaCode('sonnet45', 'globalRpm')))?.Value, QUOTA_THROTTLED.globalRpm);
      assert.equal((await getQuota(quotas(), quotaCode('sonnet45', 'geoTpm')))?.Value, defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm'));
      await rejects(
        quotas().send(new RequestServiceQuotaIncreaseCommand({ ServiceCode: 'bedrock', QuotaCode: quotaCode('sonnet45', 'geoRpm'), DesiredValue: 1_000 })),
        'ResourceAlreadyExistsException',
      );
    });
  });

  describe('quota-tiny', () => {
    const { quotas } = useFake('quota-tiny');
    it('applies 4,000 TPM, 2 RPM and 0 for Opus 4.6 over unchanged defaults, and refuses increases up to the default', async () => {
      const applied = await allApplied(quotas());
      const value = (code: string): number | undefined => applied.find((quota) => quota.QuotaCode === code)?.Value;
      assert.equal(value(quotaCode('sonnet45', 'geoTpm')), QUOTA_TINY.tpm);
      assert.equal(value(quotaCode('haiku45', 'globalRpm')), QUOTA_TINY.rpm);
      assert.equal(value(quotaCode('opus46', 'geoTpm')), QUOTA_TINY.opus46);
      assert.equal(value(quotaCode('opus46', 'globalRpm')), QUOTA_TINY.opus46);
      assert.equal((await getQuota(quotas('us-east-1'), quotaCode('sonnet45', 'geoTpm')))?.Value, QUOTA_TINY.tpm);
      const defaults = await allDefaults(quotas());
      assert.equal(defaults.find((quota) => quota.QuotaCode === quotaCode('sonnet45', 'geoTpm'))?.Value, defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm'));
      const request = (desired: number): Promise<unknown> =>
        quotas().send(new RequestServiceQuotaIncreaseCommand({ ServiceCode: 'bedrock', QuotaCode: quotaCode('sonnet45', 'geoTpm'), DesiredValue: desired }));
      await rejects(request(QUOTA_TINY.tpm), 'IllegalArgumentException', SERVICE_QUOTAS_ERROR_MESSAGES.atOrBelowCurrent);
      await rejects(request(defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm')), 'IllegalArgumentException', SERVICE_QUOTAS_ERROR_MESSAGES.atOrBelowDefault);
      const accepted = await request(defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm') + 1);
      assert.ok(accepted);
    });
  });

  describe('quota-old-names', () => {
    const { quotas } = useFake('quota-old-names');
    it('lists the old names; known models keep their codes, Haiku 4.5 and Opus 4.6 have other codes', async () => {
      const listed = await allApplied(quotas());
      assert.equal(
        listed.find((quota) => quota.QuotaCode === 'L-F4DDD3EB')?.QuotaName,
        'Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 4.5',
      );
      for (const model of QUOTA_MODEL_KEYS) {
        for (const kind of quotaKindsOf(model)) {
          const code = OLD_NAME_QUOTA_CODES[model][kind];
          assert.equal(listed.find((quota) => quota.QuotaCode === code)?.QuotaName, quotaName(model, kind, 'old'), `${model} ${kind}`);
          const recoded = OLD_NAMES_RECODED_MODELS.includes(model);
          assert.equal(code === QUOTA_CODES[model][kind], !recoded, `${model} ${kind}`);
          if (recoded) assert.ok(!listed.some((quota) => quota.QuotaCode === QUOTA_CODES[model][kind]), `${model} ${kind}: new code absent`);
        }
      }
      assert.ok(listed.some((quota) => quota.QuotaName === 'Max tokens per day for Anthropic Claude Sonnet 4.5'));
      assert.ok(listed.some((quota) => quota.QuotaName === 'Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 4.5 (1M context length)'));
      assert.ok(!listed.some((quota) => quota.QuotaName?.startsWith('Cross-region model inference') && quota.QuotaName.includes('Claude Sonnet 4.5')));
    });
  });

  describe('quota-servicequotas-denied', () => {
    const { fake, quotas } = useFake('quota-servicequotas-denied');
    it('refuses every Service Quotas action of the account with AccessDeniedException; other accounts and CloudWatch work', async () => {
      const code = quotaCode('sonnet45', 'geoTpm');
      const calls: [string, Promise<unknown>][] = [
        ['ListServiceQuotas', quotas().send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' }))],
        ['ListAWSDefaultServiceQuotas', quotas().send(new ListAWSDefaultServiceQuotasCommand({ ServiceCode: 'bedrock' }))],
        ['ListRequestedServiceQuotaChangeHistory', quotas().send(new ListRequestedServiceQuotaChangeHistoryCommand({ ServiceCode: 'bedrock' }))],
      ];
      for (const [action, call] of calls) {
        const error = await rejects(
          call,
          'AccessDeniedException',
          `User: ${BASIC_STATIC_KEY.arn} is not authorized to perform: servicequotas:${action} because no identity-based policy allows the servicequotas:${action} action`,
        );
        assert.equal(error.$metadata?.httpStatusCode, 400);
      }
      const resource = `arn:aws:servicequotas:${BASIC_REGION}:${BASIC_ACCOUNT_ID}:bedrock/${code}`;
      await rejects(getQuota(quotas(), code), 'AccessDeniedException', SERVICE_QUOTAS_ERROR_MESSAGES.iamDenied(BASIC_STATIC_KEY.arn, 'servicequotas:GetServiceQuota', resource));
      await rejects(
        quotas().send(new RequestServiceQuotaIncreaseCommand({ ServiceCode: 'bedrock', QuotaCode: code, DesiredValue: 10 ** 6 })),
        'AccessDeniedException',
        /servicequotas:RequestServiceQuotaIncrease on resource/,
      );
      assert.equal((await getQuota(quotas(BASIC_REGION, OUTSIDER), code))?.Value, defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm'));
      const cw = new CloudWatchClient({ endpoint: fake().endpoint, region: BASIC_REGION, credentials: STATIC, maxAttempts: 1 });
      try {
        const end = new Date();
        const answer = await cw.send(
          new GetMetricDataCommand({
            StartTime: new Date(end.getTime() - 600_000),
            EndTime: end,
            MetricDataQueries: [{ Id: 'q', MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: 'Invocations' }, Period: 60, Stat: 'Sum' } }],
          }),
        );
        assert.equal(answer.MetricDataResults?.[0]?.StatusCode, 'Complete');
      } finally {
        cw.destroy();
      }
    });
  });
});

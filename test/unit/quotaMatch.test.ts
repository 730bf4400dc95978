import assert from 'node:assert/strict';
import { knownModel } from '../../src/core/models/modelTable';
import { QUOTA_CODE_TABLE, quotaCodeEntry, quotaCodesFor } from '../../src/core/usage/quotaCatalog';
import { matchModelQuotas, ownQuota, parseQuotaName, quotaFor, quotaNameMatchesModel, quotaRoutingOf, quotasForDisplay } from '../../src/core/usage/quotaMatch';
import type { ModelQuotas, QuotaListing, QuotaRequestRecord, ServiceQuotaRecord } from '../../src/core/usage/quotaTypes';

const SONNET_4_5 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_4_5 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const SONNET_4 = 'anthropic.claude-sonnet-4-20250514-v1:0';
const SONNET_3_5 = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const SONNET_3_5_V2 = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
const SONNET_5 = 'anthropic.claude-sonnet-5';
const APPLICATION_ARN = 'arn:aws:bedrock:ap-northeast-1:111122223333:application-inference-profile/a1b2c3d4e5f6';

function record(code: string, name: string, value: number, adjustable = true): ServiceQuotaRecord {
  return { code, name, value, adjustable, unit: 'None' };
}

function listingOf(parts: Partial<QuotaListing>): QuotaListing {
  return { region: 'ap-northeast-1', applied: [], defaults: [], requests: [], ...parts };
}

function only(models: readonly ModelQuotas[]): ModelQuotas {
  assert.equal(models.length, 1);
  return models[0]!;
}

function codes(model: ModelQuotas): string[] {
  return model.quotas.map((quota) => `${quota.routing}/${quota.measure}${quota.longContext ? '/1m' : ''}=${quota.code}`);
}

describe('quota code table', () => {
  it('is dated and sourced', () => {
    assert.match(QUOTA_CODE_TABLE.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(QUOTA_CODE_TABLE.source.includes('Service Quotas'));
  });

  it('names only models the model table knows, each code once, four rate quotas per model', () => {
    const seen = new Set<string>();
    for (const entry of QUOTA_CODE_TABLE.entries) {
      assert.ok(knownModel(entry.baseModelId), entry.baseModelId);
      assert.match(entry.code, /^L-[0-9A-F]{8}$/);
      assert.ok(!seen.has(entry.code), entry.code);
      seen.add(entry.code);
    }
    for (const base of new Set(QUOTA_CODE_TABLE.entries.map((entry) => entry.baseModelId))) {
      assert.deepEqual(
        quotaCodesFor(base).map((entry) => `${entry.routing}/${entry.measure}`).sort(),
        ['cross-region/requests-per-minute', 'cross-region/tokens-per-minute', 'global/requests-per-minute', 'global/tokens-per-minute'],
        base,
      );
    }
    assert.equal(seen.size, 20);
  });

  it('looks codes up', () => {
    assert.deepEqual(quotaCodeEntry('L-F4DDD3EB'), { baseModelId: SONNET_4_5, routing: 'cross-region', measure: 'tokens-per-minute', longContext: false, code: 'L-F4DDD3EB' });
    assert.equal(quotaCodeEntry('L-E5084BBA')?.baseModelId, HAIKU_4_5);
    assert.equal(quotaCodeEntry('L-E5084BBA')?.routing, 'global');
    assert.equal(quotaCodeEntry('L-E5084BBA')?.measure, 'requests-per-minute');
    assert.equal(quotaCodeEntry('L-00000000'), undefined);
    assert.deepEqual(quotaCodesFor(SONNET_5), []);
  });
});

describe('quotaRoutingOf', () => {
  it('reads geographic prefixes as cross-region', () => {
    for (const prefix of ['jp', 'apac', 'us', 'eu', 'au', 'ca', 'us-gov']) {
      assert.equal(quotaRoutingOf(`${prefix}.${SONNET_4_5}`), 'cross-region', prefix);
    }
    assert.equal(quotaRoutingOf(`arn:aws:bedrock:ap-northeast-1:111122223333:inference-profile/jp.${SONNET_4_5}`), 'cross-region');
  });

  it('reads global., bare IDs and foundation-model ARNs', () => {
    assert.equal(quotaRoutingOf(`global.${SONNET_4_5}`), 'global');
    assert.equal(quotaRoutingOf(`arn:aws:bedrock:us-east-1:111122223333:inference-profile/global.${SONNET_4_5}`), 'global');
    assert.equal(quotaRoutingOf(SONNET_4_5), 'on-demand');
    assert.equal(quotaRoutingOf(`arn:aws:bedrock:ap-northeast-1::foundation-model/${SONNET_4_5}`), 'on-demand');
  });

  it('strips a [1m] suffix', () => {
    assert.equal(quotaRoutingOf(`global.${SONNET_4_5}[1m]`), 'global');
    assert.equal(quotaRoutingOf(`jp.${SONNET_4_5}[1m]`), 'cross-region');
    assert.equal(quotaRoutingOf(`${SONNET_4_5}[1M]`), 'on-demand');
  });

  it('cannot tell an application profile or a non-ID', () => {
    assert.equal(quotaRoutingOf(APPLICATION_ARN), undefined);
    assert.equal(quotaRoutingOf(''), undefined);
    assert.equal(quotaRoutingOf('sonnet'), undefined);
  });
});

describe('parseQuotaName', () => {
  const MODEL_NEW = 'Anthropic Claude Sonnet 4.5 V1';
  const MODEL_OLD = 'Anthropic Claude Sonnet 4.5';
  const cases: readonly [string, string, string, boolean, string][] = [
    // name, measure, routing, longContext, modelName
    [`Cross-region model inference tokens per minute for ${MODEL_NEW}`, 'tokens-per-minute', 'cross-region', false, MODEL_NEW],
    [`Cross-region model inference requests per minute for ${MODEL_NEW}`, 'requests-per-minute', 'cross-region', false, MODEL_NEW],
    [`Global cross-region model inference tokens per minute for ${MODEL_NEW}`, 'tokens-per-minute', 'global', false, MODEL_NEW],
    [`Global cross-region model inference requests per minute for ${MODEL_NEW}`, 'requests-per-minute', 'global', false, MODEL_NEW],
    [`On-demand model inference tokens per minute for ${MODEL_NEW}`, 'tokens-per-minute', 'on-demand', false, MODEL_NEW],
    [`On-demand model inference requests per minute for ${MODEL_NEW}`, 'requests-per-minute', 'on-demand', false, MODEL_NEW],
    [`Model invocation max tokens per day for ${MODEL_NEW} (doubled for cross-region calls)`, 'tokens-per-day', 'on-demand', false, MODEL_NEW],
    [`Cross-region model inference tokens per minute for ${MODEL_NEW} 1M Context Length`, 'tokens-per-minute', 'cross-region', true, MODEL_NEW],
    [`Cross-region model inference requests per minute for ${MODEL_NEW} 1M Context Length`, 'requests-per-minute', 'cross-region', true, MODEL_NEW],
    [`Global cross-region model inference tokens per minute for ${MODEL_NEW} 1M Context Length`, 'tokens-per-minute', 'global', true, MODEL_NEW],
    [`Global cross-region model inference requests per minute for ${MODEL_NEW} 1M Context Length`, 'requests-per-minute', 'global', true, MODEL_NEW],
    [`On-demand model inference tokens per minute for ${MODEL_NEW} 1M Context Length`, 'tokens-per-minute', 'on-demand', true, MODEL_NEW],
    [`On-demand model inference requests per minute for ${MODEL_NEW} 1M Context Length`, 'requests-per-minute', 'on-demand', true, MODEL_NEW],
    [`Model invocation max tokens per day for ${MODEL_NEW} 1M Context Length (doubled for cross-region calls)`, 'tokens-per-day', 'on-demand', true, MODEL_NEW],
    [`Cross-Region InvokeModel tokens per minute for ${MODEL_OLD}`, 'tokens-per-minute', 'cross-region', false, MODEL_OLD],
    [`Cross-Region InvokeModel requests per minute for ${MODEL_OLD}`, 'requests-per-minute', 'cross-region', false, MODEL_OLD],
    [`Global Cross-Region InvokeModel tokens per minute for ${MODEL_OLD}`, 'tokens-per-minute', 'global', false, MODEL_OLD],
    [`Global Cross-Region InvokeModel requests per minute for ${MODEL_OLD}`, 'requests-per-minute', 'global', false, MODEL_OLD],
    [`On-demand InvokeModel tokens per minute for ${MODEL_OLD}`, 'tokens-per-minute', 'on-demand', false, MODEL_OLD],
    [`On-demand InvokeModel requests per minute for ${MODEL_OLD}`, 'requests-per-minute', 'on-demand', false, MODEL_OLD],
    [`Max tokens per day for ${MODEL_OLD}`, 'tokens-per-day', 'on-demand', false, MODEL_OLD],
    [`Cross-Region InvokeModel tokens per minute for ${MODEL_OLD} (1M context length)`, 'tokens-per-minute', 'cross-region', true, MODEL_OLD],
    [`Cross-Region InvokeModel requests per minute for ${MODEL_OLD} (1M context length)`, 'requests-per-minute', 'cross-region', true, MODEL_OLD],
    [`Global Cross-Region InvokeModel tokens per minute for ${MODEL_OLD} (1M context length)`, 'tokens-per-minute', 'global', true, MODEL_OLD],
    [`Global Cross-Region InvokeModel requests per minute for ${MODEL_OLD} (1M context length)`, 'requests-per-minute', 'global', true, MODEL_OLD],
    [`On-demand InvokeModel tokens per minute for ${MODEL_OLD} (1M context length)`, 'tokens-per-minute', 'on-demand', true, MODEL_OLD],
    [`On-demand InvokeModel requests per minute for ${MODEL_OLD} (1M context length)`, 'requests-per-minute', 'on-demand', true, MODEL_OLD],
    [`Max tokens per day for ${MODEL_OLD} (1M context length)`, 'tokens-per-day', 'on-demand', true, MODEL_OLD],
    // Case and spacing do not matter.
    [`  GLOBAL CROSS-REGION MODEL INFERENCE TOKENS PER MINUTE FOR ANTHROPIC CLAUDE SONNET 4.5 V1  `, 'tokens-per-minute', 'global', false, 'ANTHROPIC CLAUDE SONNET 4.5 V1'],
    ['on-demand   invokemodel requests per minute for anthropic claude 3.5 sonnet v2', 'requests-per-minute', 'on-demand', false, 'anthropic claude 3.5 sonnet v2'],
    ['cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 1m context length', 'tokens-per-minute', 'cross-region', true, MODEL_NEW],
  ];

  for (const [name, measure, routing, longContext, modelName] of cases) {
    it(`reads "${name.trim()}"`, () => {
      assert.deepEqual(parseQuotaName(name), { measure, routing, longContext, modelName });
    });
  }

  it('rejects quotas that are not TPM, RPM or tokens per day of Claude inference', () => {
    for (const name of [
      'Model units per provisioned model for Anthropic Claude Sonnet 4.5',
      'Model units no-commitment Provisioned Throughputs across base models',
      'Batch inference input file size (in GB) for Claude Sonnet 4.5',
      'Batch inference job size (in GB) for Anthropic Claude Sonnet 4.5 V1',
      'Records per batch inference job for Claude Sonnet 4.5',
      'Minimum number of records per batch inference job for Claude Sonnet 4.5',
      'Concurrent model import jobs',
      'Concurrent invocations for Anthropic Claude Sonnet 4.5',
      'On-demand latency-optimized model inference tokens per minute for Anthropic Claude 3.5 Haiku',
      'APIs per Agent',
      'Agents per account',
      'Knowledge bases per account',
      'Concurrent ingestion jobs per knowledge base',
      'Cross-region model inference tokens per minute for Amazon Nova Pro',
      'On-demand model inference requests per minute for Amazon Titan Text Embeddings V2',
      'Model invocation max tokens per day for Amazon Nova Premier V1 (doubled for cross-region calls)',
      'Global on-demand model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1',
      'Cross-region model inference tokens per second for Anthropic Claude Sonnet 4.5 V1',
      'Cross-region model inference tokens per minute for ',
      '',
    ]) {
      assert.equal(parseQuotaName(name), undefined, name);
    }
  });
});

describe('quotaNameMatchesModel', () => {
  it('matches the known model in both naming styles and regardless of case', () => {
    for (const name of ['Anthropic Claude Sonnet 4.5 V1', 'Anthropic Claude Sonnet 4.5', 'Claude Sonnet 4.5', 'anthropic claude sonnet 4.5 v1', 'Anthropic Claude Sonnet 4.5 V1 1M Context Length']) {
      assert.ok(quotaNameMatchesModel(name, SONNET_4_5), name);
    }
    assert.ok(quotaNameMatchesModel('Anthropic Claude Opus 4.6 V1', 'anthropic.claude-opus-4-6-v1'));
    assert.ok(quotaNameMatchesModel('Anthropic Claude 3.7 Sonnet V1', 'anthropic.claude-3-7-sonnet-20250219-v1:0'));
    assert.ok(quotaNameMatchesModel('Anthropic Claude 3 Haiku', 'anthropic.claude-3-haiku-20240307-v1:0'));
  });

  it('does not confuse Sonnet 4 with Sonnet 4.5, nor families, nor a name without a version', () => {
    assert.ok(quotaNameMatchesModel('Anthropic Claude Sonnet 4 V1', SONNET_4));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude Sonnet 4 V1', SONNET_4_5));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude Sonnet 4.5 V1', SONNET_4));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude Haiku 4.5 V1', SONNET_4_5));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude Opus 4.5 V1', SONNET_4_5));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude 3.5 Sonnet', SONNET_4_5));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude Sonnet', SONNET_4_5));
    assert.ok(!quotaNameMatchesModel('Amazon Nova Pro', SONNET_4_5));
  });

  it('requires the same extra words, and reads the old unnumbered models', () => {
    const HAIKU_3_5 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
    assert.ok(quotaNameMatchesModel('Anthropic Claude 3.5 Haiku', HAIKU_3_5));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude 3.5 Haiku Latency Optimized', HAIKU_3_5));
    assert.ok(quotaNameMatchesModel('Anthropic Claude Instant V1', 'anthropic.claude-instant-v1'));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude V2', 'anthropic.claude-instant-v1'));
    assert.ok(quotaNameMatchesModel('Anthropic Claude V2', 'anthropic.claude-v2'));
    assert.ok(quotaNameMatchesModel('Anthropic Claude V2.1', 'anthropic.claude-v2:1'));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude V2', 'anthropic.claude-v2:1'));
  });

  it('tells Claude 3.5 Sonnet from Claude 3.5 Sonnet V2', () => {
    assert.ok(quotaNameMatchesModel('Anthropic Claude 3.5 Sonnet', SONNET_3_5));
    assert.ok(quotaNameMatchesModel('Anthropic Claude 3.5 Sonnet V1', SONNET_3_5));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude 3.5 Sonnet V2', SONNET_3_5));
    assert.ok(quotaNameMatchesModel('Anthropic Claude 3.5 Sonnet V2', SONNET_3_5_V2));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude 3.5 Sonnet', SONNET_3_5_V2));
  });

  it('works for models the tables do not know yet', () => {
    assert.ok(quotaNameMatchesModel('Anthropic Claude Sonnet 5 V1', SONNET_5));
    assert.ok(quotaNameMatchesModel('Claude Opus 4.7', 'anthropic.claude-opus-4-7'));
    assert.ok(quotaNameMatchesModel('Anthropic Claude Opus 4.7 V1', 'anthropic.claude-opus-4-7'));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude Opus 4.7 V1', 'anthropic.claude-opus-4-8'));
    assert.ok(!quotaNameMatchesModel('Anthropic Claude Sonnet 5 V1', 'anthropic.claude-opus-5'));
    assert.ok(quotaNameMatchesModel('Anthropic Claude Haiku 5.1 V1', 'anthropic.claude-haiku-5-1-20270101-v1:0'));
  });
});

describe('matchModelQuotas', () => {
  const SONNET_4_5_LISTING = listingOf({
    applied: [
      record('L-F4DDD3EB', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', 400_000, false),
      record('L-27C57EE8', 'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', 2_000_000),
    ],
    defaults: [
      record('L-F4DDD3EB', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', 200_000, true),
      record('L-4A6BFAB1', 'Cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1', 200, false),
      record('L-27C57EE8', 'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', 1_000_000),
      record('L-DB84CE56', 'Global cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1', 500),
      record('L-58BE175A', 'Cross-region model inference tokens per minute for Anthropic Claude Haiku 4.5 V1', 300_000),
      record('L-AAAA0001', 'Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 (doubled for cross-region calls)', 144_000_000),
      record('L-AAAA0002', 'Model units per provisioned model for Anthropic Claude Sonnet 4.5', 3),
    ],
  });

  it('finds the known codes of every routing, applied value over default', () => {
    const model = only(matchModelQuotas([`jp.${SONNET_4_5}`], SONNET_4_5_LISTING));
    assert.equal(model.modelId, `jp.${SONNET_4_5}`);
    assert.equal(model.baseModelId, SONNET_4_5);
    assert.equal(model.routing, 'cross-region');
    assert.deepEqual(codes(model), [
      'global/tokens-per-minute=L-27C57EE8',
      'global/requests-per-minute=L-DB84CE56',
      'global/tokens-per-day=L-AAAA0001',
      'cross-region/tokens-per-minute=L-F4DDD3EB',
      'cross-region/requests-per-minute=L-4A6BFAB1',
      'cross-region/tokens-per-day=L-AAAA0001',
      'on-demand/tokens-per-day=L-AAAA0001',
    ]);
    const tpm = ownQuota(model, 'tokens-per-minute')!;
    assert.equal(tpm.code, 'L-F4DDD3EB');
    assert.equal(tpm.value, 400_000);
    assert.equal(tpm.defaultValue, 200_000);
    assert.equal(tpm.adjustable, false, 'adjustable comes from the applied record');
    assert.equal(tpm.matchedBy, 'code');
    assert.equal(tpm.name, 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1');
    assert.deepEqual(tpm.pending, []);
    const rpm = ownQuota(model, 'requests-per-minute')!;
    assert.equal(rpm.value, 200, 'default value when nothing is applied');
    assert.equal(rpm.defaultValue, 200);
    assert.equal(rpm.adjustable, false, 'adjustable from the default when nothing is applied');
    assert.equal(quotaFor(model, 'global', 'tokens-per-minute')?.value, 2_000_000);
    assert.equal(quotaFor(model, 'on-demand', 'tokens-per-minute'), undefined);
  });

  it('attaches the shared tokens-per-day quota to every routing, matched by name', () => {
    const [jp, global, bare] = matchModelQuotas([`jp.${SONNET_4_5}`, `global.${SONNET_4_5}`, SONNET_4_5], SONNET_4_5_LISTING);
    for (const model of [jp!, global!, bare!]) {
      const day = ownQuota(model, 'tokens-per-day');
      assert.equal(day?.code, 'L-AAAA0001', model.modelId);
      assert.equal(day?.routing, model.routing);
      assert.equal(day?.matchedBy, 'name');
      assert.equal(day?.value, 144_000_000);
    }
    assert.equal(ownQuota(global!, 'tokens-per-minute')?.code, 'L-27C57EE8');
    assert.equal(ownQuota(bare!, 'tokens-per-minute'), undefined);
  });

  it('does not attach a Haiku code or a provisioned-throughput quota to Sonnet', () => {
    const model = only(matchModelQuotas([`global.${SONNET_4_5}`], SONNET_4_5_LISTING));
    assert.ok(!model.quotas.some((quota) => quota.code === 'L-58BE175A' || quota.code === 'L-AAAA0002'));
    const haiku = only(matchModelQuotas([`jp.${HAIKU_4_5}`], SONNET_4_5_LISTING));
    assert.deepEqual(codes(haiku), ['cross-region/tokens-per-minute=L-58BE175A']);
  });

  it('trusts a known code over a listed name that says another model', () => {
    const listing = listingOf({ defaults: [record('L-F4DDD3EB', 'Cross-region model inference tokens per minute for Anthropic Claude Haiku 4.5 V1', 200_000)] });
    const [sonnet, haiku] = matchModelQuotas([`us.${SONNET_4_5}`, `us.${HAIKU_4_5}`], listing);
    assert.deepEqual(codes(sonnet!), ['cross-region/tokens-per-minute=L-F4DDD3EB']);
    assert.equal(sonnet!.quotas[0]!.matchedBy, 'code');
    assert.deepEqual(codes(haiku!), []);
  });

  it('trusts the table over the name for measure and routing of a known code', () => {
    const listing = listingOf({ defaults: [record('L-DB84CE56', 'On-demand model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', 500)] });
    const model = only(matchModelQuotas([`global.${SONNET_4_5}`], listing));
    assert.deepEqual(codes(model), ['global/requests-per-minute=L-DB84CE56']);
  });

  it('finds quotas by name for a model the tables do not know', () => {
    const listing = listingOf({
      defaults: [
        record('L-50000001', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 5 V1', 100_000),
        record('L-50000002', 'Cross-region model inference requests per minute for Anthropic Claude Sonnet 5 V1', 50),
        record('L-50000003', 'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 5 V1', 500_000),
        record('L-50000004', 'Global cross-region model inference requests per minute for Anthropic Claude Sonnet 5 V1', 250),
        record('L-50000005', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 5 V1 1M Context Length', 40_000),
        record('L-50000006', 'Model units per provisioned model for Anthropic Claude Sonnet 5 V1', 1),
        record('L-50000007', 'Records per batch inference job for Claude Sonnet 5', 50_000),
        record('L-50000008', 'Cross-region model inference tokens per minute for Anthropic Claude Opus 5 V1', 90_000),
      ],
    });
    const model = only(matchModelQuotas([`us.${SONNET_5}`], listing));
    assert.equal(model.baseModelId, SONNET_5);
    assert.deepEqual(codes(model), [
      'global/tokens-per-minute=L-50000003',
      'global/requests-per-minute=L-50000004',
      'cross-region/tokens-per-minute=L-50000001',
      'cross-region/tokens-per-minute/1m=L-50000005',
      'cross-region/requests-per-minute=L-50000002',
    ]);
    assert.ok(model.quotas.every((quota) => quota.matchedBy === 'name'));
    assert.ok(model.quotas.every((quota) => quota.defaultValue === quota.value));
  });

  it('finds old and new names of one model under different codes', () => {
    const listing = listingOf({
      applied: [record('L-40000001', 'Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 4', 150_000)],
      defaults: [
        record('L-40000001', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4 V1', 100_000),
        record('L-40000002', 'Cross-region model inference requests per minute for Anthropic Claude Sonnet 4 V1', 100),
        record('L-40000003', 'Global Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 4', 300_000),
        record('L-40000004', 'Max tokens per day for Anthropic Claude Sonnet 4', 72_000_000),
        record('L-40000005', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4 V1', 80_000),
      ],
    });
    const model = only(matchModelQuotas([`apac.${SONNET_4}`], listing));
    assert.deepEqual(codes(model), [
      'global/tokens-per-minute=L-40000003',
      'global/tokens-per-day=L-40000004',
      'cross-region/tokens-per-minute=L-40000005',
      'cross-region/tokens-per-minute=L-40000001',
      'cross-region/requests-per-minute=L-40000002',
      'cross-region/tokens-per-day=L-40000004',
      'on-demand/tokens-per-day=L-40000004',
    ]);
    const old = model.quotas.find((quota) => quota.code === 'L-40000001')!;
    assert.equal(old.value, 150_000);
    assert.equal(old.defaultValue, 100_000);
    assert.equal(old.name, 'Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 4');
    // Two name-matched quotas of one slot: the tighter one throttles first.
    assert.equal(ownQuota(model, 'tokens-per-minute')?.code, 'L-40000005');
  });

  it('keeps Sonnet 4 and Sonnet 4.5 apart, and 3.5 Sonnet apart from 3.5 Sonnet V2', () => {
    const listing = listingOf({
      defaults: [
        record('L-40000001', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4 V1', 100_000),
        record('L-45000001', 'On-demand model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', 10_000),
        record('L-35000001', 'On-demand InvokeModel tokens per minute for Anthropic Claude 3.5 Sonnet', 20_000),
        record('L-35000002', 'On-demand InvokeModel tokens per minute for Anthropic Claude 3.5 Sonnet V2', 30_000),
      ],
    });
    const [sonnet4, sonnet45, sonnet35, sonnet35v2] = matchModelQuotas([`us.${SONNET_4}`, SONNET_4_5, SONNET_3_5, SONNET_3_5_V2], listing);
    assert.deepEqual(codes(sonnet4!), ['cross-region/tokens-per-minute=L-40000001']);
    assert.deepEqual(codes(sonnet45!), ['on-demand/tokens-per-minute=L-45000001']);
    assert.deepEqual(codes(sonnet35!), ['on-demand/tokens-per-minute=L-35000001']);
    assert.deepEqual(codes(sonnet35v2!), ['on-demand/tokens-per-minute=L-35000002']);
  });

  it('lists open requests for the code only, newest first', () => {
    const request = (id: string, code: string, status: string, created?: number): QuotaRequestRecord => ({
      id,
      code,
      desiredValue: 1_000_000,
      status,
      ...(created === undefined ? {} : { created }),
    });
    const listing = listingOf({
      defaults: [record('L-F4DDD3EB', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', 200_000)],
      requests: [
        request('r-old', 'L-F4DDD3EB', 'PENDING', 1_000),
        request('r-approved', 'L-F4DDD3EB', 'APPROVED', 5_000),
        request('r-new', 'L-F4DDD3EB', 'CASE_OPENED', 3_000),
        request('r-denied', 'L-F4DDD3EB', 'DENIED', 4_000),
        request('r-other', 'L-4A6BFAB1', 'PENDING', 6_000),
        request('r-undated', 'L-F4DDD3EB', 'PENDING'),
        request('r-closed', 'L-F4DDD3EB', 'CASE_CLOSED', 7_000),
      ],
    });
    const model = only(matchModelQuotas([`jp.${SONNET_4_5}`], listing));
    assert.deepEqual(
      ownQuota(model, 'tokens-per-minute')!.pending.map((pending) => pending.id),
      ['r-new', 'r-old', 'r-undated'],
    );
  });

  it('keeps the order of the configured IDs and lists each once', () => {
    const models = matchModelQuotas([`global.${SONNET_4_5}`, `jp.${HAIKU_4_5}`, `global.${SONNET_4_5}`, SONNET_4_5], SONNET_4_5_LISTING);
    assert.deepEqual(
      models.map((model) => model.modelId),
      [`global.${SONNET_4_5}`, `jp.${HAIKU_4_5}`, SONNET_4_5],
    );
  });

  it('cannot see into an application profile', () => {
    const model = only(matchModelQuotas([APPLICATION_ARN], SONNET_4_5_LISTING));
    assert.equal(model.modelId, APPLICATION_ARN);
    assert.equal(model.routing, undefined);
    assert.equal(model.baseModelId, undefined);
    assert.deepEqual(model.quotas, []);
    assert.equal(ownQuota(model, 'tokens-per-minute'), undefined);
  });

  it('returns no quotas when the listing has none', () => {
    const model = only(matchModelQuotas([`jp.${SONNET_4_5}`], listingOf({})));
    assert.equal(model.routing, 'cross-region');
    assert.equal(model.baseModelId, SONNET_4_5);
    assert.deepEqual(model.quotas, []);
    assert.deepEqual(matchModelQuotas([], SONNET_4_5_LISTING), []);
  });

  describe('1M context', () => {
    const listing = listingOf({
      defaults: [
        record('L-F4DDD3EB', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', 200_000),
        record('L-4A6BFAB1', 'Cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1', 200),
        record('L-27C57EE8', 'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', 1_000_000),
        record('L-1A000001', 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 1M Context Length', 50_000),
        record('L-1A000002', 'Global Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 4.5 (1M context length)', 100_000),
      ],
    });

    it('includes standard and 1M quotas, and the [1m] ID picks the 1M variant of its own routing', () => {
      const [long, standard] = matchModelQuotas([`jp.${SONNET_4_5}[1m]`, `jp.${SONNET_4_5}`], listing);
      assert.equal(long!.baseModelId, SONNET_4_5);
      assert.equal(long!.routing, 'cross-region');
      assert.deepEqual(codes(long!), [
        'global/tokens-per-minute=L-27C57EE8',
        'global/tokens-per-minute/1m=L-1A000002',
        'cross-region/tokens-per-minute=L-F4DDD3EB',
        'cross-region/tokens-per-minute/1m=L-1A000001',
        'cross-region/requests-per-minute=L-4A6BFAB1',
      ]);
      assert.equal(ownQuota(long!, 'tokens-per-minute')?.code, 'L-1A000001');
      assert.equal(ownQuota(long!, 'tokens-per-minute', { longContext: false })?.code, 'L-F4DDD3EB');
      assert.equal(ownQuota(standard!, 'tokens-per-minute')?.code, 'L-F4DDD3EB');
      assert.equal(ownQuota(standard!, 'tokens-per-minute', { longContext: true })?.code, 'L-1A000001');
    });

    it('falls back to the standard quota when no 1M variant is listed', () => {
      const long = only(matchModelQuotas([`jp.${SONNET_4_5}[1m]`], listing));
      assert.equal(ownQuota(long, 'requests-per-minute')?.code, 'L-4A6BFAB1');
      assert.equal(quotaFor(long, 'global', 'tokens-per-minute', true)?.code, 'L-1A000002');
      assert.equal(quotaFor(long, 'global', 'tokens-per-minute')?.code, 'L-27C57EE8');
      assert.equal(quotaFor(long, 'global', 'requests-per-minute', true), undefined);
    });
  });
});

describe('quotasForDisplay', () => {
  it('lists the day quota once, in the model\'s own routing, and keeps every rate quota', () => {
    const listing: QuotaListing = {
      region: 'ap-northeast-1',
      applied: [
        { code: 'L-F4DDD3EB', name: 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', value: 200_000, adjustable: true },
        { code: 'L-27C57EE8', name: 'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', value: 400_000, adjustable: true },
        { code: 'L-DAY00001', name: 'Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 (doubled for cross-region calls)', value: 288_000_000, adjustable: false },
      ],
      defaults: [],
      requests: [],
    };
    const [model] = matchModelQuotas(['jp.anthropic.claude-sonnet-4-5-20250929-v1:0'], listing);
    assert.equal(model!.quotas.filter((quota) => quota.code === 'L-DAY00001').length, 3, 'matched once per routing');
    const shown = quotasForDisplay(model!);
    assert.deepEqual(shown.filter((quota) => quota.code === 'L-DAY00001').map((quota) => quota.routing), ['cross-region']);
    assert.deepEqual(shown.filter((quota) => quota.measure === 'tokens-per-minute').map((quota) => quota.code).sort(), ['L-27C57EE8', 'L-F4DDD3EB']);
  });
});

// The verdict on one model from the evidence of its checks: only a probe proves access, read-only
// checks that could not run only warn, and one cause gives one diagnosis.
import assert from 'node:assert/strict';
import type { Diagnosis } from '../../src/core/models/bedrockTypes';
import { assessAccess, type AccessEvidence } from '../../src/core/models/modelAccess';

const JP = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const base: AccessEvidence = { modelId: JP, region: 'ap-northeast-1', scope: 'jp', probed: false, diagnoses: [] };
const diagnosis = (code: Diagnosis['code'], operation: string, severity: Diagnosis['severity'] = 'error'): Diagnosis => ({ code, operation, severity });
const probe = { modelId: JP, latencyMs: 300, inputTokens: 9, outputTokens: 1 };

describe('assessAccess', () => {
  it('is unverified without a probe, however clean the control plane', () => {
    assert.equal(assessAccess(base).state, 'unverified');
  });

  it('is accessible only with a probe result', () => {
    assert.equal(assessAccess({ ...base, probed: true, probe }).state, 'accessible');
  });

  it('is not accessible when a check found a cause', () => {
    const report = assessAccess({ ...base, diagnoses: [diagnosis('model-access-not-granted', 'GetFoundationModelAvailability')] });
    assert.equal(report.state, 'not-accessible');
  });

  it('only warns when a read-only check was denied to us, and fails when the probe was', () => {
    const readOnly = assessAccess({ ...base, diagnoses: [diagnosis('iam-denied', 'GetFoundationModelAvailability')] });
    assert.equal(readOnly.state, 'unverified');
    assert.equal(readOnly.diagnoses[0]!.severity, 'warning');
    const invoke = assessAccess({ ...base, probed: true, diagnoses: [diagnosis('iam-denied', 'Converse')] });
    assert.equal(invoke.state, 'not-accessible');
  });

  it('treats a probe that timed out as proving nothing either way', () => {
    const report = assessAccess({ ...base, probed: true, diagnoses: [diagnosis('timeout', 'Converse')] });
    assert.equal(report.state, 'unverified');
    assert.equal(report.diagnoses[0]!.severity, 'warning');
  });

  it('routes a profile by its ARNs, a bare ID to its region, and an unreadable profile nowhere', () => {
    const profile = {
      id: JP,
      arn: 'arn',
      name: 'JP',
      type: 'SYSTEM_DEFINED' as const,
      status: 'ACTIVE',
      modelArns: ['arn:aws:bedrock:ap-northeast-3::foundation-model/x', 'arn:aws:bedrock:ap-northeast-1::foundation-model/x'],
    };
    assert.deepEqual(assessAccess({ ...base, inferenceProfile: profile }).destinations, ['ap-northeast-1', 'ap-northeast-3']);
    assert.deepEqual(assessAccess({ ...base, scope: 'in-region' }).destinations, ['ap-northeast-1']);
    assert.deepEqual(assessAccess(base).destinations, []);
  });

  it('keeps one diagnosis per cause', () => {
    const lookup = diagnosis('model-not-in-region', 'GetInferenceProfile');
    const runtime = diagnosis('invalid-identifier', 'Converse');
    const availability = diagnosis('model-not-in-region', 'GetFoundationModelAvailability');
    assert.deepEqual(
      assessAccess({ ...base, probed: true, diagnoses: [lookup, runtime] }).diagnoses.map((d) => d.code),
      ['invalid-identifier'],
    );
    assert.deepEqual(
      assessAccess({ ...base, probed: true, diagnoses: [lookup, availability, runtime] }).diagnoses.map((d) => `${d.code}/${d.operation}`),
      ['model-not-in-region/GetFoundationModelAvailability'],
    );
  });

  it('says the same cause once, naming the ID the user chose', () => {
    const onBase = { ...diagnosis('model-access-not-granted', 'GetFoundationModelAvailability'), modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0' };
    const onProfile = { ...diagnosis('model-access-not-granted', 'Converse'), modelId: JP };
    const report = assessAccess({ ...base, probed: true, diagnoses: [onBase, onProfile, diagnosis('throttled', 'GetInferenceProfile', 'warning')] });
    assert.deepEqual(
      report.diagnoses.map((d) => `${d.code}/${d.modelId ?? ''}`),
      // Listed in call order (the profile lookup first), whatever order they arrived in.
      ['throttled/', `model-access-not-granted/${JP}`],
    );
  });
});

describe('assessAccess: three states, each failure once, in a stable order', () => {
  const denied = (action: string, operation: string): Diagnosis => ({ code: 'iam-denied', operation, severity: 'error', deniedAction: action, region: 'ap-northeast-1' });
  const serverError = (operation: string): Diagnosis => ({ code: 'unknown', operation, severity: 'error', awsCode: 'InternalServerException', region: 'ap-northeast-1' });

  it('keeps two refused IAM actions as two diagnoses naming two actions', () => {
    const report = assessAccess({ ...base, diagnoses: [denied('bedrock:GetFoundationModelAvailability', 'GetFoundationModelAvailability'), denied('bedrock:GetInferenceProfile', 'GetInferenceProfile')] });
    assert.deepEqual(report.diagnoses.map((d) => d.deniedAction), ['bedrock:GetInferenceProfile', 'bedrock:GetFoundationModelAvailability']);
    assert.equal(report.verification, 'not-verified');
  });

  it('keeps the same code from two failed calls as two diagnoses, and is not verified', () => {
    const report = assessAccess({ ...base, diagnoses: [serverError('GetFoundationModelAvailability'), serverError('GetInferenceProfile')] });
    assert.deepEqual(report.diagnoses.map((d) => d.operation), ['GetInferenceProfile', 'GetFoundationModelAvailability']);
    assert.equal(report.verification, 'not-verified');
    assert.deepEqual(report.facts, { inferenceProfile: 'unread', availability: 'unread', probe: 'not-run' });
  });

  it('gives the same verdict and list for every arrival order', () => {
    const all = [serverError('GetInferenceProfile'), serverError('Converse'), denied('bedrock:GetFoundationModelAvailability', 'GetFoundationModelAvailability'), diagnosis('model-access-not-granted', 'Converse')];
    const permutations = (items: Diagnosis[]): Diagnosis[][] => (items.length <= 1 ? [items] : items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest])));
    const outcomes = new Set(permutations(all).map((order) => JSON.stringify(assessAccess({ ...base, probed: true, diagnoses: order }))));
    assert.equal(outcomes.size, 1);
    const report = assessAccess({ ...base, probed: true, diagnoses: all });
    assert.equal(report.verification, 'problem');
    assert.equal(report.blocking, true);
  });

  it('is ok by the control plane only when availability and the profile were read', () => {
    const availability = { modelId: 'anthropic.x', authorization: 'AUTHORIZED', agreement: 'AVAILABLE', entitlement: 'AVAILABLE', region: 'AVAILABLE' };
    const profile = { id: JP, arn: 'arn', name: 'JP', type: 'SYSTEM_DEFINED' as const, status: 'ACTIVE', modelArns: [] };
    const read = assessAccess({ ...base, availability, inferenceProfile: profile });
    assert.equal(read.verification, 'ok');
    assert.equal(read.verifiedBy, 'control-plane');
    // Nothing failed, but nothing was read either: not verified, never ok.
    assert.equal(assessAccess(base).verification, 'not-verified');
    assert.equal(assessAccess({ ...base, availability }).verification, 'not-verified');
    const probed = assessAccess({ ...base, probed: true, probe });
    assert.equal(probed.verification, 'ok');
    assert.equal(probed.verifiedBy, 'probe');
  });

  it('counts a throttled probe as a warning, not as unread: throttling proves access', () => {
    const availability = { modelId: 'anthropic.x', authorization: 'AUTHORIZED', agreement: 'AVAILABLE', entitlement: 'AVAILABLE', region: 'AVAILABLE' };
    const profile = { id: JP, arn: 'arn', name: 'JP', type: 'SYSTEM_DEFINED' as const, status: 'ACTIVE', modelArns: [] };
    const report = assessAccess({ ...base, availability, inferenceProfile: profile, probed: true, diagnoses: [diagnosis('throttled', 'Converse', 'warning')] });
    assert.equal(report.verification, 'problem');
    assert.equal(report.blocking, false);
  });
});

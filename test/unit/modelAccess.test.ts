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

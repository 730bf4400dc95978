import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { effectiveSetup } from '../../src/core/setup/effectiveSetup';
import { parsePolicyFile, POLICY_FILE_KEYS } from '../../src/core/policy/policyFile';
import { mergePolicies } from '../../src/core/policy/policyMerge';
import { withInvocationLogging } from '../../src/core/policy/policyLogging';
import { adminProblem } from '../../src/core/team/adminProblem';
import { diagnoseAwsError } from '../../src/core/models/diagnosis';
import { residencyOf, residencyProof } from '../../src/core/residency/residency';
import { inAvailableModels, intersectPatterns } from '../../src/core/policy/policyScopes';
import {
  checkChoices,
  compliantModelId,
  evaluatePolicy,
  modelVerdict,
  policyEnvKeys,
  profileVerdict,
  regionVerdict,
  residencyVerdict,
  scopeVerdict,
  writeScopeVerdict,
} from '../../src/core/policy/policyEvaluate';
import { planPolicyFixes } from '../../src/core/policy/policyFix';
import { judgePlan } from '../../src/core/policy/policyPlan';
import { withResidency } from '../../src/core/policy/policyResidency';
import { planSetup } from '../../src/core/setup/settingsPlan';
import { credentialKind, discoverProfiles } from '../../src/core/profiles/profiles';
import { policyProblemText, ruleText, sourceText, violationText } from '../../src/core/policy/policyText';
import { POLICY_TEXTS } from '../../src/core/policy/policyTextTable';
import type { EffectivePolicy, PolicyFileInput, PolicyViolation, PolicyViolationCode } from '../../src/core/policy/policyTypes';
import type { SettingsFiles } from '../../src/core/setup/settingsPlan';
import type { SettingsFileInput, SetupChoices, SetupPlan } from '../../src/core/setup/settingsTypes';

const FIXTURES = join(__dirname, '..', 'fixtures', 'policy');
const SCHEMAS = join(__dirname, '..', '..', 'schemas');

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const OPUS_46 = 'anthropic.claude-opus-4-6-v1';

const PATHS = {
  machine: '/etc/claude-bedrock/policy.json',
  team: '/w/.claude/bedrock-policy.json',
  project: '/w/.claude/settings.json',
  local: '/w/.claude/settings.local.json',
  user: '/home/u/.claude/settings.json',
} as const;

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, 'files', name), 'utf8');
}

function policyInput(source: 'machine' | 'team', file: string): PolicyFileInput {
  return { source, path: PATHS[source], text: fixture(file) };
}

type Settings = Record<string, unknown> & { env?: Record<string, string | null>; $base?: string };

interface Case {
  readonly name: string;
  readonly policies?: readonly { source: 'machine' | 'team'; file: string }[];
  readonly managed?: readonly { path: string; settings: Record<string, unknown> }[];
  readonly settings: Partial<Record<'project' | 'local' | 'user', Settings>>;
  readonly context?: { profileKind?: string; writeScope?: 'project' | 'local' | 'user' };
  readonly expect: readonly (Partial<Omit<PolicyViolation, 'fix' | 'origins'>> & { code: PolicyViolationCode; fix?: string | null; origins?: string[] })[];
}

const corpus = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as { bases: Record<string, Settings>; cases: Case[] };

/** A case's settings object: its `$base` with the case's env on top (`null` removes a key). */
function expand(settings: Settings): Record<string, unknown> {
  const { $base, env, ...rest } = settings;
  const base = $base === undefined ? {} : corpus.bases[$base]!;
  const merged: Record<string, string | null> = { ...(base.env ?? {}), ...(env ?? {}) };
  const cleaned = Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null));
  return { ...rest, ...(Object.keys(cleaned).length === 0 ? {} : { env: cleaned }) };
}

function caseFiles(testCase: Case): SettingsFiles {
  const file = (source: 'project' | 'local' | 'user'): SettingsFileInput => {
    const settings = testCase.settings[source];
    return { source, path: PATHS[source], ...(settings === undefined ? {} : { text: JSON.stringify(expand(settings), null, 2) + '\n' }) };
  };
  return {
    project: file('project'),
    local: file('local'),
    user: file('user'),
    managed: (testCase.managed ?? []).map((entry) => ({ source: 'managed', path: entry.path, text: JSON.stringify(entry.settings) })),
  };
}

function casePolicy(testCase: Case): EffectivePolicy {
  return mergePolicies(
    (testCase.policies ?? []).map((entry) => policyInput(entry.source, entry.file)),
    (testCase.managed ?? []).map((entry) => ({ path: entry.path, text: JSON.stringify(entry.settings) })),
  );
}

function list(files: SettingsFiles): SettingsFileInput[] {
  return [...files.managed, files.local!, files.project!, files.user];
}

function evaluateCase(testCase: Case): { policy: EffectivePolicy; files: SettingsFiles; violations: PolicyViolation[] } {
  const policy = casePolicy(testCase);
  assert.deepEqual(policy.problems, [], 'the corpus policies are valid');
  const files = caseFiles(testCase);
  const setup = effectiveSetup(list(files), { extraEnvKeys: policyEnvKeys(policy) });
  return { policy, files, violations: evaluatePolicy(setup, policy, testCase.context ?? {}) };
}

function ok(plan: SetupPlan): Extract<SetupPlan, { ok: true }> {
  assert.ok(plan.ok, `plan refused: ${JSON.stringify(plan)}`);
  return plan;
}

const JAPAN_TEAM = () => mergePolicies([policyInput('team', 'japan-only.json')], []);

const japanChoices: SetupChoices = {
  profile: 'sso-dev',
  ssoProfile: true,
  region: 'ap-northeast-1',
  primaryModel: `jp.${SONNET_45}`,
  backgroundModel: `jp.${HAIKU_45}`,
  opusModel: `jp.${OPUS_46}`,
  scope: 'project',
};


/** A team policy that requires invocation logging, as the file would say it. */
const LOGGING_POLICY = (): EffectivePolicy => mergePolicies([{ source: 'team', path: '/repo/.claude/bedrock-policy.json', text: JSON.stringify({ version: 1, requireInvocationLogging: true }) }], []);

describe('policy: the invocation-logging rule', () => {
  it('holds when machine or team requires it, is refused when not a boolean, and adds a violation only when logging is off or unread', () => {
    const machine = { source: 'machine' as const, path: '/etc/claude-bedrock/policy.json', text: JSON.stringify({ version: 1, requireInvocationLogging: true }) };
    const team = { source: 'team' as const, path: '/repo/.claude/bedrock-policy.json', text: JSON.stringify({ version: 1, requireInvocationLogging: false }) };
    const merged = mergePolicies([machine, team], []);
    assert.equal(merged.requireInvocationLogging?.value, true);
    assert.deepEqual(merged.sources.find((source) => source.source === 'machine')?.rules, ['requireInvocationLogging']);
    const broken = mergePolicies([{ ...team, text: JSON.stringify({ version: 1, requireInvocationLogging: 'yes' }) }], []);
    assert.equal(broken.requireInvocationLogging, undefined);
    assert.match(broken.problems[0]!.detail, /requireInvocationLogging/);
    assert.deepEqual(withInvocationLogging([], { region: 'ap-northeast-1', state: { state: 's3-only', bucketName: 'b' } }, merged), []);
    assert.deepEqual(withInvocationLogging([], { region: 'ap-northeast-1', state: { state: 'cloudwatch', logGroupName: 'g' } }, merged), []);
    const off = withInvocationLogging([], { region: 'ap-northeast-1', state: { state: 'off' } }, merged);
    assert.deepEqual(off.map((violation) => [violation.code, violation.value]), [['invocation-logging-off', 'ap-northeast-1']]);
    assert.match(violationText(off[0]!, 'en').title, /^Bedrock model invocation logging is off in .*ap-northeast-1/);
    assert.match(violationText(off[0]!, 'ja').title, /モデル呼び出しログがオフです$/);
    assert.deepEqual(withInvocationLogging([], { region: 'ap-northeast-1', state: { state: 'off' } }, mergePolicies([team], [])), [], 'a policy that does not require it adds nothing');
  });
});

describe('policy', () => {
  describe('policy files', () => {
    const problems = JSON.parse(readFileSync(join(FIXTURES, 'problems.json'), 'utf8')) as {
      file: string;
      source: 'machine' | 'team';
      problems: { code: string; line: number; column: number; detail: string }[];
    }[];
    for (const entry of problems) {
      it(`${entry.file}: ${entry.problems.map((problem) => problem.code).join(', ')} with line and column`, () => {
        const result = parsePolicyFile(fixture(entry.file), entry.source, `/p/${entry.file}`);
        assert.ok(!result.ok);
        assert.deepEqual(
          result.problems.map((problem) => [problem.code, problem.line, problem.column, problem.source, problem.path]),
          entry.problems.map((problem) => [problem.code, problem.line, problem.column, entry.source, `/p/${entry.file}`]),
        );
        result.problems.forEach((problem, index) => assert.ok(problem.detail.includes(entry.problems[index]!.detail), problem.detail));
      });
    }

    it('reads every valid corpus file, a leading byte-order mark included', () => {
      const valid = readdirSync(join(FIXTURES, 'files')).filter((name) => !name.startsWith('invalid-'));
      assert.ok(valid.length >= 5);
      for (const name of valid) assert.ok(parsePolicyFile(fixture(name), 'team', name).ok, name);
      assert.ok(parsePolicyFile(`\uFEFF${fixture('japan-only.json')}`, 'machine', 'bom').ok);
    });

    it('refuses a file that both requires and forbids a key, and an unknown key inside a rule', () => {
      const result = parsePolicyFile(JSON.stringify({ version: 1, requiredEnv: { A: '1' }, forbiddenEnv: ['A'], credentials: { sso: true } }, null, 2), 'team', 't');
      assert.ok(!result.ok);
      assert.deepEqual(result.problems.map((problem) => [problem.code, problem.line]), [['invalid', 7], ['invalid', 10]]);
    });
  });

  describe('merging sources', () => {
    it('machine over team: allow-lists intersect, limits take the smaller, the machine wins a conflicting env value', () => {
      const policy = mergePolicies([policyInput('team', 'team-tokyo.json'), policyInput('machine', 'machine-baseline.json')], []);
      const origins = (rule: { origins: readonly { source: string }[] } | undefined) => rule?.origins.map((origin) => origin.source);
      assert.deepEqual(policy.allowedRegions?.value, ['ap-northeast-1']);
      assert.deepEqual(origins(policy.allowedRegions), ['machine', 'team']);
      assert.deepEqual([policy.maxOutputTokens?.value, origins(policy.maxOutputTokens)], [32000, ['machine']]);
      assert.deepEqual(
        policy.requiredEnv.map((rule) => [rule.value.key, rule.value.value, origins(rule)]),
        [
          ['CLAUDE_CODE_ENABLE_TELEMETRY', '1', ['machine', 'team']],
          ['OTEL_METRICS_EXPORTER', 'otlp', ['machine']],
        ],
      );
      assert.deepEqual([policy.forbidStaticKeys?.value, origins(policy.forbidStaticKeys)], [true, ['machine']], 'a team cannot lift a prohibition');
      assert.deepEqual([policy.requireSso?.value, origins(policy.requireSso)], [true, ['team']]);
      assert.deepEqual([policy.allowUserScope?.value, origins(policy.allowUserScope)], [false, ['machine']]);
      assert.deepEqual(
        policy.sources.map((source) => [source.source, source.rules]),
        [
          ['machine', ['allowedRegions', 'forbidStaticKeys', 'maxOutputTokens', 'requiredEnv', 'forbiddenEnv', 'allowUserScope']],
          ['team', ['allowedRegions', 'requireSso', 'requiredEnv']],
        ],
      );
    });

    it('"japan" means Tokyo and Osaka; model prefixes intersect', () => {
      const policy = mergePolicies([policyInput('machine', 'team-models-narrow.json'), policyInput('team', 'models.json'), policyInput('team', 'japan-only.json')], []);
      assert.deepEqual(policy.dataResidency?.value, ['ap-northeast-1', 'ap-northeast-3']);
      assert.deepEqual(policy.allowedModels?.value, [SONNET_45, 'anthropic.claude-opus-4-6*']);
      assert.deepEqual(policy.allowedBackgroundModels?.value, []);
    });

    it('an invalid file contributes nothing and is reported; a missing file is not read', () => {
      const policy = mergePolicies([policyInput('machine', 'machine-baseline.json'), policyInput('team', 'invalid-unknown-rule.json'), { source: 'team', path: '/nowhere' }], []);
      assert.deepEqual(policy.allowedScopes, undefined, 'no rule from the broken team file');
      assert.deepEqual(policy.problems.map((problem) => [problem.source, problem.code, problem.line, problem.column]), [['team', 'invalid', 3, 3]]);
      assert.deepEqual(policy.sources.map((source) => [source.source, source.rules.length > 0]), [['machine', true], ['team', false]]);
      const v2 = mergePolicies([policyInput('team', 'invalid-version-2.json')], []);
      assert.deepEqual([v2.problems[0]?.code, v2.allowedScopes], ['version', undefined]);
      const unreadable = mergePolicies([{ source: 'machine', path: '/etc/p', unreadable: 'EACCES' }], []);
      assert.deepEqual(unreadable.problems.map((problem) => problem.code), ['unreadable']);
    });

    it('managed settings: pins become locks (a later drop-in wins), availableModels with its enforcement', () => {
      const policy = mergePolicies([], [
        { path: '/m/managed-settings.json', text: JSON.stringify({ env: { ANTHROPIC_MODEL: 'jp.a', AWS_REGION: 'ap-northeast-1', OTHER: 'x' }, availableModels: ['sonnet'] }) },
        { path: '/m/managed-settings.d/10.json', text: JSON.stringify({ env: { ANTHROPIC_MODEL: 'jp.b' }, enforceAvailableModels: true }) },
        { path: '/m/managed-settings.d/20.json' },
        { path: '/m/managed-settings.d/30.json', text: '{ "env": { ' },
      ]);
      assert.deepEqual(policy.locks, [
        { key: 'env.ANTHROPIC_MODEL', value: 'jp.b', path: '/m/managed-settings.d/10.json' },
        { key: 'env.AWS_REGION', value: 'ap-northeast-1', path: '/m/managed-settings.json' },
      ]);
      assert.deepEqual(policy.availableModels?.value, { models: ['sonnet'], enforced: true });
      assert.deepEqual(policy.problems.map((problem) => [problem.source, problem.code, problem.line]), [['managed', 'syntax', 1]]);
      assert.deepEqual(
        policy.sources.map((source) => [source.path, source.rules]),
        [
          ['/m/managed-settings.json', ['availableModels', 'managedLock']],
          ['/m/managed-settings.d/10.json', ['availableModels', 'managedLock']],
          ['/m/managed-settings.d/30.json', []],
        ],
      );
    });
  });

  describe('evaluation corpus', () => {
    assert.ok(corpus.cases.length >= 20);
    for (const testCase of corpus.cases) {
      it(testCase.name, () => {
        const { violations } = evaluateCase(testCase);
        const shown = JSON.stringify(violations, null, 1);
        assert.equal(violations.length, testCase.expect.length, shown);
        for (const expected of testCase.expect) {
          const found = violations.find((violation) => violation.code === expected.code && violation.key === expected.key && violation.source === expected.source);
          assert.ok(found, `${expected.code} ${expected.key ?? ''} ${expected.source ?? ''} not in ${shown}`);
          const fix = expected.fix === undefined ? undefined : expected.fix === null ? { key: found.key } : { key: found.key, value: expected.fix };
          assert.deepEqual(found.fix, fix, `fix of ${expected.code}`);
          if (expected.origins) assert.deepEqual(found.origins.map((origin) => origin.source), expected.origins);
          for (const field of ['outside', 'allowed', 'rule', 'value'] as const) if (expected[field] !== undefined) assert.deepEqual(found[field], expected[field], field);
          if (found.source !== undefined) assert.equal(found.path, PATHS[found.source as keyof typeof PATHS] ?? testCase.managed?.[0]?.path);
        }
      });
    }
  });

  describe('choices', () => {
    it('refuses a global. primary, an apac. background and a missing Opus pin under Japan-only, naming the replacements', () => {
      const violations = checkChoices({ ...japanChoices, primaryModel: `global.${SONNET_45}`, backgroundModel: `apac.${HAIKU_45}`, opusModel: undefined }, JAPAN_TEAM(), {});
      // The Region prefix the plan derives from the primary follows it: judged with the primary, not twice.
      assert.deepEqual(
        violations.map((violation) => [violation.code, violation.key, violation.fix?.value]),
        [
          ['scope-not-allowed', 'env.ANTHROPIC_MODEL', `jp.${SONNET_45}`],
          ['residency-outside', 'env.ANTHROPIC_MODEL', `jp.${SONNET_45}`],
          ['scope-not-allowed', 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', `jp.${HAIKU_45}`],
          ['residency-outside', 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', `jp.${HAIKU_45}`],
          ['pin-required', 'env.ANTHROPIC_DEFAULT_OPUS_MODEL', `jp.${OPUS_46}`],
        ],
      );
    });

    it('lets compliant choices through', () => {
      assert.deepEqual(checkChoices(japanChoices, JAPAN_TEAM(), { profileKind: 'sso' }), []);
    });

    it('reports a managed lock only when a choice differs from it, and counts a locked pin as set', () => {
      const managed = [{ path: '/m/managed-settings.json', text: JSON.stringify({ env: { ANTHROPIC_MODEL: `jp.${SONNET_45}`, ANTHROPIC_DEFAULT_OPUS_MODEL: `jp.${OPUS_46}` } }) }];
      const policy = mergePolicies([policyInput('team', 'japan-only.json')], managed);
      assert.deepEqual(checkChoices({ ...japanChoices, opusModel: undefined }, policy, {}), []);
      const differing = checkChoices({ ...japanChoices, primaryModel: 'jp.anthropic.claude-sonnet-4-6' }, policy, {});
      assert.deepEqual(
        differing.map((violation) => [violation.code, violation.key, violation.value, violation.fix?.value, violation.origins[0]?.path]),
        [['managed-lock', 'env.ANTHROPIC_MODEL', 'jp.anthropic.claude-sonnet-4-6', `jp.${SONNET_45}`, '/m/managed-settings.json']],
        'the Opus choice equals its lock: no violation',
      );
    });

    it('refuses static keys, a non-SSO profile, the user scope and a token limit above the policy', () => {
      const policy = mergePolicies([policyInput('machine', 'machine-baseline.json'), policyInput('team', 'team-tokyo.json')], []);
      const violations = checkChoices({ ...japanChoices, primaryModel: `global.${SONNET_45}`, ssoProfile: false, scope: 'user', maxOutputTokens: 64000 }, policy, { profileKind: 'static' });
      assert.deepEqual(violations.map((violation) => violation.code), ['max-output-tokens-too-high', 'static-keys-forbidden', 'sso-required', 'user-scope-forbidden']);
      assert.deepEqual(checkChoices({ ...japanChoices, ssoProfile: false, maxOutputTokens: 16000 }, mergePolicies([policyInput('team', 'team-tokyo.json')], []), {}).map((violation) => violation.code), ['sso-required']);
    });

    it('filters the wizard\'s choices and says why', () => {
      const policy = JAPAN_TEAM();
      assert.deepEqual(regionVerdict(policy, 'ap-northeast-3'), { allowed: true });
      const seoul = regionVerdict(policy, 'ap-northeast-2');
      assert.ok(!seoul.allowed && seoul.violation.code === 'region-not-allowed');
      const apac = scopeVerdict(policy, 'apac');
      assert.ok(!apac.allowed && apac.violation.code === 'scope-not-allowed');
      const residencyOnly = mergePolicies([policyInput('team', 'residency-only.json')], []);
      const apacResidency = scopeVerdict(residencyOnly, 'apac');
      assert.ok(!apacResidency.allowed && apacResidency.violation.code === 'residency-outside' && apacResidency.violation.outside?.includes('ap-northeast-2'));
      assert.ok(scopeVerdict(residencyOnly, 'jp').allowed && scopeVerdict(residencyOnly, 'in-region').allowed);
      assert.ok(!modelVerdict(residencyOnly, `global.${HAIKU_45}`, 'background').allowed);
      assert.ok(modelVerdict(residencyOnly, `jp.${SONNET_45}[1m]`, 'primary').allowed);
      const application = 'arn:aws:bedrock:ap-northeast-1:111122223333:application-inference-profile/abc';
      const unverified = modelVerdict(residencyOnly, application, 'primary');
      assert.ok(!unverified.allowed && unverified.violation.code === 'residency-unverified');
      assert.ok(residencyVerdict(residencyOnly, application, { destinations: ['ap-northeast-1', 'ap-northeast-3'], anyRegion: false }).allowed);
      assert.ok(!residencyVerdict(residencyOnly, application, { destinations: [], anyRegion: true }).allowed);
      const credentials = mergePolicies([policyInput('machine', 'machine-baseline.json'), policyInput('team', 'team-tokyo.json')], []);
      assert.ok(!profileVerdict(credentials, 'static').allowed && !profileVerdict(credentials, 'credential-process').allowed && profileVerdict(credentials, 'sso').allowed);
      assert.ok(!writeScopeVerdict(credentials, 'user').allowed && writeScopeVerdict(credentials, 'local').allowed);
      const models = mergePolicies([policyInput('team', 'models.json')], []);
      assert.ok(modelVerdict(models, `global.${HAIKU_45}`, 'background').allowed && !modelVerdict(models, `global.${SONNET_45}`, 'background').allowed);
    });

    it('judges a role by the start of its chain: sourced from SSO is SSO, from static keys is static keys', () => {
      const discovery = discoverProfiles({
        config: {
          path: '/home/u/.aws/config',
          text: [
            '[profile corp-sso]',
            'sso_session = corp',
            'sso_account_id = 111122223333',
            'sso_role_name = Dev',
            '[sso-session corp]',
            'sso_start_url = https://corp.awsapps.com/start',
            'sso_region = ap-northeast-1',
            '[profile role-from-sso]',
            'role_arn = arn:aws:iam::111122223333:role/Bedrock',
            'source_profile = corp-sso',
            '[profile role-from-role]',
            'role_arn = arn:aws:iam::111122223333:role/Other',
            'source_profile = role-from-sso',
            '[profile role-from-keys]',
            'role_arn = arn:aws:iam::111122223333:role/Bedrock',
            'source_profile = keys',
            '[profile role-from-env]',
            'role_arn = arn:aws:iam::111122223333:role/Bedrock',
            'credential_source = Environment',
            '[profile role-missing]',
            'role_arn = arn:aws:iam::111122223333:role/Bedrock',
            'source_profile = nowhere',
            '',
          ].join('\n'),
        },
        credentials: { path: '/home/u/.aws/credentials', text: '[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' },
        env: {},
        tokens: () => ({ state: 'missing' }),
        now: new Date('2026-11-22T00:00:00Z'),
      });
      const kind = (name: string) => credentialKind(discovery.profiles.find((profile) => profile.name === name)!);
      assert.deepEqual(
        ['role-from-sso', 'role-from-role', 'role-from-keys', 'role-from-env', 'role-missing', 'corp-sso', 'keys'].map(kind),
        ['sso', 'sso', 'static', 'assume-role', 'assume-role', 'sso', 'static'],
      );
      const requireSso = mergePolicies([policyInput('team', 'team-tokyo.json')], []);
      assert.equal(requireSso.requireSso?.value, true);
      assert.ok(profileVerdict(requireSso, kind('role-from-sso')).allowed, 'a role sourced from SSO signs in through SSO');
      assert.ok(!profileVerdict(requireSso, kind('role-from-keys')).allowed && !profileVerdict(requireSso, kind('role-from-env')).allowed);
      const noKeys = mergePolicies([policyInput('machine', 'machine-baseline.json')], []);
      assert.equal(noKeys.forbidStaticKeys?.value, true);
      const fromKeys = profileVerdict(noKeys, kind('role-from-keys'));
      assert.ok(!fromKeys.allowed && fromKeys.violation.code === 'static-keys-forbidden', 'a role sourced from static keys rests on them');
      assert.ok(profileVerdict(noKeys, kind('role-from-sso')).allowed);
      const choices: SetupChoices = { ...japanChoices, profile: 'role-from-keys', ssoProfile: false };
      assert.ok(checkChoices(choices, noKeys, { profileKind: kind('role-from-keys') }).some((violation) => violation.code === 'static-keys-forbidden' && violation.value === 'role-from-keys'));
    });

    it('matches Claude Code\'s availableModels entries and intersects allow-list prefixes', () => {
      assert.ok(inAvailableModels(['opus'], `jp.${OPUS_46}`) && !inAvailableModels(['sonnet'], `jp.${OPUS_46}`));
      assert.ok(inAvailableModels(['opus-4-5'], 'global.anthropic.claude-opus-4-5-20251101-v1:0') && !inAvailableModels(['opus-4-5'], 'global.anthropic.claude-opus-4-50'));
      assert.ok(inAvailableModels(['claude-sonnet-4-5'], `jp.${SONNET_45}[1m]`) && inAvailableModels([`jp.${SONNET_45}`], `jp.${SONNET_45}`));
      assert.deepEqual(intersectPatterns(['anthropic.claude-*'], ['anthropic.claude-opus-*', 'other.x']), ['anthropic.claude-opus-*']);
      assert.deepEqual(intersectPatterns([SONNET_45], ['anthropic.claude-haiku-*']), []);
    });

    it('names the compliant model ID: jp. first, the [1m] suffix kept, nothing for an application profile', () => {
      const policy = JAPAN_TEAM();
      assert.equal(compliantModelId(`global.${SONNET_45}[1m]`, policy), `jp.${SONNET_45}[1m]`);
      assert.equal(compliantModelId(`apac.${HAIKU_45}`, policy), `jp.${HAIKU_45}`);
      assert.equal(compliantModelId(`jp.${SONNET_45}`, policy), `jp.${SONNET_45}`);
      assert.equal(compliantModelId('arn:aws:bedrock:ap-northeast-1:111122223333:application-inference-profile/abc', policy), undefined);
      const us = mergePolicies([{ source: 'team', path: 't', text: JSON.stringify({ version: 1, allowedScopes: ['us', 'global'] }) }], []);
      assert.equal(compliantModelId(`apac.${SONNET_45}`, us), `us.${SONNET_45}`);
    });
  });

  describe('quick fixes', () => {
    it('edits each violating key in the file its value comes from, keeping style and other keys, never managed', () => {
      const project = JSON.stringify({ permissions: { allow: ['Bash(npm test)'] }, env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: `global.${SONNET_45}`, ANTHROPIC_BEDROCK_REGION_PREFIX: 'jp', NODE_ENV: 'dev' } }, null, 4).replace(/\n/g, '\r\n');
      const local = JSON.stringify({ env: { ANTHROPIC_DEFAULT_HAIKU_MODEL: `apac.${HAIKU_45}`, ANTHROPIC_API_KEY: 'placeholder' } });
      const user = JSON.stringify({ env: { ANTHROPIC_API_KEY: 'placeholder' } }, null, 2) + '\n';
      const files: SettingsFiles = {
        project: { source: 'project', path: PATHS.project, text: project },
        local: { source: 'local', path: PATHS.local, text: local },
        user: { source: 'user', path: PATHS.user, text: user },
        managed: [],
      };
      const policy = mergePolicies([policyInput('team', 'japan-only.json'), { source: 'machine', path: PATHS.machine, text: JSON.stringify({ version: 1, forbiddenEnv: ['ANTHROPIC_API_KEY'] }) }], []);
      const setup = effectiveSetup(list(files), { extraEnvKeys: policyEnvKeys(policy) });
      const violations = evaluatePolicy(setup, policy, {});
      const plan = ok(planPolicyFixes(files, violations));
      assert.deepEqual(plan.files.map((file) => file.source), ['project', 'local', 'user']);
      const projectPlan = plan.files[0]!;
      assert.ok(projectPlan.after.includes('\r\n    "permissions"'), 'CRLF and four spaces kept');
      const after = JSON.parse(projectPlan.after) as { env: Record<string, string> };
      assert.deepEqual(Object.keys(after.env), ['CLAUDE_CODE_USE_BEDROCK', 'AWS_REGION', 'ANTHROPIC_MODEL', 'ANTHROPIC_BEDROCK_REGION_PREFIX', 'NODE_ENV', 'ANTHROPIC_DEFAULT_OPUS_MODEL']);
      assert.equal(after.env.ANTHROPIC_MODEL, `jp.${SONNET_45}`);
      assert.equal(after.env.ANTHROPIC_DEFAULT_OPUS_MODEL, `jp.${OPUS_46}`, 'a missing pin goes where the primary model is set');
      assert.deepEqual(JSON.parse(plan.files[1]!.after), { env: { ANTHROPIC_DEFAULT_HAIKU_MODEL: `jp.${HAIKU_45}` } });
      assert.ok(!plan.files[1]!.after.endsWith('\n'), 'a file without a final newline keeps that');
      assert.deepEqual(JSON.parse(plan.files[2]!.after), { env: {} });
      assert.deepEqual(plan.files[2]!.changes, [{ key: 'env.ANTHROPIC_API_KEY', before: '(set)' }], 'a secret is never shown');
      assert.deepEqual(evaluatePolicy(effectiveSetup(plan.files.map((file) => ({ source: file.source, path: file.path, text: file.after })), { extraEnvKeys: ['ANTHROPIC_API_KEY'] }), policy, {}), []);
    });

    it('leaves values set by managed settings alone and refuses a target it cannot parse', () => {
      const testCase = corpus.cases.find((entry) => entry.managed !== undefined && entry.policies !== undefined)!;
      const { files, violations } = evaluateCase(testCase);
      assert.deepEqual(ok(planPolicyFixes(files, violations)).files, []);
      const broken: SettingsFiles = { ...files, project: { source: 'project', path: PATHS.project, text: '{ "env": { "ANTHROPIC_MODEL": "global.x", } }' } };
      const plan = planPolicyFixes(broken, [{ code: 'scope-not-allowed', rule: 'allowedScopes', origins: [], key: 'env.ANTHROPIC_MODEL', source: 'project', path: PATHS.project, fix: { key: 'env.ANTHROPIC_MODEL', value: 'jp.x' } }]);
      assert.ok(!plan.ok);
      assert.deepEqual(plan.unparsable.map((entry) => [entry.source, entry.error.line]), [['project', 1]]);
    });
  });

  describe('words', () => {
    const allViolations = corpus.cases.flatMap((testCase) => evaluateCase(testCase).violations);
    const choiceViolations = [
      ...checkChoices({ ...japanChoices, primaryModel: `global.${SONNET_45}`, opusModel: undefined, scope: 'user' }, mergePolicies([policyInput('team', 'japan-only.json'), policyInput('machine', 'machine-baseline.json')], [{ path: '/m', text: JSON.stringify({ env: { AWS_REGION: 'ap-northeast-3' } }) }]), { profileKind: 'static' }),
      ...[regionVerdict(JAPAN_TEAM(), 'us-east-1'), scopeVerdict(JAPAN_TEAM(), 'apac'), scopeVerdict(mergePolicies([policyInput('team', 'residency-only.json')], []), 'global')].flatMap((verdict) => (verdict.allowed ? [] : [verdict.violation])),
      // The account's answers on invocation logging (policy check and the status bar ask for them).
      ...withInvocationLogging([], { region: 'ap-northeast-1', state: { state: 'off' } }, LOGGING_POLICY()),
      ...withInvocationLogging([], { region: 'ap-northeast-1', problem: adminProblem('bedrock', { operation: 'GetModelInvocationLoggingConfiguration', phase: 'call', name: 'AccessDeniedException', httpStatus: 403 }) }, LOGGING_POLICY()),
      ...withInvocationLogging([], { region: 'ap-northeast-1', unread: 'identity' }, LOGGING_POLICY()),
      ...withInvocationLogging([], { unread: 'no-region' }, LOGGING_POLICY()),
    ];

    it('words every violation in both languages, with no placeholder left and the rule\'s source named', () => {
      const codes = new Set<string>();
      for (const violation of [...allViolations, ...choiceViolations]) {
        codes.add(violation.code);
        for (const locale of ['en', 'ja'] as const) {
          const text = violationText(violation, locale);
          const all = `${text.title} ${text.detail} ${text.fixLabel ?? ''}`;
          assert.ok(!/\{\w+\}/.test(all), `${violation.code}: ${all}`);
          assert.ok(!all.includes('undefined'), all);
          if (violation.fix !== undefined) assert.ok(text.fixLabel, `${violation.code} has a fix label`);
          if (violation.code !== 'managed-lock') for (const origin of violation.origins) assert.ok(text.detail.includes(origin.path), `${violation.code} names ${origin.path}`);
        }
      }
      assert.deepEqual([...codes].sort(), Object.keys(POLICY_TEXTS.en.violations).filter((key) => !key.includes(':')).sort(), 'every code is exercised');
    });

    it('says where a model would run and names the replacement', () => {
      const global = allViolations.find((violation) => violation.code === 'residency-outside' && violation.value === `global.${SONNET_45}` && violation.source === 'project')!;
      const en = violationText(global, 'en');
      assert.match(en.detail, /any commercial AWS Region worldwide/);
      assert.ok(en.detail.includes(`Use jp.${SONNET_45} instead.`), en.detail);
      assert.ok(en.detail.includes('ap-northeast-1 (Tokyo)'), en.detail);
      assert.ok(en.detail.includes(`project settings (${PATHS.project})`), en.detail);
      const ja = violationText(global, 'ja');
      assert.match(ja.detail, /世界中の商用 AWS リージョン/);
      assert.ok(ja.detail.includes(`jp.${SONNET_45}`) && ja.detail.includes('東京') && ja.detail.includes('チームのポリシー'), ja.detail);
      const apac = allViolations.find((violation) => violation.code === 'residency-outside' && violation.value?.startsWith('apac.'))!;
      assert.ok(violationText(apac, 'en').detail.includes('ap-northeast-2 (Seoul)'));
      const pin = allViolations.find((violation) => violation.code === 'pin-required')!;
      assert.match(violationText(pin, 'en').fixLabel!, /best guess/);
      assert.match(violationText(pin, 'ja').detail, /Opus では apac\. や global\./);
    });

    it('says that the account could not answer when a lookup failed, not that the ID hides where it runs', () => {
      const policy = mergePolicies([policyInput('team', 'residency-only.json')], []);
      const setup = effectiveSetup([{ source: 'project', path: PATHS.project, text: JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: `jp.${SONNET_45}` } }) }], { extraEnvKeys: policyEnvKeys(policy) });
      const error = 'GetInferenceProfile in ap-northeast-1 got HTTP 503 (service unavailable), an HTML page instead of an AWS answer: a proxy or gateway answered, not AWS. Try again.';
      const check = { modelId: `jp.${SONNET_45}`, key: 'env.ANTHROPIC_MODEL', destinations: [], anyRegion: false, outside: [], verdict: 'unverified' as const, error, checkedAt: 0 };
      const violation = withResidency([], [check], setup, policy).find((candidate) => candidate.key === 'env.ANTHROPIC_MODEL')!;
      assert.equal(violation.code, 'residency-unverified');
      const en = violationText(violation, 'en');
      assert.equal(en.title, `Where jp.${SONNET_45} runs could not be verified`);
      assert.ok(en.detail.includes(error), en.detail);
      assert.doesNotMatch(en.detail, /application inference profile/);
      const ja = violationText(violation, 'ja');
      assert.ok(ja.title.includes('実行場所を確認できませんでした') && ja.detail.includes('HTTP 503'), ja.title);
    });

    it('words a failed logging read and a failed residency lookup in the reader\'s language, with one full stop', () => {
      // The same failures the account gives: an HTTP 500 for the logging configuration, a timeout for GetInferenceProfile.
      const problem = adminProblem('bedrock', { operation: 'GetModelInvocationLoggingConfiguration', phase: 'call', name: 'InternalServerException', httpStatus: 500, message: 'Fake internal failure.' });
      const logging = withInvocationLogging([], { region: 'ap-northeast-1', problem }, LOGGING_POLICY())[0]!;
      const policy = mergePolicies([policyInput('team', 'residency-only.json')], []);
      const setup = effectiveSetup([{ source: 'project', path: PATHS.project, text: JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: `jp.${SONNET_45}` } }) }], { extraEnvKeys: policyEnvKeys(policy) });
      const diagnosis = diagnoseAwsError({ operation: 'GetInferenceProfile', phase: 'call', timedOut: true }, { region: 'ap-northeast-1', modelId: `jp.${SONNET_45}` });
      const check = residencyOf({ modelId: `jp.${SONNET_45}`, key: 'env.ANTHROPIC_MODEL', region: 'ap-northeast-1', error: 'GetInferenceProfile did not finish in time. Try again.', diagnosis, allowedRegions: ['ap-northeast-1', 'ap-northeast-3'], checkedAt: 0 });
      const residency = withResidency([], [check], setup, policy).find((candidate) => candidate.key === 'env.ANTHROPIC_MODEL')!;
      for (const violation of [logging, residency]) {
        const en = violationText(violation, 'en');
        const ja = violationText(violation, 'ja');
        assert.doesNotMatch(en.detail, /\.\./, en.detail);
        assert.doesNotMatch(ja.detail, /\.\.|。。|\.。/, ja.detail);
        // No English sentence in the Japanese words: the failure is worded from the problem or diagnosis.
        assert.doesNotMatch(ja.detail, /could not|did not|Try again|refused|answered with|in time/i, ja.detail);
        assert.match(ja.detail, /[ぁ-ん]/);
      }
      assert.match(violationText(logging, 'en').detail, /GetModelInvocationLoggingConfiguration failed: Amazon Bedrock could not be read \(GetModelInvocationLoggingConfiguration: .*HTTP 500.*\)\..*[^.]\. Rule "Invocation logging required"/);
      assert.match(violationText(logging, 'ja').detail, /GetModelInvocationLoggingConfiguration が失敗しました: Amazon Bedrock を読み取れませんでした \(GetModelInvocationLoggingConfiguration: .*500.*\)。/);
      assert.match(violationText(residency, 'ja').detail, /応答を読み取れませんでした: .*。応答があるまで/);
      assert.doesNotMatch(violationText(residency, 'ja').detail, /did not finish in time/);
      // The proof keeps its English words and never carries the diagnosis.
      const proof = residencyProof({ region: 'ap-northeast-1', allowedRegions: ['ap-northeast-1'], policySources: [], checks: [check], checkedAt: 0 });
      assert.equal(proof.models[0]!.error, 'GetInferenceProfile did not finish in time. Try again.');
      assert.ok(!('diagnosis' in proof.models[0]!));
    });

    it('makes logging that was not read in this check a not-verified violation, saying why, in both languages', () => {
      const causes = ['offline', 'no-region', 'no-profile', 'identity', 'not-checked'] as const;
      for (const unread of causes) {
        const [violation, ...rest] = withInvocationLogging([], { ...(unread === 'no-region' ? {} : { region: 'ap-northeast-1' }), unread }, LOGGING_POLICY());
        assert.equal(rest.length, 0);
        assert.equal(violation?.code, 'invocation-logging-unverified', unread);
        assert.equal(violation?.unread, unread);
        const en = violationText(violation!, 'en');
        const ja = violationText(violation!, 'ja');
        assert.equal(en.title, 'Whether Bedrock model invocation logging is on was not verified');
        assert.equal(ja.title, 'Bedrock のモデル呼び出しログが有効か確認できていません');
        assert.ok(en.detail.includes(POLICY_TEXTS.en.loggingUnread[unread]) && ja.detail.includes(POLICY_TEXTS.ja.loggingUnread[unread]), `${en.detail}\n${ja.detail}`);
        assert.doesNotMatch(ja.detail, /\b(the|was|not|could|asked)\b/, ja.detail);
        assert.doesNotMatch(`${en.detail} ${ja.detail}`, /\.\.|。。|\{\w+\}/);
      }
      assert.deepEqual(withInvocationLogging([], { unread: 'identity' }, mergePolicies([], [])), [], 'no rule, no violation');
    });

    it('words policy problems with file, line and column, and names rules and sources', () => {
      const result = parsePolicyFile(fixture('invalid-unknown-rule.json'), 'team', PATHS.team);
      assert.ok(!result.ok);
      const en = policyProblemText(result.problems[0]!, 'en');
      assert.equal(en.title, 'The team policy holds an invalid rule');
      assert.ok(en.detail.startsWith(`${PATHS.team}, line 3, column 3: Unknown rule "allowedRegion"`), en.detail);
      const ja = policyProblemText(result.problems[0]!, 'ja');
      assert.equal(ja.title, 'チームのポリシーに不正なルールがあります');
      assert.ok(ja.detail.includes('(3 行 3 列)') && ja.detail.includes('適用されません'), ja.detail);
      assert.equal(ruleText('dataResidency', 'ja'), 'データレジデンシー');
      assert.equal(sourceText('machine', 'en'), 'machine policy');
      for (const code of ['syntax', 'unreadable', 'invalid', 'version'] as const) {
        for (const locale of ['en', 'ja'] as const) assert.ok(!/\{\w+\}/.test(policyProblemText({ source: 'managed', path: '/m', code, detail: 'x' }, locale).title));
      }
    });
  });

  describe('schemas', () => {
    const policySchema = JSON.parse(readFileSync(join(SCHEMAS, 'bedrock-policy.schema.json'), 'utf8')) as {
      properties: Record<string, { type?: string; enum?: unknown[] }>;
      additionalProperties: boolean;
      required: string[];
    };
    const settingsSchema = JSON.parse(readFileSync(join(SCHEMAS, 'claude-settings.schema.json'), 'utf8')) as {
      properties: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }>;
      additionalProperties: boolean;
    };

    it('the policy schema lists exactly the rules the reader accepts, and is closed', () => {
      assert.deepEqual(Object.keys(policySchema.properties), [...POLICY_FILE_KEYS]);
      assert.equal(policySchema.additionalProperties, false);
      assert.deepEqual(policySchema.required, ['version']);
    });

    it('every valid corpus policy uses only the schema\'s properties, and every invalid one is refused', () => {
      for (const name of readdirSync(join(FIXTURES, 'files'))) {
        const parsed = JSON.parse(fixture(name).replace(/,\]/g, ']')) as Record<string, unknown>;
        const unknown = Object.keys(parsed).filter((key) => !Object.hasOwn(policySchema.properties, key));
        if (name.startsWith('invalid-')) assert.ok(!parsePolicyFile(fixture(name), 'team', name).ok, name);
        else {
          assert.deepEqual(unknown, [], name);
          assert.equal(parsed.version, 1, name);
        }
      }
    });

    it('the settings schema is open at the top level, with string env values and the Bedrock keys described', () => {
      assert.equal(settingsSchema.additionalProperties, true);
      assert.deepEqual(settingsSchema.properties.env!.additionalProperties, { type: 'string' });
      const env = Object.keys(settingsSchema.properties.env!.properties ?? {});
      for (const key of ['CLAUDE_CODE_USE_BEDROCK', 'AWS_REGION', 'AWS_PROFILE', 'ANTHROPIC_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_BEDROCK_REGION_PREFIX', 'CLAUDE_CODE_MAX_OUTPUT_TOKENS', 'ANTHROPIC_SMALL_FAST_MODEL']) {
        assert.ok(env.includes(key), key);
      }
      for (const key of ['$schema', 'env', 'permissions', 'model', 'awsAuthRefresh', 'awsCredentialExport', 'apiKeyHelper', 'hooks', 'statusLine', 'availableModels', 'enforceAvailableModels', 'forceLoginMethod']) {
        assert.ok(Object.hasOwn(settingsSchema.properties, key), key);
      }
    });
  });

  describe('the writer judges the whole resulting file set', () => {
    const settings = (source: 'project' | 'local' | 'user', value?: Record<string, unknown>): SettingsFileInput => ({ source, path: PATHS[source], ...(value === undefined ? {} : { text: JSON.stringify(value, null, 2) + '\n' }) });
    const filesWith = (entries: Partial<Record<'project' | 'local' | 'user', Record<string, unknown>>>, managed: SettingsFileInput[] = []): SettingsFiles => ({
      project: settings('project', entries.project),
      local: settings('local', entries.local),
      user: settings('user', entries.user),
      managed,
    });
    const judge = (files: SettingsFiles, policy: EffectivePolicy, choices: SetupChoices = japanChoices) => judgePlan(choices, files, ok(planSetup(choices, files, { localIgnored: true })), policy, { profileKind: 'sso' });

    it('rewrites a kept global. pin in the file it writes to its jp. replacement, in the diff', () => {
      const files = filesWith({ project: { permissions: {}, env: { ANTHROPIC_DEFAULT_SONNET_MODEL: `global.${SONNET_45}` } } });
      const policy = JAPAN_TEAM();
      assert.deepEqual(checkChoices(japanChoices, policy, { profileKind: 'sso' }), [], 'the choices alone pass: only the whole file shows the problem');
      const judged = judge(files, policy);
      assert.deepEqual(judged.violations, []);
      assert.deepEqual(judged.rewrites.map(({ key, source, before, after }) => ({ key, source, before, after })), [{ key: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', source: 'project', before: `global.${SONNET_45}`, after: `jp.${SONNET_45}` }]);
      const project = judged.plan.files.find((file) => file.source === 'project')!;
      assert.equal(JSON.parse(project.after).env.ANTHROPIC_DEFAULT_SONNET_MODEL, `jp.${SONNET_45}`);
      assert.equal(JSON.parse(project.after).env.ANTHROPIC_MODEL, `jp.${SONNET_45}`, 'this run\'s keys are still written');
      assert.deepEqual(Object.keys(JSON.parse(project.after)), ['permissions', 'env']);
      assert.ok(project.changes.some((change) => change.key === 'env.ANTHROPIC_DEFAULT_SONNET_MODEL' && change.before === `global.${SONNET_45}` && change.after === `jp.${SONNET_45}`));
      assert.equal(project.before, files.project!.text, 'the diff is against the file as read');
    });

    it('overrides a lower file\'s pin in the file it writes and leaves the lower file alone', () => {
      const files = filesWith({ user: { env: { ANTHROPIC_DEFAULT_SONNET_MODEL: `global.${SONNET_45}` } } });
      const judged = judge(files, JAPAN_TEAM());
      assert.deepEqual(judged.violations, []);
      assert.deepEqual(judged.rewrites.map(({ source, before, after }) => ({ source, before, after })), [{ source: 'project', before: undefined, after: `jp.${SONNET_45}` }]);
      assert.equal(judged.rewrites[0]!.violation.source, 'user');
      assert.ok(!judged.plan.files.some((file) => file.source === 'user'), 'the user file is not written');
    });

    it('leaves for refusal what no file it writes can fix: a managed pin, a folder file under a user scope', () => {
      const managed: SettingsFileInput = { source: 'managed', path: '/etc/claude-code/managed-settings.json', text: JSON.stringify({ env: { ANTHROPIC_DEFAULT_SONNET_MODEL: `global.${SONNET_45}` } }) };
      const locked = judge(filesWith({}, [managed]), JAPAN_TEAM());
      assert.deepEqual(locked.rewrites, []);
      assert.ok(locked.violations.some((violation) => violation.key === 'env.ANTHROPIC_DEFAULT_SONNET_MODEL' && violation.source === 'managed' && violation.path === managed.path));
      const user = judge(filesWith({ project: { env: { ANTHROPIC_DEFAULT_HAIKU_MODEL: `global.${HAIKU_45}` } } }), JAPAN_TEAM(), { ...japanChoices, backgroundModel: undefined, scope: 'user' });
      assert.deepEqual(user.rewrites, [], 'a user-scope setup does not edit the project file');
      assert.ok(user.violations.some((violation) => violation.source === 'project' && violation.key === 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL'));
    });

    it('removes a static key the policy forbids from the file it writes, and never rewrites this run\'s own keys', () => {
      const policy = mergePolicies([policyInput('machine', 'machine-baseline.json')], []);
      const choices: SetupChoices = { ...japanChoices, maxOutputTokens: 32000, scope: 'project' };
      const files = filesWith({ project: { env: { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', CLAUDE_CODE_ENABLE_TELEMETRY: '1', OTEL_METRICS_EXPORTER: 'otlp' } } });
      const judged = judge(files, policy, choices);
      assert.deepEqual(judged.violations, []);
      assert.deepEqual(judged.rewrites.map(({ key, before, after }) => ({ key, before, after })), [{ key: 'env.AWS_ACCESS_KEY_ID', before: '(set)', after: undefined }], 'a secret is never shown');
      assert.equal(JSON.parse(judged.plan.files[0]!.after).env.AWS_ACCESS_KEY_ID, undefined);
      const own = judge(filesWith({}), JAPAN_TEAM(), { ...japanChoices, sonnetModel: `global.${SONNET_45}` });
      assert.deepEqual(own.rewrites, []);
      assert.ok(own.violations.some((violation) => violation.key === 'env.ANTHROPIC_DEFAULT_SONNET_MODEL'), 'a chosen value that breaks the policy stays a violation');
    });
  });
});

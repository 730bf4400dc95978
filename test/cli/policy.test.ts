// `policy check` and the policy gate of `setup` as a user and a CI pipeline run them, against the
// fake AWS: a Japan-only team policy in the repository, a hand-edited `global.` pin (exit 1, with
// its file and fix), a compliant setup proven with GetInferenceProfile (exit 0, proof written), a
// profile that gained a destination abroad, and a broken policy file (fail closed).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { RESIDENCY_ABROAD_REGION } from '../fake-aws/scenarios/residencyScenarios';
import type { ScenarioName } from '../fake-aws/scenarios';
import { assertNoSecrets, run } from './runCli';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const GLOBAL_SONNET = `global.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const JP_OPUS = `jp.${BEDROCK_MODEL_IDS.opus46}`;
const JAPAN_ONLY = { version: 1, allowedScopes: ['jp'], dataResidency: 'japan', requiredModelPins: ['opus'] };

function useRepository(scenario: ScenarioName) {
  const state: { fake?: FakeAws; dir?: string } = {};
  const env = () => ({
    HOME: join(state.dir!, 'home'),
    ...state.fake!.env(),
    CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(state.dir!, 'managed'),
    CLAUDE_BEDROCK_POLICY_DIR: join(state.dir!, 'machine-policy'),
  });
  const repo = () => join(state.dir!, 'repo');
  before(async () => {
    state.fake = await startFakeAws({ scenario });
    state.dir = mkdtempSync(join(tmpdir(), 'cbs-cli-policy-'));
    await writeDemoHome(join(state.dir, 'home'), state.fake.state, { ssoSessionSuffix: `-cli-policy-${scenario}` });
  });
  beforeEach(() => {
    rmSync(repo(), { recursive: true, force: true });
    mkdirSync(join(repo(), '.claude'), { recursive: true });
    writeFileSync(join(repo(), '.claude', 'bedrock-policy.json'), JSON.stringify(JAPAN_ONLY, null, 2) + '\n');
    state.fake!.clearLog();
  });
  after(async () => {
    await state.fake?.stop();
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });
  /** The compliant setup the CLI writes: jp. Sonnet, jp. Haiku, the Opus pin in jp. */
  // Spawned without blocking: the fake AWS runs in this process, and setup now asks it where the profiles route.
  const setUp = async (...extra: string[]) => {
    const result = await run(['setup', '--folder', repo(), '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU, '--opus-model', JP_OPUS, '--no-gitignore', '--no-vscode-settings', ...extra], env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    state.fake!.clearLog();
  };
  return { fake: () => state.fake!, env, repo, setUp, settingsFile: () => join(repo(), '.claude', 'settings.json') };
}

describe('CLI policy check with a Japan-only team policy', () => {
  const context = useRepository('basic');

  it('passes a compliant setup after resolving every model with GetInferenceProfile, and writes the proof', async () => {
    await context.setUp();
    const proof = join(context.repo(), 'proof.json');
    const result = await run(['policy', 'check', '--folder', context.repo(), '--proof', proof], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assertNoSecrets(result);
    assert.match(result.stdout, /Compliant with the policy\./);
    const looked = new Set(context.fake().requests.filter((entry) => entry.operation === 'GetInferenceProfile').map((entry) => entry.resource));
    assert.deepEqual([...looked].sort(), [JP_HAIKU, JP_OPUS, JP_SONNET].sort());
    const written = JSON.parse(readFileSync(proof, 'utf8'));
    assert.equal(written.kind, 'claude-bedrock-residency-proof');
    assert.equal(written.compliant, true);
    assert.equal(written.profile, 'sso-dev');
    assert.deepEqual(written.allowedRegions, ['ap-northeast-1', 'ap-northeast-3']);
    const sonnet = written.models.find((model: { modelId: string }) => model.modelId === JP_SONNET);
    assert.deepEqual([...sonnet.destinations].sort(), ['ap-northeast-1', 'ap-northeast-3']);
    assert.match(written.checkedAt, /^\d{4}-\d\d-\d\dT/);
  });

  it('fails CI on a hand-edited global. pin, naming the file and the jp. replacement', async () => {
    await context.setUp();
    const file = context.settingsFile();
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"ANTHROPIC_MODEL": "${JP_SONNET}"`, `"ANTHROPIC_MODEL": "${GLOBAL_SONNET}"`));
    const result = await run(['policy', 'check', '--folder', context.repo(), '--offline', '--json'], context.env());
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.compliant, false);
    // Two rules break on the one value: the allowed scopes and the residency; both name the jp. replacement.
    const onModel = report.violations.filter((entry: { key: string }) => entry.key === 'env.ANTHROPIC_MODEL');
    assert.deepEqual(onModel.map((entry: { code: string }) => entry.code).sort(), ['residency-outside', 'scope-not-allowed']);
    const violation = onModel.find((entry: { code: string }) => entry.code === 'residency-outside');
    assert.deepEqual(violation.outside, ['*']);
    assert.match(violation.title, new RegExp(GLOBAL_SONNET.replace(/\./g, '\\.')));
    assert.equal(violation.path, file);
    assert.equal(violation.source, 'project');
    assert.deepEqual(violation.fix, { key: 'env.ANTHROPIC_MODEL', value: JP_SONNET });
    assert.deepEqual(report.sources.find((source: { source: string }) => source.source === 'team').rules.sort(), ['allowedScopes', 'dataResidency', 'requiredModelPins'].sort());
    assert.equal(context.fake().requests.length, 0, '--offline asks AWS nothing');
    const text = await run(['policy', 'check', '--folder', context.repo(), '--offline', '--lang', 'ja'], context.env());
    assert.equal(text.code, 1);
    assert.match(text.stdout, /ポリシー違反が \d+ 件あります。/);
  });

  it('setup refuses a non-compliant model and writes nothing', async () => {
    const result = await run(['setup', '--folder', context.repo(), '--profile', 'sso-dev', '--region', TOKYO, '--model', GLOBAL_SONNET, '--opus-model', JP_OPUS, '--no-gitignore', '--no-vscode-settings'], context.env());
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /Nothing was written: this setup breaks the organisation policy\./);
    assert.ok(!existsSync(context.settingsFile()), 'no settings file');
    assert.ok(!existsSync(join(context.repo(), '.claude', 'settings.local.json')));
  });

  it('setup judges the whole resulting file: a kept global. Sonnet pin is rewritten to jp., shown in the diff, and the folder then complies', async () => {
    const file = context.settingsFile();
    const before = JSON.stringify({ permissions: { allow: ['Bash(npm test)'] }, env: { ANTHROPIC_DEFAULT_SONNET_MODEL: GLOBAL_SONNET } }, null, 2) + '\n';
    writeFileSync(file, before);
    const args = ['setup', '--folder', context.repo(), '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU, '--opus-model', JP_OPUS, '--no-gitignore', '--no-vscode-settings'];
    const dry = await run([...args, '--dry-run'], context.env());
    assert.equal(dry.code, 0, dry.stdout + dry.stderr);
    assert.match(dry.stdout, new RegExp(`- {4}"ANTHROPIC_DEFAULT_SONNET_MODEL": "${GLOBAL_SONNET.replace(/\./g, '\\.')}"`), 'the diff shows the old pin removed');
    assert.match(dry.stdout, new RegExp(`\\+ {4}"ANTHROPIC_DEFAULT_SONNET_MODEL": "${JP_SONNET.replace(/\./g, '\\.')}"`), 'and its jp. replacement');
    assert.match(dry.stdout, /ANTHROPIC_DEFAULT_SONNET_MODEL in .*settings\.json was global\..*: this setup rewrites it to jp\./);
    assert.equal(readFileSync(file, 'utf8'), before, '--dry-run writes nothing');
    const result = await run(args, context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /this setup rewrites it to jp\./);
    assert.match(result.stdout, /Data residency: the account placed 4 model ID\(s\) inside ap-northeast-1, ap-northeast-3/);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(written.env.ANTHROPIC_DEFAULT_SONNET_MODEL, JP_SONNET);
    assert.deepEqual(written.permissions, { allow: ['Bash(npm test)'] }, 'foreign keys kept');
    const looked = new Set(context.fake().requests.filter((entry) => entry.operation === 'GetInferenceProfile').map((entry) => entry.resource));
    assert.deepEqual([...looked].sort(), [JP_HAIKU, JP_OPUS, JP_SONNET].sort(), 'setup resolved what it wrote with the account');
    const check = await run(['policy', 'check', '--folder', context.repo(), '--offline'], context.env());
    assert.equal(check.code, 0, `the written folder complies at once: ${check.stdout}`);
  });

  it('setup refuses, naming it, a violation it cannot rewrite (a managed global. pin), and writes nothing', async () => {
    const managed = join(context.env().CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR);
    mkdirSync(managed, { recursive: true });
    const managedFile = join(managed, 'managed-settings.json');
    writeFileSync(managedFile, JSON.stringify({ env: { ANTHROPIC_DEFAULT_SONNET_MODEL: GLOBAL_SONNET } }));
    try {
      for (const lang of ['en', 'ja']) {
        const result = await run(['setup', '--folder', context.repo(), '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--opus-model', JP_OPUS, '--no-gitignore', '--no-vscode-settings', '--lang', lang], context.env());
        assert.equal(result.code, 1, result.stdout + result.stderr);
        assert.match(result.stderr, lang === 'en' ? /Nothing was written: this setup breaks the organisation policy\./ : /何も書き込んでいません/);
        assert.ok(result.stderr.includes(GLOBAL_SONNET) && result.stderr.includes(managedFile), `names the value and its file: ${result.stderr}`);
        assert.ok(!existsSync(context.settingsFile()) && !existsSync(join(context.repo(), '.claude', 'settings.local.json')), 'nothing written');
      }
    } finally {
      rmSync(managed, { recursive: true, force: true });
    }
  });

  it('fails closed on a policy file that does not parse, naming line and column', async () => {
    writeFileSync(join(context.repo(), '.claude', 'bedrock-policy.json'), '{\n  "version": 1,\n  "allowedScopes": ["jp",]\n}\n');
    const check = await run(['policy', 'check', '--folder', context.repo(), '--offline'], context.env());
    assert.equal(check.code, 1);
    assert.match(check.stdout, /bedrock-policy\.json.*line 3/s);
    const setup = await run(['setup', '--folder', context.repo(), '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--opus-model', JP_OPUS, '--no-gitignore', '--no-vscode-settings'], context.env());
    assert.equal(setup.code, 1);
    assert.match(setup.stderr, /a policy file cannot be used/);
    assert.ok(!existsSync(context.settingsFile()));
  });
});

describe('CLI policy check when AWS changed a jp. profile', () => {
  const context = useRepository('residency-abroad');

  it('finds the destination abroad that the scope alone cannot show', async () => {
    await context.setUp('--offline');
    const offline = await run(['policy', 'check', '--folder', context.repo(), '--offline'], context.env());
    assert.equal(offline.code, 0, 'by scope, jp. looks fine');
    const result = await run(['policy', 'check', '--folder', context.repo(), '--json'], context.env());
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const report = JSON.parse(result.stdout);
    const violation = report.violations.find((entry: { key: string }) => entry.key === 'env.ANTHROPIC_MODEL');
    assert.equal(violation.code, 'residency-outside');
    assert.deepEqual(violation.outside, [RESIDENCY_ABROAD_REGION]);
    assert.equal(report.residency.compliant, false);
  });

  it('setup asks the account before writing and refuses the jp. profile routed abroad; --offline judges by scope and says so', async () => {
    const args = ['setup', '--folder', context.repo(), '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU, '--opus-model', JP_OPUS, '--no-gitignore', '--no-vscode-settings'];
    const online = await run(args, context.env());
    assert.equal(online.code, 1, online.stdout + online.stderr);
    assert.match(online.stderr, /Nothing was written: this setup breaks the organisation policy\./);
    assert.ok(online.stderr.includes(JP_SONNET) && online.stderr.includes(RESIDENCY_ABROAD_REGION), online.stderr);
    assert.ok(!existsSync(context.settingsFile()), 'nothing written');
    assert.ok(context.fake().requests.some((entry) => entry.operation === 'GetInferenceProfile' && entry.resource === JP_SONNET), 'the account was asked');
    context.fake().clearLog();
    const offline = await run([...args, '--offline'], context.env());
    assert.equal(offline.code, 0, offline.stdout + offline.stderr);
    assert.match(offline.stdout, /Data residency was judged by scope only \(--offline\): the account was not asked/);
    assert.equal(context.fake().requests.length, 0, '--offline asks AWS nothing');
  });
});

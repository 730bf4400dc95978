/**
 * Prints the figures we budget: VSIX and bundle sizes (the eager extension bundle against its
 * budget, and each lazily loaded part), the time to load and activate the extension bundle (with a `vscode` stand-in, in Node), and profile discovery time for 1,000
 * profiles, and the scan of a generated 200 MiB corpus of Claude Code session files with the
 * event loop's longest wait meanwhile (scripts/bench/sessionScan.ts). Figures, not assertions:
 * these machines are too noisy for timed tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { loadProfiles } from '../src/aws/profiles/awsFiles';
import { getInferenceProfile, getModelAvailability, openBedrockSession, probeModel } from '../src/aws/models/bedrock';
import { validateModelAccess } from '../src/aws/models/modelAccess';
import { LAZY_BUNDLES } from '../src/vscode/lazyBundles';
import { shapeTeamRows } from '../src/core/team/teamReport';
import { startFakeAws, writeDemoHome } from '../test/fake-aws';
import { sessionScanBench } from './bench/sessionScan';

const root = join(__dirname, '..');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows: [string, string][] = [];

// Sizes.
// `npm run bench` has just built dist/: package it as it is.
execFileSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--no-build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const vsix = readdirSync(join(root, 'vsix')).filter((file) => file.endsWith('.vsix')).sort().pop()!;
rows.push(['VSIX size', kib(statSync(join(root, 'vsix', vsix)).size)]);
const EAGER_BUDGET_KIB = 200;
const EAGER_LOAD_BUDGET_MS = 10;
for (const bundle of ['extension.js', 'cli.js', 'aws.js']) {
  const bytes = readFileSync(join(root, 'dist', bundle));
  const budget = bundle === 'extension.js' ? `; eager, loaded at activation; budget ${EAGER_BUDGET_KIB} KiB` : '';
  rows.push([`dist/${bundle}`, `${kib(bytes.length)} (gzip ${kib(gzipSync(bytes).length)}${budget})`]);
}

// Cold load and activation, each in a fresh Node process.
const loads: number[] = [];
const activations: number[] = [];
for (let run = 0; run < 10; run++) {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'activateOnce.ts')], { cwd: root, encoding: 'utf8' });
  const { loadMs, activateMs } = JSON.parse(output) as { loadMs: number; activateMs: number };
  loads.push(loadMs);
  activations.push(activateMs);
}
rows.push(['load extension bundle (median of 10 cold processes)', `${median(loads).toFixed(1)} ms (min ${Math.min(...loads).toFixed(1)})`]);
rows.push(['  budget for that load', `${EAGER_LOAD_BUDGET_MS} ms: ${median(loads) <= EAGER_LOAD_BUDGET_MS ? 'within' : 'OVER'}`]);
// The parts activation does not load: each is required on its first use (src/vscode/lazyBundles.ts).
for (const { bundle } of Object.values(LAZY_BUNDLES)) {
  const bytes = readFileSync(join(root, 'dist', bundle));
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    times.push(Number(execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'loadOnce.ts'), bundle], { cwd: root, encoding: 'utf8' })));
  }
  rows.push([`  lazy dist/${bundle}, loaded on first use`, `${kib(bytes.length)}, load ${median(times).toFixed(1)} ms (median of 5 cold processes)`]);
}
rows.push(['activate() (median of 10)', `${median(activations).toFixed(2)} ms (min ${Math.min(...activations).toFixed(2)})`]);
// The AWS layer is parsed once, on the first AWS call of a window or CLI run.
const layerLoads: number[] = [];
for (let run = 0; run < 10; run++) {
  const script = `const t = performance.now(); require(${JSON.stringify(join(root, 'dist', 'aws.js'))}); process.stdout.write(String(performance.now() - t));`;
  layerLoads.push(Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
}
rows.push(['load dist/aws.js on the first AWS call (median of 10 cold processes)', `${median(layerLoads).toFixed(1)} ms (min ${Math.min(...layerLoads).toFixed(1)})`]);

// Discovery of 1,000 profiles of mixed kinds from real files.
async function discoveryBench(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'cbs-bench-'));
  const config: string[] = ['[sso-session corp]', 'sso_start_url = https://bench.awsapps.com/start', 'sso_region = us-east-1'];
  const credentials: string[] = [];
  for (let i = 0; i < 1000; i++) {
    switch (i % 4) {
      case 0:
        config.push(`[profile p${i}]`, 'region = ap-northeast-1');
        credentials.push(`[p${i}]`, `aws_access_key_id = BENCHKEY${String(i).padStart(8, '0')}`, 'aws_secret_access_key = bench-secret');
        break;
      case 1:
        config.push(`[profile p${i}]`, 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Dev', 'region = us-east-1');
        break;
      case 2:
        config.push(`[profile p${i}]`, 'role_arn = arn:aws:iam::111122223333:role/R', `source_profile = p${i - 2}`, 'region = eu-central-1');
        break;
      default:
        config.push(`[profile p${i}]`, 'credential_process = /usr/bin/creds --profile x', 'region = us-west-2');
    }
  }
  const awsDir = join(home, '.aws');
  execFileSync('mkdir', ['-p', awsDir]);
  writeFileSync(join(awsDir, 'config'), config.join('\n'));
  writeFileSync(join(awsDir, 'credentials'), credentials.join('\n'));
  const env = { HOME: home };
  const times: number[] = [];
  let count = 0;
  for (let run = 0; run < 20; run++) {
    const start = performance.now();
    const discovery = await loadProfiles(env);
    times.push(performance.now() - start);
    count = discovery.profiles.length;
  }
  rows.push([`discover ${count} profiles from files (median of 20)`, `${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)})`]);
  rmSync(home, { recursive: true, force: true });
}

// Validating two models (profile lookup, availability and probe each) with 200 ms injected on
// every Bedrock call: the wall time against the sum of the calls made one after another.
async function validationBench(): Promise<void> {
  const latencyMs = 200;
  const fake = await startFakeAws({ scenario: 'basic' });
  const home = mkdtempSync(join(tmpdir(), 'cbs-bench-validate-'));
  await writeDemoHome(home, fake.state);
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, { HOME: home, AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, fake.env());
  for (const operation of ['GetInferenceProfile', 'GetFoundationModelAvailability', 'Converse']) fake.inject({ operation, latencyMs });
  const models = ['jp.anthropic.claude-sonnet-4-5-20250929-v1:0', 'jp.anthropic.claude-haiku-4-5-20251001-v1:0'];
  const options = { target: { type: 'profile' as const, profile: 'static-dev' }, region: 'ap-northeast-1', timeoutMs: 10_000 };
  await validateModelAccess({ ...options, models, probe: true }); // warm-up: loads the SDK, opens connections
  const walls: number[] = [];
  const sums: number[] = [];
  let calls = 0;
  for (let run = 0; run < 5; run++) {
    fake.clearLog();
    const start = performance.now();
    const result = await validateModelAccess({ ...options, models, probe: true });
    walls.push(performance.now() - start);
    if (result.reports.some((report) => report.state !== 'accessible')) throw new Error('validation failed in the benchmark');
    calls = fake.requests.length;

    const opened = await openBedrockSession(options);
    if (!opened.ok) throw new Error('no session');
    let sum = 0;
    for (const modelId of models) {
      for (const step of [
        () => getInferenceProfile(opened.value, modelId),
        () => getModelAvailability(opened.value, modelId.replace(/^jp\./, '')),
        () => probeModel(opened.value, modelId),
      ]) {
        const result = await step();
        if (!result.ok) throw new Error('a call failed in the benchmark');
        sum += result.durationMs;
      }
    }
    opened.value.close();
    sums.push(sum);
  }
  await fake.stop();
  rmSync(home, { recursive: true, force: true });
  rows.push([`validate 2 models with probe, ${latencyMs} ms per call (median of 5)`, `${median(walls).toFixed(0)} ms wall for ${calls} calls`]);
  rows.push([`  the same ${calls} calls one after another (median of 5)`, `${median(sums).toFixed(0)} ms`]);
}

/**
 * The Team view's share of a large Logs Insights answer: 100,000 result rows (caller × model × day,
 * as Logs Insights returns them, strings) parsed and shaped per developer with prices and shares.
 */
function teamRowsBench(): void {
  const models = ['jp.anthropic.claude-sonnet-4-5-20250929-v1:0', 'jp.anthropic.claude-haiku-4-5-20251001-v1:0', 'global.anthropic.claude-opus-4-5-20251101-v1:0', 'global.anthropic.claude-sonnet-4-6'];
  const rowsOf: Record<string, string>[] = [];
  for (let index = 0; index < 100_000; index++) {
    const developer = index % 1_000;
    const day = `2026-01-${String(1 + (Math.floor(index / 4_000) % 28)).padStart(2, '0')} 00:00:00.000`;
    rowsOf.push({
      'identity.arn': `arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_0123456789abcdef/dev${developer}@example.com`,
      modelId: models[index % models.length]!,
      'bin(1d)': day,
      requests: String(1 + (index % 40)),
      inputTokens: String(2_000 * (1 + (index % 40))),
      outputTokens: String(900 * (1 + (index % 40))),
      cacheReadTokens: String(30_000 * (1 + (index % 40))),
      cacheWriteTokens: String(4_000 * (1 + (index % 40))),
    });
  }
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    shapeTeamRows(rowsOf, rowsOf[0]!['identity.arn']);
    times.push(performance.now() - started);
  }
  rows.push(['Team view: parse and shape 100,000 Logs Insights rows (1,000 developers; median of 5)', `${median(times).toFixed(0)} ms`]);
}

void discoveryBench()
  .then(validationBench)
  .then(async () => rows.push(...(await sessionScanBench())))
  .then(teamRowsBench)
  .then(() => {
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log('Benchmark figures (no budgets are asserted; compare runs on the same machine)');
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  });

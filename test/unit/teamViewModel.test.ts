// The Team view's state as its webview draws it: the caller's row marked with the full ARN on hover,
// the enable button only when logging is off or S3-only, the progress of a running query, spend with
// its age, the plan with the seat comparison (and its error for a bad input), in both languages; the
// webview messages checked field by field; and the gate that merges concurrent refreshes.
import assert from 'node:assert/strict';
import { DEFAULT_COST_PLAN_INPUT } from '../../src/core/costPlan/costPlan';
import { buildTeamReport } from '../../src/core/team/teamReport';
import { Gate } from '../../src/vscode/team/gate';
import { toTeamViewModel, type TeamViewState } from '../../src/vscode/team/teamViewModel';
import { parseTeamWebviewMessage } from '../../src/webview/team/protocol';

const translator = { t: (message: string, ...args: (string | number)[]) => message.replace(/\{(\d+)\}/g, (_whole, index: string) => String(args[Number(index)])) };
const SSO = 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_0123/alice@example.com';
const OTHER = 'arn:aws:iam::111122223333:user/bob';
const row = (arn: string, requests: number) => ({ 'identity.arn': arn, modelId: 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0', 'bin(1d)': '2026-01-01 00:00:00.000', requests: String(requests), inputTokens: String(requests * 100), outputTokens: '0', cacheReadTokens: '0', cacheWriteTokens: '0' });

function state(change: Partial<TeamViewState> = {}): TeamViewState {
  return { range: '24h', teamLoading: false, spendLoading: false, budgetsLoading: false, planLoading: false, plan: DEFAULT_COST_PLAN_INPUT, target: { profile: 'dev', region: 'ap-northeast-1', modelIds: [] }, ...change };
}

const report = buildTeamReport({ region: 'ap-northeast-1', range: '24h', generatedAt: 0, logging: { state: 'cloudwatch', logGroupName: 'g' }, callerArn: SSO, rows: [row(OTHER, 8), row(SSO, 2)], problems: [] });

describe('team view model', () => {
  it('marks the caller\'s row, with the full ARN on hover, in both languages', () => {
    const en = toTeamViewModel(state({ team: report }), { locale: 'en', l10n: translator, now: 0 });
    assert.deepEqual(en.developers.rows.map((developer) => [developer.name, developer.self, developer.title]), [['bob', false, OTHER], ['alice@example.com (you)', true, SSO]]);
    assert.equal(en.developers.enableButton, undefined);
    const ja = toTeamViewModel(state({ team: report }), { locale: 'ja', l10n: translator, now: 0 });
    assert.equal(ja.developers.rows[1]!.name, 'alice@example.com (あなた)');
    assert.match(ja.developers.privacy, /読み取りも表示もしません/);
  });

  it('offers to turn logging on only when it is off or goes to S3 only, and says what that involves', () => {
    const off = buildTeamReport({ region: 'ap-northeast-1', range: '24h', generatedAt: 0, logging: { state: 'off' }, problems: [] });
    const model = toTeamViewModel(state({ team: off }), { locale: 'en', l10n: translator, now: 0 });
    assert.equal(model.developers.enableButton, 'Turn On Invocation Logging…');
    assert.match(model.developers.logging.join(' '), /logging is off in ap-northeast-1.*admin decision.*prompts and answers themselves/);
  });

  it('shows the progress of a running query, and keeps the last result on screen', () => {
    const model = toTeamViewModel(state({ team: report, teamLoading: true, teamProgress: { status: 'Running', scanned: 1234 } }), { locale: 'en', l10n: translator, now: 0 });
    assert.equal(model.developers.progress, 'Logs Insights query running… (1,234 records scanned)');
    assert.equal(model.developers.rows.length, 2);
  });

  it('lays out the plan with the seat comparison, and names a bad input', () => {
    const model = toTeamViewModel(state(), { locale: 'en', l10n: translator, now: 0 });
    assert.match(model.plan.result!.seats[0]!, /^Per-seat price: 10 seats × \$150\.00/);
    assert.equal(model.plan.inputs.cacheReadPercent, 90);
    const bad = toTeamViewModel(state({ plan: { ...DEFAULT_COST_PLAN_INPUT, cacheReadShare: 3 } }), { locale: 'en', l10n: translator, now: 0 });
    assert.equal(bad.plan.result, undefined);
    // Named by its form label, not the code key (cacheReadShare).
    assert.match(bad.plan.error!, /^Input read from the prompt cache is out of range\.$/);
  });

  it('asks for the setup when there is none', () => {
    const model = toTeamViewModel(state({ notConfigured: 'no-setup', target: undefined }), { locale: 'en', l10n: translator, now: 0 });
    assert.equal(model.notConfigured?.wizardButton, 'Run Setup Wizard');
  });
});

describe('team webview messages', () => {
  it('accepts the known messages and refuses malformed ones', () => {
    assert.deepEqual(parseTeamWebviewMessage({ type: 'setRange', range: '30d' }), { type: 'setRange', range: '30d' });
    assert.equal(parseTeamWebviewMessage({ type: 'setRange', range: '2w' }), undefined);
    const plan = { developers: 1, workingDays: 20, sessionsPerDay: 1, inputTokensPerSession: 1, outputTokensPerSession: 1, cacheReadPercent: 50, restTo: 'uncached', modelId: 'm', scope: 'jp', usdToJpy: 150, seatPriceUsd: 10 };
    assert.deepEqual(parseTeamWebviewMessage({ type: 'setPlan', plan }), { type: 'setPlan', plan });
    assert.equal(parseTeamWebviewMessage({ type: 'setPlan', plan: { ...plan, developers: 'ten' } }), undefined);
    assert.equal(parseTeamWebviewMessage({ type: 'setPlan', plan: { ...plan, scope: 'JP; drop' } }), undefined);
    assert.equal(parseTeamWebviewMessage({ type: 'nope' }), undefined);
  });
});

describe('gate', () => {
  it('runs one job per key at a time: a second call while one runs starts nothing new', async () => {
    const gate = new Gate();
    let started = 0;
    let release: () => void = () => undefined;
    const job = () => {
      started += 1;
      return new Promise<void>((resolve) => (release = resolve));
    };
    const first = gate.run('team|dev', job);
    const second = gate.run('team|dev', job);
    assert.equal(first, second);
    assert.equal(started, 1);
    assert.equal(gate.busy('team|dev'), true);
    release();
    await first;
    assert.equal(gate.busy('team|dev'), false);
    const third = gate.run('team|dev', job);
    assert.equal(started, 2);
    release();
    await third;
  });
});

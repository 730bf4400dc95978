// Admin writes whose answer did not come back whole, against the fake AWS: `logging apply` reads the
// configuration back and says what it read (not turned on), or, when the read-back fails too, that
// it is not known (JSON `applied: "unknown"`); `budgets create` says whether the budget exists is not
// known and to list the budgets first (JSON `created: "unknown"`). Never "not created" when that was
// not read. English and Japanese.
import assert from 'node:assert/strict';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { useConfiguredFolder } from './configuredFolder';
import { assertNoSecrets, run } from './runCli';

const TIMEOUT = ['--timeout', '1'];

describe('CLI admin writes whose answer did not come back (fake AWS)', () => {
  describe('logging apply', () => {
    const context = useConfiguredFolder('team-logging-off', 'sso-dev', 'cli-uncertain-logging');
    afterEach(() => context.fake.clearFaults());

    it('a write that hangs is read back: logging is not on, said as read (exit 1, applied false)', async () => {
      context.fake.inject({ service: 'bedrock', operation: 'PutModelInvocationLoggingConfiguration', fault: 'hang' });
      const result = await run(['logging', 'apply', '--folder', context.repo, '--yes', '--json', ...TIMEOUT], context.env());
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assertNoSecrets(result);
      const report = JSON.parse(result.stdout);
      assert.equal(report.applied, false);
      assert.ok(context.fake.requests.some((entry) => entry.operation === 'GetModelInvocationLoggingConfiguration'), 'read back after the hung write');
      assert.equal(context.fake.state.bedrock!.accounts[BASIC_ACCOUNT_ID]?.invocationLogging?.['ap-northeast-1'], undefined);
    });

    for (const [language, words] of [
      ['en', /Whether invocation logging was turned on in ap-northeast-1 is not known: .*claude-bedrock logging plan/],
      ['ja', /ap-northeast-1 で呼び出しログが有効になったかどうかは不明です: .*claude-bedrock logging plan/],
    ] as const) {
      it(`a write that hangs and a read-back that fails: not known, never "not turned on" (${language})`, async () => {
        context.fake.inject({ service: 'bedrock', operation: 'PutModelInvocationLoggingConfiguration', fault: 'hang' });
        // The plan's own read first (answered, a moment late), then the read-back fails.
        context.fake.inject({ service: 'bedrock', operation: 'GetModelInvocationLoggingConfiguration', latencyMs: 1, times: 1 });
        context.fake.inject({ service: 'bedrock', operation: 'GetModelInvocationLoggingConfiguration', fault: 'json-500' });
        const json = await run(['logging', 'apply', '--folder', context.repo, '--yes', '--json', ...TIMEOUT, '--lang', language], context.env());
        assert.equal(json.code, 1, json.stdout + json.stderr);
        assert.equal(JSON.parse(json.stdout).applied, 'unknown');
        context.fake.clearFaults();
        context.fake.inject({ service: 'bedrock', operation: 'PutModelInvocationLoggingConfiguration', fault: 'hang' });
        context.fake.inject({ service: 'bedrock', operation: 'GetModelInvocationLoggingConfiguration', latencyMs: 1, times: 1 });
        context.fake.inject({ service: 'bedrock', operation: 'GetModelInvocationLoggingConfiguration', fault: 'json-500' });
        const text = await run(['logging', 'apply', '--folder', context.repo, '--yes', ...TIMEOUT, '--lang', language], context.env());
        assert.equal(text.code, 1);
        assert.match(text.stdout, words);
        assertNoSecrets(text);
      });
    }
  });

  describe('budgets create', () => {
    const context = useConfiguredFolder('team', 'sso-dev', 'cli-uncertain-budget');
    afterEach(() => context.fake.clearFaults());
    const args = (name: string) => ['budgets', 'create', '--folder', context.repo, '--limit', '100', '--threshold', '80', '--email', 'lead@example.com', '--name', name, '--yes', ...TIMEOUT];

    for (const [language, words] of [
      ['en', /Whether budget "Uncertain \(en\)" was created is not known: .*claude-bedrock budgets list/],
      ['ja', /予算「Uncertain \(ja\)」が作成されたかどうかは不明です: .*claude-bedrock budgets list/],
    ] as const) {
      it(`CreateBudget that hangs: whether it exists is not known, list the budgets first (${language})`, async () => {
        context.fake.inject({ service: 'budgets', operation: 'CreateBudget', fault: 'hang' });
        const text = await run([...args(`Uncertain (${language})`), '--lang', language], context.env());
        assert.equal(text.code, 1, text.stdout + text.stderr);
        assert.match(text.stdout, words);
        const json = await run([...args(`Uncertain (${language})`), '--json'], context.env());
        assert.equal(JSON.parse(json.stdout).created, 'unknown');
      });
    }

    it('CreateBudget refused by AWS (HTTP 500): not created, said plainly (created false)', async () => {
      context.fake.inject({ service: 'budgets', operation: 'CreateBudget', fault: 'json-500' });
      const json = await run([...args('Refused'), '--json'], context.env());
      assert.equal(json.code, 1);
      assert.equal(JSON.parse(json.stdout).created, false);
    });
  });
});

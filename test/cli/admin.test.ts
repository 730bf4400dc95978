// `alarms`, `dashboard` and `admin-stack` as an admin runs them, against the fake AWS: the plan
// before anything is created, `apply` refused without a terminal unless --yes, a second run that
// changes nothing, a partial failure that says what exists, bad input refused with exit 2, a
// denial that names the action in English and Japanese, and a template that reads back as YAML.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { FakeAws } from '../fake-aws';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { QUOTA_THROTTLED_EXPECTED } from '../fake-aws/scenarios/quotaData';
import { validateTemplate } from '../support/cfnSpec';
import { JP_HAIKU, JP_SONNET, TOKYO, useConfiguredFolder } from './configuredFolder';
import { assertNoSecrets, run } from './runCli';

const puts = (fake: FakeAws) => fake.requests.filter((entry) => ['PutMetricAlarm', 'CreateTopic', 'Subscribe', 'PutDashboard'].includes(entry.operation)).length;

describe('CLI alarms, dashboard and admin-stack', () => {
  describe('in a throttled account', () => {
    const context = useConfiguredFolder('quota-throttled', 'static-dev', 'cli-admin');

    it('alarms plan shows every alarm with its threshold and metric math, and creates nothing', async () => {
      const result = await run(['alarms', 'plan', '--folder', context.repo, '--email', 'admin@example.com'], context.env());
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assertNoSecrets(result);
      assert.match(result.stdout, new RegExp(`create: claude-bedrock/quota-tpm/${JP_SONNET.replace(/[.]/g, '\\.')} — quota tokens per minute at 80% or more of the TPM quota 200,000 \\(L-F4DDD3EB\\)`));
      assert.match(result.stdout, /tokens = FILL\(input, 0\) \+ FILL\(cacheWrite, 0\) \+ FILL\(output, 0\) \* 5; 100 \* tokens \/ 200000 ≥ 80/);
      assert.match(result.stdout, /create the SNS topic claude-bedrock-alarms; subscribe admin@example.com/);
      assert.equal(puts(context.fake), 0);
    });

    it('alarms apply without a terminal applies nothing unless --yes (exit 2), then creates exactly the plan; a second run changes nothing', async () => {
      const refused = await run(['alarms', 'apply', '--folder', context.repo, '--email', 'admin@example.com'], context.env());
      assert.equal(refused.code, 2, refused.stdout + refused.stderr);
      assert.match(refused.stdout, /Not applied: there is no terminal to confirm on\. Pass --yes/);
      assert.equal(puts(context.fake), 0);
      const applied = await run(['alarms', 'apply', '--folder', context.repo, '--email', 'admin@example.com', '--yes', '--json'], context.env());
      assert.equal(applied.code, 0, applied.stdout + applied.stderr);
      const report = JSON.parse(applied.stdout);
      assert.equal(report.applied.created.length, 4);
      assert.equal(report.applied.topicArn, `arn:aws:sns:${TOKYO}:${BASIC_ACCOUNT_ID}:claude-bedrock-alarms`);
      assert.equal(report.applied.subscriptionPending, 'admin@example.com');
      const again = await run(['alarms', 'apply', '--folder', context.repo, '--email', 'admin@example.com', '--yes'], context.env());
      assert.equal(again.code, 0, again.stdout);
      assert.match(again.stdout, /Nothing to change/);
      const list = await run(['alarms', 'list', '--folder', context.repo], context.env());
      assert.equal(list.code, 0, list.stdout + list.stderr);
      assert.match(list.stdout, new RegExp(`claude-bedrock/throttles/${JP_SONNET.replace(/[.]/g, '\\.')}\\s+ALARM`));
      assert.match(list.stdout, new RegExp(`claude-bedrock/throttles/${JP_HAIKU.replace(/[.]/g, '\\.')}\\s+OK`));
      const japanese = await run(['alarms', 'list', '--folder', context.repo, '--lang', 'ja'], context.env());
      assert.match(japanese.stdout, /claude-bedrock が作成したアラーム/);
      assert.match(japanese.stdout, /アラーム\s/);
    });

    it('dashboard plan prints the body as a diff; apply --yes saves it with its console link; then no change', async () => {
      const plan = await run(['dashboard', 'plan', '--folder', context.repo], context.env());
      assert.equal(plan.code, 0, plan.stdout + plan.stderr);
      assert.match(plan.stdout, /Create the CloudWatch dashboard claude-bedrock-ap-northeast-1 in ap-northeast-1/);
      assert.match(plan.stdout, new RegExp(`\\+ +"value": ${QUOTA_THROTTLED_EXPECTED.tpmQuota}`));
      const applied = await run(['dashboard', 'apply', '--folder', context.repo, '--yes'], context.env());
      assert.equal(applied.code, 0, applied.stdout + applied.stderr);
      assert.match(applied.stdout, /https:\/\/ap-northeast-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=ap-northeast-1#dashboards\/dashboard\/claude-bedrock-ap-northeast-1/);
      const again = await run(['dashboard', 'plan', '--folder', context.repo, '--json'], context.env());
      assert.equal(JSON.parse(again.stdout).plan.change, 'unchanged');
    });

    it('admin-stack writes a template that holds to the CloudFormation specification, with the account\'s quotas as defaults', async function () {
      this.timeout(60_000);
      const file = join(context.dir, 'stack.yaml');
      const result = await run(['admin-stack', '--folder', context.repo, '--output', file], context.env());
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /aws cloudformation deploy --region ap-northeast-1 --stack-name claude-bedrock-admin/);
      const template = load(readFileSync(file, 'utf8')) as { Parameters: Record<string, { Default?: number }> };
      assert.deepEqual(validateTemplate(template), []);
      assert.equal(template.Parameters.TpmQuotaJpSonnet4520250929V10!.Default, QUOTA_THROTTLED_EXPECTED.tpmQuota);
      const offline = await run(['admin-stack', '--folder', context.repo, '--offline'], context.env());
      assert.equal(offline.code, 0);
      assert.match(offline.stderr, /Offline: Service Quotas was not read/);
      assert.ok(offline.stdout.startsWith('# Claude Code on Amazon Bedrock'), 'stdout is the template only');
    });

    it('admin-stack says what to do when Service Quotas could not be read, and still writes the template (exit 1)', async () => {
      context.fake.inject({ service: 'servicequotas', operation: '*', fault: 'json-503' });
      try {
        const result = await run(['admin-stack', '--folder', context.repo], context.env());
        assert.equal(result.code, 1, result.stdout + result.stderr);
        assert.ok(result.stdout.startsWith('# Claude Code on Amazon Bedrock'), 'the template is still written');
        assert.match(result.stderr, /^Not verified: Service Quotas could not be read, so the quota parameters have no defaults\. ListServiceQuotas in ap-northeast-1 was answered with HTTP 503 \(service unavailable\)/);
        assert.match(result.stderr, /Fix: Try again in a few minutes; .*AWS_ENDPOINT_URL_SERVICE_QUOTAS\. Or pass the quota parameters when you deploy/);
      } finally {
        context.fake.clearFaults();
      }
      context.fake.inject({ service: 'servicequotas', operation: '*', fault: 'expired-credentials' });
      try {
        const ja = await run(['admin-stack', '--folder', context.repo, '--lang', 'ja'], context.env());
        assert.equal(ja.code, 1);
        assert.match(ja.stderr, /対処: .*(サインイン|認証情報)/);
      } finally {
        context.fake.clearFaults();
      }
    });

    it('refuses bad input with exit 2 and creates nothing', async () => {
      for (const [args, pattern] of [
        [['--email', 'not-an-address'], /"not-an-address" is not an e-mail address[\s\S]*Nothing was created/],
        [['--percent', '150'], /--percent must be a number from 1 to 100/],
        [['--throttle-threshold', '0'], /--throttle-threshold must be a whole number/],
        [['--topic-arn', 'arn:aws:sns:ap-northeast-1:111122223333:x', '--email', 'a@example.com'], /not both/],
      ] as const) {
        const result = await run(['alarms', 'apply', '--folder', context.repo, '--yes', ...args], context.env());
        assert.equal(result.code, 2, result.stdout + result.stderr);
        assert.match(result.stderr, pattern);
      }
      const japanese = await run(['alarms', 'plan', '--folder', context.repo, '--email', 'nobody', '--lang', 'ja'], context.env());
      assert.match(japanese.stderr, /"nobody" はメールアドレスではありません/);
      assert.equal(context.fake.requests.length, 0, 'not a single call');
    });
  });

  describe('when CloudWatch rejects the quota alarm\'s expression', () => {
    const context = useConfiguredFolder('alarms-expression-rejected', 'static-dev', 'cli-admin');
    it('says which alarms exist now and which do not, exit 1', async () => {
      const result = await run(['alarms', 'apply', '--folder', context.repo, '--yes'], context.env());
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, new RegExp(`Created: claude-bedrock/throttles/${JP_SONNET.replace(/[.]/g, '\\.')}`));
      assert.match(result.stdout, /Failed: PutMetricAlarm claude-bedrock\/quota-tpm\/.*Unsupported function FILL/);
      assert.match(result.stdout, /Do not exist: claude-bedrock\/quota-tpm\/jp\.anthropic\.claude-sonnet.*, claude-bedrock\/throttles\/jp\.anthropic\.claude-haiku/);
      assert.match(result.stdout, /Run it again to complete the rest/);
    });
  });

  describe('when the admin actions are denied', () => {
    const context = useConfiguredFolder('admin-denied', 'static-dev', 'cli-admin');
    it('names the missing action and the admin policy, in English and Japanese, exit 1', async () => {
      const result = await run(['alarms', 'apply', '--folder', context.repo, '--yes'], context.env());
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /Your IAM identity may not call cloudwatch:PutMetricAlarm \(PutMetricAlarm in ap-northeast-1\)/);
      assert.match(result.stdout, /claude-bedrock admin-stack writes it as AdminPolicy/);
      const ja = await run(['dashboard', 'apply', '--folder', context.repo, '--yes', '--lang', 'ja'], context.env());
      assert.equal(ja.code, 1);
      assert.match(ja.stdout, /cloudwatch:PutDashboard を呼び出す権限がありません/);
      assert.equal(result.stderr, '');
    });
  });
});

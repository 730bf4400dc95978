/**
 * Team scenarios: `basic` plus, for BASIC_ACCOUNT_ID (111122223333) in Tokyo, model invocation
 * logging to CloudWatch Logs with three developers' traffic (one uses 80% of the tokens), the
 * logging role, Cost Explorer lines of Claude on Bedrock and noise, and two budgets (one covering
 * Claude). Each variant changes one thing. Data and expected figures: teamData.ts.
 */
import type { Scenario } from '../scenario';
import { BASIC_ACCOUNT_ID, basicScenario } from './basic';
import {
  TEAM_LOG_GROUP,
  TEAM_LOGGING_ROLE_ARN,
  TEAM_REGION,
  cloudWatchLogging,
  s3OnlyLogging,
  teamBudget,
  teamCostLines,
  teamInvocations,
  unrelatedBudget,
} from './teamData';

function teamScenario(name: string, description: string, change: (scenario: Scenario) => void = () => undefined): Scenario {
  const now = Date.now();
  const scenario = basicScenario();
  scenario.name = name;
  scenario.description = `basic, plus for account ${BASIC_ACCOUNT_ID}: ${description}`;
  scenario.roles.push({ arn: TEAM_LOGGING_ROLE_ARN, roleId: 'AROAFAKEBEDROCKLOGS01', trustedPrincipals: [] });
  const bedrockAccount = (scenario.bedrock!.accounts[BASIC_ACCOUNT_ID] ??= {});
  bedrockAccount.invocationLogging = { [TEAM_REGION]: cloudWatchLogging() };
  scenario.cloudWatchLogs = { accounts: { [BASIC_ACCOUNT_ID]: { logGroups: { [TEAM_REGION]: [{ name: TEAM_LOG_GROUP, invocations: teamInvocations() }] } } } };
  scenario.costExplorer = { accounts: { [BASIC_ACCOUNT_ID]: { lines: teamCostLines() } } };
  scenario.budgets = { accounts: { [BASIC_ACCOUNT_ID]: { budgets: [teamBudget(now), unrelatedBudget(now)] } } };
  change(scenario);
  return scenario;
}

function bedrockAccount(scenario: Scenario) {
  return scenario.bedrock!.accounts[BASIC_ACCOUNT_ID]!;
}

export const teamScenarios = {
  team: () =>
    teamScenario(
      'team',
      'invocation logging to CloudWatch Logs in Tokyo; three developers over 30 days (hanako.sato@example.com 80% of the tokens, fake-sso-user and fake-developer 10% each); Claude on Bedrock in Cost Explorer; a $4,000 budget on the Claude services.',
    ),
  'team-logging-off': () =>
    teamScenario('team-logging-off', 'invocation logging off (the log group and the logging role exist, so it can be turned on); the rest as team.', (scenario) => {
      delete bedrockAccount(scenario).invocationLogging;
      scenario.cloudWatchLogs!.accounts[BASIC_ACCOUNT_ID]!.logGroups![TEAM_REGION]![0]!.invocations = [];
    }),
  'team-logging-s3': () =>
    teamScenario('team-logging-s3', 'invocation logging to S3 only (Logs Insights cannot read it); the rest as team.', (scenario) => {
      bedrockAccount(scenario).invocationLogging = { [TEAM_REGION]: s3OnlyLogging() };
    }),
  'team-ce-denied': () =>
    teamScenario('team-ce-denied', 'Cost Explorer denied (ce:*); logs, budgets and CloudWatch as team.', (scenario) => {
      scenario.costExplorer!.accounts[BASIC_ACCOUNT_ID]!.deniedActions = ['ce:*'];
    }),
  'team-empty-month': () =>
    teamScenario('team-empty-month', 'no Claude traffic this month: cost lines ended last month (no forecast possible), no invocation logs in the last 30 days.', (scenario) => {
      const dayOfMonth = new Date().getUTCDate();
      scenario.costExplorer!.accounts[BASIC_ACCOUNT_ID]!.lines = teamCostLines().map((line) => ({ ...line, toDaysAgo: dayOfMonth }));
      scenario.cloudWatchLogs!.accounts[BASIC_ACCOUNT_ID]!.logGroups![TEAM_REGION]![0]!.invocations = [];
    }),
} satisfies Record<string, () => Scenario>;

/**
 * Bedrock failure scenarios: each is `basic` plus one change for BASIC_ACCOUNT_ID (111122223333),
 * the account of the static-dev, role-dev and sso-* demo profiles. The chain-invoker profile
 * (account 444455556666) stays healthy in all of them, which makes a good control.
 */
import type { FakeBedrockAccount, Scenario } from '../scenario';
import { BASIC_ACCOUNT_ID, basicScenario } from './basic';
import { BEDROCK_MODEL_IDS } from './bedrockCatalog';

function withAccountState(name: string, description: string, state: FakeBedrockAccount): Scenario {
  const scenario = basicScenario();
  scenario.name = name;
  scenario.description = `basic, except for account ${BASIC_ACCOUNT_ID}: ${description}`;
  if (!scenario.bedrock) throw new Error('basic scenario lost its bedrock section');
  scenario.bedrock.accounts[BASIC_ACCOUNT_ID] = state;
  return scenario;
}

export const bedrockFailureScenarios = {
  'bedrock-not-authorized': () =>
    withAccountState('bedrock-not-authorized', 'Claude Haiku 4.5 is NOT_AUTHORIZED (availability and invocation).', {
      modelAccess: { [BEDROCK_MODEL_IDS.haiku45]: 'not-authorized' },
    }),
  'bedrock-marketplace': () =>
    withAccountState('bedrock-marketplace', 'Claude Sonnet 4.5 needs AWS Marketplace actions the caller may not perform.', {
      modelAccess: { [BEDROCK_MODEL_IDS.sonnet45]: 'marketplace' },
    }),
  'bedrock-use-case': () =>
    withAccountState('bedrock-use-case', 'the Anthropic use-case form was never submitted (every Anthropic model).', {
      modelAccess: { 'anthropic.*': 'use-case' },
    }),
  'bedrock-legacy': () =>
    withAccountState('bedrock-legacy', 'Claude 3.7 Sonnet is Legacy and was not used in the last 15 days.', {
      modelAccess: { [BEDROCK_MODEL_IDS.sonnet37]: 'legacy' },
    }),
  'bedrock-throttled': () =>
    withAccountState('bedrock-throttled', 'every runtime call is throttled (429 Too many tokens).', {
      modelAccess: { '*': 'throttled' },
    }),
  'bedrock-scp-osaka': () =>
    withAccountState('bedrock-scp-osaka', 'an organisation SCP denies ap-northeast-3 (jp., apac. and global. profiles fail).', {
      scpDeniedRegions: ['ap-northeast-3'],
    }),
  'bedrock-list-denied': () =>
    withAccountState('bedrock-list-denied', 'no policy allows bedrock:ListInferenceProfiles or bedrock:ListFoundationModels.', {
      deniedActions: ['bedrock:ListInferenceProfiles', 'bedrock:ListFoundationModels'],
    }),
} satisfies Record<string, () => Scenario>;

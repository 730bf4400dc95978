/**
 * Data-residency scenarios: `basic` with a change to what AWS itself serves (the region catalog),
 * so it applies to every account. Tests name the change through the exports, never through copies.
 */
import type { Scenario } from '../scenario';
import { BASIC_REGION, basicScenario } from './basic';
import { BEDROCK_GEO_DESTINATIONS, BEDROCK_MODEL_IDS } from './bedrockCatalog';

/** The profile that gained a destination abroad in `residency-abroad`. */
export const RESIDENCY_ABROAD_PROFILE_ID = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
/** The Region where it gained it: Tokyo (Osaka's copy of the profile is unchanged). */
export const RESIDENCY_ABROAD_SOURCE_REGION = BASIC_REGION;
/** The destination it gained: Singapore, outside Japan. */
export const RESIDENCY_ABROAD_REGION = 'ap-southeast-1';
/** When AWS changed the profile (its `updatedAt`). */
export const RESIDENCY_ABROAD_UPDATED_AT = '2026-03-02T00:00:00.000Z';

function residencyAbroad(): Scenario {
  const scenario = basicScenario();
  scenario.name = 'residency-abroad';
  scenario.description = `basic, except that in ${RESIDENCY_ABROAD_SOURCE_REGION} the system profile ${RESIDENCY_ABROAD_PROFILE_ID} also routes to ${RESIDENCY_ABROAD_REGION} (every account).`;
  const profile = scenario.bedrock?.regions[RESIDENCY_ABROAD_SOURCE_REGION]?.systemProfiles.find((candidate) => candidate.id === RESIDENCY_ABROAD_PROFILE_ID);
  if (!profile) throw new Error(`basic scenario lost ${RESIDENCY_ABROAD_PROFILE_ID} in ${RESIDENCY_ABROAD_SOURCE_REGION}`);
  profile.destinations = [...BEDROCK_GEO_DESTINATIONS.jp, RESIDENCY_ABROAD_REGION];
  profile.description = `Routes requests to Anthropic Claude Sonnet 4.5 in ${BEDROCK_GEO_DESTINATIONS.jp.join(', ')} and ${RESIDENCY_ABROAD_REGION}.`;
  profile.updatedAt = RESIDENCY_ABROAD_UPDATED_AT;
  return scenario;
}

export const residencyScenarios = {
  'residency-abroad': residencyAbroad,
} satisfies Record<string, () => Scenario>;

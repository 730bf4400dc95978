/**
 * The Service Quotas codes (ServiceCode `bedrock`) known to count Claude traffic. A dated table of
 * hints, not truth: AWS renames quotas while codes stay, and every new model brings new codes, so the
 * matcher (quotaMatch.ts) falls back to a tolerant name match for any code this table does not know.
 */

import type { QuotaMeasure, QuotaRouting } from './quotaTypes';

/** One known quota code: which model, routing and measure it limits. */
export interface QuotaCodeEntry {
  readonly baseModelId: string;
  readonly routing: QuotaRouting;
  readonly measure: QuotaMeasure;
  /** A separate "… 1M Context Length" quota. */
  readonly longContext: boolean;
  readonly code: string;
}

const SONNET_4_5 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_4_5 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const OPUS_4_5 = 'anthropic.claude-opus-4-5-20251101-v1:0';
const SONNET_4_6 = 'anthropic.claude-sonnet-4-6';
const OPUS_4_6 = 'anthropic.claude-opus-4-6-v1';

/** The four standard-context rate quotas of one model: geographic TPM / RPM, global TPM / RPM. */
function rateCodes(baseModelId: string, crossRegionTpm: string, crossRegionRpm: string, globalTpm: string, globalRpm: string): QuotaCodeEntry[] {
  const entry = (routing: QuotaRouting, measure: QuotaMeasure, code: string): QuotaCodeEntry => ({ baseModelId, routing, measure, longContext: false, code });
  return [
    entry('cross-region', 'tokens-per-minute', crossRegionTpm),
    entry('cross-region', 'requests-per-minute', crossRegionRpm),
    entry('global', 'tokens-per-minute', globalTpm),
    entry('global', 'requests-per-minute', globalRpm),
  ];
}

/** Quota codes seen for Claude models; routing 'cross-region' is the geographic profiles (`jp.`, `us.`, …). */
export const QUOTA_CODE_TABLE = {
  asOf: '2026-02-20',
  source:
    'Public Service Quotas catalogs of ServiceCode bedrock (ListAWSDefaultServiceQuotas), as collected in the ' +
    'project reference "AWS wire facts", section "Bedrock quotas and metrics that matter for Claude"; hints, not truth',
  entries: [
    ...rateCodes(SONNET_4_5, 'L-F4DDD3EB', 'L-4A6BFAB1', 'L-27C57EE8', 'L-DB84CE56'),
    ...rateCodes(HAIKU_4_5, 'L-58BE175A', 'L-CCA5DF70', 'L-9A11C666', 'L-E5084BBA'),
    ...rateCodes(OPUS_4_5, 'L-7007E9C9', 'L-27989F42', 'L-3ABF6ACC', 'L-58424D95'),
    ...rateCodes(SONNET_4_6, 'L-15B8E632', 'L-00FF3314', 'L-7BEE40FB', 'L-F6E116D7'),
    ...rateCodes(OPUS_4_6, 'L-0AD9BBE8', 'L-11DFF789', 'L-3DCCFAA4', 'L-3DD46812'),
  ] as readonly QuotaCodeEntry[],
} as const;

const ENTRIES_BY_CODE = new Map(QUOTA_CODE_TABLE.entries.map((entry) => [entry.code, entry]));

/** The table's entry for a quota code, when the table knows the code. */
export function quotaCodeEntry(code: string): QuotaCodeEntry | undefined {
  return ENTRIES_BY_CODE.get(code);
}

/** The table's entries for one base model ID (empty for a model the table does not know). */
export function quotaCodesFor(baseModelId: string): readonly QuotaCodeEntry[] {
  return QUOTA_CODE_TABLE.entries.filter((entry) => entry.baseModelId === baseModelId);
}

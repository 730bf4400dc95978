/**
 * The residency check: each configured model ID resolved with GetInferenceProfile to the Regions
 * its requests may be served in. Credentials are resolved once; the lookups (one per distinct ID)
 * and STS GetCallerIdentity (the account, for the proof; not asked with `account: false`) then run at
 * once, each with its own deadline.
 */

import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Diagnosis, InferenceProfileRecord } from '../../core/models/bedrockTypes';
import { describeDiagnosis, diagnoseAwsError } from '../../core/models/diagnosis';
import type { ResidencyCheck } from '../../core/policy/policyTypes';
import { invokedModelId, needsProfileLookup, residencyOf } from '../../core/residency/residency';
import { bedrockSessionOf, getInferenceProfile, type CallResult } from '../models/bedrock';
import { profileNameOf, type AwsCallContext } from '../clients';
import { callAsValue, openAwsSession, type AwsSession } from '../session';

/** One configured model: the settings key that names it, the ID as written, and its compliant replacement. */
export interface ResidencyModel {
  readonly key: string;
  readonly modelId: string;
  readonly replacement?: string;
}

export interface CheckResidencyOptions extends AwsCallContext {
  readonly models: readonly ResidencyModel[];
  readonly allowedRegions: readonly string[];
  /** Per call, and for resolving credentials. */
  readonly timeoutMs?: number;
  /** The clock for `checkedAt` (epoch ms). */
  readonly now?: () => number;
  /** Also ask STS for the account, which only the proof needs (default true). */
  readonly account?: boolean;
}

export type ResidencyResult =
  | { readonly ok: true; readonly checks: ResidencyCheck[]; readonly account?: string; /** Why the account could not be read, when it was asked. */ readonly accountError?: Diagnosis }
  | { readonly ok: false; readonly credentials: Diagnosis };

function callerAccount(session: AwsSession): Promise<CallResult<string>> {
  const sts = session.client('sts', (config) => new STSClient(config));
  return callAsValue(session, 'GetCallerIdentity', async (abortSignal) => (await sts.send(new GetCallerIdentityCommand({}), { abortSignal })).Account ?? '');
}

/**
 * An English detail of a failed lookup, for `ResidencyCheck.error` and the proof (the reader's own
 * language is worded from `ResidencyCheck.diagnosis` where it is shown): the diagnosis in
 * words (the HTTP status, "a proxy or gateway answered", "did not finish in time"; the AWS message
 * already redacted) and its fix, never its code.
 */
function lookupError(diagnosis: Diagnosis): string {
  const { cause, fix } = describeDiagnosis(diagnosis, 'en');
  return `${cause} ${fix}`;
}

interface Lookup {
  readonly record?: InferenceProfileRecord;
  readonly diagnosis?: Diagnosis;
  readonly at: number;
}

/**
 * Resolves every configured model and judges it against `allowedRegions`. A bare model ID runs in
 * `region` and needs no call; every other ID (system profile, application profile, either ARN) is
 * looked up once, without its `[1m]` suffix. Credentials that do not work (at resolution, or
 * rejected by Bedrock or STS) are `ok: false`; any other failed lookup makes that model `unverified`.
 */
export async function checkResidency(options: CheckResidencyOptions): Promise<ResidencyResult> {
  const now = options.now ?? Date.now;
  const context = { profile: profileNameOf(options.target), region: options.region };
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, credentials: diagnoseAwsError(opened.error, context) };
  const session = opened.value;
  try {
    const bedrock = bedrockSessionOf(session);
    const ids = [...new Set(options.models.map((model) => invokedModelId(model.modelId)).filter(needsProfileLookup))];
    const [lookups, identity] = await Promise.all([
      Promise.all(
        ids.map(async (id): Promise<[string, Lookup]> => {
          const result = await getInferenceProfile(bedrock, id);
          const at = now();
          return [id, result.ok ? { record: result.value, at } : { diagnosis: diagnoseAwsError(result.error, { ...context, modelId: id }), at }];
        }),
      ),
      options.account === false ? undefined : callerAccount(session),
    ]);

    const answers = new Map(lookups);
    const rejected = [...answers.values()].find((lookup) => lookup.diagnosis?.code === 'credentials')?.diagnosis;
    if (rejected !== undefined) return { ok: false, credentials: rejected };
    const accountError = identity === undefined || identity.ok ? undefined : diagnoseAwsError(identity.error, context);
    if (accountError?.code === 'credentials') return { ok: false, credentials: accountError };

    const finished = now();
    const checks = options.models.map((model) => {
      const lookup = answers.get(invokedModelId(model.modelId));
      return residencyOf({
        modelId: model.modelId,
        key: model.key,
        region: options.region,
        record: lookup?.record,
        error: lookup?.diagnosis === undefined ? undefined : lookupError(lookup.diagnosis),
        diagnosis: lookup?.diagnosis,
        allowedRegions: options.allowedRegions,
        replacement: model.replacement,
        checkedAt: lookup?.at ?? finished,
      });
    });
    const account = identity?.ok && identity.value !== '' ? identity.value : undefined;
    return { ok: true, checks, ...(account === undefined ? {} : { account }), ...(accountError === undefined ? {} : { accountError }) };
  } finally {
    session.close();
  }
}

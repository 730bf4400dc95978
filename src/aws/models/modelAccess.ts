/**
 * Access validation for the chosen models and the catalog of a region. Independent calls run
 * at once, each with its own timeout: for two models, the profile lookups, availability checks
 * and probes all overlap, so the wall time is near the slowest call, not their sum.
 */

import type { Diagnosis, InferenceProfileRecord, ModelCatalog, ProbeRecord } from '../../core/models/bedrockTypes';
import { baseModelIdOf, buildCatalog, fallbackCatalog, scopeOf } from '../../core/models/catalog';
import { diagnoseAvailability, diagnoseAwsError } from '../../core/models/diagnosis';
import { assessAccess, type ModelAccessReport } from '../../core/models/modelAccess';
import {
  getInferenceProfile,
  getModelAvailability,
  listFoundationModels,
  listInferenceProfiles,
  openBedrockSession,
  probeModel,
  type BedrockSession,
  type BedrockSessionOptions,
} from './bedrock';
import { profileNameOf } from '../clients';

export interface ValidateOptions extends BedrockSessionOptions {
  /** IDs as they would be written: profile IDs, application profile ARNs or bare model IDs. */
  readonly models: readonly string[];
  /** Send the one-token Converse probe (costs a few tokens). */
  readonly probe: boolean;
  /** Hears each model's report as soon as it is complete. */
  readonly onReport?: (index: number, report: ModelAccessReport) => void;
}

export interface ValidationResult {
  /** Set when credentials could not be resolved; then no call was made. */
  readonly credentials?: Diagnosis;
  readonly reports: readonly ModelAccessReport[];
}

/** Claude Code strips a `[1m]` suffix before calling Bedrock (it selects a beta header instead). */
function invokedId(modelId: string): string {
  return modelId.replace(/\[1m\]$/i, '');
}

async function validateOne(session: BedrockSession, modelId: string, probe: boolean, profile: string | undefined): Promise<ModelAccessReport> {
  const region = session.region;
  const id = invokedId(modelId);
  const context = { profile, region, modelId };
  const scope = scopeOf(id);
  const diagnoses: Diagnosis[] = [];
  let inferenceProfile: InferenceProfileRecord | undefined;
  let baseModelId = baseModelIdOf(id);

  const profileStep = async () => {
    if (scope === 'in-region') return;
    const result = await getInferenceProfile(session, id);
    if (result.ok) {
      inferenceProfile = result.value;
      baseModelId ??= result.value.modelArns.map(baseModelIdOf).find((base) => base !== undefined);
    } else {
      diagnoses.push(diagnoseAwsError(result.error, context));
    }
  };
  const availabilityStep = async (base: string | undefined) => {
    if (base === undefined) return undefined;
    const result = await getModelAvailability(session, base);
    if (!result.ok) {
      diagnoses.push(diagnoseAwsError(result.error, { ...context, modelId: base }));
      return undefined;
    }
    diagnoses.push(...diagnoseAvailability(result.value, context));
    return result.value;
  };
  const probeStep = async (): Promise<ProbeRecord | undefined> => {
    if (!probe) return undefined;
    const result = await probeModel(session, id);
    if (result.ok) return result.value;
    diagnoses.push(diagnoseAwsError(result.error, context));
    return undefined;
  };

  // An application profile's base model is known only from its ARNs: availability waits for it.
  const knownBase = baseModelId;
  const [, availability, probeRecord] = await Promise.all([profileStep(), availabilityStep(knownBase), probeStep()]);
  const lateAvailability = knownBase === undefined ? await availabilityStep(baseModelId) : availability;

  return assessAccess({
    modelId,
    region,
    baseModelId,
    scope,
    inferenceProfile,
    availability: lateAvailability,
    probe: probeRecord,
    probed: probe,
    diagnoses,
  });
}

/** Validates each model; resolves credentials once, then runs every model's checks at once. */
export async function validateModelAccess(options: ValidateOptions): Promise<ValidationResult> {
  const opened = await openBedrockSession(options);
  if (!opened.ok) return { credentials: diagnoseAwsError(opened.error, { profile: profileNameOf(options.target), region: options.region }), reports: [] };
  const session = opened.value;
  try {
    const reports = await Promise.all(
      options.models.map(async (modelId, index) => {
        const report = await validateOne(session, modelId, options.probe, profileNameOf(options.target));
        options.onReport?.(index, report);
        return report;
      }),
    );
    return { reports };
  } finally {
    session.close();
  }
}

export interface CatalogResult {
  /** Absent only when credentials failed; a denied listing yields the fallback catalog. */
  readonly catalog?: ModelCatalog;
  readonly diagnoses: readonly Diagnosis[];
}

/**
 * The catalog of a region for a profile: ListInferenceProfiles (every page, both types) and
 * ListFoundationModels at once. A denied profile listing falls back to the bundled table,
 * marked unverified; a denied model listing only loses the lifecycle and on-demand details.
 */
export async function loadCatalog(options: BedrockSessionOptions & { readonly pageSize?: number }): Promise<CatalogResult> {
  const context = { profile: profileNameOf(options.target), region: options.region };
  const opened = await openBedrockSession(options);
  if (!opened.ok) return { diagnoses: [diagnoseAwsError(opened.error, context)] };
  const session = opened.value;
  try {
    const [profiles, models] = await Promise.all([listInferenceProfiles(session, options.pageSize), listFoundationModels(session)]);
    const diagnoses: Diagnosis[] = [];
    // Without the model listing only lifecycle and on-demand details are missing: a warning.
    if (!models.ok) diagnoses.push({ ...diagnoseAwsError(models.error, context), severity: 'warning' });
    if (!profiles.ok) {
      const diagnosis = diagnoseAwsError(profiles.error, context);
      diagnoses.unshift(diagnosis);
      if (diagnosis.code === 'credentials') return { diagnoses };
      return { catalog: fallbackCatalog(options.region), diagnoses };
    }
    return { catalog: buildCatalog({ region: options.region, profiles: profiles.value, foundationModels: models.ok ? models.value : undefined }), diagnoses };
  } finally {
    session.close();
  }
}

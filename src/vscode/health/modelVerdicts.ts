/**
 * The configured models' latest validation as part of a folder's health. The models view's store
 * (ModelsState) is the one source of each model's latest verdict — fed by the models view, the Setup
 * view's *Validate the Configured Models* and the wizard — so the Setup view, the models view and
 * the status bar say the same. A verdict counts only for the profile and Region it was made with.
 */

import type { HealthState } from '../../core/health/health';
import type { ModelAccessReport } from '../../core/models/modelAccess';
import { configuredModels } from '../../core/setup/effectiveSetup';
import type { ModelsState } from '../models/modelsState';
import type { FolderSetup } from '../setup/setupState';

export interface ModelVerdict {
  readonly modelId: string;
  readonly report: ModelAccessReport;
  readonly checkedAt: Date;
}

const RANK: Record<HealthState, number> = { 'not-configured': 0, healthy: 1, warning: 2, error: 3 };

/** The latest verdict of each model the folder configures, when it was made for the folder's own profile and Region. */
export function folderModelVerdicts(folder: FolderSetup, models: ModelsState | undefined): ModelVerdict[] {
  if (!models || folder.health.state === 'not-configured') return [];
  if (models.profile !== folder.health.profile || models.region !== folder.health.region) return [];
  const { primary, background } = configuredModels(folder.setup);
  const ids = [...new Set([primary, background].filter((id): id is string => id !== undefined))];
  return ids.flatMap((modelId) => {
    const entry = models.report(modelId);
    return entry ? [{ modelId, report: entry.report, checkedAt: entry.checkedAt }] : [];
  });
}

/** What a verdict does to the health: a blocking problem is an error; a warning or a check that could not be read, a warning; ok nothing. */
export function verdictState(report: ModelAccessReport): HealthState | undefined {
  if (report.verification === 'problem') return report.blocking ? 'error' : 'warning';
  if (report.verification === 'not-verified') return 'warning';
  return undefined;
}

/** The folder's health with its models' latest verdicts: never healthy while a configured model failed or could not be checked. */
export function folderState(folder: FolderSetup, models: ModelsState | undefined): HealthState {
  let state = folder.health.state;
  for (const verdict of folderModelVerdicts(folder, models)) {
    const contribution = verdictState(verdict.report);
    if (contribution && RANK[contribution] > RANK[state]) state = contribution;
  }
  return state;
}

/** The worst state over the folders. */
export function overallState(folders: readonly FolderSetup[], models?: ModelsState): HealthState {
  return folders.reduce<HealthState>((worst, folder) => {
    const state = folderState(folder, models);
    return RANK[state] > RANK[worst] ? state : worst;
  }, 'not-configured');
}

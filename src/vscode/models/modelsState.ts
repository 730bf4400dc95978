/**
 * What the models view shows, in memory: the profile and region chosen for it (remembered per
 * workspace), the region's catalog, the chosen primary and background models, and the last
 * access report of each model ID. Nothing here calls AWS.
 */

import * as vscode from 'vscode';
import type { CatalogResult } from '../../aws/models/modelAccess';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import type { ModelAccessReport } from '../../core/models/modelAccess';

export type ModelRole = 'primary' | 'background';

export interface CatalogEntry {
  readonly result: CatalogResult;
  readonly profile: string;
  readonly region: string;
  readonly loadedAt: Date;
}

export interface ReportEntry {
  readonly report: ModelAccessReport;
  readonly checkedAt: Date;
}

const PROFILE_KEY = 'claudeBedrock.models.profile';
const REGION_KEY = 'claudeBedrock.models.region';
const CHOSEN_KEY = 'claudeBedrock.models.chosen';

export class ModelsState implements vscode.Disposable {
  private catalogEntry: CatalogEntry | undefined;
  private loadingCatalog = false;
  private readonly reports = new Map<string, ReportEntry>();
  private readonly running = new Set<string>();
  /** A credentials failure of the last validation: no model could be checked. */
  private validationFailure: Diagnosis | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires whenever anything shown changed; the tree is small enough to redraw whole. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  get profile(): string | undefined {
    return this.memento.get<string>(PROFILE_KEY);
  }

  get region(): string | undefined {
    return this.memento.get<string>(REGION_KEY);
  }

  /** Changing the profile or region drops the catalog and every report: they belonged to the old pair. */
  async select(profile: string | undefined, region: string | undefined): Promise<void> {
    await this.memento.update(PROFILE_KEY, profile);
    await this.memento.update(REGION_KEY, region);
    this.catalogEntry = undefined;
    this.reports.clear();
    this.validationFailure = undefined;
    this.changed.fire();
  }

  get catalog(): CatalogEntry | undefined {
    return this.catalogEntry;
  }

  get isLoadingCatalog(): boolean {
    return this.loadingCatalog;
  }

  startCatalog(): void {
    this.loadingCatalog = true;
    this.changed.fire();
  }

  finishCatalog(entry: CatalogEntry | undefined): void {
    this.loadingCatalog = false;
    // A result for a pair the user has since left is dropped.
    if (entry && (entry.profile !== this.profile || entry.region !== this.region)) entry = undefined;
    this.catalogEntry = entry;
    this.changed.fire();
  }

  chosen(role: ModelRole): string | undefined {
    return this.memento.get<Partial<Record<ModelRole, string>>>(CHOSEN_KEY, {})[role];
  }

  async choose(role: ModelRole, modelId: string): Promise<void> {
    const current = this.memento.get<Partial<Record<ModelRole, string>>>(CHOSEN_KEY, {});
    await this.memento.update(CHOSEN_KEY, { ...current, [role]: modelId });
    this.changed.fire();
  }

  report(modelId: string): ReportEntry | undefined {
    return this.reports.get(modelId);
  }

  isRunning(modelId: string): boolean {
    return this.running.has(modelId);
  }

  get lastValidationFailure(): Diagnosis | undefined {
    return this.validationFailure;
  }

  startValidation(modelIds: readonly string[]): void {
    this.validationFailure = undefined;
    for (const modelId of modelIds) this.running.add(modelId);
    this.changed.fire();
  }

  finishReport(report: ModelAccessReport): void {
    this.running.delete(report.modelId);
    this.reports.set(report.modelId, { report, checkedAt: new Date() });
    this.changed.fire();
  }

  failValidation(modelIds: readonly string[], diagnosis: Diagnosis | undefined): void {
    for (const modelId of modelIds) this.running.delete(modelId);
    this.validationFailure = diagnosis;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * The models view: for the chosen profile and region, the Claude models the account can invoke,
 * grouped by family, each with its scopes (global, Japan-domestic, …), where they route, and the
 * access state and diagnoses of the last validation. The catalog is fetched when the view is
 * first drawn for a profile and region, and on refresh; never in the background. Offers the
 * organisation policy refuses keep their row, marked as not allowed, with the reason.
 */

import * as vscode from 'vscode';
import type { ApplicationProfileEntry, CatalogModel, CatalogOffer, Diagnosis, ModelFamily } from '../../core/models/bedrockTypes';
import { applicationOffer, findOffer } from '../../core/models/catalog';
import type { EffectivePolicy, PolicyViolation } from '../../core/policy/policyTypes';
import { regionName } from '../../core/regions/regions';
import { diagnosisItem, offerItem, offerRefusal, offerRefusals, reportDetailItems } from './modelItems';
import type { ModelRole, ModelsState } from './modelsState';
import { uiLocale } from '../uiLocale';

export type ModelsNode =
  | { readonly type: 'setting'; readonly which: 'profile' | 'region' }
  | { readonly type: 'notice'; readonly id: string; readonly item: vscode.TreeItem; readonly diagnoses?: readonly Diagnosis[] }
  | { readonly type: 'diagnosis'; readonly id: string; readonly diagnosis: Diagnosis }
  | { readonly type: 'detail'; readonly id: string; readonly item: vscode.TreeItem }
  | { readonly type: 'chosenGroup' }
  | { readonly type: 'chosen'; readonly role: ModelRole }
  | { readonly type: 'family'; readonly family: ModelFamily; readonly models: readonly CatalogModel[] }
  | { readonly type: 'model'; readonly model: CatalogModel }
  | { readonly type: 'offer'; readonly offer: CatalogOffer; readonly model?: CatalogModel; readonly parent: string }
  | { readonly type: 'applicationGroup'; readonly profiles: readonly ApplicationProfileEntry[] };

const FAMILY_ORDER: readonly ModelFamily[] = ['opus', 'sonnet', 'haiku', 'other'];

/** The organisation policy the offers are judged against (the first workspace folder's), and when it changes. */
export interface PolicyProvider {
  readonly current: () => EffectivePolicy | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export class ModelsView implements vscode.TreeDataProvider<ModelsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ModelsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly state: ModelsState,
    /** Starts fetching the catalog for the current selection; called when the view needs it. */
    private readonly loadCatalog: () => void,
    private readonly policy?: PolicyProvider,
  ) {
    this.subscriptions = [state.onDidChange(() => this.changed.fire(undefined)), ...(policy ? [policy.onDidChange(() => this.changed.fire(undefined))] : [])];
  }

  /** Why the organisation policy refuses an offer in a role, or undefined when it is allowed (or no policy applies). */
  refusal(offer: CatalogOffer, role: ModelRole): PolicyViolation | undefined {
    return offerRefusal(this.policy?.current(), offer, role, this.state.region);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: ModelsNode): ModelsNode[] {
    if (!node) return this.rootChildren();
    switch (node.type) {
      case 'notice':
        return (node.diagnoses ?? []).map((diagnosis, index) => ({ type: 'diagnosis', id: `${node.id}/d${index}`, diagnosis }));
      case 'chosenGroup':
        return [{ type: 'chosen', role: 'primary' }, { type: 'chosen', role: 'background' }];
      case 'chosen': {
        const modelId = this.state.chosen(node.role);
        return modelId ? this.reportChildren(`chosen:${node.role}`, modelId) : [];
      }
      case 'family':
        return node.models.map((model) => ({ type: 'model', model }));
      case 'model':
        return node.model.offers.map((offer) => ({ type: 'offer', offer, model: node.model, parent: node.model.baseModelId }));
      case 'applicationGroup':
        return node.profiles.map((entry) => ({ type: 'offer', parent: 'application', offer: applicationOffer(entry) }));
      case 'offer':
        return this.reportChildren(`${node.parent}/${node.offer.modelId}`, node.offer.modelId);
      default:
        return [];
    }
  }

  private rootChildren(): ModelsNode[] {
    const nodes: ModelsNode[] = [{ type: 'setting', which: 'profile' }, { type: 'setting', which: 'region' }];
    const { profile, region } = this.state;
    if (!profile || !region) return nodes;
    const entry = this.state.catalog;
    if (!entry) {
      if (!this.state.isLoadingCatalog) this.loadCatalog();
      nodes.push(this.notice('loading', vscode.l10n.t('Loading the models of {0}…', region), 'loading~spin'));
      return nodes;
    }
    const { catalog, diagnoses } = entry.result;
    if (!catalog) {
      nodes.push(this.notice('failed', vscode.l10n.t('The models could not be listed'), 'error', diagnoses));
      return nodes;
    }
    if (catalog.source === 'fallback') {
      const notice = this.notice(
        'fallback',
        vscode.l10n.t('Unverified: bundled table of {0}', catalog.fallback?.asOf ?? '?'),
        'warning',
        diagnoses,
      );
      notice.item.tooltip = vscode.l10n.t('The account did not list its inference profiles, so this is the bundled table ({0}, {1}). Validate a model to know whether it works.', catalog.fallback?.asOf ?? '?', catalog.fallback?.source ?? '?');
      nodes.push(notice);
    } else if (diagnoses.length > 0) {
      nodes.push(this.notice('partial', vscode.l10n.t('Some details could not be listed'), 'warning', diagnoses));
    }
    const failure = this.state.lastValidationFailure;
    if (failure) nodes.push(this.notice('validation-failed', vscode.l10n.t('Validation could not run'), 'error', [failure]));
    nodes.push({ type: 'chosenGroup' });
    for (const family of FAMILY_ORDER) {
      const models = catalog.models.filter((model) => model.family === family);
      if (models.length > 0) nodes.push({ type: 'family', family, models });
    }
    if (catalog.models.length === 0) nodes.push(this.notice('empty', vscode.l10n.t('No Claude models are offered in {0}', region), 'info'));
    if (catalog.applicationProfiles.length > 0) nodes.push({ type: 'applicationGroup', profiles: catalog.applicationProfiles });
    return nodes;
  }

  /** A status row; the diagnoses that explain it are its children, shown expanded. */
  private notice(id: string, label: string, icon: string, diagnoses: readonly Diagnosis[] = []): Extract<ModelsNode, { type: 'notice' }> {
    const item = new vscode.TreeItem(label, diagnoses.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `notice:${id}`;
    item.iconPath = new vscode.ThemeIcon(icon);
    return { type: 'notice', id: `notice:${id}`, item, diagnoses };
  }

  private reportChildren(prefix: string, modelId: string): ModelsNode[] {
    const entry = this.state.report(modelId);
    if (!entry) return [];
    const details: ModelsNode[] = reportDetailItems(entry.report, prefix).map((item) => ({ type: 'detail', id: item.id!, item }));
    const diagnoses: ModelsNode[] = entry.report.diagnoses.map((diagnosis, index) => ({ type: 'diagnosis', id: `${prefix}/d${index}`, diagnosis }));
    return [...diagnoses, ...details];
  }

  getTreeItem(node: ModelsNode): vscode.TreeItem {
    const locale = uiLocale();
    switch (node.type) {
      case 'setting': {
        const value = node.which === 'profile' ? this.state.profile : this.state.region;
        const item = new vscode.TreeItem(node.which === 'profile' ? vscode.l10n.t('Profile') : vscode.l10n.t('Region'));
        item.id = `setting:${node.which}`;
        item.description = value
          ? node.which === 'region'
            ? `${value} · ${regionName(value, locale)}`
            : value
          : vscode.l10n.t('not chosen: click to choose');
        item.iconPath = new vscode.ThemeIcon(node.which === 'profile' ? 'account' : 'globe');
        item.command = {
          command: node.which === 'profile' ? 'claudeBedrock.selectModelsProfile' : 'claudeBedrock.selectRegion',
          title: node.which === 'profile' ? vscode.l10n.t('Choose a profile') : vscode.l10n.t('Choose a region'),
        };
        item.contextValue = 'setting';
        return item;
      }
      case 'notice':
      case 'detail':
        return node.item;
      case 'diagnosis':
        return diagnosisItem(node.diagnosis, node.id);
      case 'chosenGroup': {
        const item = new vscode.TreeItem(vscode.l10n.t('Chosen for this setup'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'chosen';
        item.iconPath = new vscode.ThemeIcon('pinned');
        item.contextValue = 'chosenGroup';
        return item;
      }
      case 'chosen': {
        const modelId = this.state.chosen(node.role);
        const offer = modelId ? this.findOffer(modelId) : undefined;
        const label = node.role === 'primary' ? vscode.l10n.t('Primary model') : vscode.l10n.t('Background model (Haiku)');
        if (!modelId) {
          const item = new vscode.TreeItem(label);
          item.id = `chosen:${node.role}`;
          item.description = vscode.l10n.t('not chosen: right-click a model below');
          item.iconPath = new vscode.ThemeIcon('circle-large-outline');
          return item;
        }
        const shown = offer ?? { modelId, scope: '', destinations: [], anyRegion: false, status: '' };
        // Chosen before the policy said otherwise: marked as not allowed in the role it was chosen for.
        const refused = this.refusal(shown, node.role);
        const item = offerItem(shown, this.state, `chosen:${node.role}`, refused ? { primary: refused, background: refused } : {});
        item.label = label;
        item.description = refused ? `${vscode.l10n.t('not allowed by the organisation policy')} · ${modelId}` : modelId;
        return item;
      }
      case 'family': {
        const names: Record<ModelFamily, string> = { opus: 'Opus', sonnet: 'Sonnet', haiku: 'Haiku', other: vscode.l10n.t('Other') };
        const item = new vscode.TreeItem(names[node.family], vscode.TreeItemCollapsibleState.Expanded);
        item.id = `family:${node.family}`;
        item.description = vscode.l10n.t('{0} models', node.models.length);
        item.iconPath = new vscode.ThemeIcon('symbol-class');
        return item;
      }
      case 'model': {
        const item = new vscode.TreeItem(node.model.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `model:${node.model.baseModelId}`;
        item.description = [node.model.offers.map((offer) => offer.scope).join(' · '), node.model.lifecycle === 'LEGACY' ? vscode.l10n.t('legacy') : undefined]
          .filter(Boolean)
          .join(' — ');
        item.tooltip = node.model.baseModelId;
        item.iconPath = new vscode.ThemeIcon('hubot');
        return item;
      }
      case 'offer':
        return offerItem(node.offer, this.state, `${node.parent}/${node.offer.modelId}`, offerRefusals(this.policy?.current(), node.offer, this.state.region));
      case 'applicationGroup': {
        const item = new vscode.TreeItem(vscode.l10n.t('Application inference profiles'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'application';
        item.description = String(node.profiles.length);
        item.iconPath = new vscode.ThemeIcon('layers');
        return item;
      }
    }
  }

  /** The catalog's offer for a model ID, for rows that know only the ID. */
  findOffer(modelId: string): CatalogOffer | undefined {
    const catalog = this.state.catalog?.result.catalog;
    return catalog ? findOffer(catalog, modelId)?.offer : undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}

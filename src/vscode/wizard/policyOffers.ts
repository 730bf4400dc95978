/**
 * The organisation policy in the wizard's offers, without any UI: each offer judged (the policy's
 * verdicts plus Claude Code's managed locks), offers split into allowed and not allowed, defaults
 * kept compliant, the pins and the token limit the options step must set, and the writer's check
 * of the choices. Plain code, unit-tested.
 *
 * Application profiles: their ID does not tell where they route, so the static check reports them
 * `residency-unverified`. The wizard has the account's own listing of them (ListInferenceProfiles,
 * loaded at the scope step), which names their destinations: inside the allowed Regions they are
 * allowed, with a notice that the health check confirms the destinations (GetInferenceProfile);
 * outside, or not listed, they are refused (fail closed).
 */

import type { CatalogOffer, ModelCatalog } from '../../core/models/bedrockTypes';
import { findOffer } from '../../core/models/catalog';
import { withoutLongContext } from '../../core/models/contextWindow';
import { checkChoices, compliantModelId, profileVerdict, regionVerdict, residencyVerdict, scopeVerdict, writeScopeVerdict } from '../../core/policy/policyEvaluate';
import { suggestPin } from '../../core/policy/policySuggest';
import type { ChoiceVerdict, EffectivePolicy, ManagedLock, PolicyViolation } from '../../core/policy/policyTypes';
import { lockOf, lockVerdict, modelViolations, pinKey, violationOf, type ModelRole } from '../../core/policy/policyVerdicts';
import { REGION_PREFIX_SCOPES } from '../../core/setup/settingsKeys';
import type { SetupChoices, SetupPlan, SetupScope } from '../../core/setup/settingsTypes';
import { judgePlan, type PolicyRewrite } from '../../core/policy/policyPlan';
import type { SettingsFiles } from '../../core/setup/settingsPlan';
import { aliasPin, modelsInScope } from './stepOffers';
import type { BackgroundChoice } from './wizardState';

/** The settings keys the wizard's choices write (as the settings plan writes them). */
export const CHOICE_KEYS = {
  profile: 'env.AWS_PROFILE',
  region: 'env.AWS_REGION',
  prefix: 'env.ANTHROPIC_BEDROCK_REGION_PREFIX',
  primary: 'env.ANTHROPIC_MODEL',
  background: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL',
  tokens: 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS',
} as const;

export const ALLOWED: ChoiceVerdict = { allowed: true };

function forbidden(violation: PolicyViolation): ChoiceVerdict {
  return { allowed: false, violation };
}

/** The first verdict that forbids, else allowed. */
export function firstBlocking(...verdicts: readonly ChoiceVerdict[]): ChoiceVerdict {
  return verdicts.find((verdict) => !verdict.allowed) ?? ALLOWED;
}

/** Offers split by their verdicts, each list in the order given. */
export interface Partitioned<T> {
  readonly allowed: readonly T[];
  readonly blocked: readonly { readonly offer: T; readonly violation: PolicyViolation }[];
}

export function partitionOffers<T>(offers: readonly T[], judge: (offer: T) => ChoiceVerdict): Partitioned<T> {
  const allowed: T[] = [];
  const blocked: { offer: T; violation: PolicyViolation }[] = [];
  for (const offer of offers) {
    const verdict = judge(offer);
    if (verdict.allowed) allowed.push(offer);
    else blocked.push({ offer, violation: verdict.violation });
  }
  return { allowed, blocked };
}

/** The preselected answer: the preferred one when it is allowed, else the first allowed. */
export function compliantDefault<T>(allowed: readonly T[], preferred: ((offer: T) => boolean) | undefined): T | undefined {
  return (preferred ? allowed.find(preferred) : undefined) ?? allowed[0];
}

/** A verdict's violation placed on a settings key and value (the words then name the value chosen). */
function placed(verdict: ChoiceVerdict, key: string, value: string): ChoiceVerdict {
  return verdict.allowed ? verdict : forbidden({ ...verdict.violation, key, value });
}

/** A profile: a lock on `AWS_PROFILE`, then the credential rules for its kind. */
export function profileChoiceVerdict(policy: EffectivePolicy, profile: { readonly name: string; readonly kind: string }): ChoiceVerdict {
  return firstBlocking(lockVerdict(policy, CHOICE_KEYS.profile, profile.name), placed(profileVerdict(policy, profile.kind), CHOICE_KEYS.profile, profile.name));
}

/** A Region: a lock on `AWS_REGION`, then the allowed and residency Regions. */
export function regionChoiceVerdict(policy: EffectivePolicy, region: string): ChoiceVerdict {
  return firstBlocking(lockVerdict(policy, CHOICE_KEYS.region, region), regionVerdict(policy, region));
}

/** Where a scope's or a model's requests may be served, as the account's listing says (empty when unknown). */
export interface Routes {
  readonly destinations: readonly string[];
  readonly anyRegion: boolean;
}

function known(routes: Routes | undefined): routes is Routes {
  return routes !== undefined && (routes.anyRegion || routes.destinations.length > 0);
}

/**
 * A scope of the catalog: the allowed scopes, residency by the bundled tables and by the routes the
 * account lists for it, and a lock on the Region prefix (which the plan derives from the scope).
 */
export function scopeChoiceVerdict(policy: EffectivePolicy, scope: string, routes?: Routes): ChoiceVerdict {
  const own = scopeVerdict(policy, scope);
  if (!own.allowed) return own;
  if (scope !== 'application' && scope !== 'in-region' && known(routes)) {
    const listed = residencyVerdict(policy, scope, routes);
    if (!listed.allowed) return listed;
  }
  return REGION_PREFIX_SCOPES.has(scope) ? lockVerdict(policy, CHOICE_KEYS.prefix, scope) : ALLOWED;
}

/**
 * A model ID in a role: a lock on its key, the policy's model rules (a bare ID judged by the
 * Region), and where the account's listing says it routes. A `residency-unverified` (an application
 * profile) is settled by the listed routes; without them it stands.
 */
export function modelChoiceVerdict(policy: EffectivePolicy, modelId: string, role: ModelRole, context: { readonly region?: string; readonly routes?: Routes; readonly lockKey?: string }): ChoiceVerdict {
  if (context.lockKey !== undefined) {
    const lock = lockVerdict(policy, context.lockKey, modelId);
    if (!lock.allowed) return lock;
  }
  const routes = known(context.routes) ? context.routes : undefined;
  const violations = modelViolations(policy, modelId, role, context.region).filter((violation) => !(routes && violation.code === 'residency-unverified'));
  if (violations[0]) return forbidden(violations[0]);
  return routes ? residencyVerdict(policy, modelId, routes) : ALLOWED;
}

/** The offer a model ID names in a catalog the account listed (a fallback table proves no route). */
export function listedOffer(catalog: ModelCatalog | undefined, modelId: string): CatalogOffer | undefined {
  if (catalog === undefined || catalog.source !== 'account') return undefined;
  return findOffer(catalog, modelId)?.offer;
}

/**
 * The background choice: a model (or the primary's ID, "same") judged in the background role;
 * "leave it to Claude Code" is refused when the policy requires the Haiku pin or keeps data in
 * Regions (Claude Code would pick an ID of its own), unless managed settings set the pin.
 */
export function backgroundChoiceVerdict(
  policy: EffectivePolicy,
  choice: BackgroundChoice,
  context: { readonly primary?: string; readonly region?: string; readonly catalog?: ModelCatalog },
): ChoiceVerdict {
  if (choice.kind === 'none') {
    if (lockOf(policy, CHOICE_KEYS.background) !== undefined) return ALLOWED;
    const pins = policy.requiredModelPins;
    if (pins !== undefined && pins.value.includes('haiku')) return forbidden(violationOf('pin-required', 'requiredModelPins', pins, { key: CHOICE_KEYS.background }));
    if (policy.dataResidency !== undefined) return forbidden(violationOf('pin-required', 'dataResidency', policy.dataResidency, { key: CHOICE_KEYS.background }));
    return ALLOWED;
  }
  const modelId = choice.kind === 'model' ? choice.modelId : withoutLongContext(context.primary ?? '');
  const offer = listedOffer(context.catalog, modelId);
  return modelChoiceVerdict(policy, modelId, 'background', { ...(context.region ? { region: context.region } : {}), ...(offer ? { routes: offer } : {}), lockKey: CHOICE_KEYS.background });
}

/** A place to write: the user file only when the policy allows it. */
export function targetChoiceVerdict(policy: EffectivePolicy, target: SetupScope): ChoiceVerdict {
  return writeScopeVerdict(policy, target);
}

/** What the options step offers for an alias pin. */
export interface PinOffer {
  readonly family: 'sonnet' | 'opus';
  /** The ID to pin; undefined when no compliant ID is known (a required pin then fails at the preview). */
  readonly modelId?: string;
  /** The policy requires the pin: it is ticked and cannot be unticked. */
  readonly required: boolean;
  /** Managed settings set the pin: the wizard does not write it, the locked value applies. */
  readonly locked?: ManagedLock;
}

/**
 * The pin of an alias: the primary (when of that family) or the scope's newest of the family, as
 * before; when that is not allowed, the same model in an allowed scope, else any allowed offer of the
 * family the account lists, else the policy's suggestion.
 */
export function pinOffer(
  policy: EffectivePolicy,
  family: 'sonnet' | 'opus',
  context: { readonly catalog?: ModelCatalog; readonly scope?: string; readonly primary?: string; readonly region?: string },
): PinOffer {
  const required = policy.requiredModelPins?.value.includes(family) ?? false;
  const locked = lockOf(policy, pinKey(family));
  if (locked !== undefined) return { family, modelId: locked.value, required, locked };
  const catalog = context.catalog;
  const allowed = (modelId: string | undefined): modelId is string => {
    if (modelId === undefined) return false;
    const offer = listedOffer(catalog, modelId);
    return modelChoiceVerdict(policy, modelId, family, { ...(context.region ? { region: context.region } : {}), ...(offer ? { routes: offer } : {}) }).allowed;
  };
  const inScope = catalog && context.scope ? modelsInScope(catalog, context.scope) : [];
  const usual = aliasPin(inScope, family, context.primary);
  const candidates: (string | undefined)[] = [usual, usual === undefined ? undefined : compliantModelId(usual, policy)];
  // Offers of the family anywhere in the catalog, the chosen scope's first, newest model first.
  for (const model of catalog?.models.filter((entry) => entry.family === family) ?? []) {
    const offers = [...model.offers].sort((a, b) => Number(b.scope === context.scope) - Number(a.scope === context.scope));
    candidates.push(...offers.map((offer) => offer.modelId));
  }
  candidates.push(suggestPin(policy, family, family, context.primary, context.region));
  const modelId = candidates.find(allowed);
  return { family, ...(modelId === undefined ? {} : { modelId }), required };
}

/** What the options step does about `CLAUDE_CODE_MAX_OUTPUT_TOKENS`. */
export interface TokenRule {
  /** The policy's limit: the option is then required and preset to it. */
  readonly limit?: number;
  /** Managed settings set it: nothing to ask. */
  readonly locked?: ManagedLock;
}

export function tokenRule(policy: EffectivePolicy | undefined): TokenRule {
  const locked = lockOf(policy, CHOICE_KEYS.tokens);
  const limit = policy?.maxOutputTokens?.value;
  return { ...(limit === undefined ? {} : { limit }), ...(locked === undefined ? {} : { locked }) };
}

/** A typed limit above the policy's: the violation, else undefined. */
export function tokensViolation(policy: EffectivePolicy, tokens: number): PolicyViolation | undefined {
  const rule = policy.maxOutputTokens;
  if (rule === undefined || tokens <= rule.value) return undefined;
  return violationOf('max-output-tokens-too-high', 'maxOutputTokens', rule, { key: CHOICE_KEYS.tokens, value: String(tokens), limit: rule.value, fix: { key: CHOICE_KEYS.tokens, value: String(rule.value) } });
}

/** An application profile whose residency the account's listing settled: where it routes, to say so. */
export interface ListedResidency {
  readonly key: string;
  readonly modelId: string;
  readonly destinations: readonly string[];
}

/**
 * The writer's check: `checkChoices`, with each `residency-unverified` settled by the routes the
 * account listed for that profile (inside: allowed and returned as `listed`, for a notice; outside:
 * `residency-outside`). Not listed, it stays and refuses the write.
 */
export function policyCheck(
  choices: SetupChoices,
  policy: EffectivePolicy,
  context: { readonly profileKind?: string; readonly catalog?: ModelCatalog },
): { readonly violations: PolicyViolation[]; readonly listed: ListedResidency[] } {
  const listed: ListedResidency[] = [];
  const violations = settleListed(checkChoices(choices, policy, context.profileKind === undefined ? {} : { profileKind: context.profileKind }), policy, context.catalog, listed);
  return { violations, listed };
}

/** Each `residency-unverified` settled by the routes the account listed for that profile; the inside ones go to `listed`. */
function settleListed(violations: readonly PolicyViolation[], policy: EffectivePolicy, catalog: ModelCatalog | undefined, listed: ListedResidency[]): PolicyViolation[] {
  return violations.flatMap((violation): PolicyViolation[] => {
    if (violation.code !== 'residency-unverified' || violation.value === undefined) return [violation];
    const offer = listedOffer(catalog, violation.value);
    if (!offer || !known(offer)) return [violation];
    const verdict = residencyVerdict(policy, violation.value, offer);
    if (!verdict.allowed) return [{ ...verdict.violation, ...pick(violation) }];
    if (!listed.some((entry) => entry.modelId === violation.value)) listed.push({ key: violation.key ?? '', modelId: violation.value, destinations: offer.destinations });
    return [];
  });
}

function pick(violation: PolicyViolation): Partial<PolicyViolation> {
  return { ...(violation.key === undefined ? {} : { key: violation.key }), ...(violation.source === undefined ? {} : { source: violation.source }), ...(violation.path === undefined ? {} : { path: violation.path }) };
}

/**
 * The writer's check of the whole result, as `setup` makes it: the choices first (`policyCheck`);
 * when they pass, every settings file as it will be after the plan (`judgePlan`), with a kept
 * non-compliant value rewritten to its compliant replacement (in the plan, so in the diff) and what
 * cannot be rewritten left as a violation that refuses the write.
 */
export function planPolicyCheck(
  choices: SetupChoices,
  files: SettingsFiles,
  plan: SetupPlan,
  policy: EffectivePolicy,
  context: { readonly profileKind?: string; readonly catalog?: ModelCatalog },
): { readonly plan: SetupPlan; readonly rewrites: readonly PolicyRewrite[]; readonly violations: PolicyViolation[]; readonly listed: ListedResidency[] } {
  const check = policyCheck(choices, policy, context);
  if (check.violations.length > 0 || !plan.ok) return { plan, rewrites: [], ...check };
  const judged = judgePlan(choices, files, plan, policy, context.profileKind === undefined ? {} : { profileKind: context.profileKind });
  const listed = [...check.listed];
  const violations = settleListed(judged.violations, policy, context.catalog, listed);
  return { plan: judged.plan, rewrites: judged.rewrites, violations, listed };
}

/**
 * Step 6: the access checks of the chosen models, as the models view runs them (the model's
 * availability and the inference profile; the one-token probe only after the user accepted its
 * stated cost), with progress. The verdict and each diagnosis are shown; problems do not stop the
 * wizard, but going on with them is an explicit choice.
 */

import * as vscode from 'vscode';
import { loadAwsLayer } from '../../../aws/loadLayer';
import type { ValidationResult } from '../../../aws/models/modelAccess';
import type { Diagnosis } from '../../../core/models/bedrockTypes';
import { describeDiagnosis } from '../../../core/models/diagnosis';
import type { ModelAccessReport } from '../../../core/models/modelAccess';
import { ssoLoginProfile } from '../../../core/profiles/profiles';
import { routeText } from '../../../core/regions/regions';
import { checkTimeoutMs } from '../../profiles/identityCommands';
import { probeCostText } from '../../models/modelCommands';
import { probeCostCeiling } from '../../../core/models/probeCost';
import { uiLocale } from '../../uiLocale';
import { pickOne } from '../multiStepInput';
import { currentProfile, signInAndWait } from '../ssoSignIn';
import type { StepFactory } from '../wizardContext';
import { modelsToValidate, validationKey, type WizardState } from '../wizardState';

type Action = 'continue' | 'continue-anyway' | 'probe' | 'again' | 'sign-in' | 'fix' | 'none';
type CheckItem = vscode.QuickPickItem & { readonly action: Action; readonly command?: string; readonly consoleUrl?: string };

function stateLine(report: ModelAccessReport | undefined): { icon: string; text: string } {
  if (!report) return { icon: '$(loading~spin)', text: vscode.l10n.t('checking…') };
  switch (report.state) {
    case 'accessible':
      return { icon: '$(pass)', text: vscode.l10n.t('accessible') };
    case 'not-accessible':
      return { icon: '$(error)', text: vscode.l10n.t('not accessible') };
    default:
      // Only what was read in this run (as the models and Setup views say it).
      if (report.verification === 'not-verified') return { icon: '$(warning)', text: vscode.l10n.t('not verified: a check could not be read') };
      if (report.verification === 'ok') return { icon: '$(check)', text: vscode.l10n.t('access granted and inference profile found; not probed') };
      return report.probed
        ? { icon: '$(question)', text: vscode.l10n.t('not proven: the probe did not succeed') }
        : { icon: '$(question)', text: vscode.l10n.t('not probed') };
  }
}

function modelItem(modelId: string, report: ModelAccessReport | undefined): CheckItem {
  const line = stateLine(report);
  const route = report && (report.anyRegion || report.destinations.length > 0) ? vscode.l10n.t('Routes to: {0}', routeText(report, uiLocale())) : undefined;
  const probe = report?.probe ? vscode.l10n.t('{0} ms · {1} input + {2} output tokens', report.probe.latencyMs, report.probe.inputTokens, report.probe.outputTokens) : undefined;
  const detail = [route, probe].filter(Boolean).join(' · ');
  return { label: `${line.icon} ${modelId}`, description: line.text, ...(detail ? { detail } : {}), action: 'none' };
}

function diagnosisItem(diagnosis: Diagnosis, signInProfile: string | undefined): CheckItem {
  const text = describeDiagnosis(diagnosis, uiLocale());
  const icon = diagnosis.severity === 'error' ? '$(error)' : '$(warning)';
  const base = { label: `${icon} ${text.cause}`, detail: `${vscode.l10n.t('Fix')}: ${text.fix}` };
  if (diagnosis.code === 'credentials' && signInProfile) return { ...base, action: 'sign-in' };
  if (text.command) return { ...base, description: text.command, action: 'fix', command: text.command };
  if (text.consoleUrl) return { ...base, description: vscode.l10n.t('Open the AWS console'), action: 'fix', consoleUrl: text.consoleUrl };
  return { ...base, action: 'none' };
}

/** Result rows, diagnoses and the actions that fit the verdict, with the recommended one active. */
function resultView(modelIds: readonly string[], result: ValidationResult, probed: boolean, signInProfile: string | undefined): { items: CheckItem[]; active: CheckItem; placeholder: string } {
  const items: CheckItem[] = [];
  const diagnoses = result.credentials ? [result.credentials] : result.reports.flatMap((report) => report.diagnoses);
  if (!result.credentials) items.push(...modelIds.map((modelId) => modelItem(modelId, result.reports.find((report) => report.modelId === modelId))));
  if (diagnoses.length > 0) {
    items.push({ label: vscode.l10n.t('Problems'), kind: vscode.QuickPickItemKind.Separator, action: 'none' });
    items.push(...diagnoses.map((diagnosis) => diagnosisItem(diagnosis, signInProfile)));
  }
  const errors = diagnoses.filter((diagnosis) => diagnosis.severity === 'error').length;
  items.push({ label: vscode.l10n.t('Next'), kind: vscode.QuickPickItemKind.Separator, action: 'none' });
  const proceed: CheckItem =
    errors === 0
      ? { label: `$(arrow-right) ${vscode.l10n.t('Continue')}`, action: 'continue' }
      : {
          label: `$(warning) ${vscode.l10n.t('Continue despite the problems')}`,
          detail: vscode.l10n.t('The settings are written as chosen; Claude Code fails until the problems are fixed.'),
          action: 'continue-anyway',
        };
  const again: CheckItem = { label: `$(refresh) ${vscode.l10n.t('Check again')}`, action: 'again' };
  const signIn: CheckItem | undefined =
    result.credentials && signInProfile ? { label: `$(sign-in) ${vscode.l10n.t('Sign in with aws sso login')}`, description: `aws sso login --profile ${signInProfile}`, action: 'sign-in' } : undefined;
  const probe: CheckItem | undefined =
    !result.credentials && !probed
      ? {
          label: `$(zap) ${vscode.l10n.t('Probe: send one 1-token request per model')}`,
          detail: vscode.l10n.t('Only a probe proves access. It costs less than ${0} at list prices; you are asked first.', probeCostCeiling(modelIds)),
          action: 'probe',
        }
      : undefined;
  if (errors === 0) items.push(proceed);
  if (signIn) items.push(signIn);
  if (probe) items.push(probe);
  items.push(again);
  if (errors > 0) items.push(proceed);

  let placeholder: string;
  if (result.credentials) placeholder = vscode.l10n.t('The credentials of {0} could not be used, so no model was checked.', result.credentials.profile ?? '');
  else if (errors > 0) placeholder = vscode.l10n.t('{0} problem(s) found: the setup will not work until they are fixed.', errors);
  else if (result.reports.every((report) => report.state === 'accessible')) placeholder = vscode.l10n.t('Every model answered: access works.');
  else placeholder = vscode.l10n.t('No problem found. Only a probe proves access.');
  return { items, active: errors === 0 ? proceed : (signIn ?? again), placeholder };
}

async function confirmProbe(modelIds: readonly string[]): Promise<boolean> {
  const go = vscode.l10n.t('Probe');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Probe {0}?', modelIds.join(', ')), { modal: true, detail: probeCostText(modelIds) }, go);
  return answer === go;
}

async function runFix(item: CheckItem): Promise<void> {
  if (item.command) {
    const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Claude on Bedrock fix') });
    terminal.show(true);
    terminal.sendText(item.command);
  } else if (item.consoleUrl) {
    await vscode.env.openExternal(vscode.Uri.parse(item.consoleUrl));
  }
}

/** One validation in flight per choice of models: showing the step again waits for it instead of starting another. */
interface Running {
  readonly key: string;
  readonly probe: boolean;
  readonly reports: Map<string, ModelAccessReport>;
  readonly listeners: Set<() => void>;
  readonly done: Promise<ValidationResult>;
}

function startValidation(state: WizardState, modelIds: readonly string[], key: string, probe: boolean): Running {
  const reports = new Map<string, ModelAccessReport>();
  const listeners = new Set<() => void>();
  const done = (async () => {
    const { validateModelAccess } = await loadAwsLayer();
    const result = await validateModelAccess({
      target: { type: 'profile', profile: state.profile! },
      region: state.region!,
      models: modelIds,
      probe,
      timeoutMs: checkTimeoutMs(),
      onReport: (_, report) => {
        reports.set(report.modelId, report);
        for (const listener of listeners) listener();
      },
    });
    state.validation = { key, probed: probe, result };
    return result;
  })();
  // Nobody may be waiting any more (the user went back): the failure is shown when someone is.
  done.catch(() => undefined);
  return { key, probe, reports, listeners, done };
}

export const validationStep: StepFactory = (context) => {
  // Kept across Back and forth: coming back to this step finds the check still running.
  let running: Running | undefined;
  return async (state: WizardState) => {
    const modelIds = modelsToValidate(state);
    let probe = false;
    for (;;) {
      const key = validationKey(state);
      const profile = await currentProfile(state.profile!);
      const signInProfile = profile ? ssoLoginProfile(profile) : undefined;
      const cached = state.validation?.key === key ? state.validation : undefined;
      const cachedView = cached ? resultView(modelIds, cached.result, cached.probed, signInProfile) : undefined;
      if (!cached && (running?.key !== key || running.probe !== probe)) running = startValidation(state, modelIds, key, probe);
      const frame = context.frame('validation', state);
      const picked = await pickOne<CheckItem>({
        ...frame,
        placeholder: cachedView?.placeholder ?? (probe ? vscode.l10n.t('Probing {0}…', modelIds.join(', ')) : vscode.l10n.t('Checking access to {0}…', modelIds.join(', '))),
        items: cachedView?.items ?? modelIds.map((modelId) => modelItem(modelId, running?.reports.get(modelId))),
        ...(cachedView ? { active: cachedView.active } : {}),
        run: async ({ setItems, setBusy, setPlaceholder, signal }) => {
          if (cached || !running) return;
          const current = running;
          const redraw = () => setItems(modelIds.map((modelId) => modelItem(modelId, current.reports.get(modelId))));
          current.listeners.add(redraw);
          signal.addEventListener('abort', () => current.listeners.delete(redraw));
          setBusy(true);
          try {
            const view = resultView(modelIds, await current.done, current.probe, signInProfile);
            setItems(view.items, view.active);
            setPlaceholder(view.placeholder);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            const again: CheckItem = { label: `$(refresh) ${vscode.l10n.t('Check again')}`, action: 'again' };
            setItems([{ label: `$(error) ${message}`, action: 'none' }, again], again);
            setPlaceholder(vscode.l10n.t('Validation failed: {0}', message));
          } finally {
            current.listeners.delete(redraw);
            setBusy(false);
          }
        },
      });
      switch (picked.action) {
        case 'continue':
        case 'continue-anyway':
          return context.after('validation', state);
        case 'probe':
          if (await confirmProbe(modelIds)) {
            probe = true;
            state.validation = undefined;
          }
          break;
        case 'again':
        case 'sign-in':
          if (picked.action === 'sign-in' && profile) await signInAndWait(frame, profile);
          // Checking again never repeats a paid probe without asking.
          probe = false;
          state.validation = undefined;
          running = undefined;
          break;
        case 'fix':
          await runFix(picked);
          break;
        default:
          // A result row: the pick shows again, nothing changes.
          break;
      }
    }
  };
};

/**
 * The browser entry of the *Team* view: says `ready`, draws each state the extension posts, and
 * forwards the admin's clicks and the cost plan's inputs (sent when a field is committed).
 */

import { redrawKeepingFocus } from '../shared/dom';
import type { PlanInputs, TeamExtensionMessage, TeamRangeChoice, TeamViewModel, TeamWebviewMessage } from './protocol';
import { PLAN_NUMBER_FIELDS } from './protocol';
import { renderTeamView } from './render';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') ?? document.body;
let model: TeamViewModel | undefined;

function post(message: TeamWebviewMessage): void {
  vscode.postMessage(message);
}

window.addEventListener('message', (event: MessageEvent<TeamExtensionMessage>) => {
  if (event.data?.type !== 'state') return;
  model = event.data.model;
  const next = model;
  redrawKeepingFocus(root, () => renderTeamView(root, next));
});

function planFromForm(): PlanInputs | undefined {
  if (!model) return undefined;
  const value = (name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-plan="${name}"]`)?.value;
  const inputs: Record<string, unknown> = { ...model.plan.inputs };
  for (const name of PLAN_NUMBER_FIELDS) {
    const n = Number(value(name));
    if (!Number.isFinite(n)) return undefined;
    inputs[name] = n;
  }
  for (const name of ['restTo', 'modelId', 'scope']) {
    const text = value(name);
    if (text !== undefined) inputs[name] = text;
  }
  return inputs as unknown as PlanInputs;
}

root.addEventListener('change', (event) => {
  if (!(event.target as Element | null)?.closest('[data-plan]')) return;
  const plan = planFromForm();
  if (plan) post({ type: 'setPlan', plan });
});

root.addEventListener('submit', (event) => event.preventDefault());

root.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!target || target.hasAttribute('disabled')) return;
  switch (target.dataset.action) {
    case 'range':
      for (const button of root.querySelectorAll('[data-action="range"]')) button.setAttribute('aria-pressed', String(button === target));
      post({ type: 'setRange', range: target.dataset.range as TeamRangeChoice });
      break;
    case 'refresh':
      post({ type: 'refresh' });
      break;
    case 'policy':
      post({ type: 'showAdminPolicy' });
      break;
    case 'enableLogging':
      post({ type: 'enableLogging' });
      break;
    case 'createBudget':
      post({ type: 'createBudget' });
      break;
    case 'fillPlan':
      post({ type: 'fillPlan' });
      break;
    case 'wizard':
      post({ type: 'openSetupWizard' });
      break;
  }
});

post({ type: 'ready' });

/**
 * The browser entry of the *Quotas & Usage* view: says `ready`, draws each state the extension
 * posts, forwards the user's clicks, and keeps the data's age current between states.
 */

import { redrawKeepingFocus } from '../shared/dom';
import type { AdminAction, ExtensionMessage, RangeChoice, UsageViewModel, WebviewMessage } from './protocol';
import { createFormat, renderView, updateClock, type ViewFormat } from './render';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const AGE_TICK_MS = 15_000;
const COUNTDOWN_TICK_MS = 1_000;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') ?? document.body;
let model: UsageViewModel | undefined;
let format: { lang: string; value: ViewFormat } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function render(next: UsageViewModel): void {
  model = next;
  if (format?.lang !== next.lang) format = { lang: next.lang, value: createFormat(next.lang) };
  const view = format.value;
  redrawKeepingFocus(root, () => renderView(root, next, view, Date.now()));
  schedule();
}

function schedule(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (!model || (model.status.updatedAt === undefined && model.status.retry === undefined)) return;
  const delay = model.status.retry === undefined ? AGE_TICK_MS : COUNTDOWN_TICK_MS;
  // Seconds count down while a retry is due; otherwise the age changes by the minute.
  timer = setTimeout(() => {
    if (model) updateClock(root, model.status, Date.now());
    schedule();
  }, delay);
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const message = event.data;
  if (message?.type === 'state') render(message.model);
});

root.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!target || target.hasAttribute('disabled')) return;
  switch (target.dataset.action) {
    case 'range': {
      const range = target.dataset.range as RangeChoice;
      for (const button of root.querySelectorAll('[data-action="range"]')) button.setAttribute('aria-pressed', String(button === target));
      post({ type: 'setRange', range });
      break;
    }
    case 'refresh':
      post({ type: 'refresh' });
      break;
    case 'wizard':
      post({ type: 'openSetupWizard' });
      break;
    case 'admin':
      post({ type: 'admin', action: target.dataset.admin as AdminAction });
      break;
    case 'increase':
      post({
        type: 'requestIncrease',
        modelId: target.dataset.modelId ?? '',
        quotaCode: target.dataset.quotaCode ?? '',
        desiredValue: Number(target.dataset.desiredValue),
      });
      break;
  }
});

post({ type: 'ready' });

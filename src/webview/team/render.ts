/**
 * Lays the Team view model out as DOM: the developers' table (the caller's row highlighted, the
 * full ARNs on hover, a share bar), spend, budgets and the cost plan's form and result. Text goes
 * in through textContent only. Buttons carry `data-action`; main.ts handles clicks and the form.
 * `data-test` attributes are the stable hooks of the end-to-end tests.
 */

import { el } from '../shared/dom';
import type { DevelopersModel, PlanModel, SectionModel, TeamViewModel } from './protocol';
import { PLAN_NUMBER_FIELDS } from './protocol';

function lines(items: readonly string[], className: string, test?: string): HTMLElement[] {
  return items.map((text) => el('p', { class: className, ...(test ? { 'data-test': test } : {}) }, text));
}

export function renderTeamView(root: HTMLElement, model: TeamViewModel): void {
  if (model.notConfigured !== undefined) {
    const { message, wizardButton } = model.notConfigured;
    root.replaceChildren(
      el('div', { class: 'not-configured', 'data-test': 'team-not-configured' }, el('p', {}, message), wizardButton === undefined ? undefined : el('button', { 'data-action': 'wizard', 'data-focus': 'wizard' }, wizardButton)),
    );
    return;
  }
  root.replaceChildren(
    toolbar(model),
    ...(model.header.context === undefined ? [] : [el('p', { class: 'context' }, model.header.context)]),
    developers(model.developers),
    section(model.spend, 'spend'),
    budgets(model.budgets),
    plan(model.plan),
  );
}

function toolbar(model: TeamViewModel): HTMLElement {
  const ranges = el(
    'div',
    { class: 'ranges', role: 'group', 'aria-label': model.header.rangeGroupLabel },
    ...model.header.ranges.map((choice) =>
      el('button', { 'data-action': 'range', 'data-range': choice.range, 'data-test': `team-range-${choice.range}`, 'data-focus': `range-${choice.range}`, 'aria-pressed': String(choice.range === model.range) }, choice.label),
    ),
  );
  return el(
    'div',
    { class: 'toolbar' },
    ranges,
    el('button', { 'data-action': 'refresh', 'data-test': 'team-refresh', 'data-focus': 'refresh' }, model.header.refresh),
    el('button', { class: 'link', 'data-action': 'policy', 'data-test': 'team-policy', 'data-focus': 'policy' }, model.header.adminPolicy),
  );
}

function developers(model: DevelopersModel): HTMLElement {
  const table =
    model.rows.length === 0
      ? undefined
      : el(
          'div',
          { class: 'table-scroll' },
          el(
            'table',
            { class: 'developers', 'data-test': 'team-developers' },
            el('thead', {}, el('tr', {}, ...model.columns.map((column) => el('th', { scope: 'col' }, column)))),
            el(
              'tbody',
              {},
              ...model.rows.map((row) =>
                el(
                  'tr',
                  { class: row.self ? 'self' : undefined, 'data-test': 'developer-row', 'data-self': String(row.self), title: row.title, ...(row.self ? { 'aria-current': 'true' } : {}) },
                  el('th', { scope: 'row', class: 'name' }, row.name),
                  ...row.cells.map((cell, index) => el('td', { class: 'number', 'data-label': model.columns[index + 1] }, cell)),
                  el('td', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: `share share-${Math.min(100, Math.max(0, Math.round(row.share / 5) * 5))}` })),
                ),
              ),
            ),
          ),
        );
  return el(
    'section',
    { class: 'team-section', 'data-test': 'team-developers-section', 'aria-busy': model.progress === undefined ? undefined : 'true' },
    el('h2', {}, model.title),
    el('p', { class: 'privacy', 'data-test': 'team-privacy' }, model.privacy),
    ...lines(model.logging, 'logging', 'team-logging'),
    model.enableButton === undefined ? undefined : el('button', { class: 'primary', 'data-action': 'enableLogging', 'data-test': 'team-enable-logging', 'data-focus': 'enableLogging' }, model.enableButton),
    model.progress === undefined ? undefined : el('p', { class: 'progress', role: 'status', 'data-test': 'team-progress' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), model.progress),
    model.placeholder === undefined ? undefined : el('p', { class: 'placeholder' }, model.placeholder),
    table,
    ...lines(model.notes, 'note', 'team-note'),
    ...lines(model.problems, 'problem', 'team-problem'),
  );
}

function section(model: SectionModel, name: string, extra?: HTMLElement): HTMLElement {
  return el(
    'section',
    { class: 'team-section', 'data-test': `team-${name}`, 'aria-busy': model.progress === undefined ? undefined : 'true' },
    el('h2', {}, model.title),
    model.progress === undefined ? undefined : el('p', { class: 'progress', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), model.progress),
    model.placeholder === undefined ? undefined : el('p', { class: 'placeholder' }, model.placeholder),
    ...model.groups.map((group) => el('div', { class: `group ${group.kind}`, 'data-test': `${name}-group` }, ...group.lines.map((line, index) => el('p', { class: index === 0 ? 'lead' : 'detail' }, line)))),
    model.age === undefined ? undefined : el('p', { class: 'note age', 'data-test': `${name}-age` }, model.age),
    ...lines(model.problems, 'problem', `${name}-problem`),
    extra,
  );
}

function budgets(model: TeamViewModel['budgets']): HTMLElement {
  const button = model.createButton === undefined ? undefined : el('button', { class: 'primary', 'data-action': 'createBudget', 'data-test': 'team-create-budget', 'data-focus': 'createBudget' }, model.createButton);
  return section(model, 'budgets', button);
}

function field(model: PlanModel, name: keyof PlanModel['labels'], control: HTMLElement): HTMLElement {
  return el('label', { class: 'field' }, el('span', {}, model.labels[name]), control);
}

function plan(model: PlanModel): HTMLElement {
  const numbers = PLAN_NUMBER_FIELDS.map((name) =>
    field(model, name, el('input', { type: 'number', name, min: '0', step: 'any', value: String(model.inputs[name]), 'data-plan': name, 'data-focus': `plan-${name}`, 'data-test': `plan-${name}` })),
  );
  const select = (name: 'restTo' | 'modelId' | 'scope', choices: readonly { value: string; label: string }[]) =>
    field(
      model,
      name,
      el('select', { name, 'data-plan': name, 'data-focus': `plan-${name}`, 'data-test': `plan-${name}` }, ...choices.map((choice) => el('option', { value: choice.value, ...(model.inputs[name] === choice.value ? { selected: '' } : {}) }, choice.label))),
    );
  const form = el('form', { class: 'plan-form', 'data-test': 'plan-form' }, ...numbers, select('restTo', model.restChoices), select('modelId', model.modelChoices), select('scope', model.scopeChoices));
  const result = model.result;
  return el(
    'section',
    { class: 'team-section', 'data-test': 'team-plan', 'aria-busy': model.progress === undefined ? undefined : 'true' },
    el('h2', {}, model.title),
    form,
    el('button', { 'data-action': 'fillPlan', 'data-test': 'plan-fill', 'data-focus': 'fillPlan' }, model.fillButton),
    model.progress === undefined ? undefined : el('p', { class: 'progress', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), model.progress),
    model.note === undefined ? undefined : el('p', { class: 'note', 'data-test': 'plan-note' }, model.note),
    model.error === undefined ? undefined : el('p', { class: 'problem', 'data-test': 'plan-error' }, model.error),
    ...(result === undefined
      ? []
      : [
          el('div', { class: 'group plan-summary', 'data-test': 'plan-summary' }, ...result.summary.map((line, index) => el('p', { class: index === 0 ? 'lead' : 'detail' }, line))),
          el('div', { class: 'group plan-parts', 'data-test': 'plan-parts' }, el('p', { class: 'lead' }, result.partsTitle), ...result.parts.map((line) => el('p', { class: 'detail' }, line))),
          el('div', { class: `group plan-seats ${result.bedrockCheaper ? 'cheaper' : 'dearer'}`, 'data-test': 'plan-seats' }, ...result.seats.map((line, index) => el('p', { class: index === 0 ? 'lead' : 'detail' }, line))),
          el('div', { class: 'group plan-alternatives', 'data-test': 'plan-alternatives' }, ...result.alternatives.map((line, index) => el('p', { class: index === 0 ? 'lead' : 'detail' }, line.trim()))),
        ]),
  );
}

/**
 * The scenario registry. A new scenario is a module in this folder plus one line below; the
 * standalone server (`--scenario NAME`) and `startFakeAws({ scenario: NAME })` pick it up.
 */
import { cloneScenario, type Scenario } from '../scenario';
import { basicScenario } from './basic';
import { bedrockFailureScenarios } from './bedrockFailures';
import { quotaScenarios } from './quotaScenarios';
import { residencyScenarios } from './residencyScenarios';
import { teamScenarios } from './teamScenarios';

const factories = {
  basic: basicScenario,
  ...bedrockFailureScenarios,
  ...quotaScenarios,
  ...residencyScenarios,
  ...teamScenarios,
} satisfies Record<string, () => Scenario>;

export type ScenarioName = keyof typeof factories;

export function scenarioNames(): ScenarioName[] {
  return (Object.keys(factories) as ScenarioName[]).sort();
}

export function isScenarioName(name: string): name is ScenarioName {
  return Object.prototype.hasOwnProperty.call(factories, name);
}

/** A fresh copy of a registered scenario, its expiries relative to now. */
export function getScenario(name: string): Scenario {
  if (!isScenarioName(name)) {
    throw new Error(`Unknown fake-aws scenario '${name}'. Known: ${scenarioNames().join(', ')}`);
  }
  return cloneScenario(factories[name]());
}

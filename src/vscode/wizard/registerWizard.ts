/**
 * The setup wizard's command. Registering it is all activation does: the wizard itself is bundled
 * apart (`dist/wizard.js`) and loaded when the command first runs.
 */

import * as vscode from 'vscode';
import { loadSetupWizard } from '../lazyBundles';
import type { WizardDependencies } from './wizardContext';

export function registerSetupWizard(context: vscode.ExtensionContext, dependencies: WizardDependencies): void {
  context.subscriptions.push(vscode.commands.registerCommand('claudeBedrock.setupWizard', () => loadSetupWizard().runSetupWizard(dependencies)));
}

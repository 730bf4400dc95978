/** Every command the manifest contributes is registered by activate(), and the simple ones run. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { realExtension } from './host';

interface Manifest {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]>; viewsContainers: Record<string, { id: string }[]> };
}

describe('commands of the real extension', () => {
  let manifest: Manifest;

  before(async () => {
    const extension = realExtension();
    manifest = extension.packageJSON as Manifest;
    await extension.activate();
  });

  it('contributes the profile commands', () => {
    const contributed = manifest.contributes.commands.map((entry) => entry.command);
    for (const command of ['claudeBedrock.refreshProfiles', 'claudeBedrock.checkIdentity', 'claudeBedrock.checkAllIdentities', 'claudeBedrock.openAwsConfig']) {
      assert.ok(contributed.includes(command), `${command} is not in contributes.commands`);
    }
  });

  it('registers every command of contributes.commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((entry) => entry.command).filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('registers no claudeBedrock.* command that the manifest does not contribute', async () => {
    const contributed = new Set(manifest.contributes.commands.map((entry) => entry.command));
    // VS Code itself registers <view id>.focus, .resetViewLocation, … for each contributed view.
    const viewIds = Object.values(manifest.contributes.views).flat().map((view) => view.id);
    const extra = (await vscode.commands.getCommands(true))
      .filter((command) => command.startsWith('claudeBedrock.'))
      .filter((command) => !contributed.has(command) && !viewIds.some((id) => command.startsWith(`${id}.`)));
    assert.deepEqual(extra, [], `registered but not contributed (missing from the palette and menus): ${extra.join(', ')}`);
  });

  it('claudeBedrock.refreshProfiles runs', async () => {
    const result: unknown = await vscode.commands.executeCommand('claudeBedrock.refreshProfiles');
    assert.equal(result, undefined);
  });
});

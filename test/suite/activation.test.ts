/**
 * The real extension is installed in this host and activates as its manifest says: by itself after
 * startup when activationEvents asks for it ('*', 'onStartupFinished'), otherwise only once used
 * (its view opened). Runs first (see index.ts): later files activate it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, realExtension, startup, waitFor } from './host';

const STARTUP_EVENTS = ['*', 'onStartupFinished'];

function startupEvents(): string[] {
  const events = (realExtension().packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
  return events.filter((event) => STARTUP_EVENTS.includes(event));
}

describe('activation of the real extension', () => {
  it(`${EXTENSION_ID} is installed, with its bundle`, () => {
    const extension = realExtension();
    assert.equal(extension.id.toLowerCase(), EXTENSION_ID);
    const manifest = extension.packageJSON as { main?: string };
    assert.ok(manifest.main, 'package.json has no main');
    const bundle = path.join(extension.extensionPath, manifest.main);
    assert.ok(fs.existsSync(bundle), `${bundle} is missing`);
  });

  it('without a startup activation event, is not active before it is used', function () {
    if (startupEvents().length > 0) this.skip();
    assert.equal(startup.realExtensionActive, false, 'the real extension was already active before the suite started');
  });

  it('with a startup activation event, activates by itself after startup', async function () {
    const events = startupEvents();
    if (events.length === 0) this.skip();
    this.timeout(60_000);
    const extension = realExtension();
    // Nothing in this suite has touched the extension yet: only its own activation event can.
    await waitFor(() => extension.isActive, 45_000, () => `not active although activationEvents has ${events.join(', ')}`);
  });

  it('is active once its view container is opened', async function () {
    this.timeout(60_000);
    const extension = realExtension();
    if (startupEvents().length === 0) {
      assert.equal(extension.isActive, false, 'already active before the view was opened: an earlier test activated it');
    }
    await vscode.commands.executeCommand('workbench.view.extension.claudeBedrock');
    await waitFor(() => extension.isActive, 45_000, () => 'the extension is not active after its view container was opened');
  });
});

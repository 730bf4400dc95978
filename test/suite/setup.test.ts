/**
 * The setup health check and the Setup view's commands inside a real extension host: a settings
 * file written on disk is noticed by the watcher and checked with one identity call (never a model
 * request); the settings file opens at the line of a key.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { clearFakeAwsRequests, fakeAwsRequests, realExtension, waitFor } from './host';

const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';

describe('setup health and the Setup view commands', () => {
  let folder: string;
  let claudeDir: string;

  before(async () => {
    await realExtension().activate();
    folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    claudeDir = path.join(folder, '.claude');
  });

  after(() => fs.rmSync(claudeDir, { recursive: true, force: true }));

  it('checks the identity of the profile a new settings file names, reads its usage once, and invokes no model', async () => {
    await clearFakeAwsRequests();
    fs.mkdirSync(claudeDir, { recursive: true });
    fs.writeFileSync(path.join(claudeDir, 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: JP_SONNET } }, null, 2));
    fs.writeFileSync(path.join(claudeDir, 'settings.local.json'), JSON.stringify({ env: { AWS_PROFILE: 'static-dev' } }, null, 2));
    await waitFor(
      async () => (await fakeAwsRequests()).some((request) => request.operation === 'GetCallerIdentity' && request.status === 200),
      30_000,
      () => 'the file watcher never led to an identity check',
    );
    // The usage part of the check follows the identity call: wait for its one CloudWatch call.
    await waitFor(
      async () => (await fakeAwsRequests()).some((request) => request.operation === 'GetMetricData'),
      30_000,
      () => 'the health check never read the usage',
    );
    const requests = await fakeAwsRequests();
    const services = [...new Set(requests.map((request) => request.service))].sort();
    assert.deepEqual(services, ['cloudwatch', 'servicequotas', 'sts'], 'identity, quotas and usage; never a model');
    assert.equal(requests.filter((request) => request.operation === 'GetMetricData').length, 1, 'one CloudWatch call');
    assert.ok(requests.every((request) => request.signingRegion === 'ap-northeast-1'), 'signed for the configured region');
  });

  it('runs the health check on demand', async () => {
    await clearFakeAwsRequests();
    await vscode.commands.executeCommand('claudeBedrock.checkHealth');
    const calls = (await fakeAwsRequests()).filter((request) => request.operation === 'GetCallerIdentity');
    assert.equal(calls.length, 1);
  });

  it('opens the shared settings file, at the line of a key', async () => {
    await vscode.commands.executeCommand('claudeBedrock.openClaudeSettings', { path: path.join(claudeDir, 'settings.json'), key: 'env.ANTHROPIC_MODEL' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.equal(editor.document.uri.fsPath, path.join(claudeDir, 'settings.json'));
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /"ANTHROPIC_MODEL"/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('leaves a settings file that does not parse exactly as it was', async () => {
    const broken = '{\n  "env": {\n    "CLAUDE_CODE_USE_BEDROCK": "1",\n  }\n}\n';
    const file = path.join(claudeDir, 'settings.json');
    fs.writeFileSync(file, broken);
    await vscode.commands.executeCommand('claudeBedrock.checkHealth');
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
  });
});

/**
 * The extension sees exactly the demo HOME's profiles (test/fake-aws/demoHome.ts). There is no API
 * to read another extension's tree, so this watches what the identity checks send to the fake AWS:
 * each profile of the demo HOME signs in its own way, and the fake logs who signed what.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { clearFakeAwsRequests, demoProfiles, fakeAwsRequests, realExtension, type FakeRequest } from './host';

/**
 * What a first check of each demo profile sends, in order: "service operation signer status [error]".
 * The signer is the ~/.aws/credentials section whose key signed the request, "temporary" for keys
 * the fake handed out (AssumeRole, SSO), "-" for unsigned calls (SSO, SSO OIDC).
 */
const FIRST_CHECK: Record<string, string[]> = {
  'static-dev': ['sts GetCallerIdentity static-dev 200'],
  'expired-keys': ['sts GetCallerIdentity expired-keys 403 ExpiredToken'],
  'role-dev': ['sts AssumeRole static-dev 200', 'sts GetCallerIdentity temporary 200'],
  'chain-invoker': ['sts AssumeRole static-dev 200', 'sts AssumeRole temporary 200', 'sts GetCallerIdentity temporary 200'],
  'sso-dev': ['sso GetRoleCredentials - 200', 'sts GetCallerIdentity temporary 200'],
  'sso-refresh': ['sso-oidc CreateToken - 200', 'sso GetRoleCredentials - 200', 'sts GetCallerIdentity temporary 200'],
  'sso-expired': ['sso-oidc CreateToken - 400 InvalidGrantException'],
};

/**
 * Profiles whose check sends the same thing every time. The SSO ones that refresh a token do not:
 * the SDK caches the refreshed token and will not retry a failed refresh within 30 s.
 */
const REPEATABLE = ['static-dev', 'expired-keys', 'role-dev', 'chain-invoker', 'sso-dev'];

const awsDir = (): string => path.join(os.homedir(), '.aws');

/** Access key id → section name, from the demo HOME's ~/.aws/credentials. */
function credentialKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  let section = '';
  for (const line of fs.readFileSync(path.join(awsDir(), 'credentials'), 'utf8').split('\n')) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) section = header[1]!.trim();
    const key = /^\s*aws_access_key_id\s*=\s*(\S+)/.exec(line);
    if (key && !keys.has(key[1]!)) keys.set(key[1]!, section);
  }
  return keys;
}

function describeRequests(requests: FakeRequest[]): string[] {
  const keys = credentialKeys();
  return requests.map((request) => {
    const signer = !request.accessKeyId ? '-' : keys.get(request.accessKeyId) ?? (request.accessKeyId.startsWith('ASIA') ? 'temporary' : `unknown:${request.accessKeyId}`);
    return [request.service, request.operation, signer, String(request.status), request.errorCode].filter(Boolean).join(' ');
  });
}

async function requestsOf(run: () => Thenable<unknown>): Promise<string[]> {
  await clearFakeAwsRequests();
  await run();
  return describeRequests(await fakeAwsRequests());
}

describe('the demo HOME as the extension sees it', () => {
  const profiles = demoProfiles();

  before(async () => {
    await realExtension().activate();
  });

  it('has an expectation for every profile of the demo HOME', () => {
    assert.deepEqual(profiles.filter((name) => !(name in FIRST_CHECK)), [], 'add the new demo profiles to FIRST_CHECK');
    assert.deepEqual(Object.keys(FIRST_CHECK).filter((name) => !profiles.includes(name)), [], 'FIRST_CHECK names profiles the demo HOME lacks');
  });

  // First: every profile's first check, as FIRST_CHECK describes it.
  it('claudeBedrock.checkAllIdentities checks every profile of the demo HOME and nothing else', async () => {
    const seen = await requestsOf(() => vscode.commands.executeCommand('claudeBedrock.checkAllIdentities'));
    const expected = profiles.flatMap((name) => FIRST_CHECK[name] ?? []);
    assert.deepEqual([...seen].sort(), [...expected].sort());
  });

  for (const name of REPEATABLE) {
    it(`claudeBedrock.checkIdentity("${name}") signs in as the demo HOME says`, async () => {
      const seen = await requestsOf(() => vscode.commands.executeCommand('claudeBedrock.checkIdentity', name));
      assert.deepEqual(seen, FIRST_CHECK[name]);
    });
  }

  it('claudeBedrock.checkIdentity of a name the demo HOME lacks asks AWS nothing', async () => {
    const seen = await requestsOf(() => vscode.commands.executeCommand('claudeBedrock.checkIdentity', 'no-such-profile'));
    assert.deepEqual(seen, []);
  });

  describe('after ~/.aws changes', () => {
    const saved = new Map<string, string>();
    before(() => {
      for (const file of ['config', 'credentials']) saved.set(file, fs.readFileSync(path.join(awsDir(), file), 'utf8'));
    });
    after(async () => {
      for (const [file, text] of saved) fs.writeFileSync(path.join(awsDir(), file), text);
      await vscode.commands.executeCommand('claudeBedrock.refreshProfiles');
    });

    it('a profile added to ~/.aws/config is checked after claudeBedrock.refreshProfiles', async () => {
      const staticKey = [...credentialKeys()].find(([, section]) => section === 'static-dev')?.[0];
      assert.ok(staticKey, 'the demo credentials have no [static-dev] key');
      const secret = /\[static-dev\][^[]*?aws_secret_access_key\s*=\s*(\S+)/.exec(saved.get('credentials')!)?.[1];
      assert.ok(secret, 'the demo credentials have no [static-dev] secret');
      assert.deepEqual(await requestsOf(() => vscode.commands.executeCommand('claudeBedrock.checkIdentity', 'suite-added')), [], 'checked before it existed');

      fs.appendFileSync(path.join(awsDir(), 'config'), '\n[profile suite-added]\nregion = eu-west-1\n');
      fs.appendFileSync(path.join(awsDir(), 'credentials'), `\n[suite-added]\naws_access_key_id = ${staticKey}\naws_secret_access_key = ${secret}\n`);
      await vscode.commands.executeCommand('claudeBedrock.refreshProfiles');
      const seen = await requestsOf(() => vscode.commands.executeCommand('claudeBedrock.checkIdentity', 'suite-added'));
      // The key is static-dev's, so the fake logs it under that section (the first one holding it).
      assert.deepEqual(seen, ['sts GetCallerIdentity static-dev 200']);
      const region = (await fakeAwsRequests())[0]?.signingRegion;
      assert.equal(region, 'eu-west-1', 'the check did not use the new profile\'s region');
    });
  });

  it('claudeBedrock.openAwsConfig opens the demo HOME\'s ~/.aws/config', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('claudeBedrock.openAwsConfig');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'no editor is active after the command');
    assert.equal(document.uri.fsPath, path.join(awsDir(), 'config'));
    for (const name of profiles) assert.match(document.getText(), new RegExp(`^\\[profile ${name}\\]`, 'm'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

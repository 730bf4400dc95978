/**
 * *Export Admin Stack (CloudFormation)…*: the team's whole setup as one template, for the
 * workspace's models in its Region, opened as a new YAML document to review and save. The quota
 * parameters get the values Service Quotas gives now as defaults (one read); nothing is created in
 * AWS. Loaded on first use (dist/adminStack.js).
 */

import * as vscode from 'vscode';
import { loadAwsLayer } from '../../aws/loadLayer';
import { renderAdminStack, type AdminStackModel } from '../../core/adminStack/adminStack';
import { describeAdminFailure } from '../../core/iam/adminDenial';
import { baseModelIdOf, fallbackCatalog, findOffer } from '../../core/models/catalog';
import { checkTimeoutMs } from '../profiles/identityCommands';
import type { AdminFlowContext } from '../alarms/alarmsFlow';
import { uiLocale } from '../uiLocale';

export async function exportAdminStack(context: Pick<AdminFlowContext, 'target'>): Promise<void> {
  const { target } = context;
  const { readModelQuotas } = await loadAwsLayer();
  const read = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the quotas of {0}…', target.region) }, () =>
    readModelQuotas({ target: { type: 'profile', profile: target.profile }, region: target.region, timeoutMs: checkTimeoutMs(), modelIds: target.modelIds }),
  );
  const catalog = fallbackCatalog(target.region);
  const models: AdminStackModel[] = target.modelIds.map((modelId) => {
    const match = findOffer(catalog, modelId);
    const quotas = read.ok ? read.quotas.find((entry) => entry.modelId === modelId) : undefined;
    return {
      offer: { ...(match?.offer ?? { modelId, scope: '', destinations: [], anyRegion: false, status: '' }), baseModelId: match?.baseModelId ?? baseModelIdOf(modelId) },
      ...(quotas === undefined ? {} : { quotas }),
    };
  });
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: renderAdminStack({ region: target.region, models }) });
  await vscode.window.showTextDocument(document, { preview: false });
  const command = `aws cloudformation deploy --region ${target.region} --stack-name claude-bedrock-admin --template-file claude-bedrock-admin.yaml --capabilities CAPABILITY_IAM --parameter-overrides AlarmEmail=you@example.com`;
  const copy = vscode.l10n.t('Copy the deploy command');
  const failure = read.ok ? undefined : describeAdminFailure(read.failure, uiLocale());
  const message = failure === undefined
    ? vscode.l10n.t('The admin stack for {0} in {1}: save it as claude-bedrock-admin.yaml and deploy it with the AWS CLI (docs/admin.md also shows StackSets).', target.modelIds.join(', '), target.region)
    : vscode.l10n.t('The admin stack for {0} in {1}, without quota defaults: {2} {3} Or pass the quota parameters when you deploy.', target.modelIds.join(', '), target.region, failure.cause, failure.fix);
  const chosen = await (read.ok ? vscode.window.showInformationMessage(message, copy) : vscode.window.showWarningMessage(message, copy));
  if (chosen === copy) await vscode.env.clipboard.writeText(command);
}

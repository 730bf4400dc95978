/**
 * The page of a sidebar webview (Quotas & Usage, Team): a nonce-based Content Security Policy that
 * allows only the extension's own script and style sheets, the UI language, and a placeholder until
 * the script draws the first state it is sent.
 */

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { uiLocale } from './uiLocale';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The HTML of the webview whose script is `dist/webview/<name>.js` and style sheet `media/<name>.css` (after `media/webview.css`, what the views share). */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, name: 'usage' | 'team'): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${name}.js`));
  const shared = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', `${name}.css`));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;`;
  return `<!DOCTYPE html>
<html lang="${uiLocale()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${shared.toString()}">
<link rel="stylesheet" href="${style.toString()}">
</head>
<body>
<div id="root"><p class="placeholder">${escapeHtml(vscode.l10n.t('Loading…'))}</p></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

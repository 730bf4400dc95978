/**
 * The words of every diagnosis, in English and Japanese. `diagnosis.ts` picks an entry (a code,
 * or a code and a variant such as `throttled:tokens`) and fills its `{placeholders}`.
 * Credential failures are worded by identityFailure.ts and have no entry here.
 */

import type { DiagnosisCode } from './bedrockTypes';
import type { Locale } from '../text/locale';

export interface DiagnosisEntry {
  readonly cause: string;
  readonly fix: string;
}

/** Every wording a diagnosis can take: a code (credentials excepted), or `code:variant`. */
export type DiagnosisTextKey =
  | Exclude<DiagnosisCode, 'credentials'>
  | 'on-demand-not-supported:suggest'
  | 'marketplace-actions-missing:agreement-not-available'
  | 'marketplace-actions-missing:agreement-error'
  | 'throttled:tokens'
  | 'throttled:daily-tokens'
  | 'throttled:requests'
  | 'throttled:api'
  | 'scp-denied-region:destination'
  | 'scp-denied-region:source'
  | 'scp-denied-region:global'
  | 'iam-denied:admin'
  | 'invalid-identifier:1m'
  | 'invalid-identifier:prefix'
  | 'max-tokens-invalid:limit'
  | 'service-error:html'
  | 'service-error:malformed'
  | 'service-error:cut'
  | 'unknown:unnamed';

/** Which policy an `iam-denied` message says refused the call. */
export type DenialKind = 'no-allow' | 'explicit-deny' | 'boundary' | 'session-policy' | 'scp' | 'rcp' | 'resource-policy' | 'unspecified';

/** Words used where a diagnosis lacks a value, so that no `{placeholder}` is ever shown. */
export interface FallbackLabels {
  readonly model: string;
  readonly region: string;
  readonly operation: string;
  readonly action: string;
  readonly or: string;
}

export interface DiagnosisTextTable {
  readonly entries: Readonly<Record<DiagnosisTextKey, DiagnosisEntry>>;
  /** A sentence appended to the cause of `iam-denied` naming the policy that refused. */
  readonly denial: Readonly<Record<DenialKind, string>>;
  /** Appended to an `unknown` cause when AWS sent a message. */
  readonly detailSuffix: string;
  readonly fallback: FallbackLabels;
}

const en: DiagnosisTextTable = {
  entries: {
    'on-demand-not-supported': {
      cause: 'Bedrock does not allow invoking {model} on demand in {region}: this model can only be called through an inference profile.',
      fix: 'Use an inference profile ID instead of the bare model ID: the base ID with a scope prefix such as "global." or "jp." in front of it.',
    },
    'on-demand-not-supported:suggest': {
      cause: 'Bedrock does not allow invoking the bare model ID {model} on demand in {region}: this model can only be called through an inference profile.',
      fix: 'Use an inference profile ID instead, for example {suggestions}.',
    },
    'model-access-not-granted': {
      cause: 'This AWS account has no access to {model} in {region}. Often it is the Haiku model Claude Code uses for background tasks that was never enabled.',
      fix: 'Enable access to {model} (and to every model you pin, including Haiku) on the Bedrock "Model access" page for {region}, then check again.',
    },
    'agreement-pending': {
      cause: 'The AWS Marketplace subscription for {model} is still being set up in this account.',
      fix: 'Wait a few minutes (up to about 15) and check again; nothing else needs to change.',
    },
    'marketplace-actions-missing': {
      cause: 'Bedrock could not subscribe this account to {model} on first use: your identity may not call {action} in AWS Marketplace.',
      fix: 'Allow aws-marketplace:ViewSubscriptions and aws-marketplace:Subscribe with the condition aws:CalledViaLast = bedrock.amazonaws.com (needed for the first call of each model), or ask an administrator to make that first call. Retry after about 15 minutes.',
    },
    'marketplace-actions-missing:agreement-not-available': {
      cause: 'This account has no AWS Marketplace agreement for {model} yet; the first call subscribes it, which needs AWS Marketplace permissions.',
      fix: 'Make sure the first caller may use aws-marketplace:ViewSubscriptions and aws-marketplace:Subscribe (condition aws:CalledViaLast = bedrock.amazonaws.com), or ask an administrator to invoke {model} once.',
    },
    'marketplace-actions-missing:agreement-error': {
      cause: 'The AWS Marketplace agreement for {model} failed in this account.',
      fix: 'Check that aws-marketplace:ViewSubscriptions and aws-marketplace:Subscribe are allowed with the condition aws:CalledViaLast = bedrock.amazonaws.com and that the account has a valid payment method, then invoke {model} again after about 15 minutes.',
    },
    'use-case-form-missing': {
      cause: 'Anthropic\'s one-time use case form has not been submitted for this AWS account, so {model} cannot be used yet.',
      fix: 'Open an Anthropic model in the Bedrock model catalog for {region} and submit the use case details (once per account or organisation). Access follows within about 15 minutes.',
    },
    'entitlement-not-available': {
      cause: 'This AWS account is not entitled to use {model} in {region} (for example, no valid payment method or AWS Marketplace purchases are not allowed).',
      fix: 'Check the account\'s payment method and AWS Marketplace eligibility, or ask your administrator or AWS Support.',
    },
    'legacy-model': {
      cause: 'The provider has marked {model} as Legacy, and this account has not used it recently, so Bedrock refuses it.',
      fix: 'Choose an active model from the list for {region}.',
    },
    throttled: {
      cause: 'Bedrock throttled {operation} for {model} in {region} (quota exceeded).',
      fix: 'Wait a minute and try again; if it keeps happening, request a quota increase in Service Quotas.',
    },
    'throttled:tokens': {
      cause: 'Bedrock refused {operation} for {model} in {region}: too many tokens per minute. Each request reserves its input plus max_tokens against the quota up front.',
      fix: 'Lower CLAUDE_CODE_MAX_OUTPUT_TOKENS, request a tokens-per-minute quota increase in Service Quotas, or wait a minute and retry.',
    },
    'throttled:daily-tokens': {
      cause: 'Bedrock refused {operation} for {model} in {region}: the quota of tokens per day is used up.',
      fix: 'Request a tokens-per-day quota increase in Service Quotas, or wait until the daily quota resets; lowering CLAUDE_CODE_MAX_OUTPUT_TOKENS makes it last longer.',
    },
    'throttled:requests': {
      cause: 'Bedrock refused {operation} for {model} in {region}: too many requests per minute.',
      fix: 'Wait a minute and retry, or request a requests-per-minute quota increase in Service Quotas; fewer parallel sessions also help.',
    },
    'throttled:api': {
      cause: '{service} throttled {operation} in {region}: too many requests to its API. This is a rate limit of the AWS API, not a model quota of Bedrock.',
      fix: 'Wait a minute and try again; if it keeps happening, let fewer tools call {service} at the same time.',
    },
    'scp-denied-region': {
      cause: 'A service control policy of your AWS organisation denies {action} in one of the regions {model} may route to.',
      fix: 'Choose a scope whose destination regions your organisation allows (for example in-region), or ask your administrator to allow them.',
    },
    'scp-denied-region:destination': {
      cause: 'A service control policy of your AWS organisation denies {action} in {deniedRegion}, a region {model} routes requests to from {region}.',
      fix: 'Choose a scope whose destination regions your organisation allows (for example in-region in {region}), or ask your administrator to allow {deniedRegion} for Bedrock.',
    },
    'scp-denied-region:source': {
      cause: 'A service control policy of your AWS organisation denies {action} in {deniedRegion}, the region you chose.',
      fix: 'Choose a region your organisation allows for Bedrock, or ask your administrator to allow {deniedRegion}.',
    },
    'scp-denied-region:global': {
      cause: 'A service control policy of your AWS organisation denies {action} on the global routing of {model} (requests could be served in any region).',
      fix: 'Choose a geographic or in-region scope your organisation allows instead of global., or ask your administrator to allow global inference.',
    },
    'iam-denied': {
      cause: 'Your IAM identity may not call {action} ({operation} in {region}).',
      fix: 'Attach the IAM policy this extension generates (it allows {action} and the other Bedrock actions Claude Code needs) to your role or user, or ask your administrator to.',
    },
    'iam-denied:admin': {
      cause: '{action} is blocked for your identity by a policy that adding permissions cannot override ({operation} in {region}).',
      fix: 'Attaching an allow policy will not help: ask your administrator to change the policy that blocks {action}.',
    },
    'invalid-identifier': {
      cause: 'Bedrock does not recognise the model identifier {model} in {region}.',
      fix: 'Choose a model ID from the list for {region}; a copied ID may have a typo or belong to another region.',
    },
    'invalid-identifier:1m': {
      cause: 'Bedrock does not recognise {model} in {region}. The [1m] suffix asks for the 1M-token context, which this model or region may not offer.',
      fix: 'Remove [1m] from the ID, or choose a model that offers the 1M-token context in {region}.',
    },
    'invalid-identifier:prefix': {
      cause: 'Bedrock does not recognise {model} in {region}: the {prefix}. inference profile may not be offered in this region.',
      fix: 'Choose a scope that {region} lists (its inference profiles), or switch to a region that offers {prefix}.',
    },
    'max-tokens-invalid': {
      cause: 'Bedrock refused {operation} for {model} in {region}: the request asked for more output tokens (max_tokens) than the model allows.',
      fix: 'Lower CLAUDE_CODE_MAX_OUTPUT_TOKENS to the model\'s output limit or less, or remove it to let Claude Code choose.',
    },
    'max-tokens-invalid:limit': {
      cause: 'Bedrock refused {operation} for {model} in {region}: the request asked for more output tokens (max_tokens) than the model\'s limit of {limit}.',
      fix: 'Set CLAUDE_CODE_MAX_OUTPUT_TOKENS to {limit} or less, or remove it to let Claude Code choose.',
    },
    'list-profiles-denied': {
      cause: 'Your identity may not call {action} in {region}, so the models this account can use could not be listed. The bundled catalog is shown instead and may be out of date.',
      fix: 'Allow bedrock:ListInferenceProfiles and bedrock:GetInferenceProfile (the generated IAM policy includes them) to see the account\'s own list.',
    },
    'model-not-in-region': {
      cause: 'The region {region} does not offer {model}.',
      fix: 'Choose a model from the list for {region}, or switch to a region that offers {model}.',
    },
    'region-not-available': {
      cause: 'Bedrock reports that {model} is not available in {region}.',
      fix: 'Choose another region, or an inference profile that routes {model} to a region where it is available.',
    },
    timeout: {
      cause: '{operation} did not finish in time ({region}).',
      fix: 'Check the network and proxy, then try again; a slow credential_process or SSO refresh can also hang.',
    },
    unreachable: {
      cause: 'The AWS endpoint for {operation} in {region} could not be reached.',
      fix: 'Check the network, proxy, TLS inspection and any endpoint setting ({endpointVariables}).',
    },
    'service-error': {
      cause: '{operation} in {region} was answered with {status} ({awsCode}): the service failed, so nothing about your setup could be checked.',
      fix: 'Try again in a few minutes; if it persists, check the AWS Health Dashboard and any proxy or gateway set through {endpointVariables}.',
    },
    'service-error:html': {
      cause: '{operation} in {region} got {answer}.',
      fix: 'Check the proxy or gateway between this machine and AWS (HTTPS_PROXY, TLS inspection, {endpointVariables}) and try again when it forwards to AWS.',
    },
    'service-error:malformed': {
      cause: '{operation} in {region} got {answer}.',
      fix: 'Try again; if it persists, something between this machine and AWS (a proxy or gateway, {endpointVariables}) is altering the answers.',
    },
    'service-error:cut': {
      cause: '{operation} in {region} got no complete answer: {answer}.',
      fix: 'Try again; if it persists, check the network, proxy and any endpoint setting ({endpointVariables}).',
    },
    cancelled: {
      cause: '{operation} was cancelled before it finished.',
      fix: 'Run the check again.',
    },
    unknown: {
      cause: '{operation} failed in {region} with {awsCode}.',
      fix: 'Check the error code and message above; if it persists, include them in a support request.',
    },
    'unknown:unnamed': {
      cause: '{operation} failed in {region} with an error AWS did not name.',
      fix: 'Check the message above and try again; if it persists, include it in a support request.',
    },
  },
  denial: {
    'no-allow': 'No identity-based policy allows it.',
    'explicit-deny': 'An identity-based policy explicitly denies it.',
    boundary: 'A permissions boundary does not allow it.',
    'session-policy': 'The session policy of the assumed role does not allow it.',
    scp: 'A service control policy of your organisation denies it.',
    rcp: 'A resource control policy of your organisation denies it.',
    'resource-policy': 'A resource-based policy does not allow it.',
    unspecified: '',
  },
  detailSuffix: ' AWS said: "{detail}"',
  fallback: { model: 'the model', region: 'the selected region', operation: 'the AWS call', action: 'the required action', or: ' or ' },
};

const ja: DiagnosisTextTable = {
  entries: {
    'on-demand-not-supported': {
      cause: '{region} では {model} をオンデマンドで呼び出せません。このモデルは推論プロファイル経由でのみ呼び出せます。',
      fix: 'モデル ID そのものではなく、推論プロファイル ID (ベース ID の前に global. や jp. などのスコープを付けたもの) を使ってください。',
    },
    'on-demand-not-supported:suggest': {
      cause: '{region} ではプレフィックスのないモデル ID {model} をオンデマンドで呼び出せません。このモデルは推論プロファイル経由でのみ呼び出せます。',
      fix: '代わりに推論プロファイル ID を使ってください (例: {suggestions})。',
    },
    'model-access-not-granted': {
      cause: 'この AWS アカウントには {region} の {model} へのアクセス権がありません。Claude Code がバックグラウンド処理に使う Haiku モデルが有効化されていないことがよくあります。',
      fix: '{region} の Bedrock「モデルアクセス」ページで {model} (Haiku を含め、固定するすべてのモデル) へのアクセスを有効にしてから、もう一度確認してください。',
    },
    'agreement-pending': {
      cause: '{model} の AWS Marketplace サブスクリプションは、このアカウントでまだ処理中です。',
      fix: '数分 (最大 15 分ほど) 待ってから再度確認してください。ほかに変更は必要ありません。',
    },
    'marketplace-actions-missing': {
      cause: '初回利用時に Bedrock がこのアカウントを {model} にサブスクライブできませんでした。あなたの ID には AWS Marketplace の {action} を呼び出す権限がありません。',
      fix: 'aws-marketplace:ViewSubscriptions と aws-marketplace:Subscribe を条件 aws:CalledViaLast = bedrock.amazonaws.com 付きで許可してください (各モデルの初回呼び出しに必要)。または管理者に初回の呼び出しを依頼してください。約 15 分後に再試行してください。',
    },
    'marketplace-actions-missing:agreement-not-available': {
      cause: 'このアカウントには {model} の AWS Marketplace 契約がまだありません。初回の呼び出しで契約が作成されますが、それには AWS Marketplace の権限が必要です。',
      fix: '初回に呼び出す ID が aws-marketplace:ViewSubscriptions と aws-marketplace:Subscribe (条件 aws:CalledViaLast = bedrock.amazonaws.com) を使えるようにするか、管理者に {model} を一度呼び出してもらってください。',
    },
    'marketplace-actions-missing:agreement-error': {
      cause: 'このアカウントで {model} の AWS Marketplace 契約の処理に失敗しました。',
      fix: 'aws-marketplace:ViewSubscriptions と aws-marketplace:Subscribe が条件 aws:CalledViaLast = bedrock.amazonaws.com 付きで許可されていること、アカウントに有効な支払い方法があることを確認し、約 15 分後に {model} をもう一度呼び出してください。',
    },
    'use-case-form-missing': {
      cause: 'この AWS アカウントでは Anthropic のユースケースフォーム (初回のみ) が未提出のため、{model} はまだ使えません。',
      fix: '{region} の Bedrock モデルカタログで Anthropic のモデルを開き、ユースケースの詳細を提出してください (アカウントまたは組織ごとに一度)。約 15 分以内に利用可能になります。',
    },
    'entitlement-not-available': {
      cause: 'この AWS アカウントには {region} で {model} を利用する資格がありません (有効な支払い方法がない、AWS Marketplace での購入が許可されていない、など)。',
      fix: 'アカウントの支払い方法と AWS Marketplace の利用可否を確認するか、管理者または AWS サポートに問い合わせてください。',
    },
    'legacy-model': {
      cause: '{model} はプロバイダーによってレガシー扱いになっており、このアカウントで最近使われていないため、Bedrock が利用を拒否しました。',
      fix: '{region} の一覧から現行 (Active) のモデルを選んでください。',
    },
    throttled: {
      cause: '{region} の {model} に対する {operation} が Bedrock にスロットリングされました (クォータ超過)。',
      fix: '1 分ほど待ってから再試行してください。繰り返し発生する場合は Service Quotas でクォータの引き上げを申請してください。',
    },
    'throttled:tokens': {
      cause: '{region} の {model} に対する {operation} が、1 分あたりのトークン数の上限を超えたため拒否されました。各リクエストは開始時に入力と max_tokens の分をクォータから確保します。',
      fix: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS を下げる、Service Quotas で 1 分あたりのトークン数のクォータ引き上げを申請する、または 1 分ほど待って再試行してください。',
    },
    'throttled:daily-tokens': {
      cause: '{region} の {model} に対する {operation} が、1 日あたりのトークン数のクォータを使い切ったため拒否されました。',
      fix: 'Service Quotas で 1 日あたりのトークン数のクォータ引き上げを申請するか、クォータがリセットされるまで待ってください。CLAUDE_CODE_MAX_OUTPUT_TOKENS を下げると長持ちします。',
    },
    'throttled:requests': {
      cause: '{region} の {model} に対する {operation} が、1 分あたりのリクエスト数の上限を超えたため拒否されました。',
      fix: '1 分ほど待って再試行するか、Service Quotas で 1 分あたりのリクエスト数のクォータ引き上げを申請してください。同時に動かすセッションを減らすのも有効です。',
    },
    'throttled:api': {
      cause: '{region} の {operation} が {service} にスロットリングされました: API へのリクエストが多すぎます。Bedrock のモデルのクォータではなく、AWS API の呼び出し回数の上限です。',
      fix: '1 分ほど待ってからもう一度試してください。繰り返し発生する場合は、{service} を同時に呼び出すツールを減らしてください。',
    },
    'scp-denied-region': {
      cause: 'AWS 組織のサービスコントロールポリシー (SCP) が、{model} のルーティング先リージョンのいずれかで {action} を拒否しています。',
      fix: '組織が許可しているリージョンだけにルーティングされるスコープ (例: リージョン内) を選ぶか、管理者に許可を依頼してください。',
    },
    'scp-denied-region:destination': {
      cause: 'AWS 組織のサービスコントロールポリシー (SCP) が {deniedRegion} での {action} を拒否しています。{deniedRegion} は {model} が {region} からリクエストを送るリージョンの一つです。',
      fix: '組織が許可しているリージョンだけにルーティングされるスコープ (例: {region} のリージョン内) を選ぶか、管理者に {deniedRegion} での Bedrock の許可を依頼してください。',
    },
    'scp-denied-region:source': {
      cause: 'AWS 組織のサービスコントロールポリシー (SCP) が、選択したリージョン {deniedRegion} での {action} を拒否しています。',
      fix: '組織が Bedrock を許可しているリージョンを選ぶか、管理者に {deniedRegion} の許可を依頼してください。',
    },
    'scp-denied-region:global': {
      cause: 'AWS 組織のサービスコントロールポリシー (SCP) が、{model} のグローバルルーティング (任意のリージョンで処理されうる) に対する {action} を拒否しています。',
      fix: 'global. ではなく、組織が許可している地域スコープまたはリージョン内のスコープを選ぶか、管理者にグローバル推論の許可を依頼してください。',
    },
    'iam-denied': {
      cause: 'あなたの IAM ID には {action} を呼び出す権限がありません ({region} の {operation})。',
      fix: 'この拡張機能が生成する IAM ポリシー ({action} など Claude Code に必要な Bedrock の操作を許可します) をロールまたはユーザーにアタッチするか、管理者に依頼してください。',
    },
    'iam-denied:admin': {
      cause: '許可を追加しても解除できないポリシーによって、あなたの ID の {action} がブロックされています ({region} の {operation})。',
      fix: '許可ポリシーをアタッチしても解決しません。{action} をブロックしているポリシーの変更を管理者に依頼してください。',
    },
    'invalid-identifier': {
      cause: '{region} の Bedrock はモデル識別子 {model} を認識できません。',
      fix: '{region} の一覧からモデル ID を選んでください。コピーした ID の誤字や、別リージョンの ID である可能性があります。',
    },
    'invalid-identifier:1m': {
      cause: '{region} の Bedrock は {model} を認識できません。末尾の [1m] は 100 万トークンのコンテキストを指定しますが、このモデルまたはリージョンでは提供されていない可能性があります。',
      fix: 'ID から [1m] を外すか、{region} で 100 万トークンのコンテキストを提供しているモデルを選んでください。',
    },
    'invalid-identifier:prefix': {
      cause: '{region} の Bedrock は {model} を認識できません。{prefix}. の推論プロファイルはこのリージョンでは提供されていない可能性があります。',
      fix: '{region} が提供しているスコープ (推論プロファイル) を選ぶか、{prefix}. を提供しているリージョンに切り替えてください。',
    },
    'max-tokens-invalid': {
      cause: '{region} の {model} に対する {operation} が拒否されました。リクエストの出力トークン数 (max_tokens) がモデルの上限を超えています。',
      fix: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS をモデルの出力上限以下に下げるか、削除して Claude Code に任せてください。',
    },
    'max-tokens-invalid:limit': {
      cause: '{region} の {model} に対する {operation} が拒否されました。リクエストの出力トークン数 (max_tokens) がモデルの上限 {limit} を超えています。',
      fix: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS を {limit} 以下にするか、削除して Claude Code に任せてください。',
    },
    'list-profiles-denied': {
      cause: 'あなたの ID には {region} で {action} を呼び出す権限がないため、このアカウントで使えるモデルを一覧できませんでした。代わりに同梱のカタログを表示していますが、最新でない可能性があります。',
      fix: 'アカウント自身の一覧を見るには bedrock:ListInferenceProfiles と bedrock:GetInferenceProfile を許可してください (生成される IAM ポリシーに含まれています)。',
    },
    'model-not-in-region': {
      cause: '{model} は {region} では提供されていません。',
      fix: '{region} の一覧からモデルを選ぶか、{model} を提供しているリージョンに切り替えてください。',
    },
    'region-not-available': {
      cause: 'Bedrock によると、{model} は {region} では利用できません。',
      fix: '別のリージョンを選ぶか、{model} を利用できるリージョンへルーティングする推論プロファイルを選んでください。',
    },
    timeout: {
      cause: '{operation} が時間内に終わりませんでした ({region})。',
      fix: 'ネットワークとプロキシを確認してから再試行してください。credential_process や SSO の更新が止まっている可能性もあります。',
    },
    unreachable: {
      cause: '{region} の AWS エンドポイントに接続できませんでした ({operation})。',
      fix: 'ネットワーク、プロキシ、TLS インスペクション、エンドポイントの設定 ({endpointVariables}) を確認してください。',
    },
    'service-error': {
      cause: '{region} の {operation} への応答は {status} ({awsCode}) でした。サービス側の障害のため、設定は何も確認できていません。',
      fix: '数分後に再試行してください。解決しない場合は AWS Health Dashboard と、{endpointVariables} で設定したプロキシやゲートウェイを確認してください。',
    },
    'service-error:html': {
      cause: '{region} の {operation} の応答: {answer}。',
      fix: 'このマシンと AWS の間のプロキシやゲートウェイ (HTTPS_PROXY、TLS インスペクション、{endpointVariables}) を確認し、AWS へ転送されるようになってから再試行してください。',
    },
    'service-error:malformed': {
      cause: '{region} の {operation} の応答: {answer}。',
      fix: '再試行してください。解決しない場合は、このマシンと AWS の間 (プロキシやゲートウェイ、{endpointVariables}) で応答が書き換えられています。',
    },
    'service-error:cut': {
      cause: '{region} の {operation} への応答が完全に届きませんでした: {answer}。',
      fix: '再試行してください。解決しない場合は、ネットワーク、プロキシ、エンドポイントの設定 ({endpointVariables}) を確認してください。',
    },
    cancelled: {
      cause: '{operation} は完了前にキャンセルされました。',
      fix: 'もう一度確認してください。',
    },
    unknown: {
      cause: '{region} の {operation} が {awsCode} で失敗しました。',
      fix: '上のエラーコードとメッセージを確認してください。解決しない場合は、それらを添えてサポートに問い合わせてください。',
    },
    'unknown:unnamed': {
      cause: '{region} の {operation} が、AWS が名前を示さないエラーで失敗しました。',
      fix: '上のメッセージを確認して再試行してください。解決しない場合は、メッセージを添えてサポートに問い合わせてください。',
    },
  },
  denial: {
    'no-allow': 'それを許可する ID ベースのポリシーがありません。',
    'explicit-deny': 'ID ベースのポリシーが明示的に拒否しています。',
    boundary: 'アクセス許可の境界 (permissions boundary) が許可していません。',
    'session-policy': '引き受けたロールのセッションポリシーが許可していません。',
    scp: '組織のサービスコントロールポリシー (SCP) が拒否しています。',
    rcp: '組織のリソースコントロールポリシー (RCP) が拒否しています。',
    'resource-policy': 'リソースベースのポリシーが許可していません。',
    unspecified: '',
  },
  detailSuffix: 'AWS のメッセージ: "{detail}"',
  fallback: { model: 'モデル', region: '選択したリージョン', operation: 'AWS の呼び出し', action: '必要な操作', or: ' または ' },
};

export const DIAGNOSIS_TEXTS: Readonly<Record<Locale, DiagnosisTextTable>> = { en, ja };

/** The words of budgets for Claude on Bedrock, in English and Japanese: the list, the plan of a new one, its refusals. */

import { PAGE_LIMIT_REACHED } from '../spend/spendTypes';
import type { AdminProblem } from '../team/adminProblem';
import { format, type Locale } from '../text/locale';
import { formatCount, formatUsd } from '../usage/usageText';
import type { BudgetCoverage, BudgetPlan, BudgetPlanError, BudgetStatus } from './budgetPlan';

const en = {
  title: 'Budgets that cover Claude on Bedrock (AWS Budgets)',
  none: 'No budget covers Claude on Bedrock. Create one with "Claude on Bedrock: Create Budget…" or claude-bedrock budgets create.',
  pageLimit: 'Not verified: AWS Budgets answered DescribeBudgets with more than {pages} pages ({size} budgets a page) and only the first {pages} were read, so the budgets are not listed. See them in the AWS Budgets console.',
  row: '{name}: {actual} of {limit} ({percent}%) this {period}, forecast {forecast} ({forecastPercent}%) — {coverage}',
  coverage: { claude: 'Claude services', partial: 'part of the Claude spend (other filters too)', account: 'the whole account', none: 'not Claude' } as Record<BudgetCoverage, string>,
  over: 'over its limit',
  forecastOver: 'forecast over its limit',
  unknown: '?',
  planTitle: 'Create a monthly budget in account {account}:',
  planName: 'Name: {name}',
  planLimit: 'Limit: {limit} a month (cost, USD)',
  planServices: 'Covers the Cost Explorer services: {services}',
  planWholeBedrock: 'Cost Explorer names no Claude service in this account: the budget covers all of Amazon Bedrock, its other models included.',
  planAlert: 'Alert when actual spend passes {threshold}% ({amount}): {subscribers}',
  email: 'e-mail {address}',
  sns: 'SNS topic {address}',
  created: 'Budget "{name}" created.',
  createUncertain: 'Whether budget "{name}" was created is not known: the answer to CreateBudget did not come back whole. List the budgets (claude-bedrock budgets list) before you try again.',
  error: {
    'bad-limit': 'The limit must be a positive amount of US dollars, not "{value}".',
    'no-threshold': 'Give at least one alert threshold (--threshold, percent of the limit).',
    'bad-threshold': 'An alert threshold must be a percentage above 0 and at most 1000, not "{value}".',
    'too-many-thresholds': 'AWS Budgets allows at most 5 alerts per budget.',
    'no-subscriber': 'Give an e-mail address (--email) or an SNS topic ARN (--sns-topic) for the alerts.',
    'bad-email': '"{value}" is not an e-mail address.',
    'too-many-emails': 'AWS Budgets allows at most 10 e-mail addresses per alert.',
    'bad-topic': '"{value}" is not an SNS topic ARN.',
    'bad-name': 'The budget name "{value}" is not valid (1 to 100 characters, no ":" or "\\").',
    'no-services': 'No Claude service is known to filter the budget on.',
    'bad-account': 'The account of the credentials could not be read (STS).',
  } as Record<BudgetPlanError, string>,
};

type BudgetTextTable = typeof en;

const ja: BudgetTextTable = {
  title: 'Bedrock 上の Claude を含む予算 (AWS Budgets)',
  none: 'Bedrock 上の Claude を含む予算はありません。「Claude on Bedrock: 予算を作成…」または claude-bedrock budgets create で作成できます。',
  pageLimit: '未確認: AWS Budgets の DescribeBudgets の応答が {pages} ページ (1 ページ {size} 件) を超えたため、最初の {pages} ページだけを読み取りました。そのため、予算は一覧にしていません。AWS Budgets コンソールで確認してください。',
  row: '{name}: 今{period}の実績 {actual} / 上限 {limit} ({percent}%)、予測 {forecast} ({forecastPercent}%) — {coverage}',
  coverage: { claude: 'Claude のサービス', partial: 'Claude の支出の一部 (他のフィルターあり)', account: 'アカウント全体', none: 'Claude 以外' },
  over: '上限超過',
  forecastOver: '予測が上限超過',
  unknown: '?',
  planTitle: 'アカウント {account} に月次予算を作成します:',
  planName: '名前: {name}',
  planLimit: '上限: 月 {limit} (コスト、USD)',
  planServices: '対象の Cost Explorer サービス: {services}',
  planWholeBedrock: 'このアカウントの Cost Explorer には Claude のサービスがないため、予算は Amazon Bedrock 全体 (他のモデルを含む) が対象になります。',
  planAlert: '実績が {threshold}% ({amount}) を超えたら通知: {subscribers}',
  email: 'メール {address}',
  sns: 'SNS トピック {address}',
  created: '予算「{name}」を作成しました。',
  createUncertain: '予算「{name}」が作成されたかどうかは不明です: CreateBudget への応答が完全には返りませんでした。もう一度試す前に予算を一覧で確認してください (claude-bedrock budgets list)。',
  error: {
    'bad-limit': '上限には正の米ドル金額を指定してください ("{value}" は使えません)。',
    'no-threshold': '通知のしきい値 (--threshold、上限に対する %) を 1 つ以上指定してください。',
    'bad-threshold': '通知のしきい値は 0 より大きく 1000 以下の % で指定してください ("{value}" は使えません)。',
    'too-many-thresholds': 'AWS Budgets の通知は 1 つの予算につき 5 件までです。',
    'no-subscriber': '通知先のメールアドレス (--email) または SNS トピック ARN (--sns-topic) を指定してください。',
    'bad-email': '"{value}" はメールアドレスではありません。',
    'too-many-emails': 'AWS Budgets のメール通知先は 1 件の通知につき 10 件までです。',
    'bad-topic': '"{value}" は SNS トピックの ARN ではありません。',
    'bad-name': '予算名 "{value}" は使えません (1〜100 文字、「:」「\\」を含まない)。',
    'no-services': '予算の対象にする Claude のサービスが分かりません。',
    'bad-account': '認証情報のアカウントを (STS で) 読み取れませんでした。',
  },
};

const TABLES: Readonly<Record<Locale, BudgetTextTable>> = { en, ja };

export type BudgetTextKey = Exclude<keyof BudgetTextTable, 'coverage' | 'error'>;

/** DescribeBudgets is read at most this many pages of BUDGETS_PAGE_SIZE budgets; more is a PageLimitReached failure. */
export const MAX_BUDGET_PAGES = 10;
export const BUDGETS_PAGE_SIZE = 100;

/** The words of a budget listing cut at its page limit (none when it was not). */
export function budgetPageLimitLines(problems: readonly AdminProblem[], locale: Locale): string[] {
  return problems.some((problem) => problem.service === 'budgets' && problem.error.name === PAGE_LIMIT_REACHED) ? [budgetText(locale, 'pageLimit', { pages: MAX_BUDGET_PAGES, size: BUDGETS_PAGE_SIZE })] : [];
}

export function budgetText(locale: Locale, key: BudgetTextKey, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  return format(TABLES[locale][key], params);
}

export function budgetErrorText(error: BudgetPlanError, value: string | undefined, locale: Locale): string {
  return format(TABLES[locale].error[error], { value });
}

const PERIODS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { MONTHLY: 'month', QUARTERLY: 'quarter', ANNUALLY: 'year', DAILY: 'day' },
  ja: { MONTHLY: '月', QUARTERLY: '四半期', ANNUALLY: '年', DAILY: '日' },
};

/** One budget in a line, its state appended when it is over or forecast over. */
export function budgetLine(budget: BudgetStatus, locale: Locale): string {
  const table = TABLES[locale];
  const usd = (value: number | undefined) => (value === undefined ? table.unknown : formatUsd(value, locale));
  const percent = (value: number | undefined) => (value === undefined ? table.unknown : formatCount(value, locale));
  const line = format(table.row, {
    name: budget.name,
    actual: usd(budget.actualUsd),
    limit: usd(budget.limitUsd),
    percent: percent(budget.actualPercent),
    forecast: usd(budget.forecastUsd),
    forecastPercent: percent(budget.forecastPercent),
    period: PERIODS[locale][budget.timeUnit ?? 'MONTHLY'] ?? budget.timeUnit ?? '',
    coverage: table.coverage[budget.coverage],
  });
  return budget.state === 'over' ? `${line} — ${table.over}` : budget.state === 'forecast-over' ? `${line} — ${table.forecastOver}` : line;
}

/** The plan as lines of text (CLI and the confirmation dialog). */
export function budgetPlanLines(plan: BudgetPlan, wholeBedrock: boolean, locale: Locale): string[] {
  return [
    budgetText(locale, 'planTitle', { account: plan.accountId }),
    `  ${budgetText(locale, 'planName', { name: plan.name })}`,
    `  ${budgetText(locale, 'planLimit', { limit: formatUsd(plan.limitUsd, locale) })}`,
    `  ${budgetText(locale, 'planServices', { services: plan.services.join(', ') })}`,
    ...(wholeBedrock ? [`  ${budgetText(locale, 'planWholeBedrock')}`] : []),
    ...plan.notifications.map(
      (notification) =>
        `  ${budgetText(locale, 'planAlert', {
          threshold: formatCount(notification.thresholdPercent, locale),
          amount: formatUsd((plan.limitUsd * notification.thresholdPercent) / 100, locale),
          subscribers: notification.subscribers.map((subscriber) => budgetText(locale, subscriber.type === 'SNS' ? 'sns' : 'email', { address: subscriber.address })).join(locale === 'ja' ? '、' : ', '),
        })}`,
    ),
  ];
}

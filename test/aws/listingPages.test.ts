// Listings cut at their page limit are never shown whole: the shared paging helper reports the
// truncation; DescribeBudgets through the real SDK against the fake (which pages by MaxResults)
// reads every page up to the limit and, past it, lists no budgets and says only the first pages
// were read; a Cost Explorer listing cut the same way is said so in the spend lines. en and ja.
import assert from 'node:assert/strict';
import { fetchBudgets } from '../../src/aws/budgets/budgets';
import { isPageLimit, readPages } from '../../src/aws/paging';
import { fetchSpendReport } from '../../src/aws/spend/spend';
import { budgetPageLimitLines, MAX_BUDGET_PAGES } from '../../src/core/budgets/budgetText';
import { spendPeriods } from '../../src/core/spend/spendReport';
import { comparisonLines } from '../../src/core/spend/spendText';
import { PAGE_LIMIT_REACHED } from '../../src/core/spend/spendTypes';
import { adminProblem } from '../../src/core/team/adminProblem';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { TEAM_REGION } from '../fake-aws/scenarios/teamData';
import type { FakeBudget } from '../fake-aws/scenario';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const target = { type: 'profile' as const, profile: 'static-dev' };

describe('listings and their page limit', () => {
  describe('readPages', () => {
    const pages = (count: number) => async (token: string | undefined) => {
      const at = token === undefined ? 0 : Number(token);
      return { items: [at], next: at + 1 < count ? String(at + 1) : undefined };
    };

    it('follows every page when there is no limit, and up to the limit when there is one', async () => {
      assert.deepEqual(await readPages(pages(7)), { items: [0, 1, 2, 3, 4, 5, 6], pages: 7, truncated: false });
      assert.deepEqual(await readPages(pages(5), 5), { items: [0, 1, 2, 3, 4], pages: 5, truncated: false });
    });

    it('says a listing with more pages than its limit was truncated', async () => {
      assert.deepEqual(await readPages(pages(6), 5), { items: [0, 1, 2, 3, 4], pages: 5, truncated: true });
      assert.deepEqual(await readPages(async () => ({ items: ['a'], next: '' })), { items: ['a'], pages: 1, truncated: false });
    });
  });

  describe('DescribeBudgets (fake AWS, real SDK)', () => {
    const context = useFakeAwsHome('listing-pages', 'team');
    const budget = (index: number): FakeBudget => ({ name: `Budget ${String(index).padStart(4, '0')}`, limitUsd: 100, timeUnit: 'MONTHLY', budgetType: 'COST', createdAt: 0, notifications: [] });
    const setBudgets = (count: number) => {
      const section = (context.fake.state.budgets ??= { accounts: {} });
      (section.accounts[BASIC_ACCOUNT_ID] ??= { budgets: [] }).budgets = Array.from({ length: count }, (_, index) => budget(index));
    };
    const describeCalls = () => context.fake.requests.filter((entry) => entry.operation === 'DescribeBudgets').length;

    it('reads every page up to the limit: 250 budgets in three pages, all listed', async () => {
      setBudgets(250);
      const before = describeCalls();
      const listed = await fetchBudgets({ target, region: TEAM_REGION });
      assert.ok(listed.ok);
      assert.equal(listed.report.budgets!.length, 250);
      assert.equal(describeCalls() - before, 3);
      assert.ok(!listed.report.problems.some((problem) => isPageLimit(problem.error)));
    });

    it('past the limit lists no budgets (never the first pages as the whole) and says only the first pages were read', async () => {
      setBudgets(MAX_BUDGET_PAGES * 100 + 1);
      const before = describeCalls();
      const listed = await fetchBudgets({ target, region: TEAM_REGION });
      assert.ok(listed.ok);
      assert.equal(listed.report.budgets, undefined);
      assert.equal(describeCalls() - before, MAX_BUDGET_PAGES);
      const cut = listed.report.problems.filter((problem) => problem.service === 'budgets');
      assert.deepEqual(cut.map((problem) => [problem.error.operation, problem.error.name]), [['DescribeBudgets', PAGE_LIMIT_REACHED]]);
      assert.deepEqual(budgetPageLimitLines(listed.report.problems, 'en'), [
        'Not verified: AWS Budgets answered DescribeBudgets with more than 10 pages (100 budgets a page) and only the first 10 were read, so the budgets are not listed. See them in the AWS Budgets console.',
      ]);
      assert.match(budgetPageLimitLines(listed.report.problems, 'ja')[0]!, /^未確認: AWS Budgets の DescribeBudgets の応答が 10 ページ \(1 ページ 100 件\) を超えたため、最初の 10 ページだけを読み取りました/);
    });
  });

  describe('GetDimensionValues (fake AWS, real SDK)', () => {
    const context = useFakeAwsHome('listing-pages-ce', 'team');

    it('more Claude services than five pages hold: no months (never the first pages as the whole), a PageLimitReached problem, Cost Explorer asked five pages and no more', async () => {
      const lines = context.fake.state.costExplorer!.accounts[BASIC_ACCOUNT_ID]!.lines;
      const extra = Array.from({ length: 5_001 }, (_, index) => ({ service: `Claude Test ${String(index).padStart(5, '0')} (Amazon Bedrock Edition)`, usageType: 'APN1-TestInputTokenCount', usdPerDay: 0.01, quantityPerDay: 1, fromDaysAgo: 3, toDaysAgo: 0 }));
      lines.push(...extra);
      try {
        const before = context.fake.requests.length;
        const read = await fetchSpendReport({ target, region: TEAM_REGION, modelIds: [] });
        assert.ok(read.ok);
        assert.equal(read.report.months, undefined);
        assert.deepEqual(read.report.problems.map((problem) => [problem.service, problem.error.operation, problem.error.name]), [['ce', 'GetDimensionValues', PAGE_LIMIT_REACHED]]);
        const asked = context.fake.requests.slice(before).map((entry) => entry.operation);
        assert.deepEqual(asked.filter((operation) => operation.startsWith('Get')), ['GetDimensionValues', 'GetDimensionValues', 'GetDimensionValues', 'GetDimensionValues', 'GetDimensionValues']);
        assert.match(comparisonLines(read.report, 'en')[0]!, /^Not verified: Cost Explorer answered GetDimensionValues with more than 5 pages/);
      } finally {
        lines.splice(lines.length - extra.length, extra.length);
      }
    });
  });

  describe('a Cost Explorer listing cut at its limit', () => {
    it('is said to be not verified, which call and how many pages, in English and Japanese', () => {
      const problem = adminProblem('ce', { operation: 'GetCostAndUsage', phase: 'call', name: PAGE_LIMIT_REACHED });
      const report = { generatedAt: 0, periods: spendPeriods(Date.UTC(2026, 0, 15)), services: [], problems: [problem] };
      assert.deepEqual(comparisonLines(report, 'en'), [
        "Not verified: Cost Explorer answered GetCostAndUsage with more than 5 pages and only the first 5 were read (each page is billed), so this read's figures are not shown. See this account's costs in the Cost Explorer console.",
      ]);
      assert.match(comparisonLines(report, 'ja')[0]!, /^未確認: Cost Explorer の GetCostAndUsage の応答が 5 ページを超えたため、最初の 5 ページだけを読み取りました/);
    });
  });
});

// The cost plan's input errors name the input as the reader knows it, in their language: the Team
// view's form label, never the code key (`usdToJpy`, `inputTokensPerSession`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_COST_PLAN_INPUT, planTeamCost, type CostPlanInput } from '../../src/core/costPlan/costPlan';
import { costPlanErrorText } from '../../src/core/costPlan/costPlanText';

const JA_BUNDLE = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;

function errorOf(input: CostPlanInput) {
  const planned = planTeamCost(input);
  assert.ok(!planned.ok, 'the plan is refused');
  return planned.error;
}

describe('costPlan: input errors in words', () => {
  it('names an out-of-range yen rate by its label in English and Japanese, not usdToJpy', () => {
    const input = { ...DEFAULT_COST_PLAN_INPUT, usdToJpy: -1 };
    const error = errorOf(input);
    assert.equal(costPlanErrorText(error, input, 'en'), 'Yen per US dollar is out of range.');
    assert.equal(costPlanErrorText(error, input, 'ja'), '1 米ドルあたりの円 が範囲外です。');
  });

  it('names a non-number input tokens per session by its label in both languages', () => {
    const input = { ...DEFAULT_COST_PLAN_INPUT, inputTokensPerSession: Number.NaN };
    const error = errorOf(input);
    assert.equal(costPlanErrorText(error, input, 'en'), 'Input tokens per session must be a number.');
    assert.equal(costPlanErrorText(error, input, 'ja'), '1 セッションの入力トークン には数値を指定してください。');
  });

  it('never shows a code key, and its Japanese labels are the Team view form labels', () => {
    const fields: (keyof CostPlanInput)[] = ['developers', 'workingDays', 'sessionsPerDay', 'inputTokensPerSession', 'outputTokensPerSession', 'usdToJpy', 'seatPriceUsd', 'cacheReadShare'];
    for (const field of fields) {
      const input = { ...DEFAULT_COST_PLAN_INPUT, [field]: -1 };
      const error = errorOf(input);
      assert.equal(error.field, field);
      for (const locale of ['en', 'ja'] as const) {
        const text = costPlanErrorText(error, input, locale);
        assert.ok(!text.includes(field), `${locale} ${field}: ${text}`);
      }
      const en = costPlanErrorText(error, input, 'en').replace(/ is out of range\.$/, '');
      const ja = costPlanErrorText(error, input, 'ja').replace(/ が範囲外です。$/, '');
      // The view's label of the share is a percent: "… (%)".
      const viewLabel = field === 'cacheReadShare' ? `${en} (%)` : en;
      const viewJa = JA_BUNDLE[viewLabel];
      assert.ok(viewJa !== undefined, `the Team view has the label "${viewLabel}"`);
      assert.equal(field === 'cacheReadShare' ? `${ja} (%)` : ja, viewJa);
    }
  });
});

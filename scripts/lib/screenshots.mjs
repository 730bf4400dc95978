// The listing's screenshots: each image under media/screenshots/ that README.md or README.ja.md shows,
// and the e2e screenshot it is cut from (test-results/e2e/<run>/NN-<name>.png, written by the e2e
// script of that run). `npm run screenshots` (scripts/screenshots.mjs) refreshes them after the e2e runs.
//
// One line per image: `image` (its path under media/screenshots/), `from` ('<run>/<name>': the first
// shot of that name in the run; '<run>/<name>#2' the second), optionally `crop` ([x, y, width, height]
// in the shot's 1400×900 pixels; without it the whole shot, e.g. one the e2e script already cut to an
// element's box) and `width` (scale down to this width). A new surface (another
// view, an alarm, a dashboard) is one more line here and one image line in each README.

/** The e2e script that writes each run's screenshots. */
export const E2E_SCRIPTS = {
  listing: 'test/e2e/listing.e2e.ts',
  'listing-ja': 'test/e2e/listing.e2e.ts --locale ja',
  wizard: 'test/e2e/wizard.e2e.ts',
};

export const SCREENSHOTS = [
  { image: 'wizard-scope.png', from: 'listing/wizard-3-scope', crop: [396, 0, 612, 297] },
  { image: 'wizard-preview.png', from: 'wizard/9-preview', crop: [340, 0, 1060, 440] },
  { image: 'setup-view.png', from: 'listing/setup-view', crop: [0, 36, 806, 680] },
  { image: 'status-bar.png', from: 'listing/status-tooltip-clip' },
  { image: 'usage-view.png', from: 'listing/usage-view', crop: [0, 36, 806, 798] },
  { image: 'policy-violation.png', from: 'listing/policy-violation-clip' },
  { image: 'ja/wizard-scope.png', from: 'listing-ja/wizard-3-scope', crop: [396, 0, 612, 297] },
  { image: 'ja/setup-view.png', from: 'listing-ja/setup-view', crop: [0, 36, 806, 680] },
  { image: 'ja/status-bar.png', from: 'listing-ja/status-tooltip-clip' },
  { image: 'ja/usage-view.png', from: 'listing-ja/usage-view', crop: [0, 36, 806, 798] },
  { image: 'ja/policy-violation.png', from: 'listing-ja/policy-violation-clip' },
];

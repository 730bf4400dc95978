import assert from 'node:assert/strict';
import { CLAUDE_REGIONS, claudeRegion, isJapanRegion, refineRegions, regionCity, regionName } from '../../src/core/regions/regions';

describe('Claude regions', () => {
  it('is a dated, sourced table with the Regions the setup offers', () => {
    assert.match(CLAUDE_REGIONS.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(CLAUDE_REGIONS.source.length > 20);
    const codes = CLAUDE_REGIONS.regions.map((entry) => entry.code);
    for (const code of [
      'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-4',
      'ca-central-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
      'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'us-gov-west-1', 'us-gov-east-1',
    ]) {
      assert.ok(codes.includes(code), code);
    }
    assert.equal(new Set(codes).size, codes.length, 'no Region twice');
    for (const entry of CLAUDE_REGIONS.regions) {
      assert.ok(entry.name.en && entry.name.ja && entry.city.en && entry.city.ja, entry.code);
      assert.notEqual(entry.name.en, entry.name.ja, entry.code);
    }
  });

  it('names Regions in English and Japanese', () => {
    assert.equal(regionName('ap-northeast-1', 'en'), 'Asia Pacific (Tokyo)');
    assert.equal(regionName('ap-northeast-1', 'ja'), 'アジアパシフィック (東京)');
    assert.equal(regionCity('ap-northeast-1', 'en'), 'Tokyo');
    assert.equal(regionCity('ap-northeast-1', 'ja'), '東京');
    assert.equal(regionName('ap-northeast-3', 'ja'), 'アジアパシフィック (大阪)');
    assert.equal(regionCity('ap-northeast-2', 'ja'), 'ソウル');
    assert.equal(regionName('us-east-1', 'en'), 'US East (N. Virginia)');
    assert.equal(regionName('us-east-1', 'ja'), '米国東部 (バージニア北部)');
  });

  it('shows an unknown code as itself', () => {
    assert.equal(regionName('xx-south-9', 'en'), 'xx-south-9');
    assert.equal(regionName('xx-south-9', 'ja'), 'xx-south-9');
    assert.equal(regionCity('xx-south-9', 'ja'), 'xx-south-9');
    assert.equal(claudeRegion('xx-south-9'), undefined);
  });

  it('assigns geographies: only Tokyo and Osaka are Japan', () => {
    assert.ok(isJapanRegion('ap-northeast-1'));
    assert.ok(isJapanRegion('ap-northeast-3'));
    assert.ok(!isJapanRegion('ap-northeast-2'), 'Seoul is not Japan');
    assert.ok(!isJapanRegion('us-east-1'));
    assert.ok(!isJapanRegion('unknown'));
    assert.equal(claudeRegion('ap-northeast-2')?.geography, 'apac');
    assert.equal(claudeRegion('ap-southeast-2')?.geography, 'au');
    assert.equal(claudeRegion('ap-southeast-4')?.geography, 'au');
    assert.equal(claudeRegion('us-gov-west-1')?.geography, 'us-gov');
    assert.equal(claudeRegion('eu-west-3')?.geography, 'eu');
  });

  describe('refining with what the account reports', () => {
    it('shows the bundled Regions, none verified, when nothing was reported', () => {
      const options = refineRegions(CLAUDE_REGIONS.regions, undefined);
      assert.deepEqual(options.map((option) => option.code), CLAUDE_REGIONS.regions.map((entry) => entry.code));
      assert.ok(options.every((option) => !option.verified && option.region !== undefined));
    });

    it('marks reported Regions verified and adds unknown ones by code, once each', () => {
      const bundled = CLAUDE_REGIONS.regions.filter((entry) => entry.geography === 'jp');
      const options = refineRegions(bundled, ['ap-northeast-1', 'zz-west-1', 'me-central-1', 'zz-west-1', '', 'ap-northeast-2']);
      assert.deepEqual(
        options.map((option) => [option.code, option.verified, option.region?.name.en]),
        [
          ['ap-northeast-1', true, 'Asia Pacific (Tokyo)'],
          ['ap-northeast-3', false, 'Asia Pacific (Osaka)'],
          ['ap-northeast-2', true, 'Asia Pacific (Seoul)'],
          ['me-central-1', true, undefined],
          ['zz-west-1', true, undefined],
        ],
      );
    });
  });
});

// The static site of `rung export --format html`, opened from disk (file://) with no server:
// links work, nothing is fetched from the network, axe-core finds no violations, it fits a phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { expectNoAxeViolations, horizontalOverflow, launch, screenshot, siteDir } from './lib.mjs';

describe('the static site from disk', { skip: siteDir ? false : 'no RUNG_SITE_DIR' }, () => {
  let browser;
  let page;
  const requests = [];
  const url = (file) => pathToFileURL(join(siteDir, file)).href;

  before(async () => {
    browser = await launch();
    page = await browser.context.newPage();
    page.on('request', (request) => requests.push(request.url()));
  });
  after(async () => browser.close());

  test('from the grid to a level to what changes at the next level', async () => {
    await page.goto(url('index.html'));
    assert.equal(await page.locator('table.ladder-grid tbody tr').count(), 3);
    await page.locator('table.ladder-grid').getByRole('link', { name: 'Software Engineer II', exact: true }).click();
    await page.waitForURL(url('levels/swe-2.html'));
    assert.equal(await page.locator('h1').textContent(), 'Software Engineer II');
    await page.getByRole('link', { name: 'What changes at the next level' }).click();
    await page.waitForURL(url('compare/swe-2--swe-3.html'));
    assert.ok((await page.locator('table.diff ins').count()) > 0);
    await screenshot(page, 'site-compare');
    await page.getByRole('link', { name: 'Overview', exact: true }).first().click();
    await page.waitForURL(url('index.html'));
    const stylesheetApplied = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(stylesheetApplied, /system-ui|sans-serif/);
    await screenshot(page, 'site-index');
  });

  test('no page fetches anything but its own files', async () => {
    const foreign = requests.filter((r) => !r.startsWith('file://') && !r.startsWith('data:'));
    assert.deepEqual(foreign, []);
  });

  test('axe-core and a phone width on every kind of page', async () => {
    for (const file of ['index.html', 'tracks/swe.html', 'levels/swe-3.html', 'compare/swe-2--swe-3.html']) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url(file));
      await expectNoAxeViolations(page, file);
      await page.setViewportSize({ width: 360, height: 740 });
      assert.equal(await horizontalOverflow(page), 0, `${file} scrolls sideways at 360px`);
    }
  });
});

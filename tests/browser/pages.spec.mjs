// The server's pages in a real browser: navigation a person would do, with the keyboard too,
// at desktop and phone widths, on paper, without JavaScript, and with axe-core on every page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, expectNoAxeViolations, horizontalOverflow, launch, screenshot } from './lib.mjs';

const pages = [
  ['overview', '/'],
  ['track', '/tracks/swe'],
  ['level', '/levels/swe-3'],
  ['level-shared', '/levels/mgr-3'],
  ['compare', '/compare?a=swe-2&b=swe-3'],
  ['compare-across', '/compare?a=swe-3&b=mgr-1'],
  ['compare-form', '/compare'],
  ['search', '/search?q=mentor'],
  ['search-none', '/search?q=mentro'],
  ['lint', '/lint'],
  ['not-found', '/levels/swe-9'],
  ['bad-query', '/levels/swe-3?colour=red'],
];

describe('rung serve in Chromium', () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    page = await browser.context.newPage();
  });
  after(async () => browser.close());

  test('the overview grid places every title under its grade, each a link', async () => {
    await page.goto(`${baseUrl}/`);
    assert.match(await page.title(), /Overview/);
    const rows = page.locator('table.ladder-grid tbody tr');
    assert.equal(await rows.count(), 3);
    const header = await page.locator('table.ladder-grid thead th').allTextContents();
    assert.deepEqual(header.slice(1), ['Grade 2', 'Grade 3', 'Grade 4', 'Grade 5', 'Grade 6', 'Grade 7']);
    const chips = page.locator('table.ladder-grid a.level-chip');
    assert.equal(await chips.count(), 13);
    await screenshot(page, 'overview');
  });

  test('a click on a title opens its level with statements by area', async () => {
    await page.goto(`${baseUrl}/`);
    await page.locator('table.ladder-grid').getByRole('link', { name: 'Senior Software Engineer', exact: true }).click();
    await page.waitForURL(`${baseUrl}/levels/swe-3`);
    assert.equal(await page.locator('h1').textContent(), 'Senior Software Engineer');
    assert.ok((await page.locator('section.area h2').count()) >= 3);
    assert.ok((await page.locator('ul.statements li').count()) >= 10);
    const next = page.getByRole('link', { name: 'What changes at the next level' });
    assert.equal(await next.getAttribute('href'), '/compare?a=swe-3&b=swe-4');
    await screenshot(page, 'level');
  });

  test('the next-level link compares the two levels side by side', async () => {
    await page.goto(`${baseUrl}/levels/swe-2`);
    await page.getByRole('link', { name: 'What changes at the next level' }).click();
    await page.waitForURL(`${baseUrl}/compare?a=swe-2&b=swe-3`);
    assert.match(await page.locator('h1').textContent(), /Software Engineer II\s*→?\s*(to)?\s*Senior Software Engineer/);
    assert.ok((await page.locator('table.diff tbody tr').count()) > 15);
    assert.ok((await page.locator('table.diff del').count()) > 0, 'removed words are marked');
    assert.ok((await page.locator('table.diff ins').count()) > 0, 'added words are marked');
    // Going up, each area leads with what is new; what is not restated is collapsed, explained.
    assert.equal(await page.locator('table.diff').first().locator('tbody tr').first().getAttribute('class'), 'change-new_at_b');
    const notRestated = page.locator('details.not-restated');
    assert.equal(await notRestated.getAttribute('open'), null, 'collapsed until asked for');
    assert.match(await notRestated.locator('summary').textContent(), /not restated at Senior Software Engineer/);
    await notRestated.locator('summary').click();
    assert.match(await notRestated.textContent(), /The ladder is cumulative/);
    assert.match(await notRestated.textContent(), /strong debugging skills/);
    assert.equal(await page.getByText(/\d+%/).count(), 0, 'no bare similarity figures');
    await screenshot(page, 'compare');
    await page.setViewportSize({ width: 360, height: 800 });
    assert.ok((await horizontalOverflow(page)) <= 0, 'compare scrolls sideways on a phone');
    await screenshot(page, 'compare-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('the compare form picks any two levels without JavaScript', async () => {
    await page.goto(`${baseUrl}/compare`);
    await page.selectOption('#compare-a', 'swe-3');
    await page.selectOption('#compare-b', 'mgr-1');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(`${baseUrl}/compare?a=swe-3&b=mgr-1`);
    assert.equal(await page.locator('#compare-a').inputValue(), 'swe-3');
    assert.equal(await page.locator('#compare-b').inputValue(), 'mgr-1');
    assert.ok((await page.locator('section.diff-area').count()) >= 1);
  });

  test('search from the header finds every statement about mentoring, matches marked', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('searchbox', { name: 'Search statements' }).fill('mentor');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/search?q=mentor`);
    const hits = page.locator('ol.hits > li');
    assert.ok((await hits.count()) >= 5);
    assert.equal((await page.locator('ol.hits mark').first().textContent()).toLowerCase().startsWith('mentor'), true);
    await hits.first().getByRole('link').click();
    await page.waitForURL(/\/levels\/[a-z]+-\d#/);
    await screenshot(page, 'search-to-level');
  });

  test('the 404 page suggests the closest level', async () => {
    const response = await page.goto(`${baseUrl}/levels/swe-9`);
    assert.equal(response.status(), 404);
    await page.getByRole('link', { name: 'Software Engineer I', exact: true }).click();
    await page.waitForURL(`${baseUrl}/levels/swe-1`);
    await screenshot(page, 'level-swe-1');
  });

  test('keyboard: the skip link comes first and every link shows its focus', async () => {
    await page.goto(`${baseUrl}/levels/swe-2`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement.textContent);
    assert.equal(first, 'Skip to content');
    const skipVisible = await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0);
    assert.ok(skipVisible, 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    // Tab onwards from main until a statement-area link or the next-level link is reached.
    let reached = '';
    for (let i = 0; i < 40 && !reached.includes('/levels/swe-3'); i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement.getAttribute('href') ?? '');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', `focus is visible on ${reached}`);
    }
    assert.ok(reached.includes('/levels/swe-3'), 'the next level is reachable by keyboard');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/levels/swe-3`);
  });

  test('axe-core finds no violations on any page', async () => {
    for (const [name, path] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await expectNoAxeViolations(page, path);
      await screenshot(page, `axe-${name}`);
    }
  });

  test('a phone-width viewport never scrolls sideways', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const [name, path] of pages) {
      await page.goto(`${baseUrl}${path}`);
      assert.equal(await horizontalOverflow(page), 0, `${path} scrolls sideways at 360px`);
      await screenshot(page, `phone-${name}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('print media hides navigation and keeps the content', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${baseUrl}/levels/swe-3`);
    for (const selector of ['.site-nav', '.site-search', '.skip-link', '.breadcrumbs']) {
      const display = await page.locator(selector).evaluate((el) => getComputedStyle(el).display);
      assert.equal(display, 'none', `${selector} is hidden on paper`);
    }
    assert.ok(await page.locator('ul.statements li').first().isVisible());
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(255, 255, 255)');
    await screenshot(page, 'print-level');
    await page.goto(`${baseUrl}/`);
    await screenshot(page, 'print-overview');
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('without JavaScript', () => {
  test('every page reads the same and ships no script', async () => {
    const browser = await launch({ javaScriptEnabled: false });
    const page = await browser.context.newPage();
    try {
      for (const [, path] of pages) {
        await page.goto(`${baseUrl}${path}`);
        assert.ok((await page.locator('main h1').textContent()).length > 0, path);
        assert.equal(await page.locator('script').count(), 0, path);
      }
    } finally {
      await browser.close();
    }
  });
});

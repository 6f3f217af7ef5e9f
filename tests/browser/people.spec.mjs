// Signing in and the people pages in a real browser: the first-run admin changes the one-time
// password, imports people from a CSV (dry run, then apply), adds an account, disables and
// enables it again, and deletes an account made by a typo after a confirmation; the engineer
// signs in with the one-time password they were given, changes it, sees their own page, is
// refused an admin page and their manager's page, and signs out.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, expectNoAxeViolations, horizontalOverflow, launch, screenshot } from './lib.mjs';

const adminPassword = process.env.RUNG_ADMIN_PASSWORD ?? '';
const csv = [
  'Name,Work Email,Manager Email,Level,Start Date',
  'Mona Manager,mona@example.com,,mgr-1,2019-03-01',
  'Ed Engineer,ed@example.com,mona@example.com,swe-2,2022-09-12',
  'Ivy Intern,ivy@example.com,ed@example.com,swe-1,2024-06-03',
].join('\r\n') + '\r\n';

async function signIn(page, login, password) {
  await page.getByLabel('Email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// After a forced change, on to the page that was asked for (`then`).
async function changePassword(page, current, fresh, then = '/account?done=password') {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel(/^New password \(/).fill(fresh);
  await page.getByLabel('New password again').fill(fresh);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL(`${baseUrl}${then}`);
}

describe('signing in and the people pages', () => {
  let browser;
  let edPassword = '';
  before(async () => {
    assert.ok(adminPassword, 'run.sh passes the first-run admin password in RUNG_ADMIN_PASSWORD');
    browser = await launch();
  });
  after(async () => browser.close());

  test('the admin imports people and adds an account for Ed', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/admin/users`);
    assert.equal(await page.locator('h1').textContent(), 'Sign in');
    await expectNoAxeViolations(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await signIn(page, 'admin', adminPassword);
    await page.waitForURL(`${baseUrl}/account?next=%2Fadmin%2Fusers`);
    await changePassword(page, adminPassword, 'admin password for the browser test', '/admin/users');

    await page.goto(`${baseUrl}/admin/people/import`);
    await page.setInputFiles('#import-file', { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Show what would change' }).click();
    assert.match(await page.locator('.import-plan').textContent(), /Would create 3, update 0/);
    await screenshot(page, 'import-dry-run');
    await page.getByRole('button', { name: 'Apply these changes' }).click();
    assert.match(await page.locator('.notice').textContent(), /created 3/);

    await page.goto(`${baseUrl}/admin/users`);
    await page.getByLabel('Login (work email)').fill('ed@example.com');
    await page.getByRole('button', { name: 'Add user' }).click();
    edPassword = (await page.locator('code.secret').textContent()).trim();
    assert.match(edPassword, /^\S{4}-\S{4}-\S{4}-\S{4}$/);
    await expectNoAxeViolations(page, 'users');

    // Disable Ed's account, then enable it again, at a desk and on a phone: the row says
    // "Disabled" in words and the button turns into "Enable".
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${baseUrl}/admin/users`);
      await page.getByRole('button', { name: 'Disable ed@example.com' }).click();
      assert.match(await page.locator('p.notice').textContent(), /ed@example\.com is disabled/);
      const row = page.locator('tr', { has: page.locator('th', { hasText: 'ed@example.com' }) });
      assert.match(await row.textContent(), /Disabled/);
      assert.ok((await horizontalOverflow(page)) <= 0, `users at ${width} px scrolls sideways`);
      await expectNoAxeViolations(page, `users with a disabled account at ${width} px`);
      await screenshot(page, width === 360 ? 'users-disabled-phone' : 'users-disabled');
      await page.getByRole('button', { name: 'Enable ed@example.com' }).click();
      assert.match(await page.locator('p.notice').textContent(), /ed@example\.com is enabled/);
      assert.doesNotMatch(await row.textContent(), /Disabled/);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // A login typed wrong, created anyway, is deleted after a confirmation.
    await page.getByLabel('Login (work email)').fill('ed@exmaple.com');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByLabel(/belongs to no one/).check();
    await page.getByRole('button', { name: 'Create ed@exmaple.com anyway' }).click();
    await page.getByRole('button', { name: 'Delete ed@exmaple.com' }).click();
    await expectNoAxeViolations(page, 'users, confirming a delete');
    await page.getByRole('button', { name: 'Yes, delete ed@exmaple.com' }).click();
    assert.match(await page.locator('p.notice').textContent(), /ed@exmaple\.com is deleted/);

    // The audit log reads as changes by people, at a desk and on a phone.
    await page.goto(`${baseUrl}/admin/audit`);
    const log = await page.locator('.audit-table').textContent();
    assert.match(log, /person: create/);
    assert.match(log, /Ed Engineer/);
    assert.doesNotMatch(log, /\{"|person:\d|account:\d|\d{4}-\d\d-\d\dT/);
    await expectNoAxeViolations(page, 'audit log');
    await screenshot(page, 'audit-log');
    for (const path of ['/admin/audit', '/admin/users', '/people']) {
      await page.goto(`${baseUrl}${path}`);
      await page.setViewportSize({ width: 360, height: 800 });
      assert.ok((await horizontalOverflow(page)) <= 0, `${path} scrolls sideways on a phone`);
      await expectNoAxeViolations(page, `${path} at 360 px`);
      await screenshot(page, `${path.slice(1).replace('/', '-')}-phone`);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.close();
  });

  test('Ed signs in, sees his page, is refused others, and signs out', async () => {
    const ed = await launch();
    try {
      const page = await ed.context.newPage();
      await page.goto(`${baseUrl}/people`);
      await signIn(page, 'ed@example.com', edPassword);
      await page.waitForURL(`${baseUrl}/account?next=%2Fpeople`);
      await changePassword(page, edPassword, 'ed has a password of his own', '/people');

      await page.getByRole('link', { name: 'People', exact: true }).click();
      const names = await page.locator('table.people-table tbody td:first-child a').allTextContents();
      assert.deepEqual(names, ['Ed Engineer', 'Ivy Intern']);
      await page.getByRole('link', { name: 'Ed Engineer' }).click();
      assert.equal(await page.locator('h1').textContent(), 'Ed Engineer');
      assert.match(await page.locator('.page-head').textContent(), /Your page/);
      assert.match(await page.locator('ol.chain').textContent(), /Mona Manager/);
      await expectNoAxeViolations(page, 'own page');
      await screenshot(page, 'person');

      const admin = await page.goto(`${baseUrl}/admin/users`);
      assert.equal(admin.status(), 403);
      const monaId = await page.evaluate(async () => {
        const me = await (await fetch('/api/v1/me')).json();
        return me.person.manager;
      });
      const manager = await page.goto(`${baseUrl}/people/${monaId}`);
      assert.equal(manager.status(), 404);

      await page.goto(`${baseUrl}/account`);
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.waitForURL(`${baseUrl}/sign-in`);
      const again = await page.goto(`${baseUrl}/account`);
      assert.equal(again.status(), 401);
    } finally {
      await ed.close();
    }
  });
});

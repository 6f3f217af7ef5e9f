// Scratch (not committed): screenshots of /admin/users with a disabled account.
import { chromium } from 'playwright-core';
const url = process.env.URL, pw = process.env.PW;
const ctx = await chromium.launchPersistentContext('/tmp/acct-profile-' + Date.now(), {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu'], viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
await page.goto(`${url}/sign-in?next=/admin/users`);
await page.getByLabel('Email').fill('root@example.com');
await page.getByLabel('Password', { exact: true }).fill(pw);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(/account/);
await page.getByLabel('Current password').fill(pw);
await page.getByLabel(/^New password \(/).fill('a long password for root');
await page.getByLabel('New password again').fill('a long password for root');
await page.getByRole('button', { name: 'Change password' }).click();
await page.waitForURL(`${url}/admin/users`);
await page.screenshot({ path: '/tmp/acct-users-1280.png', fullPage: true });
await page.getByRole('button', { name: 'Delete chen@exmaple.com' }).click();
await page.screenshot({ path: '/tmp/acct-users-confirm-1280.png', fullPage: true });
await page.setViewportSize({ width: 360, height: 900 });
await page.goto(`${url}/admin/users`);
await page.screenshot({ path: '/tmp/acct-users-360.png', fullPage: true });
await ctx.close();

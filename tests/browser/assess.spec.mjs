// The assessment flow in a real browser, against a server of its own (its own data directory,
// so the people and accounts here never meet those of people.spec.mjs): people are imported and
// accounts added with the rung CLI, as an operator would. Ed drafts a self-assessment (each
// choice saved by assess.js, a reload keeps it), adds evidence and submits; his manager Mona
// rates him two steps apart on one statement and submits; side by side flags that statement
// and shows the shared summary; the submitted assessment shows readiness, blockers and the
// radar, each figure linked to its statements. axe-core runs on every page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations, horizontalOverflow, launch, screenshot } from './lib.mjs';

const rung = process.env.RUNG_BIN ?? '';
const csv = [
  'Name,Work Email,Manager Email,Level,Start Date',
  'Mona Manager,mona@example.com,,mgr-1,2019-03-01',
  'Ed Engineer,ed@example.com,mona@example.com,swe-2,2022-09-12',
].join('\r\n') + '\r\n';

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url) {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`rung serve did not answer at ${url}`);
}

// A one-time password from `rung user add`.
function addUser(data, login) {
  const out = execFileSync(rung, ['user', 'add', login, '--data', data], { encoding: 'utf8' });
  const found = out.match(/one-time password for '[^']+': (\S+)/);
  assert.ok(found, `rung user add printed no password: ${out}`);
  return found[1];
}

async function signIn(context, base, login, oneTime) {
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(oneTime);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/account`);
  const fresh = `${login} has a password of their own`;
  await page.getByLabel('Current password').fill(oneTime);
  await page.getByLabel(/^New password \(/).fill(fresh);
  await page.getByLabel('New password again').fill(fresh);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL(`${base}/account?done=password`);
  return page;
}

// Chooses a rating with the mouse and waits for assess.js to announce the save.
async function rate(page, statement, scale, label) {
  await page.evaluate(() => {
    document.getElementById('save-status').textContent = '';
  });
  await page.locator(`#r-${statement}-${scale}`).check();
  await page.waitForFunction(
    (text) => document.getElementById('save-status').textContent === text,
    `Saved: ${label}.`,
  );
}

async function startAssessment(page, label) {
  await page.getByRole('button', { name: 'Start or resume' }).click();
  await page.waitForURL(/\/assessments\/\d+$/);
  assert.match(await page.locator('h1').textContent(), new RegExp(`${label}: Software Engineer II`));
}

async function submit(page) {
  await page.getByRole('button', { name: 'Submit assessment' }).click();
  await page.waitForURL(/\/assessments\/\d+$/);
  assert.match(await page.locator('#outcome-heading').textContent(), /Outcome/);
}

describe('assessments: draft, rate, submit, side by side, readiness', () => {
  let server;
  let browser;
  let base = '';
  let data = '';
  const passwords = {};
  let edId = 0;
  let edAssessment = '';

  before(async () => {
    assert.ok(rung, 'run.sh passes the rung binary in RUNG_BIN');
    data = mkdtempSync(join(tmpdir(), 'rung-assess-'));
    writeFileSync(join(data, 'people.csv'), csv);
    execFileSync(rung, ['people', 'import', join(data, 'people.csv'), '--apply', '--data', data]);
    passwords.ed = addUser(data, 'ed@example.com');
    passwords.mona = addUser(data, 'mona@example.com');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(rung, ['serve', '--listen', `127.0.0.1:${port}`, '--data', data], {
      stdio: 'ignore',
    });
    await waitForHealth(base);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (server) {
      const stopped = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await stopped;
    }
    rmSync(data, { recursive: true, force: true });
  });

  test('Ed drafts a self-assessment, each choice saved, adds evidence and submits', async () => {
    const ed = await launch();
    try {
      const page = await signIn(ed.context, base, 'ed@example.com', passwords.ed);
      await page.getByRole('link', { name: 'Assessments', exact: true }).click();
      assert.equal(await page.locator('h1').textContent(), 'Assessments');
      edId = Number(page.url().match(/\/people\/(\d+)\/assessments$/)[1]);
      await expectNoAxeViolations(page, 'assessments hub');
      await screenshot(page, 'assessments-hub');

      await startAssessment(page, 'Self-assessment');
      edAssessment = page.url();
      await expectNoAxeViolations(page, 'draft form');
      await rate(page, 'swe-2-role-1', 'not-yet', 'Not yet');
      await rate(page, 'swe-2-role-2', 'consistently', 'Consistently');
      await rate(page, 'swe-2-domain-1', 'role-model', 'Role model');
      assert.equal(await page.locator('.js-version-text').textContent(), '4');

      await page.reload();
      assert.ok(await page.locator('#r-swe-2-role-1-not-yet').isChecked());
      assert.ok(await page.locator('#r-swe-2-role-2-consistently').isChecked());
      assert.ok(await page.locator('#r-swe-2-domain-1-role-model').isChecked());

      const statement = page.locator('#s-swe-2-role-2');
      await statement.locator('summary').click();
      await statement.getByLabel('Evidence: what you did, with links').fill(
        'Mentored two new hires <b>through onboarding</b>: https://example.com/wiki/onboarding',
      );
      await statement.getByLabel('Date (optional)').fill('2026-05-04');
      await statement.getByRole('button', { name: 'Add evidence' }).click();
      await page.waitForURL(/#s-swe-2-role-2$/);
      assert.match(await page.locator('#s-swe-2-role-2 .evidence').textContent(),
        /2026-05-04 Mentored two new hires <b>through onboarding<\/b>/);

      await page.setViewportSize({ width: 360, height: 800 });
      assert.ok(await horizontalOverflow(page) <= 0, 'the draft form scrolls sideways on a phone');
      await screenshot(page, 'assessment-draft-phone');
      await page.setViewportSize({ width: 1280, height: 900 });

      await submit(page);
      await expectNoAxeViolations(page, 'submitted self-assessment');
    } finally {
      await ed.close();
    }
  });

  test('Mona rates Ed two steps apart on one statement and submits', async () => {
    const mona = await launch();
    try {
      const page = await signIn(mona.context, base, 'mona@example.com', passwords.mona);
      await page.getByRole('link', { name: 'People', exact: true }).click();
      await page.getByRole('link', { name: 'Ed Engineer' }).click();
      await page.getByRole('link', { name: 'Assessments of Ed Engineer' }).click();
      assert.ok(await page.locator('input[name="role"][value="manager"]').isChecked());
      await startAssessment(page, 'Manager assessment');
      await rate(page, 'swe-2-role-1', 'consistently', 'Consistently');
      await rate(page, 'swe-2-role-2', 'consistently', 'Consistently');
      await submit(page);
      await expectNoAxeViolations(page, 'submitted manager assessment');

      await page.goto(`${base}/people/${edId}/side-by-side`);
      const flagged = page.locator('tr.flagged');
      assert.equal(await flagged.count(), 1);
      assert.match(await flagged.textContent(), /build medium to large scale features/);
      assert.match(await flagged.textContent(), /Flagged: 2 steps apart/);
      assert.match(await page.locator('.summary').textContent(), /Flagged topics\s*1/);
      await expectNoAxeViolations(page, 'side by side');
      await screenshot(page, 'side-by-side');
    } finally {
      await mona.close();
    }
  });

  test("Ed's submitted assessment shows readiness, blockers and the radar", async () => {
    const ed = await launch();
    try {
      const page = await ed.context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('Email').fill('ed@example.com');
      await page.getByLabel('Password', { exact: true }).fill('ed@example.com has a password of their own');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/`);
      await page.goto(edAssessment);
      assert.match(await page.locator('.verdict').textContent(), /Not ready yet/);
      assert.equal(await page.locator('.outcome svg[role="img"]').count(), 1);
      const blocker = page.locator('ul.blockers a').first();
      const target = await blocker.getAttribute('href');
      assert.match(target, /^#s-swe-2-/);
      await blocker.click();
      await page.waitForURL(new RegExp(`${target}$`));
      assert.equal(await page.locator(`${target} .statement__rating`).count(), 1);
      await expectNoAxeViolations(page, 'outcome');
      await screenshot(page, 'assessment-outcome');
    } finally {
      await ed.close();
    }
  });

  test('a choice changed in another tab is caught: keep mine, or take theirs', async () => {
    const ed = await launch();
    try {
      // Two tabs of one draft ("how do I look against swe-3?"): each saves on the version it
      // last saw, so the second save in the stale tab is a conflict, never a silent overwrite.
      const first = await ed.context.newPage();
      await first.goto(`${base}/sign-in`);
      await first.getByLabel('Email').fill('ed@example.com');
      await first.getByLabel('Password', { exact: true }).fill('ed@example.com has a password of their own');
      await first.getByRole('button', { name: 'Sign in' }).click();
      await first.waitForURL(`${base}/`);
      await first.goto(`${base}/people/${edId}/assessments`);
      await first.selectOption('#start-level', 'swe-3');
      await first.getByRole('button', { name: 'Start or resume' }).click();
      await first.waitForURL(/\/assessments\/\d+$/);
      const second = await ed.context.newPage();
      await second.goto(first.url());

      await rate(first, 'swe-3-role-1', 'sometimes', 'Sometimes');
      await second.locator('#r-swe-3-role-1-role-model').check();
      const note = second.locator('#s-swe-3-role-1 .js-conflict');
      await note.waitFor();
      assert.match(await note.textContent(), /yours Role model, stored Sometimes/);
      await expectNoAxeViolations(second, 'draft with a conflict');
      await second.getByRole('button', { name: 'Keep mine' }).click();
      await second.waitForFunction(
        () => document.getElementById('save-status').textContent === 'Saved: Role model.',
      );
      assert.equal(await note.count(), 0);

      // Now the first tab is the stale one; it takes the stored rating instead.
      await first.locator('#r-swe-3-role-1-consistently').check();
      await first.locator('#s-swe-3-role-1 .js-conflict').waitFor();
      await first.getByRole('button', { name: 'Take theirs' }).click();
      assert.ok(await first.locator('#r-swe-3-role-1-role-model').isChecked());
      await first.reload();
      assert.ok(await first.locator('#r-swe-3-role-1-role-model').isChecked(),
        'the stored rating is the one kept in the other tab');
    } finally {
      await ed.close();
    }
  });
});

// The assessment flow in a real browser, against a server of its own (its own data directory,
// so the people and accounts here never meet those of people.spec.mjs): people are imported and
// accounts added with the rung CLI, as an operator would. Ed drafts a self-assessment (each
// choice saved by assess.js, a reload keeps it), adds evidence and submits; his manager Mona
// rates him two steps apart on one statement and submits; side by side flags that statement
// and shows the shared summary; the submitted assessment shows readiness, blockers and the
// radar, each figure linked to its statements. The rating progress stays in view and a save
// never moves the form; submitting goes through the review step (what is unrated); Ed
// withdraws a submitted assessment with a reason, at phone and desktop width. axe-core runs on
// every page.
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
    document.querySelector('#save-status .js-save-detail').textContent = '';
  });
  await page.locator(`#r-${statement}-${scale}`).check();
  await page.waitForFunction(
    (text) => document.querySelector('#save-status .js-save-detail').textContent === text,
    `Your rating “${label}” is saved.`,
  );
}

// The rated count the sticky bar shows: [rated, total].
async function ratedCount(page) {
  const text = await page.locator('#save-status .js-rated-count').textContent();
  const found = text.match(/^(\d+) of (\d+) rated$/);
  assert.ok(found, `the progress says "${text}"`);
  return [Number(found[1]), Number(found[2])];
}

async function startAssessment(page, label) {
  await page.getByRole('button', { name: 'Start or resume' }).click();
  await page.waitForURL(/\/assessments\/\d+$/);
  assert.match(await page.locator('h1').textContent(), new RegExp(`${label}: Software Engineer II`));
}

// Through the review step: what is unrated is listed, then "Submit and freeze".
async function submit(page, label = 'review') {
  await page.getByRole('button', { name: 'Review before submitting' }).click();
  await page.waitForURL(/\/assessments\/\d+\/review$/);
  assert.equal(await page.locator('h1').textContent(), 'Review before submitting');
  assert.match(await page.locator('.freeze-warning').textContent(), /Submitting freezes/);
  assert.ok(await page.locator('.unrated-list li').count() > 0, 'unrated statements are listed');
  await expectNoAxeViolations(page, `${label} step`);
  await page.getByRole('button', { name: 'Submit and freeze' }).click();
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
      assert.match(await page.locator('.scale-legend').textContent(), /Role model\s*You do this consistently and others learn it/);
      const [none, total] = await ratedCount(page);
      assert.equal(none, 0);
      // A save's message never moves the form under the next tap.
      const choice = page.locator('#r-swe-2-role-2-consistently');
      const before = (await choice.boundingBox()).y;
      await rate(page, 'swe-2-role-1', 'not-yet', 'Not yet');
      assert.equal((await choice.boundingBox()).y, before, 'the form moved after a save');
      await rate(page, 'swe-2-role-2', 'consistently', 'Consistently');
      await rate(page, 'swe-2-domain-1', 'role-model', 'Role model');
      assert.equal(await page.locator('#ratings-form .js-version').first().inputValue(), '4');
      assert.deepEqual(await ratedCount(page), [3, total]);
      assert.equal(await page.locator('#save-status .js-save-state').textContent(), 'saved');
      assert.equal(await page.locator('#rated-bar').evaluate((bar) => bar.value), 3);
      // The bar stays in view while rating further down.
      await page.locator('#s-swe-2-communication-5').scrollIntoViewIfNeeded();
      const bar = await page.locator('#assess-progress').boundingBox();
      assert.ok(bar.y >= 0 && bar.y < 5, `the progress bar left the view (y ${bar.y})`);
      await screenshot(page, 'assessment-draft');

      await page.reload();
      assert.deepEqual(await ratedCount(page), [3, total], 'the server renders the count');
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
        /4 May 2026 Mentored two new hires <b>through onboarding<\/b>/);

      await page.setViewportSize({ width: 360, height: 800 });
      assert.ok(await horizontalOverflow(page) <= 0, 'the draft form scrolls sideways on a phone');
      await screenshot(page, 'assessment-draft-phone');
      await page.setViewportSize({ width: 1280, height: 900 });

      await submit(page, 'self-assessment review');
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
      // Only what Mona may write: a manager assessment of Ed.
      assert.equal(await page.locator('input[name="role"]').getAttribute('value'), 'manager');
      assert.match(await page.locator('#start').textContent(), /Manager assessment: you rate Ed Engineer/);
      await startAssessment(page, 'Manager assessment');
      // Ed submitted: his rating and evidence sit under each statement of Mona's form.
      assert.match(await page.locator('#s-swe-2-role-1 .beside').textContent(), /Self-rated:\s*Not yet/);
      assert.match(await page.locator('#s-swe-2-role-2 .beside').textContent(),
        /Self-rated:\s*Consistently[\s\S]*Mentored two new hires/);
      await expectNoAxeViolations(page, "manager's form with the self-assessment beside");
      await screenshot(page, 'manager-form-beside');
      await page.setViewportSize({ width: 360, height: 800 });
      assert.ok(await horizontalOverflow(page) <= 0, "the manager's form scrolls sideways on a phone");
      await screenshot(page, 'manager-form-beside-phone');
      await page.setViewportSize({ width: 1280, height: 900 });
      await rate(page, 'swe-2-role-1', 'consistently', 'Consistently');
      await rate(page, 'swe-2-role-2', 'consistently', 'Consistently');
      await submit(page, 'manager assessment review');
      await expectNoAxeViolations(page, 'submitted manager assessment');

      await page.goto(`${base}/people/${edId}/side-by-side`);
      const flagged = page.locator('tr.flagged');
      assert.equal(await flagged.count(), 1);
      assert.match(await flagged.textContent(), /build medium to large scale features/);
      assert.match(await flagged.textContent(), /Flagged: 2 steps apart/);
      assert.match(await page.locator('.summary').textContent(), /Flagged topics\s*1 \(0 with an agreed rating\)/);
      assert.match(await page.locator('.summary').textContent(), /2 or more steps apart\s*1/);
      await expectNoAxeViolations(page, 'side by side');
      await screenshot(page, 'side-by-side');

      // The agenda: the flagged topic first, both sides' evidence; Mona records what they agreed.
      const topic = page.locator('.agenda .topic').first();
      assert.match(await topic.textContent(), /build medium to large scale features/);
      assert.match(await topic.textContent(), /Flagged: 2 steps apart/);
      await topic.getByLabel('Rating you agree on').selectOption('sometimes');
      await topic.getByLabel('Note').fill('Pair on the next feature <design> first');
      await topic.getByRole('button', { name: 'Record' }).click();
      await page.waitForURL(/#t-swe-2-role-1$/);
      assert.match(await page.locator('#t-swe-2-role-1 .topic__agreed').textContent(),
        /Agreed: Sometimes · Note: Pair on the next feature <design> first/);
      assert.match(await page.locator('.summary').textContent(), /Flagged topics\s*1 \(1 with an agreed rating\)/);
      await expectNoAxeViolations(page, 'side by side with an agreement');
      await page.setViewportSize({ width: 360, height: 800 });
      assert.ok(await horizontalOverflow(page) <= 0, 'side by side scrolls sideways on a phone');
      await screenshot(page, 'side-by-side-agenda-phone');
      await page.setViewportSize({ width: 1280, height: 900 });
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
      // Ed assessed the level he holds, from his own ratings: said so.
      assert.match(await page.locator('.verdict').textContent(),
        /Does not meet your current level in every area yet \(self-rated\)/);
      assert.match(await page.locator('.assess-next').textContent(), /Assess yourself against Senior/);
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

  test("Ed's page knows who he is; he sees the agreement; the overview marks his level", async () => {
    const ed = await launch();
    try {
      const page = await ed.context.newPage();
      // Signing in with a next address goes there.
      await page.goto(`${base}/sign-in?next=/me`);
      await page.getByLabel('Email').fill('ed@example.com');
      await page.getByLabel('Password', { exact: true }).fill('ed@example.com has a password of their own');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/me`);
      assert.equal(await page.locator('h1').textContent(), 'My page');
      const standing = await page.locator('.home-standing').textContent();
      assert.match(standing, /Your level: Software Engineer II/);
      assert.match(standing, /statements met, self-rated on/);
      assert.match(standing, /statements met, rated by a manager on/);
      assert.match(standing, /Next: Senior Software Engineer/);
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, `my page scrolls sideways at ${width} px`);
        await expectNoAxeViolations(page, `my page at ${width} px`);
        await screenshot(page, width === 360 ? 'my-page-phone' : 'my-page');
      }
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.goto(`${base}/people/${edId}/side-by-side`);
      assert.match(await page.locator('#t-swe-2-role-1 .topic__agreed').textContent(), /Agreed: Sometimes/);
      assert.equal(await page.locator('.topic__form').count(), 0, 'Ed sees, Mona records');

      await page.getByRole('link', { name: 'Overview' }).click();
      assert.match(await page.locator('.level-chip--mine').first().textContent(), /Software Engineer II/);
      await expectNoAxeViolations(page, 'overview with the own level marked');
      await page.goto(`${base}/no/such/page`);
      assert.equal(await page.getByRole('link', { name: 'My page' }).count(), 1, 'the 404 keeps the menu');
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
        () => document.querySelector('#save-status .js-save-detail').textContent ===
          'Your rating “Role model” is saved.',
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

  test('Ed withdraws his submitted self-assessment with a reason, on a phone and a desktop', async () => {
    const ed = await launch();
    try {
      const page = await ed.context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('Email').fill('ed@example.com');
      await page.getByLabel('Password', { exact: true }).fill('ed@example.com has a password of their own');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/`);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(edAssessment);
        assert.ok(await horizontalOverflow(page) <= 0, `the outcome scrolls sideways at ${width} px`);
        await expectNoAxeViolations(page, `outcome with the withdraw form at ${width} px`);
      }
      await page.locator('.withdraw summary').click();
      // The browser itself refuses an empty reason (the server does too: unit tests).
      await page.getByRole('button', { name: 'Withdraw assessment' }).click();
      assert.equal(page.url(), edAssessment);
      assert.ok(await page.locator('#withdraw-reason').evaluate((area) => !area.validity.valid));
      await page.getByLabel(/Why it is withdrawn/).fill('Submitted before rating everything');
      await page.getByRole('button', { name: 'Withdraw assessment' }).click();
      await page.locator('.withdrawn-note').waitFor();
      assert.match(await page.locator('.withdrawn-note').textContent(),
        /by Ed Engineer: “Submitted before rating everything”/);
      assert.equal(await page.locator('.withdraw').count(), 0, 'no second withdrawal offered');
      await expectNoAxeViolations(page, 'withdrawn assessment');
      await screenshot(page, 'assessment-withdrawn');
      await page.setViewportSize({ width: 360, height: 800 });
      assert.ok(await horizontalOverflow(page) <= 0, 'the withdrawn note scrolls sideways on a phone');
      await screenshot(page, 'assessment-withdrawn-phone');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Side by side shows Mona's side only; a new self-assessment starts as a new draft.
      await page.goto(`${base}/people/${edId}/side-by-side`);
      assert.match(await page.locator('.person-facts').first().textContent(), /Self\s*none you can see/);
      await page.goto(`${base}/people/${edId}/assessments`);
      assert.match(await page.locator('table').textContent(), /withdrawn/);
      await page.getByRole('button', { name: 'Start or resume' }).click();
      await page.waitForURL(/\/assessments\/\d+$/);
      assert.notEqual(page.url(), edAssessment);
      assert.equal((await ratedCount(page))[0], 0);
    } finally {
      await ed.close();
    }
  });
});

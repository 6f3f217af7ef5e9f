// Shared helpers of the browser specs: Debian's Chromium through playwright-core (never a
// downloaded browser), axe-core, screenshots, and the addresses run.sh hands over.
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const baseUrl = process.env.RUNG_URL ?? 'http://127.0.0.1:8080';
export const siteDir = process.env.RUNG_SITE_DIR ?? '';
const shotsDir = process.env.RUNG_SHOTS ?? '';

// A fresh profile per browser, no network beyond loopback, nothing phoning home.
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'rung-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  // The server's Content-Security-Policy is enforced, never bypassed: a page whose own script,
  // style or form breaks it fails the spec when the browser closes.
  const refused = [];
  const watch = (page) =>
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    assert.deepEqual(refused, [], 'the browser refused something under the page\'s CSP');
  };
  return { context, close };
}

// Runs axe-core on the page and fails with a readable list of every violation.
export async function expectNoAxeViolations(page, label) {
  // Evaluated through the DevTools protocol rather than added as a <script>: the page's CSP
  // (script-src 'self') rightly refuses inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const out = await axe.run(document);
    return out.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  assert.deepEqual(result, [], `axe-core violations on ${label}:\n${JSON.stringify(result, null, 2)}`);
}

// Whether the page scrolls sideways (it must not, down to a phone's width). At a phone's width
// (400 px or less) it first checks that no word is split inside (expectWholeWords), so every
// page a spec looks at on a phone is checked for both.
export async function horizontalOverflow(page) {
  if ((await page.evaluate(() => window.innerWidth)) <= 400) {
    await expectWholeWords(page);
  }
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

// Fails when a word of the page is broken across lines ("Adm|inist|rato|r"): each run of letters
// and digits of every visible text node must lie on one line box (Range.getClientRects gives
// one rectangle per line a range covers). A run of non-blank characters wider than its block
// (a long address, a token) has to break somewhere and is left out.
export async function expectWholeWords(page) {
  const split = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const linesOf = (node, start, end) => {
      range.setStart(node, start);
      range.setEnd(node, end);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      return { lines: new Set(rects.map((r) => Math.round(r.top))).size,
               width: rects.reduce((sum, r) => sum + r.width, 0) };
    };
    for (let node = walker.nextNode(); node && out.length < 5; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, svg, .visually-hidden, [hidden]')) continue;
      if (parent.getClientRects().length === 0) continue;
      let block = parent;
      while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) {
        block = block.parentElement;
      }
      for (const chunk of node.data.matchAll(/\S+/g)) {
        const whole = linesOf(node, chunk.index, chunk.index + chunk[0].length);
        if (whole.lines < 2 || whole.width >= block.clientWidth - 1) continue;
        for (const word of chunk[0].matchAll(/[\p{L}\p{N}]+/gu)) {
          const at = chunk.index + word.index;
          if (linesOf(node, at, at + word[0].length).lines > 1) {
            out.push(`"${word[0]}" in <${parent.tagName.toLowerCase()} class="${parent.className}">`);
          }
        }
      }
    }
    return out;
  });
  assert.deepEqual(split, [], `words split inside at ${page.url()}`);
}

export async function screenshot(page, name) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}

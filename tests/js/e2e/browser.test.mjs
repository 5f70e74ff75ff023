// Two Chromium pages chat through the demo page: the browser's own WebSocket, stompjs served by the
// DevHost, negotiate for tokens. Needs Debian's chromium (.ci/run installs it when run as root).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, startStack } from './support/stack.mjs';

const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
const outputDir = path.join(repoRoot, 'test-output', 'e2e');
const waitMs = 15_000;

if (!haveChromium) {
  console.warn('\n!!! SKIPPING the browser test: Debian chromium is not installed (/usr/bin/chromium).');
  console.warn('!!! Install it with `apt-get install chromium`, or run .ci/run as root, which does.\n');
}

let stack;
let context;
let userDataDir;

before(async () => {
  if (!haveChromium) return;
  stack = await startStack();
  const { chromium } = await import('playwright-core');
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'stompfunctions-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 760 },
    timeout: 30_000,
  });
});

after(async () => {
  await context?.close();
  await stack?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function join(name, room, viewport) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.setDefaultTimeout(waitMs);
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(stack.pageUrl);
  await page.fill('#name-input', name);
  await page.fill('#room-input', room);
  await page.click('#join-button');
  await page.waitForSelector('#status[data-state="connected"]');
  return { page, problems };
}

test('two pages chat with each other through the demo page, see who joined and left, and a screenshot is saved', { skip: !haveChromium && 'Debian chromium is not installed' }, async () => {
  const alice = await join('Alice', 'e2e');
  const bob = await join('Bob', 'e2e', { width: 390, height: 780 });

  await alice.page.locator('#members li', { hasText: 'Bob' }).waitFor();
  await bob.page.locator('#members li', { hasText: 'Alice' }).waitFor();
  await alice.page.locator('#messages .notice', { hasText: 'Bob joined' }).waitFor();

  await alice.page.fill('#message-input', 'Hello Bob, grüße 👋');
  await alice.page.press('#message-input', 'Enter');
  await bob.page.locator('#messages .say .text', { hasText: 'Hello Bob, grüße 👋' }).waitFor();

  await bob.page.fill('#message-input', 'Hi Alice!');
  await bob.page.press('#message-input', 'Enter');
  await alice.page.locator('#messages .say .text', { hasText: 'Hi Alice!' }).waitFor();
  assert.equal(await alice.page.inputValue('#message-input'), '', 'Enter sends and clears the input');

  mkdirSync(outputDir, { recursive: true });
  await alice.page.screenshot({ path: path.join(outputDir, 'chat-laptop.png') });
  await bob.page.screenshot({ path: path.join(outputDir, 'chat-phone.png') });

  await bob.page.click('#leave-button');
  await alice.page.locator('#messages .notice', { hasText: 'Bob left' }).waitFor();
  await alice.page.locator('#members li', { hasText: 'Bob' }).waitFor({ state: 'detached' });
  assert.deepEqual([...alice.problems, ...bob.problems], [], 'no script errors on either page');
  assert.ok(existsSync(path.join(outputDir, 'chat-laptop.png')));
});

test('the page shows a plain error when the connection cannot be negotiated', { skip: !haveChromium && 'Debian chromium is not installed' }, async () => {
  const page = await context.newPage();
  page.setDefaultTimeout(waitMs);
  // Answer negotiate with a failure to see what a user would see.
  await page.route('**/api/negotiate**', (route) => route.fulfill({ status: 503, body: 'service unavailable for the test' }));
  await page.goto(stack.pageUrl);
  await page.fill('#name-input', 'Carol');
  await page.click('#join-button');
  const error = page.locator('#error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /503/);
  await page.waitForSelector('#status[data-state="error"]');
});

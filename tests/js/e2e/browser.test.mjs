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

test('a private message (/msg NAME text) reaches both tabs of that name over a user destination, and no one else', { skip: !haveChromium && 'Debian chromium is not installed' }, async () => {
  const carol = await join('Carol', 'pm-a');
  const carolAgain = await join('Carol', 'pm-b');
  const dan = await join('Dan', 'pm-a');

  await dan.page.fill('#message-input', '/msg Carol just for you');
  await dan.page.press('#message-input', 'Enter');

  for (const tab of [carol, carolAgain]) {
    await tab.page.locator('#messages .private .text', { hasText: 'just for you' }).waitFor();
    assert.equal(await tab.page.locator('#messages .private .who').first().textContent(), 'from Dan');
  }
  await dan.page.locator('#messages .private.mine .who', { hasText: 'to Carol' }).waitFor();
  await carol.page.fill('#message-input', '/msg Dan thanks');
  await carol.page.press('#message-input', 'Enter');
  await dan.page.locator('#messages .private .text', { hasText: 'thanks' }).waitFor();
  // Carol's second tab sees only Dan's message: her own reply went to Dan's user destination.
  assert.equal(await carolAgain.page.locator('#messages .private').count(), 1);
  assert.deepEqual([...carol.problems, ...carolAgain.problems, ...dan.problems], []);
  for (const tab of [carol, carolAgain, dan]) await tab.page.close();
});

/** A page whose negotiate answers `status` with `body`, after joining as `name`. */
async function joinWithNegotiateAnswer(name, status, body) {
  const page = await context.newPage();
  page.setDefaultTimeout(waitMs);
  await page.route('**/api/negotiate**', (route) => route.fulfill({ status, body }));
  await page.goto(stack.pageUrl);
  await page.fill('#name-input', name);
  await page.click('#join-button');
  return page;
}

test('the page keeps retrying while negotiate fails, and says so', { skip: !haveChromium && 'Debian chromium is not installed' }, async () => {
  // Answer negotiate with a failure to see what a user would see while the server is away.
  const page = await joinWithNegotiateAnswer('Carol', 503, 'service unavailable for the test');
  await page.locator('#error', { hasText: /503.*Retrying in 2 s \(attempt 2\)/ }).waitFor();
  await page.waitForSelector('#status[data-state="reconnecting"]');
  assert.match(await page.textContent('#status'), /retrying/);
  await page.unroute('**/api/negotiate**');
  await page.waitForSelector('#status[data-state="connected"]');
  assert.equal(await page.isHidden('#error'), true, 'the error goes away once connected');
  await page.close();
});

test('a refused negotiate (4xx) is a plain error, not an endless retry', { skip: !haveChromium && 'Debian chromium is not installed' }, async () => {
  const page = await joinWithNegotiateAnswer('Dan', 403, 'not for you');
  await page.locator('#error', { hasText: /403: not for you/ }).waitFor();
  await page.waitForSelector('#status[data-state="error"]');
  await page.close();
});

test('a message the server answers with an ERROR comes back to the input box instead of vanishing', { skip: !haveChromium && 'Debian chromium is not installed' }, async () => {
  const page = await context.newPage();
  page.setDefaultTimeout(waitMs);
  const refuse = 'typed while the store was down';
  // Between page and server: the SEND carrying this text gets what a store outage gets, an ERROR and a close.
  await page.routeWebSocket(/\/client\/hubs\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (String(message).startsWith('SEND') && String(message).includes(refuse)) {
        ws.send('ERROR\nmessage:state store unavailable\n\n\0');
        ws.close({ code: 1000 });
      } else {
        server.send(message);
      }
    });
    server.onMessage((message) => ws.send(message));
  });
  await page.goto(stack.pageUrl);
  await page.fill('#name-input', 'Erin');
  await page.fill('#room-input', 'outage');
  await page.click('#join-button');
  await page.waitForSelector('#status[data-state="connected"]');
  await page.fill('#message-input', refuse);
  await page.press('#message-input', 'Enter');
  await page.locator('#messages .notice', { hasText: 'Not sent' }).waitFor();
  assert.equal(await page.inputValue('#message-input'), refuse);
  assert.match(await page.textContent('#error'), /state store unavailable/);
  await page.waitForSelector('#status[data-state="connected"]');
  await page.close();
});

test('after a DevHost restart the pages reconnect by themselves; Leave clears the error and the members', { skip: !haveChromium && 'Debian chromium is not installed' }, async () => {
  let own = await startStack();
  const port = own.port;
  try {
    const pageOf = async (name) => {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(own.pageUrl);
      await page.fill('#name-input', name);
      await page.fill('#room-input', 'restart');
      await page.click('#join-button');
      await page.waitForSelector('#status[data-state="connected"]');
      return page;
    };
    const alice = await pageOf('Alice');
    const bob = await pageOf('Bob');
    await alice.locator('#members li', { hasText: 'Bob' }).waitFor();

    await own.stop();
    for (const page of [alice, bob]) {
      await page.waitForSelector('#status[data-state="reconnecting"]');
      await page.locator('#error', { hasText: /Retrying in \d+ s/ }).waitFor();
    }
    await bob.click('#leave-button');
    assert.equal(await bob.isHidden('#error'), true, 'Leave clears the error banner');
    assert.equal(await bob.locator('#members li').count(), 0, 'Leave clears the members');
    assert.equal(await bob.getAttribute('#status', 'data-state'), 'idle');

    own = await startStack({ port });
    await alice.waitForSelector('#status[data-state="connected"]');
    assert.equal(await alice.isHidden('#error'), true);
    await alice.locator('#members li', { hasText: 'Bob' }).waitFor({ state: 'detached' });

    await bob.fill('#name-input', 'Bob');
    await bob.fill('#room-input', 'restart');
    await bob.click('#join-button');
    await bob.waitForSelector('#status[data-state="connected"]');
    await alice.fill('#message-input', 'back again');
    await alice.press('#message-input', 'Enter');
    await bob.locator('#messages .say .text', { hasText: 'back again' }).waitFor();
    await alice.close();
    await bob.close();
  } finally {
    await own.stop();
  }
});

// The local stack as a newcomer meets it: one process, a banner with the URLs, the demo page with
// stompjs beside it, and a clean Ctrl+C.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack } from './support/stack.mjs';

let stack;

before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

describe('the DevHost', () => {
  test('prints the page URL for its own port', () => {
    assert.equal(stack.pageUrl, `http://localhost:${stack.port}/`);
  });

  test('serves the demo page and the stompjs bundle copied from npm at build time', async () => {
    const page = await fetch(`${stack.baseUrl}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(await page.text(), /id="join-form"/);
    const lib = await fetch(`${stack.baseUrl}/lib/stomp.umd.min.js`);
    assert.equal(lib.status, 200);
    assert.match(await lib.text(), /StompJs/);
  });
});

describe('DevHost lifecycle', () => {
  test('Ctrl+C (SIGINT) stops the DevHost cleanly with exit code 0', async () => {
    const own = await startStack();
    const { code, signal } = await own.stop();
    assert.equal(signal, null);
    assert.equal(code, 0, own.output.join('\n'));
  });
});

// The local stack as a newcomer meets it: one process, a banner with the URLs and the connection
// string, the demo page with stompjs beside it, negotiate, publish, and a clean Ctrl+C.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runStackExpectingExit, startStack } from './support/stack.mjs';
import WebSocket from 'ws';
import { StompTestClient } from './support/clients.mjs';

let stack;

before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

describe('the DevHost', () => {
  test('prints the STOMP endpoint, the page URL and a connection string for its own port', () => {
    assert.equal(stack.stompUrl, `ws://localhost:${stack.port}/client/hubs/stomp`);
    assert.equal(stack.pageUrl, `http://localhost:${stack.port}/`);
    assert.match(stack.connectionString, new RegExp(`^Endpoint=http://localhost:${stack.port};Port=${stack.port};AccessKey=[^;]+;Version=1\\.0;?$`));
  });

  test('the bare hub URL refuses a client without a token (as Azure does), and the banner says to negotiate', async () => {
    const banner = stack.output.join('\n');
    assert.match(banner, /STOMP endpoint:.*needs the access_token from negotiate, or start with --anonymous/);
    assert.match(banner, new RegExp(`STOMP URL: +GET http://localhost:${stack.port}/api/negotiate\\?userId=`));
    const socket = new WebSocket(stack.stompUrl, ['v12.stomp']);
    const status = await new Promise((resolve) => {
      socket.once('unexpected-response', (_, response) => resolve(response.statusCode));
      socket.once('open', () => resolve('open'));
      socket.once('error', () => resolve('error'));
    });
    assert.equal(status, 401);
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

  test('negotiate answers a client URL with a token that connects', async (t) => {
    const response = await fetch(`${stack.baseUrl}/api/negotiate?userId=alice`);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.ok(body.url.startsWith(`ws://localhost:${stack.port}/client/hubs/stomp?access_token=`), body.url);
    const client = await StompTestClient.connect(stack, { url: body.url });
    t.after(() => client.close());
    assert.equal(client.connectedFrame.headers.version, '1.2');
  });

  test('the publish endpoint delivers a server-side message to STOMP subscribers', async (t) => {
    const client = await StompTestClient.connect(stack);
    t.after(() => client.close());
    const inbox = await client.subscribe('/topic/announcements', { receipt: 'sub' });
    const response = await fetch(`${stack.baseUrl}/api/publish/topic/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'stomp-x-origin': 'server' },
      body: 'from the server',
    });
    assert.equal(response.status, 202, await response.text());
    const message = await inbox.next();
    assert.equal(message.body, 'from the server');
    assert.equal(message.headers.destination, '/topic/announcements');
    assert.equal(message.headers['x-origin'], 'server');
  });

  test('the publish endpoint applies the destination rules of a SEND: no broker prefix is a 400 naming them', async () => {
    for (const path of ['topics/news', 'app/x']) {
      const response = await fetch(`${stack.baseUrl}/api/publish/${path}`, { method: 'POST', body: 'x' });
      assert.equal(response.status, 400, path);
      assert.match(await response.text(), /not a broker destination: publish to one starting with \/topic\/ or \/queue\//);
    }
  });

  test('the publish endpoint rejects a header the broker sets itself with a 400 and a message', async () => {
    const response = await fetch(`${stack.baseUrl}/api/publish/topic/x`, { method: 'POST', body: 'x', headers: { 'stomp-message-id': 'forged' } });
    assert.equal(response.status, 400);
    assert.ok((await response.text()).length > 0);
  });
});

describe('DevHost lifecycle', () => {
  test('Ctrl+C (SIGINT) stops the DevHost cleanly with exit code 0', async () => {
    const own = await startStack();
    const { code, signal } = await own.stop();
    assert.equal(signal, null);
    assert.equal(code, 0, own.output.join('\n'));
  });

  test('--storage with an unreachable Table endpoint says so clearly and exits non-zero', async () => {
    // Port 9 (discard) on loopback: nothing listens there on a test machine.
    const connection = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;'
      + 'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;'
      + 'TableEndpoint=http://127.0.0.1:9/devstoreaccount1;';
    const { code, output } = await runStackExpectingExit(['--storage', connection]);
    assert.notEqual(code, 0);
    assert.match(output, /cannot reach Table Storage/i);
    assert.match(output, /127\.0\.0\.1:9/);
    assert.doesNotMatch(output, /Eby8vdM02/, 'the account key is never printed');
  });
});

describe('DevHost log level', () => {
  // A client's CONNECT makes the emulator log each upstream event it delivered, at Debug.
  const debugLinesOfOneClient = async (options) => {
    const own = await startStack(options);
    try {
      const client = await StompTestClient.connect(own);
      client.close();
    } finally {
      await own.stop();
    }
    return own.output.filter((l) => l.startsWith('dbug:'));
  };

  test('--log-level Debug shows debug lines; the default (Information) does not', async () => {
    assert.deepEqual(await debugLinesOfOneClient({}), []);
    assert.notDeepEqual(await debugLinesOfOneClient({ args: ['--log-level', 'Debug'] }), []);
  });

  test('Logging__LogLevel__Default works as the environment setting', async () => {
    assert.notDeepEqual(await debugLinesOfOneClient({ env: { Logging__LogLevel__Default: 'Debug' } }), []);
  });

  test('an unknown --log-level is refused in one line naming the levels', async () => {
    const { code, output } = await runStackExpectingExit(['--log-level', 'Loud']);
    assert.equal(code, 2);
    assert.match(output, /--log-level needs one of Trace Debug Information Warning Error Critical None, not 'Loud'/);
  });
});

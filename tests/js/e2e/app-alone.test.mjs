// The app alone (`--emulator`): the DevHost runs only the Functions app's composition and talks to a standalone
// emulator in another process, as the deployed app talks to Azure Web PubSub. Negotiate hands out the emulator's
// URL, frames reach the app as upstream events over HTTP, fan-out goes back through the emulator's REST API, and
// the banner names the emulator without printing its key.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emulatorDll, freePort, runStackExpectingExit, startProgram, startStack } from './support/stack.mjs';
import { StompTestClient } from './support/clients.mjs';

let emulator;
let stack;
let emulatorPort;

before(async () => {
  emulatorPort = await freePort();
  const appPort = await freePort();
  emulator = await startProgram(emulatorDll,
    ['--port', String(emulatorPort), '--host', '127.0.0.1', '--hub', 'stomp', '--upstream', `http://localhost:${appPort}/api/webpubsub/{event}`],
    { ready: /^Hubs:/, name: 'the emulator' });
  stack = await startStack({ port: appPort, args: ['--emulator', `http://127.0.0.1:${emulatorPort}`] });
});
after(async () => {
  await stack?.stop();
  await emulator?.stop();
});

async function negotiated(userId) {
  const response = await fetch(`${stack.baseUrl}/api/negotiate?userId=${userId}`);
  assert.equal(response.status, 200);
  return (await response.json()).url;
}

describe('the DevHost with --emulator', () => {
  test('the banner names the other emulator and its upstream, and prints no key', () => {
    const banner = stack.output.join('\n');
    assert.equal(stack.stompUrl, `ws://127.0.0.1:${emulatorPort}/client/hubs/stomp`);
    assert.match(banner, new RegExp(`Emulator: +http://127\\.0\\.0\\.1:${emulatorPort} \\(not in this process\\); its upstream: --hub stomp --upstream http://localhost:${stack.port}/api/webpubsub/\\{event\\}`));
    assert.doesNotMatch(banner, /Connection string:|AccessKey=/);
  });

  test('negotiate answers the emulator URL, and a SEND reaches a subscriber through the app', async (t) => {
    const url = await negotiated('alice');
    assert.ok(url.startsWith(`ws://127.0.0.1:${emulatorPort}/client/hubs/stomp?access_token=`), url);
    const alice = await StompTestClient.connect(null, { url });
    t.after(() => alice.close());
    const bob = await StompTestClient.connect(null, { url: await negotiated('bob') });
    t.after(() => bob.close());
    const inbox = await alice.subscribe('/topic/split', { receipt: 'sub-1' });

    await bob.publishConfirmed({ destination: '/topic/split', body: 'across two processes' }, 'send-1');

    const message = await inbox.next(10_000, 'the MESSAGE');
    assert.equal(message.body, 'across two processes');
    assert.equal(message.headers.destination, '/topic/split');
  });

  test('the publish endpoint fans out through the other emulator', async (t) => {
    const client = await StompTestClient.connect(null, { url: await negotiated('carol') });
    t.after(() => client.close());
    const inbox = await client.subscribe('/topic/split-news', { receipt: 'sub-2' });

    const response = await fetch(`${stack.baseUrl}/api/publish/topic/split-news`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'from the server',
    });

    assert.equal(response.status, 202);
    assert.equal((await inbox.next(10_000, 'the published MESSAGE')).body, 'from the server');
  });

  test('the emulator the DevHost would run itself is not there: its routes are not served', async () => {
    assert.equal((await fetch(`${stack.baseUrl}/api/health`, { method: 'HEAD' })).status, 404);
    assert.equal((await fetch(`${stack.baseUrl}/devhost/stats`)).status, 404);
  });
});

describe('--emulator on the command line', () => {
  test('a URL with a path, a broken connection string, or --anonymous beside it is one line and exit code 2', async () => {
    for (const args of [
      ['--emulator', 'http://localhost:8081/client'],
      ['--emulator', 'Endpoint=http://localhost:8081;Version=1.0;'],
      ['--emulator', 'http://localhost:8081', '--anonymous'],
    ]) {
      const { code, output } = await runStackExpectingExit(args);
      assert.equal(code, 2, `${args.join(' ')}: ${output}`);
      assert.equal(output.trim().split('\n').length, 1, output);
      assert.match(output, /--emulator/);
    }
  });
});

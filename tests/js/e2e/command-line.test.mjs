// The first hour of a new user at the command line: --help, a wrong option, a port already in use, for the
// DevHost and the standalone emulator alike. Every mistake is one line and an exit code of 1 or 2, never a
// stack trace; the emulator's heading is followed by its connection string and no access_token is ever logged.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import WebSocket from 'ws';
import { WebPubSubServiceClient } from '@azure/web-pubsub';
import { devHostDll, emulatorDll, freePort, runExpectingExit, runStackExpectingExit, startProgram, startStack } from './support/stack.mjs';

/** A loopback listener holding a port, as another program would. */
async function occupyPort() {
  const port = await freePort();
  const server = net.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Runs a program on a port another listener holds: one line naming the port and --port, exit code 1. */
async function assertPortInUseIsOneLine(dll, args = []) {
  const taken = await occupyPort();
  try {
    const { code, output } = await runExpectingExit(dll, ['--port', String(taken.port), ...args]);
    assert.equal(code, 1, output);
    assertOneLine(output);
    assert.match(output, new RegExp(`Port ${taken.port} is already in use.*--port`));
  } finally {
    await taken.close();
  }
}

function assertOneLine(output) {
  const lines = output.trim().split('\n');
  assert.equal(lines.length, 1, `one line, not:\n${output}`);
  assert.doesNotMatch(output, /\bat [A-Z][\w.]+\(|Exception/, 'no stack trace');
}

describe('the DevHost command line', () => {
  test('--help prints the options and exits 0', async () => {
    const { code, output } = await runStackExpectingExit(['--help']);
    assert.equal(code, 0, output);
    for (const option of ['--port', '--storage', '--anonymous', '--cors', '--help']) assert.match(output, new RegExp(option));
  });

  test('an unknown option or a missing value is one line and exit code 2', async () => {
    for (const args of [['--verbose'], ['--storage'], ['--cors', 'localhost:5173']]) {
      const { code, output } = await runStackExpectingExit(args);
      assert.equal(code, 2, output);
      assertOneLine(output);
    }
  });

  test('a port already in use is one line naming the port and --port, exit code 1', () => assertPortInUseIsOneLine(devHostDll));
});

describe('the standalone emulator command line', () => {
  test('--help prints the options and exits 0', async () => {
    const { code, output } = await runExpectingExit(emulatorDll, ['--help']);
    assert.equal(code, 0, output);
    for (const option of ['--port', '--hub', '--upstream', '--anonymous', '--config']) assert.match(output, new RegExp(option));
  });

  test('wrong options are one line and exit code 2 instead of an emulator on 8080', async () => {
    for (const args of [['--port'], ['--anonymous', 'yes'], ['--bogus'], ['--port', 'eighty']]) {
      const { code, output } = await runExpectingExit(emulatorDll, args);
      assert.equal(code, 2, `${args.join(' ')}: ${output}`);
      assertOneLine(output);
    }
  });

  test('a port already in use is one line and exit code 1', () => assertPortInUseIsOneLine(emulatorDll, ['--host', '127.0.0.1']));

  describe('running', () => {
    let emulator;
    let port;
    after(async () => { await emulator?.stop(); });

    test('prints the connection string on the line after its heading and never logs an access_token', async () => {
      port = await freePort();
      emulator = await startProgram(emulatorDll, ['--port', String(port), '--hub', 'stomp'], { ready: /^Hubs:/, name: 'the emulator' });
      const heading = emulator.output.findIndex((line) => /^Web PubSub emulator listening/.test(line));
      assert.ok(heading >= 0, emulator.output.join('\n'));
      const connectionString = emulator.output[heading + 1];
      assert.match(connectionString, new RegExp(`^Endpoint=http://localhost:${port};Port=${port};AccessKey=[^;]+;Version=1\\.0;$`));

      const service = new WebPubSubServiceClient(connectionString, 'stomp');
      const { token, url } = await service.getClientAccessToken({ userId: 'alice' });
      const forged = `${token.slice(0, -4)}AAAA`;
      for (const attempt of [url, url.replace(token, forged)]) {
        const socket = new WebSocket(attempt);
        await new Promise((resolve) => {
          socket.once('open', () => { socket.close(); resolve(); });
          socket.once('unexpected-response', resolve);
          socket.once('error', resolve);
        });
      }
      // The console logger writes asynchronously; a health request after the sockets orders the output.
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/health`, { method: 'HEAD' })).status, 200);
      const log = emulator.output.join('\n');
      assert.ok(!log.includes(token) && !log.includes(forged), `no token in the log:\n${log}`);
      assert.doesNotMatch(log, /access_token=/);
    });
  });
});

describe('the DevHost banner', () => {
  let stack;
  after(async () => { await stack?.stop(); });

  test('--anonymous lets a client open the hub without a token; the banner says how to get a URL either way', async () => {
    stack = await startStack({ args: ['--anonymous'] });
    const banner = stack.output.join('\n');
    assert.match(banner, new RegExp(`STOMP URL: +GET http://localhost:${stack.port}/api/negotiate\\?userId=`));
    assert.match(banner, /anonymous clients allowed/);
    const socket = new WebSocket(stack.stompUrl, ['v12.stomp']);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('unexpected-response', (_, response) => reject(new Error(`upgrade answered ${response.statusCode}`)));
      socket.once('error', reject);
    });
    assert.equal(socket.protocol, 'v12.stomp');
    socket.close();
  });
});

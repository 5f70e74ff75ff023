// stomp.py (Debian's python3-stomp, run by /usr/bin/python3) and stompjs exchange messages through
// the stack over WebSocket. Debian bookworm's stomp.py 8.0.0 has no WebSocket transport, so
// stomppy/interop.py runs stomp.py's protocol layer over python3-websocket (README.md here says why).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, startStack } from './support/stack.mjs';
import { StompTestClient, clientUrl, within } from './support/clients.mjs';

const python = '/usr/bin/python3';
const script = path.join(repoRoot, 'tests/js/e2e/stomppy/interop.py');
const reliability = path.join(repoRoot, 'tests/js/e2e/stomppy/reliability.py');

function probe() {
  if (!existsSync(python)) return 'Debian python3 is not installed (/usr/bin/python3)';
  const stompPy = spawnSync(python, ['-c', 'import stomp'], { timeout: 20_000 });
  if (stompPy.status !== 0) return 'python3-stomp is not installed (apt-get install python3-stomp, or run .ci/run as root)';
  const ws = spawnSync(python, ['-c', 'import stomp, sys; sys.exit(0 if hasattr(stomp, "WSStompConnection") else 1)'], { timeout: 20_000 });
  const websocketClient = spawnSync(python, ['-c', 'import websocket'], { timeout: 20_000 });
  if (ws.status !== 0 && websocketClient.status !== 0) {
    return 'this stomp.py has no WebSocket transport and python3-websocket is missing (run .ci/run as root); see tests/js/e2e/README.md';
  }
  return null;
}

const skipReason = probe();
if (skipReason) console.warn(`\n!!! SKIPPING the stomp.py interoperability test: ${skipReason}\n`);

let stack;
before(async () => { if (!skipReason) stack = await startStack(); });
after(async () => { await stack?.stop(); });

test('STOMP-S21 stomp.py (STOMP command, its own Protocol12) over WebSocket and stompjs exchange messages in both directions', { skip: skipReason ?? false }, async (t) => {
  const js = await StompTestClient.connect(stack, { userId: 'js' });
  t.after(() => js.close());
  const replies = await js.subscribe('/topic/interop.to-js', { receipt: 'js-sub' });
  const url = await clientUrl(stack, 'py');
  const child = spawn(python, [script, url, '/topic/interop.to-py', '/topic/interop.to-js'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let out = '';
  child.stderr.on('data', (c) => { out += c; });
  const ready = new Promise((resolve) => child.stdout.on('data', (c) => { out += c; if (out.includes('READY')) resolve(); }));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await within(Promise.race([ready, exited.then((code) => { throw new Error(`stomp.py exited ${code}: ${out}`); })]), 30_000, 'stomp.py to subscribe');
  await js.publishConfirmed({ destination: '/topic/interop.to-py', body: 'hello from stompjs' }, 'to-py');
  const reply = await replies.next(20_000, 'the stomp.py reply');
  assert.match(reply.body, /^hello from stomp\.py/);
  assert.equal(await within(exited, 20_000, 'stomp.py to exit'), 0, out);
  assert.match(out, /GOT hello from stompjs/);
});

test('RabbitMQ\'s reliability scenario: 10,000 messages to /queue/reliability right after a SUBSCRIBE without receipt all arrive', { skip: skipReason ?? false }, async (t) => {
  const count = 10_000;
  const child = spawn(python, [reliability, await clientUrl(stack, 'py-consumer'), await clientUrl(stack, 'py-publisher'), String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (c) => { out += c; });
  child.stderr.on('data', (c) => { out += c; });
  const code = await within(new Promise((resolve) => child.once('exit', resolve)), 180_000, 'stomp.py to send and receive every message');
  t.diagnostic(out.trim());
  assert.match(out, new RegExp(`RECEIVED ${count} DISTINCT ${count} OF ${count}`), out);
  assert.equal(code, 0, out);
});

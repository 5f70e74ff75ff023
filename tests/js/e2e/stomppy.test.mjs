// stomp.py (Debian's python3-stomp, run by /usr/bin/python3) and stompjs exchange messages through
// the stack, when that stomp.py can speak WebSocket. Debian bookworm's 8.0.0 cannot: the test then
// skips loudly (README.md in this folder records why).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, startStack } from './support/stack.mjs';
import { StompTestClient, clientUrl, within } from './support/clients.mjs';

const python = '/usr/bin/python3';
const script = path.join(repoRoot, 'tests/js/e2e/stomppy/interop.py');

function probe() {
  if (!existsSync(python)) return 'Debian python3 is not installed (/usr/bin/python3)';
  const result = spawnSync(python, ['-c', 'import stomp; print(stomp.__version__); print(hasattr(stomp, "WSStompConnection"))'], { encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) return 'python3-stomp is not installed (apt-get install python3-stomp, or run .ci/run as root)';
  const [version, ws] = result.stdout.trim().split('\n');
  if (ws !== 'True') return `stomp.py ${version} from Debian has no WebSocket transport (WSStompConnection); see tests/js/e2e/README.md`;
  return null;
}

const skipReason = probe();
if (skipReason) console.warn(`\n!!! SKIPPING the stomp.py interoperability test: ${skipReason}\n`);

let stack;
before(async () => { if (!skipReason) stack = await startStack(); });
after(async () => { await stack?.stop(); });

test('stomp.py over WebSocket and stompjs exchange messages in both directions', { skip: skipReason ?? false }, async (t) => {
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

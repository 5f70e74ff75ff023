// The DevHost on Table Storage: Azurite (from npm) on a free loopback port, the DevHost pointed at
// it with --storage, and a stompjs exchange whose routes and members live in tables.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, repoRoot, startStack } from './support/stack.mjs';
import { StompTestClient, within } from './support/clients.mjs';
import { userDestinationsAndWildcards } from './support/routing-scenario.mjs';

// Azurite's well-known development account: public, documented, useless outside Azurite.
const account = 'devstoreaccount1';
const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

let azurite;
let workDir;
let stack;

before(async () => {
  const port = await freePort();
  // Azurite writes its debug log and telemetry settings into the working directory: give it a scratch one.
  workDir = mkdtempSync(path.join(os.tmpdir(), 'stompfunctions-azurite-'));
  azurite = spawn(process.execPath, [
    path.join(repoRoot, 'node_modules/azurite/dist/src/table/main.js'),
    '--tableHost', '127.0.0.1', '--tablePort', String(port), '--inMemoryPersistence', '--silent', '--skipApiVersionCheck', '--disableTelemetry',
  ], { stdio: ['ignore', 'pipe', 'pipe'], cwd: workDir });
  let log = '';
  azurite.stdout.on('data', (c) => { log += c; });
  azurite.stderr.on('data', (c) => { log += c; });
  await within(new Promise((resolve, reject) => {
    azurite.stdout.on('data', () => { if (/successfully started/i.test(log)) resolve(); });
    azurite.once('exit', (code) => reject(new Error(`Azurite exited (${code}): ${log}`)));
  }), 30_000, 'Azurite to listen');
  const connection = `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${accountKey};`
    + `TableEndpoint=http://127.0.0.1:${port}/${account};`;
  stack = await startStack({ args: ['--storage', connection] });
});

after(async () => {
  await stack?.stop();
  azurite?.kill('SIGTERM');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('with --storage pointing at Azurite, the banner names Table Storage and stompjs clients exchange messages', async (t) => {
  assert.ok(stack.output.some((line) => /Table Storage/i.test(line)), stack.output.join('\n'));
  const publisher = await StompTestClient.connect(stack);
  const subscriber = await StompTestClient.connect(stack);
  t.after(async () => { await publisher.close(); await subscriber.close(); });
  const inbox = await subscriber.subscribe('/topic/tables', { receipt: 'sub' });
  await publisher.publishConfirmed({ destination: '/topic/tables', body: 'stored routes' }, 'sent');
  assert.equal((await inbox.next()).body, 'stored routes');
});

test('a queue on Table Storage keeps messages sent before any consumer and hands them over in order, each once', async (t) => {
  const publisher = await StompTestClient.connect(stack);
  const consumer = await StompTestClient.connect(stack);
  t.after(async () => { await publisher.close(); await consumer.close(); });
  for (let i = 0; i < 3; i++) {
    await publisher.publishConfirmed({ destination: '/queue/tables', body: `waiting ${i}` }, `q${i}`);
  }
  const inbox = await consumer.subscribe('/queue/tables', { receipt: 'qsub', ack: 'client-individual', 'prefetch-count': '10' });
  const bodies = [];
  for (let i = 0; i < 3; i++) {
    const message = await inbox.next();
    bodies.push(message.body);
    message.ack();
  }
  assert.deepEqual(bodies, ['waiting 0', 'waiting 1', 'waiting 2']);
});

test('two users exchange private messages over /user/queue/inbox and a wildcard subscriber gets matching topics (Azurite)', async (t) => {
  await userDestinationsAndWildcards(stack, t);
});

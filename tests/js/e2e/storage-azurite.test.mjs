// The DevHost on Table Storage: Azurite (from npm) on a free loopback port, the DevHost pointed at
// it with --storage, and a stompjs exchange whose routes and members live in tables.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStack } from './support/stack.mjs';
import { StompTestClient } from './support/clients.mjs';
import { startAzurite } from './support/azurite.mjs';
import { userDestinationsAndWildcards } from './support/routing-scenario.mjs';

let azurite;
let stack;

before(async () => {
  azurite = await startAzurite();
  stack = await startStack({ args: ['--storage', azurite.connectionString] });
});

after(async () => {
  await stack?.stop();
  await azurite?.stop();
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

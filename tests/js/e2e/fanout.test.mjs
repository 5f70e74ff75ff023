// 200 stompjs clients on one topic: each receives every message exactly once and in order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStack } from './support/stack.mjs';
import { StompTestClient, within } from './support/clients.mjs';

const subscriberCount = 200;
const messageCount = 20;
const connectBatch = 20;

let stack;
const clients = [];

before(async () => { stack = await startStack(); });
after(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await stack?.stop();
});

test(`${subscriberCount} clients on one topic each receive all ${messageCount} messages exactly once and in order`, async () => {
  const destination = '/topic/fanout';
  const received = [];
  for (let start = 0; start < subscriberCount; start += connectBatch) {
    const batch = await Promise.all(Array.from({ length: connectBatch }, async (_, j) => {
      const index = start + j;
      const c = await StompTestClient.connect(stack, { userId: `fan-${index}` });
      clients.push(c);
      const seen = [];
      received[index] = seen;
      // Every client uses the id stompjs would generate, so they all share one group.
      await c.subscribe(destination, { id: 'sub-0', receipt: `sub-${index}` }, (message) => seen.push(message));
      return c;
    }));
    assert.equal(batch.length, connectBatch);
  }

  const publisher = await StompTestClient.connect(stack, { userId: 'fan-publisher' });
  clients.push(publisher);
  for (let seq = 0; seq < messageCount; seq++) {
    publisher.client.publish({ destination, body: `m${seq}`, headers: { 'x-seq': String(seq) } });
  }
  await publisher.publishConfirmed({ destination: '/topic/fanout.barrier', body: 'done' }, 'all-sent');

  // Bounded wait until every client holds every message.
  await within((async () => {
    while (received.some((seen) => seen.length < messageCount)) await new Promise((r) => setTimeout(r, 50));
  })(), 60_000, 'every subscriber to receive every message');
  // A short quiet period to catch duplicates that arrive late.
  await new Promise((r) => setTimeout(r, 500));

  const ids = new Set();
  received.forEach((seen, index) => {
    const seqs = seen.map((m) => Number(m.headers['x-seq']));
    assert.deepEqual(seqs, Array.from({ length: messageCount }, (_, i) => i), `client ${index} got every message once, in order`);
    for (const m of seen) {
      assert.equal(m.headers.subscription, 'sub-0');
      ids.add(m.headers['message-id']);
    }
  });
  assert.equal(ids.size, messageCount, 'one message-id per published message, the same for every subscriber');
});

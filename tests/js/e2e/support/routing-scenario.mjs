// Issue 17 end to end: stompjs clients of two users exchange private messages over user destinations, and a
// wildcard subscriber receives topics its pattern matches. Run on memory (routing.test.mjs) and on Azurite
// (storage-azurite.test.mjs) with the same steps.
import assert from 'node:assert/strict';
import { StompTestClient } from './clients.mjs';

export async function userDestinationsAndWildcards(stack, t) {
  const alice1 = await StompTestClient.connect(stack, { userId: 'alice' });
  const alice2 = await StompTestClient.connect(stack, { userId: 'alice' });
  const bob = await StompTestClient.connect(stack, { userId: 'bob' });
  const watcher = await StompTestClient.connect(stack, { userId: 'watcher' });
  t.after(async () => { for (const c of [alice1, alice2, bob, watcher]) await c.close(); });

  const aliceInbox1 = await alice1.subscribe('/user/queue/inbox', { id: 'a1', receipt: 'a1' });
  const aliceInbox2 = await alice2.subscribe('/user/queue/inbox', { id: 'a2', receipt: 'a2' });
  const bobInbox = await bob.subscribe('/user/queue/inbox', { id: 'b1', receipt: 'b1' });
  const prices = await watcher.subscribe('/topic/stocks.*.price', { id: 'prices', receipt: 'w1' });
  const ibm = await watcher.subscribe('/topic/stocks.ibm.price', { id: 'ibm', receipt: 'w2' });

  await bob.publishConfirmed({ destination: '/user/alice/queue/inbox', body: 'hi alice' }, 's1');
  await alice1.publishConfirmed({ destination: '/user/bob/queue/inbox', body: 'hi bob' }, 's2');
  for (const [inbox, id] of [[aliceInbox1, 'a1'], [aliceInbox2, 'a2']]) {
    const message = await inbox.next();
    assert.equal(message.body, 'hi alice');
    assert.equal(message.headers.destination, '/user/queue/inbox');
    assert.equal(message.headers.subscription, id);
  }

  // Bob's first message is his own: alice's went to alice's sessions only.
  const toBob = await bobInbox.next();
  assert.equal(toBob.body, 'hi bob');
  assert.equal(toBob.headers.subscription, 'b1');

  await bob.publishConfirmed({ destination: '/topic/stocks.ibm.price', body: '101' }, 's3');
  await bob.publishConfirmed({ destination: '/topic/stocks.ibm.volume', body: '7' }, 's4');
  await bob.publishConfirmed({ destination: '/topic/stocks.aapl.price', body: '202' }, 's5');
  const first = await prices.next();
  const second = await prices.next();
  assert.deepEqual([first.headers.destination, first.headers.subscription, first.body], ['/topic/stocks.ibm.price', 'prices', '101']);
  assert.deepEqual([second.headers.destination, second.body], ['/topic/stocks.aapl.price', '202']);
  const exact = await ibm.next();
  assert.deepEqual([exact.headers.destination, exact.headers.subscription, exact.body], ['/topic/stocks.ibm.price', 'ibm', '101']);

  // A SEND to a pattern is an ERROR.
  bob.client.publish({ destination: '/topic/stocks.*.price', body: 'nope' });
  assert.equal((await bob.errors.next()).headers.message, 'wildcard destination');
}

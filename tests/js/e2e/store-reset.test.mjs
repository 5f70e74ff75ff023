// The DevHost on Azurite in memory, and Azurite restarted under it: every table and row is gone, the stompjs
// connections are not. A subscriber that heart-beats has its route written again from its own connection state at
// its next beat and keeps receiving; a subscriber that sends nothing gets an ERROR ("subscriptions lost") and is
// closed. Neither is silently left without messages. The store generation is checked every 500 ms here (30 s by
// default) and the server asks for heart-beats every second, so the suite runs in seconds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStack } from './support/stack.mjs';
import { StompTestClient } from './support/clients.mjs';
import { startAzurite } from './support/azurite.mjs';

const maxRounds = 60;
const roundMs = 500;

let azurite;
let stack;

before(async () => {
  azurite = await startAzurite();
  stack = await startStack({
    args: ['--storage', azurite.connectionString],
    env: { Stomp__StoreGenerationCheckMilliseconds: '500', Stomp__HeartBeatReceiveMilliseconds: '1000' },
  });
});

after(async () => {
  await stack?.stop();
  await azurite?.stop();
});

test('after Azurite in memory restarts, a heart-beating stompjs subscriber keeps receiving and a silent one gets an ERROR and is closed', async (t) => {
  const publisher = await StompTestClient.connect(stack);
  // heart-beat:500 against the server's 0,1000: stompjs sends an EOL every second, each an upstream event.
  const beating = await StompTestClient.connect(stack, { stompConfig: { heartbeatOutgoing: 500 } });
  const silent = await StompTestClient.connect(stack);
  t.after(async () => { await publisher.close(); await beating.close(); await silent.close(); });
  assert.equal(beating.connectedFrame.headers['heart-beat'], '0,1000');
  const beatingInbox = await beating.subscribe('/topic/reset', { receipt: 'b', id: 'beating' });
  const silentInbox = await silent.subscribe('/topic/reset', { receipt: 's', id: 'silent' });
  await publisher.publishConfirmed({ destination: '/topic/reset', body: 'before' }, 'p-before');
  assert.equal((await beatingInbox.next()).body, 'before');
  assert.equal((await silentInbox.next()).body, 'before');

  await azurite.restart();

  // Publish (each SEND confirmed by its RECEIPT) until the beating subscriber hears again and the silent one was told.
  let heard;
  let error;
  for (let round = 0; round < maxRounds && !(heard && error); round++) {
    await publisher.publishConfirmed({ destination: '/topic/reset', body: `after ${round}` }, `p-${round}`);
    // Each round waits up to roundMs for what is still missing, so the rounds span the grace of the notice.
    if (!heard) heard = await beatingInbox.next(roundMs).catch(() => undefined);
    else error = await silent.errors.next(roundMs).catch(() => undefined);
  }

  assert.ok(heard, 'the heart-beating subscriber never heard a message sent after the restart');
  assert.match(heard.body, /^after \d+$/);
  assert.ok(error, 'the silent subscriber was neither restored nor told');
  assert.equal(error.headers.message, 'subscriptions lost');
  assert.match(error.body, /Reconnect and subscribe again/);
  await silent.closes.next(10_000, 'the silent subscriber to be closed');
  assert.equal(silentInbox.size, 0, 'the silent subscriber heard messages although its route was lost');
  assert.equal(beating.errors.size, 0);
});

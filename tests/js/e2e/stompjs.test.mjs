// @stomp/stompjs, the client most browsers use, against the whole local stack:
// WebSocket → emulator → upstream HTTP → engine → REST → emulator → WebSocket.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack } from './support/stack.mjs';
import { StompTestClient } from './support/clients.mjs';

let stack;
let run = 0;
const unique = (name) => `/topic/stompjs.${name}.${++run}`;

before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

async function pair(test) {
  const publisher = await StompTestClient.connect(stack, { userId: 'publisher' });
  const subscriber = await StompTestClient.connect(stack, { userId: 'subscriber' });
  test.after(async () => { await publisher.close(); await subscriber.close(); });
  return { publisher, subscriber };
}

describe('stompjs end to end', () => {
  test('STOMP-S65 STOMP-S23 STOMP-S28 the handshake selects v12.stomp and CONNECTED says version 1.2 with a heart-beat pair', async (t) => {
    const c = await StompTestClient.connect(stack);
    t.after(() => c.close());
    assert.equal(c.client.webSocket.protocol, 'v12.stomp');
    assert.equal(c.connectedFrame.headers.version, '1.2');
    assert.match(c.connectedFrame.headers['heart-beat'] ?? '0,0', /^\d+,\d+$/);
  });

  test('STOMP-S16 STOMP-S53 a message published after the SUBSCRIBE receipt reaches the subscriber with destination, message-id and subscription', async (t) => {
    const { publisher, subscriber } = await pair(t);
    const destination = unique('basic');
    const inbox = await subscriber.subscribe(destination, { id: 'sub-0', receipt: 'subscribed' });
    await publisher.publishConfirmed({ destination, body: 'hello' }, 'sent');
    const message = await inbox.next();
    assert.equal(message.body, 'hello');
    assert.equal(message.headers.destination, destination);
    assert.equal(message.headers.subscription, 'sub-0');
    assert.ok(message.headers['message-id'], 'message-id is present');
  });

  test('STOMP-S44 after UNSUBSCRIBE (confirmed by its receipt) no further MESSAGE arrives for that subscription', async (t) => {
    const { publisher, subscriber } = await pair(t);
    const destination = unique('unsub');
    const inbox = await subscriber.subscribe(destination, { receipt: 'sub' });
    await publisher.publishConfirmed({ destination, body: 'before' }, 'p1');
    assert.equal((await inbox.next()).body, 'before');
    const unsubscribed = subscriber.receipt('unsub');
    inbox.subscription.unsubscribe({ receipt: 'unsub' });
    await unsubscribed;
    await publisher.publishConfirmed({ destination, body: 'after' }, 'p2');
    // The subscriber's own receipt is a cumulative acknowledgement: anything still in flight to it
    // would have been sent before this RECEIPT.
    await subscriber.publishConfirmed({ destination: unique('barrier'), body: 'x' }, 'barrier');
    assert.ok(await inbox.staysEmpty(300), 'nothing arrives after UNSUBSCRIBE');
  });

  test('STOMP-S35 STOMP-S06 custom headers, including ones needing escapes, pass through to MESSAGE', async (t) => {
    const { publisher, subscriber } = await pair(t);
    const destination = unique('headers');
    const inbox = await subscriber.subscribe(destination, { receipt: 'sub' });
    publisher.client.publish({ destination, body: 'h', headers: { 'x-plain': '1', 'x-tricky': 'a:b\nc\\d' } });
    const message = await inbox.next();
    assert.equal(message.headers['x-plain'], '1');
    assert.equal(message.headers['x-tricky'], 'a:b\nc\\d');
  });

  test('STOMP-S15 UTF-8 text bodies and header values round-trip unchanged', async (t) => {
    const { publisher, subscriber } = await pair(t);
    const destination = unique('utf8');
    const inbox = await subscriber.subscribe(destination, { receipt: 'sub' });
    const text = 'Grüße, 世界! 🚀 — ñ ✓';
    publisher.client.publish({ destination, body: text, headers: { 'x-name': 'Zoë 🌍', 'content-type': 'text/plain;charset=utf-8' } });
    const message = await inbox.next();
    assert.equal(message.body, text);
    assert.equal(message.headers['x-name'], 'Zoë 🌍');
    assert.equal(Number(message.headers['content-length']), Buffer.byteLength(text));
  });

  test('STOMP-S10 STOMP-S12 STOMP-S14 a binary body with NUL and non-UTF-8 octets arrives byte for byte', async (t) => {
    const { publisher, subscriber } = await pair(t);
    const destination = unique('binary');
    const inbox = await subscriber.subscribe(destination, { receipt: 'sub' });
    const bytes = new Uint8Array(512);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
    publisher.client.publish({ destination, binaryBody: bytes, headers: { 'content-type': 'application/octet-stream' } });
    const message = await inbox.next();
    assert.deepEqual(Buffer.from(message.binaryBody), Buffer.from(bytes));
    assert.equal(message.headers['content-length'], String(bytes.length));
  });

  test('a 512 KiB body is delivered intact', async (t) => {
    const { publisher, subscriber } = await pair(t);
    const destination = unique('large');
    const inbox = await subscriber.subscribe(destination, { receipt: 'sub' });
    const chunk = 'abcdefghijklmnopqrstuvwxyz012345';
    const body = chunk.repeat((512 * 1024) / chunk.length);
    assert.equal(body.length, 512 * 1024);
    await publisher.publishConfirmed({ destination, body }, 'big');
    const message = await inbox.next(20_000);
    assert.equal(message.body.length, body.length);
    assert.equal(message.body, body);
  });

  test('STOMP-S50 SENDs in a transaction are delivered only at COMMIT, and ABORT discards them', async (t) => {
    const { publisher, subscriber } = await pair(t);
    const destination = unique('tx');
    const inbox = await subscriber.subscribe(destination, { receipt: 'sub' });

    const tx = publisher.client.begin('tx-commit');
    publisher.client.publish({ destination, body: 'one', headers: { transaction: tx.id } });
    publisher.client.publish({ destination, body: 'two', headers: { transaction: tx.id } });
    await publisher.publishConfirmed({ destination: unique('barrier'), body: 'x' }, 'pending');
    assert.ok(await inbox.staysEmpty(300), 'nothing is delivered before COMMIT');
    // stompjs's commit() takes no headers; a later receipt confirms it (receipts are cumulative, STOMP-S62).
    tx.commit();
    await publisher.publishConfirmed({ destination: unique('barrier'), body: 'x' }, 'committed');
    assert.equal((await inbox.next()).body, 'one');
    assert.equal((await inbox.next()).body, 'two');

    const aborted = publisher.client.begin('tx-abort');
    publisher.client.publish({ destination, body: 'discarded', headers: { transaction: aborted.id } });
    aborted.abort();
    await publisher.publishConfirmed({ destination, body: 'after-abort' }, 'after');
    assert.equal((await inbox.next()).body, 'after-abort', 'the aborted SEND never arrives');
  });

  test('STOMP-S54 STOMP-S45 client-individual subscriptions get an ack header and the ACK is accepted', async (t) => {
    const { publisher, subscriber } = await pair(t);
    const destination = unique('ack');
    const inbox = await subscriber.subscribe(destination, { ack: 'client-individual', receipt: 'sub' });
    await publisher.publishConfirmed({ destination, body: 'm1' }, 'p1');
    const message = await inbox.next();
    assert.ok(message.headers.ack, 'MESSAGE carries ack in client-individual mode');
    const acked = subscriber.receipt('acked');
    message.ack({ receipt: 'acked' });
    await acked;
    assert.equal(subscriber.errors.size, 0, 'no ERROR after a valid ACK');
  });

  test('STOMP-S54 auto subscriptions get no ack header; client subscriptions get one and accept NACK', async (t) => {
    const { publisher, subscriber } = await pair(t);
    const destination = unique('modes');
    const auto = await subscriber.subscribe(destination, { id: 'auto', receipt: 's1' });
    const client = await subscriber.subscribe(destination, { id: 'client', ack: 'client', receipt: 's2' });
    await publisher.publishConfirmed({ destination, body: 'm' }, 'p');
    const autoMessage = await auto.next();
    const clientMessage = await client.next();
    assert.equal(autoMessage.headers.ack, undefined);
    assert.ok(clientMessage.headers.ack);
    const nacked = subscriber.receipt('nacked');
    clientMessage.nack({ receipt: 'nacked' });
    await nacked;
  });

  test('STOMP-S39 STOMP-S58 STOMP-S59 an ERROR (duplicate subscription id) reaches stompjs and the server then closes the socket', async () => {
    const c = await StompTestClient.connect(stack);
    const destination = unique('dup');
    c.client.subscribe(destination, () => {}, { id: 'same' });
    c.client.subscribe(destination, () => {}, { id: 'same' });
    const error = await c.errors.next(10_000, 'ERROR');
    assert.ok(error.headers.message, 'ERROR has a message header');
    await c.closes.next(10_000, 'the socket to close');
    await c.close();
  });

  test('STOMP-S52 deactivate sends DISCONNECT with a receipt and completes cleanly', async () => {
    const c = await StompTestClient.connect(stack);
    await c.close();
    assert.equal(c.client.connected, false);
    assert.equal(c.errors.size, 0);
  });
});

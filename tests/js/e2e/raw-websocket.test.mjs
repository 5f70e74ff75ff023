// Raw WebSocket clients for what stompjs never sends by itself: several frames in one WebSocket
// message, a frame split over two messages, heart-beat EOLs, odd versions, bad frames.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack } from './support/stack.mjs';
import WebSocket from 'ws';
import { RawStompSocket, clientUrl, frame } from './support/clients.mjs';

let stack;
let run = 0;
const unique = (name) => `/topic/raw.${name}.${++run}`;

before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

async function open(t) {
  const socket = await RawStompSocket.open(stack);
  t.after(() => socket.close());
  return socket;
}

async function subscriber(t, destination) {
  const socket = await open(t);
  await socket.connect();
  await socket.send(frame('SUBSCRIBE', { id: 's1', destination, receipt: 'subscribed' }));
  await socket.expect('RECEIPT');
  return socket;
}

describe('raw WebSocket clients', () => {
  test('STOMP-S65 the handshake answers with the v12.stomp subprotocol the client offered', async (t) => {
    const socket = await open(t);
    assert.equal(socket.protocol, 'v12.stomp');
  });

  test('STOMP-S65 a client offering only other subprotocols gets 400 with the accepted ones in the body', async () => {
    const url = await clientUrl(stack);
    const socket = new WebSocket(url, ['mqtt', 'json.webpubsub.azure.v1']);
    const { status, body } = await new Promise((resolve, reject) => {
      socket.once('unexpected-response', (_, response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => { text += chunk; });
        response.on('end', () => resolve({ status: response.statusCode, body: text }));
      });
      socket.once('open', () => reject(new Error('the handshake was accepted')));
    });
    assert.equal(status, 400);
    assert.match(body, /Accepted WebSocket subprotocols: v12\.stomp, v11\.stomp, v10\.stomp \(or none at all\)/);
  });

  test('a client offering no subprotocol at all is a plain WebSocket client: CONNECT negotiates the version', async (t) => {
    const socket = await RawStompSocket.open(stack, { subprotocols: [] });
    t.after(() => socket.close());
    assert.equal(socket.protocol, '');
    const connected = await socket.connect({ 'accept-version': '1.1,1.2', host: 'localhost' });
    assert.equal(connected.headers.version, '1.2');
  });

  test('STOMP-S66 several frames in one WebSocket message are all processed, in order', async (t) => {
    const destination = unique('batch');
    const sub = await subscriber(t, destination);
    const pub = await open(t);
    const batch = Buffer.concat([
      frame('CONNECT', { 'accept-version': '1.2', host: 'localhost' }),
      frame('SEND', { destination }, 'first'),
      frame('SEND', { destination }, 'second'),
      frame('SEND', { destination, receipt: 'r3' }, 'third'),
    ]);
    await pub.send(batch);
    await pub.expect('CONNECTED');
    assert.equal((await pub.expect('RECEIPT')).headers['receipt-id'], 'r3');
    const bodies = [];
    for (let i = 0; i < 3; i++) bodies.push((await sub.expect('MESSAGE')).text);
    assert.deepEqual(bodies, ['first', 'second', 'third']);
  });

  test('STOMP-S66 a frame split over two WebSocket messages is reassembled and delivered once', async (t) => {
    const destination = unique('split');
    const sub = await subscriber(t, destination);
    const pub = await open(t);
    await pub.connect();
    const whole = frame('SEND', { destination, 'content-type': 'text/plain', receipt: 'joined' }, 'split across two messages');
    const cut = Math.floor(whole.length / 2);
    await pub.send(whole.subarray(0, cut));
    await pub.send(whole.subarray(cut));
    assert.equal((await pub.expect('RECEIPT')).headers['receipt-id'], 'joined');
    const message = await sub.expect('MESSAGE');
    assert.equal(message.text, 'split across two messages');
    assert.ok(await sub.frames.staysEmpty(300), 'delivered exactly once');
  });

  test('STOMP-S66 a frame split inside its headers and one split inside its body are both reassembled', async (t) => {
    const destination = unique('split2');
    const sub = await subscriber(t, destination);
    const pub = await open(t);
    await pub.connect();
    const first = frame('SEND', { destination }, 'header-split');
    const second = frame('SEND', { destination, receipt: 'done' }, 'body-split-body-split');
    const headerCut = first.indexOf(':') + 2;
    const bodyCut = second.length - 8;
    await pub.send(first.subarray(0, headerCut));
    await pub.send(Buffer.concat([first.subarray(headerCut), second.subarray(0, bodyCut)]));
    await pub.send(second.subarray(bodyCut));
    await pub.expect('RECEIPT');
    assert.equal((await sub.expect('MESSAGE')).text, 'header-split');
    assert.equal((await sub.expect('MESSAGE')).text, 'body-split-body-split');
  });

  test('STOMP-S03 STOMP-S01 heart-beat EOLs and CRLF line ends between frames are accepted', async (t) => {
    const socket = await open(t);
    await socket.send('\n');
    await socket.send(Buffer.from('CONNECT\r\naccept-version:1.2\r\nhost:localhost\r\n\r\n\0\n\n\r\n'));
    await socket.expect('CONNECTED');
    await socket.send('\n');
    await socket.send(frame('DISCONNECT', { receipt: 'bye' }));
    assert.equal((await socket.expect('RECEIPT')).headers['receipt-id'], 'bye');
  });

  test('STOMP-S26 the highest common version wins regardless of the order offered', async (t) => {
    const socket = await open(t);
    const connected = await socket.connect({ 'accept-version': '1.0,1.2,1.1', host: 'localhost' });
    assert.equal(connected.headers.version, '1.2');
    const other = await open(t);
    const connected11 = await other.connect({ 'accept-version': '1.1,2.0', host: 'localhost' });
    assert.equal(connected11.headers.version, '1.1');
  });

  test('STOMP-S21 a STOMP frame connects like CONNECT', async (t) => {
    const socket = await open(t);
    await socket.send(frame('STOMP', { 'accept-version': '1.2', host: 'localhost' }));
    assert.equal((await socket.expect('CONNECTED')).headers.version, '1.2');
  });

  test('STOMP-S27 STOMP-S58 no common version gets an ERROR listing the supported versions, then the socket closes', async (t) => {
    const socket = await open(t);
    await socket.send(frame('CONNECT', { 'accept-version': '2.0', host: 'localhost' }));
    const error = await socket.expect('ERROR');
    assert.match(error.headers.version ?? '', /1\.2/);
    await socket.waitClosed();
  });

  test('STOMP-S02 STOMP-S33 STOMP-S58 an unknown (lower-case) command gets an ERROR with a message, then the socket closes', async (t) => {
    const socket = await open(t);
    await socket.connect();
    await socket.send(frame('send', { destination: unique('lower') }, 'x'));
    const error = await socket.expect('ERROR');
    assert.ok(error.headers.message);
    await socket.waitClosed();
  });

  test('STOMP-S34 STOMP-S60 a SEND without destination gets an ERROR carrying its receipt-id, then the socket closes', async (t) => {
    const socket = await open(t);
    await socket.connect();
    await socket.send(frame('SEND', { receipt: 'bad-send' }, 'x'));
    const error = await socket.expect('ERROR');
    assert.equal(error.headers['receipt-id'], 'bad-send');
    await socket.waitClosed();
  });

  test('STOMP-S08 header values are neither trimmed nor padded', async (t) => {
    const destination = unique('spaces');
    const sub = await subscriber(t, destination);
    const pub = await open(t);
    await pub.connect();
    await pub.send(frame('SEND', { destination, 'x-spaced': '  padded value  ' }, 'x'));
    const message = await sub.expect('MESSAGE');
    assert.equal(message.headers['x-spaced'], '  padded value  ');
  });

  test('STOMP-S14 a body that is not UTF-8 travels to subscribers in a binary WebSocket message, byte for byte', async (t) => {
    const destination = unique('octets');
    const sub = await subscriber(t, destination);
    const pub = await open(t);
    await pub.connect();
    const body = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x0a, 0x00, 0xc3]);
    await pub.send(frame('SEND', { destination, 'content-length': body.length }, body), true);
    const message = await sub.expect('MESSAGE');
    assert.ok(message.isBinary, 'delivered as a binary WebSocket message');
    assert.deepEqual(message.body, body);
  });
});

// Real STOMP clients for the end-to-end suites: @stomp/stompjs over `ws`, and raw `ws` sockets for
// what stompjs never does on its own (several frames in one message, a frame split in two).
// Client URLs carry a token signed by Microsoft's own @azure/web-pubsub SDK from the connection
// string the DevHost prints, so the emulator is judged by the official client-token format.
import { Client } from '@stomp/stompjs';
import { WebPubSubServiceClient } from '@azure/web-pubsub';
import WebSocket from 'ws';

export const stompSubprotocols = ['v12.stomp', 'v11.stomp', 'v10.stomp'];
const defaultWaitMs = 10_000;

/** A client access URL (with token) for the stack's hub. */
export async function clientUrl(stack, userId) {
  const service = new WebPubSubServiceClient(stack.connectionString, stack.hub);
  const { url } = await service.getClientAccessToken(userId ? { userId } : {});
  return url;
}

/** A queue whose `next` waits, bounded, for the next pushed item. */
export class Inbox {
  #items = [];
  #waiters = [];

  push(item) {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(item);
    else this.#items.push(item);
  }

  get size() { return this.#items.length; }

  next(timeoutMs = defaultWaitMs, what = 'an item') {
    if (this.#items.length > 0) return Promise.resolve(this.#items.shift());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(done), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = (item) => { clearTimeout(timer); resolve(item); };
      this.#waiters.push(done);
    });
  }

  /** Resolves true when nothing arrives within `quietMs` (used to prove a message was NOT delivered). */
  async staysEmpty(quietMs) {
    if (this.#items.length > 0) return false;
    try {
      const item = await this.next(quietMs);
      this.#items.unshift(item);
      return false;
    } catch {
      return true;
    }
  }
}

/** Resolves with the value of `promise`, or rejects once `ms` have passed. */
export function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A connected @stomp/stompjs client with bounded helpers.
 * No reconnects and no heart-beats, so a test sees exactly what the server did.
 */
export class StompTestClient {
  /** @type {Client} */ client;
  connectedFrame;
  errors = new Inbox();
  closes = new Inbox();

  static async connect(stack, options = {}) {
    const url = options.url ?? await clientUrl(stack, options.userId);
    const test = new StompTestClient();
    await test.#activate(url, options);
    return test;
  }

  #activate(url, options) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        void this.client.deactivate();
        reject(new Error('stompjs did not reach CONNECTED in time'));
      }, options.timeoutMs ?? defaultWaitMs);
      this.client = new Client({
        webSocketFactory: () => new WebSocket(url, options.subprotocols ?? stompSubprotocols),
        connectHeaders: options.connectHeaders ?? {},
        reconnectDelay: 0,
        heartbeatIncoming: 0,
        heartbeatOutgoing: 0,
        debug: () => {},
        ...options.stompConfig,
        onConnect: (frame) => {
          clearTimeout(timer);
          this.connectedFrame = frame;
          resolve();
        },
        onStompError: (frame) => {
          this.errors.push(frame);
          if (!this.connectedFrame) {
            clearTimeout(timer);
            reject(new Error(`ERROR instead of CONNECTED: ${frame.headers.message}`));
          }
        },
        onWebSocketClose: (event) => {
          this.closes.push(event);
          if (!this.connectedFrame) {
            clearTimeout(timer);
            reject(new Error(`socket closed before CONNECTED (code ${event.code})`));
          }
        },
      });
      this.client.activate();
    });
  }

  /**
   * Subscribes and returns an inbox of MESSAGE frames (or hands each to `onMessage`);
   * with a `receipt` header, resolves only once the server confirmed the subscription.
   */
  async subscribe(destination, headers = {}, onMessage = undefined) {
    const inbox = new Inbox();
    const receipt = headers.receipt;
    const confirmed = receipt ? this.receipt(receipt) : Promise.resolve();
    const subscription = this.client.subscribe(destination, onMessage ?? ((message) => inbox.push(message)), headers);
    await confirmed;
    inbox.subscription = subscription;
    return inbox;
  }

  /** Waits (bounded) for the RECEIPT with this id; register it before sending the frame. */
  receipt(id, timeoutMs = defaultWaitMs) {
    return within(new Promise((resolve) => this.client.watchForReceipt(id, resolve)), timeoutMs, `RECEIPT ${id}`);
  }

  /** Publishes with a receipt and waits for it: the cumulative acknowledgement of all earlier frames. */
  async publishConfirmed(params, receiptId) {
    const confirmed = this.receipt(receiptId);
    this.client.publish({ ...params, headers: { ...params.headers, receipt: receiptId } });
    await confirmed;
  }

  async close() {
    if (this.client?.active) await within(this.client.deactivate(), defaultWaitMs, 'stompjs to deactivate');
  }
}

/** Parses every STOMP frame in one WebSocket message (a test-side reader; tolerant of heart-beat EOLs). */
export function parseFrames(data) {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  const frames = [];
  let at = 0;
  while (at < bytes.length) {
    while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
    if (at >= bytes.length) break;
    const headerEnd = bytes.indexOf('\n\n', at);
    const headerEndCr = bytes.indexOf('\r\n\r\n', at);
    const useCr = headerEndCr >= 0 && (headerEnd < 0 || headerEndCr < headerEnd);
    const end = useCr ? headerEndCr : headerEnd;
    if (end < 0) throw new Error('incomplete frame in one message: ' + bytes.subarray(at).toString());
    const lines = bytes.subarray(at, end).toString('utf8').split(/\r?\n/);
    const command = lines.shift();
    const headers = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      if (!(name in headers)) headers[name] = line.slice(colon + 1);
    }
    const bodyStart = end + (useCr ? 4 : 2);
    const length = headers['content-length'] !== undefined ? Number(headers['content-length']) : bytes.indexOf(0, bodyStart) - bodyStart;
    const body = bytes.subarray(bodyStart, bodyStart + length);
    if (bytes[bodyStart + length] !== 0) throw new Error(`frame ${command} is not NUL-terminated`);
    frames.push({ command, headers, body, text: body.toString('utf8') });
    at = bodyStart + length + 1;
  }
  return frames;
}

/** Builds one STOMP frame as bytes (no escaping: tests pass values that need none unless they mean to). */
export function frame(command, headers = {}, body = '') {
  const head = [command, ...Object.entries(headers).map(([k, v]) => `${k}:${v}`)].join('\n');
  return Buffer.concat([Buffer.from(head + '\n\n', 'utf8'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), Buffer.from([0])]);
}

/** A raw WebSocket speaking `v12.stomp`, with an inbox of parsed server frames. */
export class RawStompSocket {
  frames = new Inbox();
  messages = [];
  /** @type {WebSocket} */ ws;
  closed;

  static async open(stack, options = {}) {
    const url = options.url ?? await clientUrl(stack, options.userId);
    const raw = new RawStompSocket();
    raw.ws = new WebSocket(url, options.subprotocols ?? ['v12.stomp']);
    raw.closed = new Promise((resolve) => raw.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    raw.ws.on('message', (data, isBinary) => {
      raw.messages.push({ data, isBinary });
      for (const f of parseFrames(data)) raw.frames.push({ ...f, isBinary });
    });
    await within(new Promise((resolve, reject) => {
      raw.ws.once('open', resolve);
      raw.ws.once('error', reject);
    }), defaultWaitMs, 'the WebSocket to open');
    return raw;
  }

  get protocol() { return this.ws.protocol; }

  send(data, binary = false) {
    return new Promise((resolve, reject) => this.ws.send(data, { binary }, (err) => (err ? reject(err) : resolve())));
  }

  /** Waits for the next frame, failing with the command it got if that is not `command`. */
  async expect(command, timeoutMs = defaultWaitMs) {
    const f = await this.frames.next(timeoutMs, command);
    if (f.command !== command) {
      throw new Error(`expected ${command}, got ${f.command} ${JSON.stringify(f.headers)} ${f.text}`);
    }
    return f;
  }

  async connect(headers = { 'accept-version': '1.2', host: 'localhost' }) {
    await this.send(frame('CONNECT', headers));
    return this.expect('CONNECTED');
  }

  waitClosed(timeoutMs = defaultWaitMs) {
    return within(this.closed, timeoutMs, 'the server to close the socket');
  }

  close() {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }
}

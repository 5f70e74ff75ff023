// A lean STOMP 1.2 client over `ws` for the load tool: no per-frame objects beyond what a
// measurement needs, so that on a small machine the client side takes as little CPU as possible.
import WebSocket from 'ws';

const nul = 0;

/** Encodes one frame; header values must need no escaping (the load tool only sends plain ones). */
export function encodeFrame(command, headers, body = '') {
  let head = command + '\n';
  for (const name in headers) head += name + ':' + headers[name] + '\n';
  return Buffer.concat([Buffer.from(head + '\n', 'utf8'), Buffer.from(body, 'utf8'), Buffer.from([nul])]);
}

/** Decodes every frame of one WebSocket message (our server never splits a frame). */
export function decodeFrames(data) {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  const frames = [];
  let at = 0;
  while (at < bytes.length) {
    while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
    if (at >= bytes.length) break;
    const end = bytes.indexOf('\n\n', at);
    if (end < 0) throw new Error('a frame without end of headers');
    const lines = bytes.toString('utf8', at, end).split('\n');
    const command = lines[0];
    const headers = {};
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(':');
      const name = lines[i].slice(0, colon);
      if (!(name in headers)) headers[name] = lines[i].slice(colon + 1);
    }
    const bodyStart = end + 2;
    const length = headers['content-length'] !== undefined
      ? Number(headers['content-length'])
      : bytes.indexOf(nul, bodyStart) - bodyStart;
    frames.push({ command, headers, body: bytes.toString('utf8', bodyStart, bodyStart + length) });
    at = bodyStart + length + 1;
  }
  return frames;
}

function deadline(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export class WireClient {
  /** @type {WebSocket} */ ws;
  onMessage = () => {};
  errors = [];
  #receipts = new Map();
  #connected;

  /** Opens the socket and completes the STOMP handshake; resolves once CONNECTED arrived. */
  static async connect(url, timeoutMs = 30_000) {
    const client = new WireClient();
    const limit = deadline(timeoutMs, 'CONNECTED');
    try {
      await Promise.race([client.#open(url), limit.promise]);
    } finally {
      limit.cancel();
    }
    return client;
  }

  #open(url) {
    return new Promise((resolve, reject) => {
      this.#connected = resolve;
      this.ws = new WebSocket(url, ['v12.stomp']);
      this.ws.on('error', reject);
      this.ws.on('close', (code) => reject(new Error(`socket closed (code ${code}) before CONNECTED`)));
      this.ws.on('open', () => this.ws.send(encodeFrame('CONNECT', { 'accept-version': '1.2', host: 'localhost', 'heart-beat': '0,0' })));
      this.ws.on('message', (data) => this.#dispatch(data));
    });
  }

  #dispatch(data) {
    const at = performance.now();
    for (const frame of decodeFrames(data)) {
      switch (frame.command) {
        case 'MESSAGE': this.onMessage(frame, at); break;
        case 'RECEIPT': {
          const done = this.#receipts.get(frame.headers['receipt-id']);
          this.#receipts.delete(frame.headers['receipt-id']);
          done?.();
          break;
        }
        case 'CONNECTED': this.#connected?.(); this.#connected = undefined; break;
        case 'ERROR': this.errors.push(frame.headers.message ?? 'ERROR'); break;
        default: break;
      }
    }
  }

  send(command, headers, body) {
    this.ws.send(encodeFrame(command, headers, body));
  }

  /** Sends a frame with a receipt and waits (bounded) for the RECEIPT. */
  async sendConfirmed(command, headers, body, timeoutMs = 30_000) {
    const id = 'r' + Math.random().toString(36).slice(2);
    const limit = deadline(timeoutMs, `RECEIPT for ${command}`);
    const confirmed = new Promise((resolve) => this.#receipts.set(id, resolve));
    this.send(command, { ...headers, receipt: id }, body);
    try {
      await Promise.race([confirmed, limit.promise]);
    } finally {
      limit.cancel();
      this.#receipts.delete(id);
    }
  }

  close() {
    this.ws.removeAllListeners('close');
    this.ws.on('error', () => {});
    this.ws.terminate();
  }
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; returns the results in order. */
export async function pooled(count, concurrency, task) {
  const results = new Array(count);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  });
  await Promise.all(workers);
  return results;
}

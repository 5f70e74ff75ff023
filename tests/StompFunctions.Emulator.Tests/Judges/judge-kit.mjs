// Small helpers shared by the judge scripts: bounded waits, a message inbox per WebSocket, verdict lines.
// The C# tests read the JUDGE-OK / JUDGE-FAIL lines and the exit code.
import WebSocket from "ws";

export function ok(what) {
  console.log(`JUDGE-OK ${what}`);
}

export function fail(why) {
  console.log(`JUDGE-FAIL ${why}`);
  process.exit(1);
}

export function env(name) {
  const value = process.env[name];
  if (!value) fail(`environment variable ${name} is missing`);
  return value;
}

export function expect(condition, what) {
  if (!condition) fail(what);
  ok(what);
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Opens a WebSocket and queues what it receives, so a test can await the next message in order. */
export function openClient(url, protocols, options) {
  const ws = new WebSocket(url, protocols, options);
  const queue = [];
  const waiters = [];
  let closed;
  const closedPromise = new Promise((resolve) => (closed = resolve));
  ws.on("message", (data, isBinary) => {
    const item = { data: isBinary ? Buffer.from(data) : data.toString("utf8"), isBinary };
    const waiter = waiters.shift();
    if (waiter) waiter(item);
    else queue.push(item);
  });
  ws.on("close", (code, reason) => closed({ code, reason: reason.toString("utf8") }));
  const opened = new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("unexpected-response", (_, res) => reject(Object.assign(new Error(`handshake refused: ${res.statusCode}`), { statusCode: res.statusCode })));
    ws.once("error", reject);
  });
  return {
    ws,
    opened,
    closed: closedPromise,
    next(what = "a message", ms = 5000) {
      if (queue.length > 0) return Promise.resolve(queue.shift());
      return withTimeout(new Promise((resolve) => waiters.push(resolve)), ms, what);
    },
  };
}

/** Resolves when fn() becomes truthy; polls a bounded number of times. */
export async function eventually(fn, what, attempts = 100, delayMs = 50) {
  for (let i = 0; i < attempts; i++) {
    const value = await fn();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  fail(`never happened: ${what}`);
}

export function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

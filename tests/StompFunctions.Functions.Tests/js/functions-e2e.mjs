// stompjs through the Functions app's own composition: negotiate → emulator → upstream trigger → engine →
// Table Storage → REST gateway → emulator → stompjs; then the publish trigger to the same subscriber.
// Argument: the trigger server's base URL (http://127.0.0.1:PORT/api). Prints one JSON object
// {checks: {name: detail}, failures: [...]}. Every wait is bounded; the script gives up after 40 s.
import { Client } from "@stomp/stompjs";
import WebSocket from "ws";

const api = process.argv[2];
const room = "functions-e2e";
const checks = {};
const failures = [];
const clients = [];

setTimeout(() => finish("global timeout"), 40_000).unref();

async function finish(reason) {
  if (reason) failures.push(reason);
  await Promise.allSettled(clients.map((c) => c.deactivate()));
  process.stdout.write(JSON.stringify({ checks, failures }));
  process.exit(0);
}

function check(name, ok, detail) {
  checks[name] = { ok: Boolean(ok), detail: detail ?? null };
  if (!ok) failures.push(`${name}: ${JSON.stringify(detail)}`);
}

function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function connect(name) {
  const response = await fetch(`${api}/negotiate`);
  if (!response.ok) throw new Error(`negotiate answered ${response.status}`);
  const { url } = await response.json();
  const client = new Client({
    webSocketFactory: () => new WebSocket(url, ["v12.stomp"]),
    reconnectDelay: 0,
    heartbeatIncoming: 0,
    heartbeatOutgoing: 0,
    debug: () => {},
  });
  clients.push(client);
  const connected = new Promise((resolve, reject) => {
    client.onConnect = resolve;
    client.onStompError = (frame) => reject(new Error(frame.headers.message));
  });
  client.activate();
  return { client, frame: await within(10_000, `${name} CONNECTED`, connected) };
}

function nextMessage(queue) {
  return within(10_000, "MESSAGE", new Promise((resolve) => queue.push(resolve)));
}

function receipt(client, id) {
  return within(10_000, `RECEIPT ${id}`, new Promise((resolve) => client.watchForReceipt(id, resolve)));
}

try {
  const alice = await connect("alice");
  check("connected", alice.frame.headers.version === "1.2", alice.frame.headers);

  const waiting = [];
  const arrived = [];
  alice.client.subscribe(`/topic/chat.${room}`, (message) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message); else arrived.push(message);
  }, { receipt: "sub-receipt" });
  await receipt(alice.client, "sub-receipt");
  check("subscribe-receipt", true);
  const next = () => (arrived.length > 0 ? Promise.resolve(arrived.shift()) : nextMessage(waiting));

  const bob = await connect("bob");
  const body = JSON.stringify({ kind: "say", text: "hello from bob" });
  bob.client.publish({ destination: `/app/chat/${room}`, body, headers: { "content-type": "application/json", receipt: "send-receipt" } });
  await receipt(bob.client, "send-receipt");
  const chat = await next();
  check("chat-handler", chat.headers.destination === `/topic/chat.${room}` && chat.body === body && chat.headers.sender === "anonymous", { headers: chat.headers, body: chat.body });

  const published = await fetch(`${api}/publish/topic/chat.${room}`, { method: "POST", headers: { "content-type": "text/plain" }, body: "from the server" });
  check("publish-accepted", published.status === 202, published.status);
  const fromServer = await next();
  check("publish-delivered", fromServer.body === "from the server", { headers: fromServer.headers, body: fromServer.body });

  await finish();
} catch (error) {
  await finish(String(error && error.message || error));
}

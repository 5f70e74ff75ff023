// End-to-end scenario through the real chain: stompjs and raw WebSocket clients → Web PubSub emulator →
// our upstream endpoint over HTTP → engine → our REST gateway → emulator → clients.
// Argument: the negotiate URL of the app under test. Prints one JSON object: {checks: {name: detail}, failures: [...]}.
// Every wait is bounded; the whole script gives up after 45 s.
import { Client } from "@stomp/stompjs";
import WebSocket from "ws";

const negotiateUrl = process.argv[2];
const STOMP_PROTOCOLS = ["v12.stomp", "v11.stomp", "v10.stomp"];
const checks = {};
const failures = [];
const sockets = [];

setTimeout(() => finish("global timeout"), 45_000).unref();

function finish(reason) {
  if (reason) failures.push(reason);
  for (const s of sockets) { try { s.terminate(); } catch { /* already closed */ } }
  process.stdout.write(JSON.stringify({ checks, failures }));
  process.exit(0);
}

function check(name, ok, detail) {
  checks[name] = { ok: Boolean(ok), detail: detail === undefined ? null : detail };
  if (!ok) failures.push(`${name}: ${JSON.stringify(detail)}`);
}

function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function negotiate(user) {
  const response = await fetch(negotiateUrl + (user ? `?user=${encodeURIComponent(user)}` : ""));
  if (!response.ok) throw new Error(`negotiate answered ${response.status}`);
  return (await response.json()).url;
}

async function stompClient(name) {
  const url = await negotiate(name);
  let socket;
  const client = new Client({
    webSocketFactory: () => { socket = new WebSocket(url, STOMP_PROTOCOLS); sockets.push(socket); return socket; },
    reconnectDelay: 0,
    heartbeatIncoming: 0,
    heartbeatOutgoing: 0,
    debug: () => {},
  });
  const connected = new Promise((resolve, reject) => {
    client.onConnect = resolve;
    client.onStompError = (frame) => reject(new Error(frame.headers.message));
    client.onWebSocketClose = (event) => reject(new Error(`closed ${event.code}`));
  });
  client.activate();
  const frame = await within(10_000, `${name} CONNECTED`, connected);
  return { client, frame, socket: () => socket };
}

function receiptFor(client, id) {
  return new Promise((resolve) => client.watchForReceipt(id, resolve));
}

function nextMessage(queue) {
  return new Promise((resolve) => queue.waiters.push(resolve));
}

function subscription(client, destination, headers = {}) {
  const queue = { waiters: [], messages: [] };
  const sub = client.subscribe(destination, (message) => {
    const waiter = queue.waiters.shift();
    if (waiter) waiter(message); else queue.messages.push(message);
  }, headers);
  return { sub, next: () => queue.messages.length ? Promise.resolve(queue.messages.shift()) : nextMessage(queue) };
}

function rawSocket(url, protocols) {
  const socket = new WebSocket(url, protocols);
  sockets.push(socket);
  const inbox = [];
  let waiter = null;
  socket.on("message", (data, isBinary) => {
    inbox.push({ text: isBinary ? null : data.toString("utf8"), bytes: Buffer.from(data), isBinary });
    if (waiter) { const w = waiter; waiter = null; w(); }
  });
  const closed = new Promise((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  const opened = new Promise((resolve, reject) => { socket.on("open", resolve); socket.on("error", reject); socket.on("unexpected-response", (_, res) => reject(new Error(`handshake ${res.statusCode}`))); });
  return {
    socket, closed, opened,
    async receive(what) {
      const deadline = Date.now() + 8_000;
      while (inbox.length === 0) {
        if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
        await within(8_000, what, new Promise((resolve) => { waiter = resolve; }));
      }
      return inbox.shift();
    },
  };
}

try {
  // 1. Handshake and CONNECTED.
  const alice = await stompClient("alice");
  check("subprotocol", alice.socket().protocol === "v12.stomp", alice.socket().protocol);
  check("connected", alice.frame.headers.version === "1.2", alice.frame.headers);

  // 2. SUBSCRIBE with a receipt: the subscriber is in its group before the RECEIPT arrives.
  const chat = subscription(alice.client, "/topic/chat", { receipt: "sub-receipt" });
  const subReceipt = await within(8_000, "SUBSCRIBE receipt", receiptFor(alice.client, "sub-receipt"));
  check("subscribe-receipt", subReceipt.headers["receipt-id"] === "sub-receipt", subReceipt.headers);

  // 3. Another client SENDs (text) with a receipt; the subscriber gets the MESSAGE through the REST gateway.
  const bob = await stompClient("bob");
  const sendReceipt = receiptFor(bob.client, "send-receipt");
  bob.client.publish({ destination: "/topic/chat", body: "hello from bob", headers: { receipt: "send-receipt", "x-custom": "1" } });
  const receipt = await within(8_000, "SEND receipt", sendReceipt);
  check("send-receipt", receipt.headers["receipt-id"] === "send-receipt", receipt.headers);
  const message = await within(8_000, "MESSAGE", chat.next());
  check("message", message.body === "hello from bob" && message.headers.destination === "/topic/chat" && message.headers.subscription === chat.sub.id && Boolean(message.headers["message-id"]) && message.headers["x-custom"] === "1", message.headers);

  // 4. A body with NUL and non-UTF-8 octets travels as a binary WebSocket message, byte for byte.
  const binary = new Uint8Array([0, 1, 2, 0xff, 0xfe, 0]);
  bob.client.publish({ destination: "/topic/chat", binaryBody: binary, headers: { "content-type": "application/octet-stream" } });
  const binaryMessage = await within(8_000, "binary MESSAGE", chat.next());
  check("binary-message", binaryMessage.isBinaryBody && Buffer.from(binaryMessage.binaryBody).equals(Buffer.from(binary)), Array.from(binaryMessage.binaryBody));

  // 5. A frame split across two WebSocket messages is reassembled (STOMP-S66).
  const rawUrl = await negotiate("carol");
  const carol = rawSocket(rawUrl, STOMP_PROTOCOLS);
  await within(8_000, "raw open", carol.opened);
  carol.socket.send("CONNECT\naccept-version:1.2\nhost:/\n\n\0");
  const carolConnected = await carol.receive("raw CONNECTED");
  check("raw-connected", carolConnected.text?.startsWith("CONNECTED\n"), carolConnected.text);
  // Carol subscribes too, so that only the clean-up after her socket closes can remove her membership.
  carol.socket.send("SUBSCRIBE\nid:raw-1\ndestination:/topic/chat\nreceipt:raw-sub\n\n\0");
  const carolReceipt = await carol.receive("raw RECEIPT");
  check("raw-subscribe-receipt", carolReceipt.text?.startsWith("RECEIPT\nreceipt-id:raw-sub"), carolReceipt.text);
  carol.socket.send("SEND\ndestination:/topic/chat\ncontent-type:text/plain\n");
  carol.socket.send("\nsplit across two messages\0");
  const splitMessage = await within(8_000, "split MESSAGE", chat.next());
  check("split-frame", splitMessage.body === "split across two messages", splitMessage.body);
  const carolCopy = await carol.receive("raw MESSAGE");
  check("raw-message", carolCopy.text?.startsWith("MESSAGE\n") && carolCopy.text.includes("subscription:raw-1"), carolCopy.text);

  // 6. A protocol error: ERROR reaches the client, then the connection is closed (STOMP-S58).
  carol.socket.send("FOO\n\n\0");
  const error = await carol.receive("ERROR");
  check("error-frame", error.text?.startsWith("ERROR\n") && error.text.includes("message:"), error.text);
  const closed = await within(8_000, "close after ERROR", carol.closed);
  check("closed-after-error", true, closed);

  // 7. A client offering only non-STOMP subprotocols is refused at the handshake.
  const dave = rawSocket(await negotiate("dave"), ["json.webpubsub.azure.v1"]);
  const refused = await within(8_000, "refused handshake", dave.opened.then(() => "opened", (e) => e.message));
  check("non-stomp-refused", refused !== "opened", refused);

  // 8. DISCONNECT with a receipt: stompjs resolves deactivate() once the RECEIPT came.
  await within(8_000, "bob deactivate", bob.client.deactivate());
  check("disconnect", true, null);
  await within(8_000, "alice deactivate", alice.client.deactivate());
  finish();
} catch (e) {
  finish(String(e && e.stack || e));
}

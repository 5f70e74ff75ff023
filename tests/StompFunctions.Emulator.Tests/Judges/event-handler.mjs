// Judge: Microsoft's WebPubSubEventHandler (@azure/web-pubsub-express) is the upstream. It must accept the
// emulator's abuse-protection check and events, and its connect/connected/message/disconnected callbacks must
// fire with the right data and connection state. A plain `ws` client drives the emulator.
import express from "express";
import { WebPubSubServiceClient } from "@azure/web-pubsub";
import { WebPubSubEventHandler } from "@azure/web-pubsub-express";
import { env, expect, fail, ok, openClient, deferred, withTimeout } from "./judge-kit.mjs";

const connectionString = env("EMULATOR_CONNECTION_STRING");
const hub = env("EMULATOR_HUB");
const upstreamPort = Number(env("UPSTREAM_PORT"));
const emulatorEndpoint = /Endpoint=([^;]+)/.exec(connectionString)[1];
setTimeout(() => fail("the judge did not finish within 40 s"), 40000).unref();

const seen = { connect: deferred(), connected: deferred(), disconnected: deferred() };
const userEvents = [];
let inFlight = 0;
let overlapped = false;

const handler = new WebPubSubEventHandler(hub, {
  path: "/eventhandler",
  // Makes the SDK answer the abuse-protection check with the emulator's host, which the emulator must then accept.
  allowedEndpoints: [emulatorEndpoint],
  handleConnect(req, res) {
    if (req.queries?.reject?.[0] === "yes") {
      res.fail(401, "rejected by the judge");
      return;
    }
    seen.connect.resolve(req);
    res.setState("counter", 0);
    res.success({ subprotocol: "v12.stomp", userId: "bob-from-connect", groups: ["joined-at-connect"] });
  },
  onConnected(req) {
    seen.connected.resolve(req);
  },
  async handleUserEvent(req, res) {
    inFlight++;
    if (inFlight > 1) overlapped = true;
    userEvents.push(req);
    // Answer slowly: if the emulator did not wait for the answer, the next message would overlap this one.
    await new Promise((resolve) => setTimeout(resolve, 30));
    inFlight--;
    if (req.data === "fail") {
      res.fail(500, "the judge fails this message");
      return;
    }
    const counter = (req.context.states.counter ?? 0) + 1;
    res.setState("counter", counter);
    if (req.dataType === "binary") {
      res.success(Buffer.concat([Buffer.from([counter]), Buffer.from(req.data)]), "binary");
    } else {
      res.success(`${counter}:${req.data}`, "text");
    }
  },
  onDisconnected(req) {
    seen.disconnected.resolve(req);
  },
});
const app = express();
app.use(handler.getMiddleware());
const server = await new Promise((resolve) => {
  const s = app.listen(upstreamPort, "127.0.0.1", () => resolve(s));
});

try {
  const service = new WebPubSubServiceClient(connectionString, hub, { allowInsecureConnection: true });

  const rejected = await service.getClientAccessToken({ userId: "eve" });
  const refusedClient = openClient(`${rejected.url}&reject=yes`, ["v12.stomp"]);
  const refusal = await withTimeout(refusedClient.opened.then(() => 0, (e) => e.statusCode), 5000, "the refused handshake");
  expect(refusal === 401, "a 401 from handleConnect refuses the handshake with 401");

  const token = await service.getClientAccessToken({ userId: "bob", roles: ["webpubsub.sendToGroup"] });
  const client = openClient(`${token.url}&room=lobby`, ["v12.stomp", "v11.stomp"], { headers: { "X-Judge": "present" } });
  await withTimeout(client.opened, 5000, "the WebSocket handshake");
  expect(client.ws.protocol === "v12.stomp", "the subprotocol chosen by handleConnect is echoed in the handshake");

  const connect = await withTimeout(seen.connect.promise, 5000, "handleConnect");
  expect(connect.claims?.sub?.[0] === "bob", "connect: claims carry the token's sub");
  expect(connect.claims?.role?.[0] === "webpubsub.sendToGroup", "connect: claims carry the token's roles");
  expect(connect.queries?.room?.[0] === "lobby", "connect: query carries the client's query parameters");
  expect(connect.queries?.access_token === undefined, "connect: query does not carry access_token");
  const headerNames = Object.keys(connect.headers ?? {}).map((h) => h.toLowerCase());
  expect(headerNames.includes("x-judge"), "connect: headers carry the client's handshake headers");
  expect(JSON.stringify(connect.subprotocols) === JSON.stringify(["v12.stomp", "v11.stomp"]), "connect: subprotocols lists the offered ones in order");
  expect(connect.context.hub.toLowerCase() === hub.toLowerCase() && connect.context.connectionId, "connect: context has hub and connection id");

  const connected = await withTimeout(seen.connected.promise, 5000, "onConnected");
  expect(connected.context.userId === "bob-from-connect", "connected: the userId set by handleConnect is used");
  expect(connected.context.connectionId === connect.context.connectionId, "connected: same connection id as connect");

  await service.group("joined-at-connect").sendToAll("group from connect", { contentType: "text/plain" });
  let m = await client.next("group send");
  expect(m.data === "group from connect", "the groups answered by handleConnect are joined");

  client.ws.send("one");
  client.ws.send("two");
  client.ws.send("three");
  const replies = [];
  for (let i = 0; i < 3; i++) replies.push((await client.next(`reply ${i + 1}`)).data);
  expect(JSON.stringify(replies) === JSON.stringify(["1:one", "2:two", "3:three"]), "message answers come back to the sender in order, with the state carried between events");
  expect(!overlapped, "message events of one connection are delivered one at a time");
  expect(userEvents[0].context.eventName === "message" && userEvents[0].dataType === "text", "message: a text frame is a text user event named message");
  expect(userEvents[0].context.userId === "bob-from-connect", "message: context carries the user id");

  client.ws.send(Buffer.from([9, 8, 7]), { binary: true });
  m = await client.next("binary reply");
  expect(m.isBinary && Buffer.compare(m.data, Buffer.from([4, 9, 8, 7])) === 0, "a binary frame is a binary user event and a binary answer comes back as a binary frame");

  client.ws.send("fail");
  const closed = await withTimeout(client.closed, 5000, "the drop after a failed message");
  expect(closed.code === 1011, "a non-2xx message answer drops the connection (1011)");

  const disconnected = await withTimeout(seen.disconnected.promise, 5000, "onDisconnected");
  expect(typeof disconnected.reason === "string" && disconnected.reason.length > 0, "disconnected: carries a reason");
  expect(disconnected.context.states.counter === 4, "disconnected: carries the last connection state");
  expect(disconnected.context.connectionId === connect.context.connectionId, "disconnected: same connection id");
  console.log("JUDGE-PASS");
} catch (e) {
  fail(e?.stack ?? String(e));
} finally {
  server.close();
}
process.exit(0);

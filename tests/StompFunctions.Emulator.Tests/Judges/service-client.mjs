// Judge: Microsoft's WebPubSubServiceClient (@azure/web-pubsub) drives the emulator's REST API, and a plain
// The emulator speaks plain http on loopback, so the SDK needs allowInsecureConnection (as with any local emulator).
// `ws` client connects with the token it generates and must receive what was sent.
// The event handler (@azure/web-pubsub-express) only tells us the connection id.
import express from "express";
import { WebPubSubServiceClient } from "@azure/web-pubsub";
import { WebPubSubEventHandler } from "@azure/web-pubsub-express";
import { env, expect, fail, ok, openClient, eventually, deferred, withTimeout } from "./judge-kit.mjs";

const connectionString = env("EMULATOR_CONNECTION_STRING");
const hub = env("EMULATOR_HUB");
const upstreamPort = Number(env("UPSTREAM_PORT"));
setTimeout(() => fail("the judge did not finish within 40 s"), 40000).unref();

const connectedId = deferred();
const handler = new WebPubSubEventHandler(hub, {
  path: "/eventhandler",
  onConnected: (req) => connectedId.resolve(req.context.connectionId),
});
const app = express();
app.use(handler.getMiddleware());
const server = await new Promise((resolve) => {
  const s = app.listen(upstreamPort, "127.0.0.1", () => resolve(s));
});

try {
  const service = new WebPubSubServiceClient(connectionString, hub, { allowInsecureConnection: true });

  const token = await service.getClientAccessToken({ userId: "alice", groups: ["from-token"] });
  expect(token.url.startsWith("ws://127.0.0.1:"), "getClientAccessToken gives a ws:// URL to the emulator");
  const client = openClient(token.url);
  await withTimeout(client.opened, 5000, "the WebSocket handshake");
  ok("a ws client connects with the generated token");
  const connectionId = await withTimeout(connectedId.promise, 5000, "the connected event");
  ok("the connected event carries the connection id");

  await service.sendToAll("hello all", { contentType: "text/plain" });
  let m = await client.next("sendToAll text");
  expect(!m.isBinary && m.data === "hello all", "sendToAll text/plain arrives as a text frame");

  await service.sendToAll({ kind: "json" });
  m = await client.next("sendToAll json");
  expect(!m.isBinary && m.data === '{"kind":"json"}', "sendToAll JSON arrives as a text frame");

  await service.sendToAll(new Uint8Array([0, 1, 2, 255]));
  m = await client.next("sendToAll binary");
  expect(m.isBinary && Buffer.compare(m.data, Buffer.from([0, 1, 2, 255])) === 0, "sendToAll octet-stream arrives as a binary frame");

  await service.sendToConnection(connectionId, "to the connection", { contentType: "text/plain" });
  m = await client.next("sendToConnection");
  expect(m.data === "to the connection", "sendToConnection arrives");

  await service.sendToUser("alice", "to the user", { contentType: "text/plain" });
  m = await client.next("sendToUser");
  expect(m.data === "to the user", "sendToUser arrives");

  await service.group("from-token").sendToAll("to the token's group", { contentType: "text/plain" });
  m = await client.next("group send to the token's group");
  expect(m.data === "to the token's group", "the webpubsub.group claim joined the group at connect");

  await service.group("judges").addConnection(connectionId);
  expect(await service.groupExists("judges"), "groupExists is true after addConnection");
  await service.group("judges").sendToAll("to the group", { contentType: "text/plain" });
  m = await client.next("group send");
  expect(m.data === "to the group", "group addConnection then sendToAll arrives");

  await service.sendToAll("excluded", { contentType: "text/plain", excludedConnections: [connectionId] });
  await service.sendToAll({ kind: "filtered" }, { filter: "userId eq 'bob'" });
  await service.group("judges").removeConnection(connectionId);
  await service.group("judges").sendToAll("after removal", { contentType: "text/plain" });
  await service.sendToAll("marker", { contentType: "text/plain" });
  m = await client.next("marker");
  expect(m.data === "marker", "excluded, filtered-out and removed-from-group messages do not arrive");
  expect(!(await service.groupExists("judges")), "groupExists is false once the group is empty");

  await service.sendToAll("filtered in", { contentType: "text/plain", filter: "userId eq 'alice' and 'from-token' in groups" });
  m = await client.next("filtered send");
  expect(m.data === "filtered in", "an OData filter selects the connection");

  await service.group("by-user").addUser("alice");
  await service.group("by-user").sendToAll("user's group", { contentType: "text/plain" });
  m = await client.next("user group send");
  expect(m.data === "user's group", "group addUser puts the user's connections in the group");

  expect(await service.connectionExists(connectionId), "connectionExists is true for a live connection");
  expect(await service.userExists("alice"), "userExists is true for a connected user");
  expect(!(await service.userExists("nobody")), "userExists is false for an unknown user");

  await service.grantPermission(connectionId, "sendToGroup", { targetName: "judges" });
  expect(await service.hasPermission(connectionId, "sendToGroup", { targetName: "judges" }), "grantPermission then hasPermission is true");
  await service.revokePermission(connectionId, "sendToGroup", { targetName: "judges" });
  expect(!(await service.hasPermission(connectionId, "sendToGroup", { targetName: "judges" })), "revokePermission then hasPermission is false");

  await service.closeConnection(connectionId, { reason: "the judge closes" });
  const closed = await withTimeout(client.closed, 5000, "the close");
  expect(closed.reason === "the judge closes", "closeConnection closes the socket with the given reason");
  await eventually(async () => !(await service.connectionExists(connectionId)), "connectionExists turns false after close");
  ok("connectionExists is false after closeConnection");

  let refused = false;
  try {
    const bad = new WebPubSubServiceClient(connectionString.replace(/AccessKey=[^;]+/, "AccessKey=not-the-key"), hub, { allowInsecureConnection: true });
    await bad.sendToAll("x", { contentType: "text/plain" });
  } catch (e) {
    refused = e.statusCode === 401;
  }
  expect(refused, "a REST call signed with a wrong key gets 401");
  console.log("JUDGE-PASS");
} catch (e) {
  fail(e?.stack ?? String(e));
} finally {
  server.close();
}
process.exit(0);

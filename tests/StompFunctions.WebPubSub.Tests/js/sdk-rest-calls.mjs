// Drives Microsoft's @azure/web-pubsub SDK through the REST operations our gateway uses, against a
// recording server, so tests can compare the SDK's wire requests with ours.
// Arguments: connectionString hub
import { WebPubSubServiceClient } from "@azure/web-pubsub";

const [connectionString, hub] = process.argv.slice(2);
const client = new WebPubSubServiceClient(connectionString, hub, { retryOptions: { maxRetries: 0 }, allowInsecureConnection: true });
await client.sendToConnection("conn/1", "hello", { contentType: "text/plain" });
await client.group("g 1").sendToAll("hello", { contentType: "text/plain" });
await client.group("g 1").addConnection("conn/1");
await client.group("g 1").removeConnection("conn/1");
await client.removeConnectionFromAllGroups("conn/1");
await client.closeConnection("conn/1", { reason: "bye now" });
await client.group("g 1").closeAllConnections({ reason: "store reset" });
await client.connectionExists("conn/1");
await client.groupExists("g 1");
process.stdout.write("done");

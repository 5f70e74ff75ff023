// Asks Microsoft's @azure/web-pubsub SDK for a client access URL (no network: with an access key the SDK
// signs locally) and prints it with the decoded token, so tests can compare our output with the SDK's.
// Arguments: connectionString hub userId role group minutes
import { WebPubSubServiceClient } from "@azure/web-pubsub";
import jwt from "jsonwebtoken";

const [connectionString, hub, userId, role, group, minutes] = process.argv.slice(2);
const client = new WebPubSubServiceClient(connectionString, hub);
const result = await client.getClientAccessToken({
  userId,
  roles: [role],
  groups: [group],
  expirationTimeInMinutes: Number(minutes),
});
const decoded = jwt.decode(result.token, { complete: true });
process.stdout.write(JSON.stringify({ baseUrl: result.baseUrl, url: result.url, header: decoded.header, payload: decoded.payload }));

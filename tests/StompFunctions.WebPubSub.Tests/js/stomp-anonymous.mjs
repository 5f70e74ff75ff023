// stompjs connecting straight to the hub URL of an anonymous hub (no access token), authenticating with
// STOMP login/passcode in the engine's CONNECT hook. Arguments: hubUrl. Prints {good, bad} or {error}.
// Every wait is bounded; the script gives up after 30 s.
import { Client } from "@stomp/stompjs";
import WebSocket from "ws";

const hubUrl = process.argv[2];
setTimeout(() => { process.stdout.write(JSON.stringify({ error: "global timeout" })); process.exit(0); }, 30_000).unref();

function attempt(login, passcode) {
  return new Promise((resolve) => {
    const client = new Client({
      webSocketFactory: () => new WebSocket(hubUrl, ["v12.stomp", "v11.stomp", "v10.stomp"]),
      connectHeaders: { login, passcode },
      reconnectDelay: 0,
      heartbeatIncoming: 0,
      heartbeatOutgoing: 0,
      debug: () => {},
    });
    let outcome = null;
    client.onConnect = (frame) => { outcome = { connected: true, user: frame.headers["user-name"] ?? null }; client.deactivate().then(() => resolve(outcome)); };
    client.onStompError = (frame) => { outcome = { connected: false, error: frame.headers.message }; };
    client.onWebSocketClose = (event) => { if (outcome && !outcome.connected) resolve({ ...outcome, closed: event.code }); else if (!outcome) resolve({ connected: false, closed: event.code }); };
    client.activate();
  });
}

const good = await attempt("ann", "secret");
const bad = await attempt("ann", "wrong");
process.stdout.write(JSON.stringify({ good, bad }));
process.exit(0);

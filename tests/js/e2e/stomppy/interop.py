"""stomp.py side of the interoperability test (run by stomppy.test.mjs with Debian's /usr/bin/python3).

stomp.py's own STOMP 1.2 protocol layer (frames, receipts, listeners, its receiver thread) talks to the stack
over WebSocket. When the installed stomp.py has WSStompConnection it is used as is; Debian bookworm's 8.0.0
has no WebSocket transport, so this file plugs a small one, built on websocket-client (python3-websocket),
under stomp.py's unchanged Protocol12 through the transport interface stomp.py defines for that purpose.

Exit codes: 0 = exchanged messages, 77 = cannot run here (the test skips), other = failure.
Protocol with the Node side, one line each on stdout: READY once subscribed, GOT <body> per message.
"""
import sys
import threading
from urllib.parse import urlsplit

try:
    import stomp
    from stomp.connect import BaseConnection
    from stomp.protocol import Protocol12
    from stomp.transport import BaseTransport
except ImportError:
    print("SKIP python3-stomp is not installed", flush=True)
    sys.exit(77)

VERSION = str(getattr(stomp, "__version__", "unknown"))


def websocket_connection(url):
    parts = urlsplit(url)
    if hasattr(stomp, "WSStompConnection"):
        return stomp.WSStompConnection([(parts.hostname, parts.port)], ws_path=f"{parts.path}?{parts.query}", heartbeats=(0, 0)), "WSStompConnection"
    try:
        import websocket
    except ImportError:
        print(f"SKIP stomp.py {VERSION} has no WebSocket transport and python3-websocket is missing", flush=True)
        sys.exit(77)

    class WebSocketTransport(BaseTransport):
        """One STOMP connection over one WebSocket offering v12.stomp; each message is handed to stomp.py's reader."""

        def __init__(self):
            BaseTransport.__init__(self)
            self.current_host_and_port = (parts.hostname, parts.port)
            self.vhost = None
            self.socket = None

        def attempt_connection(self):
            self.socket = websocket.create_connection(url, subprotocols=["v12.stomp"], timeout=20)
            # Reads block until the server sends something; stomp.py's receiver thread owns them.
            self.socket.settimeout(None)

        def is_connected(self):
            return self.socket is not None and self.socket.connected and BaseTransport.is_connected(self)

        def send(self, encoded_frame):
            self.socket.send_binary(encoded_frame)

        def receive(self):
            try:
                data = self.socket.recv()
            except (websocket.WebSocketConnectionClosedException, OSError):
                return b""
            return data.encode("utf-8") if isinstance(data, str) else data

        def disconnect_socket(self):
            self.running = False
            if self.socket is not None:
                self.socket.close()

        def cleanup(self):
            self.socket = None

    class WebSocketConnection12(BaseConnection, Protocol12):
        def __init__(self):
            transport = WebSocketTransport()
            BaseConnection.__init__(self, transport)
            Protocol12.__init__(self, transport, (0, 0), True)

        def connect(self, *args, **kwargs):
            self.transport.start()
            Protocol12.connect(self, *args, **kwargs)

        def disconnect(self, receipt=None, headers=None, **keyword_headers):
            Protocol12.disconnect(self, receipt, headers, **keyword_headers)
            if receipt is not None:
                self.transport.stop()

    return WebSocketConnection12(), "stomp.py Protocol12 over a websocket-client transport"


url, listen_on, reply_to = sys.argv[1], sys.argv[2], sys.argv[3]
received = threading.Event()


class Listener(stomp.ConnectionListener):
    def on_message(self, frame):
        print(f"GOT {frame.body}", flush=True)
        received.set()

    def on_error(self, frame):
        print(f"ERROR {frame.headers.get('message')}", flush=True)


conn, how = websocket_connection(url)
print(f"USING {how} (stomp.py {VERSION})", flush=True)
conn.set_listener("interop", Listener())
conn.connect(wait=True)
conn.subscribe(destination=listen_on, id="py-1", ack="auto")
# A receipt proves the subscription is in place before the Node side publishes.
receipt_listener = stomp.listener.WaitingListener("py-subscribed")
conn.set_listener("receipt", receipt_listener)
conn.send(destination="/topic/interop.barrier", body="x", headers={"receipt": "py-subscribed"})
receipt_listener.wait_on_receipt()
print("READY", flush=True)
if not received.wait(20):
    print("no message from stompjs within 20 s", flush=True)
    sys.exit(2)
conn.send(destination=reply_to, body=f"hello from stomp.py {VERSION}")
conn.disconnect(receipt="py-bye")
sys.exit(0)

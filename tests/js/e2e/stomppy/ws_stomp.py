"""stomp.py over WebSocket for the e2e tests (interop.py, reliability.py), run with Debian's /usr/bin/python3.

When the installed stomp.py has WSStompConnection it is used as is; Debian bookworm's 8.0.0 has no WebSocket
transport, so this module plugs a small one, built on websocket-client (python3-websocket), under stomp.py's
unchanged Protocol12 through the transport interface stomp.py defines for that purpose. Exits 77 (the test
skips) when neither is available.
"""
import sys
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

"""stomp.py side of the interoperability test (run by stomppy.test.mjs with Debian's /usr/bin/python3).

Exit codes: 0 = exchanged messages, 77 = this stomp.py cannot do WebSocket (the test skips), other = failure.
Protocol with the Node side, one line each on stdout: READY once subscribed, GOT <body> per message.
"""
import sys
import threading
from urllib.parse import urlsplit

try:
    import stomp
except ImportError:
    print("SKIP python3-stomp is not installed", flush=True)
    sys.exit(77)

VERSION = getattr(stomp, "__version__", "unknown")
if not hasattr(stomp, "WSStompConnection"):
    print(f"SKIP stomp.py {VERSION} has no WebSocket transport (WSStompConnection)", flush=True)
    sys.exit(77)

url, listen_on, reply_to = sys.argv[1], sys.argv[2], sys.argv[3]
parts = urlsplit(url)
received = threading.Event()


class Listener(stomp.ConnectionListener):
    def on_message(self, frame):
        print(f"GOT {frame.body}", flush=True)
        received.set()

    def on_error(self, frame):
        print(f"ERROR {frame.headers.get('message')}", flush=True)


conn = stomp.WSStompConnection([(parts.hostname, parts.port)], ws_path=f"{parts.path}?{parts.query}", heartbeats=(0, 0))
conn.set_listener("interop", Listener())
conn.connect(wait=True, headers={"host": parts.hostname})
conn.subscribe(destination=listen_on, id="py-1", ack="auto", headers={"receipt": "py-subscribed"})
print("READY", flush=True)
if not received.wait(20):
    print("no message from stompjs within 20 s", flush=True)
    sys.exit(2)
conn.send(destination=reply_to, body=f"hello from stomp.py {VERSION}", headers={"receipt": "py-sent"})
conn.disconnect(receipt="py-bye")
sys.exit(0)

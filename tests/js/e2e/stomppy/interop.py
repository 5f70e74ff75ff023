"""stomp.py side of the interoperability test (run by stomppy.test.mjs with Debian's /usr/bin/python3).

stomp.py's own STOMP 1.2 protocol layer (frames, receipts, listeners, its receiver thread) talks to the stack
over WebSocket (ws_stomp.py says how).

Exit codes: 0 = exchanged messages, 77 = cannot run here (the test skips), other = failure.
Protocol with the Node side, one line each on stdout: READY once subscribed, GOT <body> per message.
"""
import sys
import threading

from ws_stomp import VERSION, websocket_connection

import stomp

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

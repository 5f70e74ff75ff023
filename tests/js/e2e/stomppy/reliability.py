"""RabbitMQ's stomp.py reliability scenario against the stack (run by stomppy.test.mjs with /usr/bin/python3).

As in rabbitmq-server's deps/rabbitmq_stomp test_reliability.py: a consumer SUBSCRIBEs to /queue/reliability
WITHOUT a receipt, and at once a second connection sends COUNT messages there and disconnects. A queue keeps
what arrives before the subscription is in place, so the consumer must get every message.

Arguments: consumer URL, publisher URL, count. Exit codes: 0 = every message arrived, 77 = cannot run here,
other = failure. Prints one line: RECEIVED <n> DISTINCT <d> OF <count>.
"""
import sys
import threading
import time

from ws_stomp import websocket_connection

import stomp

consumer_url, publisher_url, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
destination = "/queue/reliability"
lock = threading.Condition()
bodies = []


class Counter(stomp.ConnectionListener):
    def on_message(self, frame):
        with lock:
            bodies.append(frame.body)
            lock.notify_all()

    def on_error(self, frame):
        print(f"ERROR {frame.headers.get('message')}", flush=True)


consumer, _ = websocket_connection(consumer_url)
consumer.set_listener("counter", Counter())
consumer.connect(wait=True)
consumer.subscribe(destination=destination, id="reliability", ack="auto")

publisher, _ = websocket_connection(publisher_url)
publisher.connect(wait=True)
message = "0" * 128
for x in range(count):
    publisher.send(destination=destination, body=message + str(x))
publisher.disconnect(receipt="publisher-bye")

deadline = time.monotonic() + 120
with lock:
    while len(bodies) < count and time.monotonic() < deadline:
        lock.wait(1)
    received = len(bodies)
    distinct = len(set(bodies))

print(f"RECEIVED {received} DISTINCT {distinct} OF {count}", flush=True)
consumer.disconnect(receipt="consumer-bye")
sys.exit(0 if distinct == count else 1)

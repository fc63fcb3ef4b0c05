"""Runs LogConsumer against a running product: ESKIT_URL, ESKIT_USER and ESKIT_PASSWORD say where and who."""

import json
import os
import unittest
import urllib.request
import uuid

from eskit_consumer import LogConsumer

URL = os.environ.get("ESKIT_URL", "http://localhost:8080")
USER = os.environ.get("ESKIT_USER", "writer")
PASSWORD = os.environ.get("ESKIT_PASSWORD", "writer-dev")


def append(consumer, partition, count):
    """Appends count events of the partition, each to a stream of its own; answers their positions."""
    positions = []
    for i in range(count):
        body = json.dumps({"events": [{"type": f"{partition}.Happened", "data": {"i": i}}]}).encode()
        request = urllib.request.Request(f"{consumer.url}/api/v1/streams/{partition}-{i}/events", data=body, method="POST",
                                         headers={**consumer.headers, "Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            positions.extend(json.load(response)["positions"])
    return positions


class Collector:
    """A handler that keeps positions, and stops the consumer once it has `wanted` of them."""

    def __init__(self, wanted, fail_at=None):
        self.positions = []
        self.wanted = wanted
        self.fail_at = fail_at

    def __call__(self, event):
        if event["position"] == self.fail_at:
            self.fail_at = None
            raise RuntimeError("the handler failed on this event")
        self.positions.append(event["position"])

    def done(self):
        return len(self.positions) >= self.wanted


class LogConsumerTest(unittest.TestCase):

    def consumer(self, partition, name=None):
        return LogConsumer(URL, USER, PASSWORD, name or f"py-{partition}", selector=f"{partition}.*", page_size=3,
                           wait_seconds=1)

    def test_follows_the_log_and_saves_its_checkpoint(self):
        partition = "Py" + uuid.uuid4().hex[:10]
        consumer = self.consumer(partition)
        written = append(consumer, partition, 7)
        collector = Collector(7)
        consumer.run(collector, collector.done)
        self.assertEqual(collector.positions, written)
        saved = consumer._call("GET", f"/api/v1/consumers/{consumer.name}")
        self.assertEqual(saved["position"], written[-1])

    def test_started_again_continues_from_its_checkpoint(self):
        partition = "Py" + uuid.uuid4().hex[:10]
        first = self.consumer(partition)
        written = append(first, partition, 6)
        before = Collector(3)
        first.run(before, before.done)
        after = Collector(len(written))
        self.consumer(partition).run(after, lambda: written[-1] in after.positions)
        self.assertEqual(before.positions + after.positions, written)

    def test_a_failing_handler_does_not_move_the_checkpoint_past_the_event(self):
        partition = "Py" + uuid.uuid4().hex[:10]
        consumer = self.consumer(partition)
        written = append(consumer, partition, 3)
        failing = Collector(3, fail_at=written[1])
        with self.assertRaises(RuntimeError):
            consumer.run(failing, failing.done)
        saved = consumer.checkpoint()
        if saved is not None:
            position = consumer._call("GET", f"/api/v1/consumers/{consumer.name}")["position"]
            self.assertLess(position, written[1])
        again = Collector(3)
        self.consumer(partition).run(again, lambda: written[-1] in again.positions)
        self.assertEqual(sorted(set(failing.positions + again.positions)), written)
        self.assertIn(written[1], again.positions)

    def test_retries_when_the_server_is_unreachable(self):
        unreachable = LogConsumer("http://127.0.0.1:9", USER, PASSWORD, "py-unreachable", max_back_off=0.01)
        attempts = []

        def stop_after_three():
            attempts.append(1)
            return len(attempts) > 3

        with self.assertRaises(Exception):
            unreachable.checkpoint()
        unreachable.checkpoint = lambda: None
        unreachable.run(lambda event: None, stop_after_three)
        self.assertEqual(len(attempts), 4)


if __name__ == "__main__":
    unittest.main()

"""Follows ESKIT's global log over HTTP with a checkpoint kept on the server.

Only Python's standard library: long polls GET /api/v1/log with the cursor of the last page, hands
each event to a handler, and saves the cursor as a named consumer checkpoint (PUT /api/v1/consumers/
{name}) after each page the handler took. Started again, it continues from the checkpoint. A page is
handled at least once: if the process stops between handling a page and saving its cursor, the page
comes again. Connection failures and 503s are retried with exponential back-off and jitter.

    python3 eskit_consumer.py --url http://localhost:8080 --user writer --password writer-dev \
        --name py-printer --selector 'Project.*'
"""

import argparse
import base64
import json
import logging
import random
import time
import urllib.error
import urllib.parse
import urllib.request

log = logging.getLogger("eskit_consumer")


class LogConsumer:
    """A named, checkpointed reader of the log. Reading needs reader, saving the checkpoint writer."""

    def __init__(self, url, user, password, name, selector="*", page_size=500, wait_seconds=10,
                 max_back_off=5.0):
        self.url = url.rstrip("/")
        self.name = name
        self.selector = selector
        self.page_size = page_size
        self.wait_seconds = wait_seconds
        self.max_back_off = max_back_off
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}", "Accept": "application/json"}

    def checkpoint(self):
        """The saved cursor, or None when the consumer never saved one."""
        try:
            return self._call("GET", f"/api/v1/consumers/{self.name}")["cursor"]
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    def save(self, cursor):
        return self._call("PUT", f"/api/v1/consumers/{self.name}", {"cursor": cursor})

    def poll(self, cursor):
        """One page after the cursor: (events, next cursor). Waits up to wait_seconds for the first event."""
        query = {"limit": self.page_size, "selector": self.selector, "waitSeconds": self.wait_seconds}
        if cursor is not None:
            query["after"] = cursor
        page = self._call("GET", "/api/v1/log?" + urllib.parse.urlencode(query))
        return page["entries"], page["cursor"]

    def run(self, handler, should_stop=lambda: False):
        """Hands every event to handler(event) until should_stop() is true; saves the checkpoint after each page."""
        cursor = self.checkpoint()
        failures = 0
        while not should_stop():
            try:
                events, after = self.poll(cursor)
                for event in events:
                    handler(event)
                if after != cursor:
                    self.save(after)
                    cursor = after
                failures = 0
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                if isinstance(error, urllib.error.HTTPError) and error.code not in (429, 502, 503, 504):
                    raise
                failures += 1
                delay = random.uniform(0, min(self.max_back_off, 0.1 * 2 ** failures))
                log.warning("consumer %s: %s; retrying in %.2f s", self.name, error, delay)
                time.sleep(delay)

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        headers = dict(self.headers)
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=self.wait_seconds + 30) as response:
            return json.load(response)


def main():
    parser = argparse.ArgumentParser(description="Print ESKIT's log as JSON lines, with a checkpoint on the server.")
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--user", default="writer")
    parser.add_argument("--password", default="writer-dev")
    parser.add_argument("--name", default="python-printer")
    parser.add_argument("--selector", default="*")
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    consumer = LogConsumer(arguments.url, arguments.user, arguments.password, arguments.name, arguments.selector)
    try:
        consumer.run(lambda event: print(json.dumps(event), flush=True))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

"""The control stream: the bot's trading status pushed the moment ops change it (server-sent
events from ``GET /api/control/stream``), read on a thread of its own and reconnected whenever it
drops, with the same backoff as every other call."""

from __future__ import annotations

import http.client
import json
import random
import socket
import threading
import urllib.parse
from typing import Any, Callable, Iterable, Iterator

from .transport import RetryPolicy

# The gateway sends a keep-alive comment every 15 s: a read that hears nothing for longer than this
# means the connection is dead, and the stream reconnects.
READ_TIMEOUT = 40.0


def parse_events(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(event name, data) for each event in server-sent-event ``lines`` (without line ends)."""
    name, data = "message", []
    for line in lines:
        if line == "":
            if data:
                yield name, "\n".join(data)
            name, data = "message", []
        elif line.startswith(":"):
            continue  # a comment: keep-alive
        else:
            key, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if key == "event":
                name = value
            elif key == "data":
                data.append(value)


class ControlStream:
    """Calls ``on_control(status)`` with each ``control`` event's JSON (``trading_state``,
    ``take_new_entries``, …) until :meth:`close`. ``on_error(exception)`` hears of each drop; the
    stream reconnects after a backoff, and on reconnect the gateway sends the current status first,
    so nothing that changed while it was away is missed."""

    def __init__(
        self,
        url: str,
        api_key: str,
        on_control: Callable[[dict[str, Any]], None],
        retry: RetryPolicy,
        on_error: Callable[[Exception], None] | None = None,
        connect_timeout: float = 5.0,
    ) -> None:
        self._url = urllib.parse.urlsplit(url)
        self._key = api_key
        self._on_control = on_control
        self._on_error = on_error or (lambda error: None)
        self._retry = retry
        self._connect_timeout = connect_timeout
        self._closed = threading.Event()
        self._connection: http.client.HTTPConnection | None = None
        self._lock = threading.Lock()
        self.connects = 0
        self._thread = threading.Thread(target=self._run, name="hivemind-control", daemon=True)
        self._thread.start()

    def close(self, timeout: float = 5.0) -> None:
        """Stops the stream and waits (up to ``timeout``) for its thread to end."""
        self._closed.set()
        with self._lock:
            if self._connection is not None and self._connection.sock is not None:
                try:
                    self._connection.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        self._thread.join(timeout)

    def __enter__(self) -> "ControlStream":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self) -> None:
        rng = random.Random()
        failures = 0
        while not self._closed.is_set():
            try:
                self._read_once()
                failures = 0  # it was up: start the backoff again from the bottom
            except Exception as error:  # noqa: BLE001 - any drop is reported and retried
                if self._closed.is_set():
                    return
                self._on_error(error)
                failures += 1
            if self._closed.wait(self._retry.delay(min(failures, 10), None, rng)):
                return

    def _read_once(self) -> None:
        scheme = http.client.HTTPSConnection if self._url.scheme == "https" else http.client.HTTPConnection
        connection = scheme(self._url.hostname, self._url.port, timeout=self._connect_timeout)
        with self._lock:
            self._connection = connection
        try:
            path = self._url.path + (f"?{self._url.query}" if self._url.query else "")
            connection.request(
                "GET",
                path,
                headers={"Authorization": f"Bearer {self._key}", "Accept": "text/event-stream"},
            )
            response = connection.getresponse()
            if response.status != 200:
                body = response.read(500).decode("utf-8", "replace")
                raise ConnectionError(f"control stream answered {response.status}: {body}")
            connection.sock.settimeout(READ_TIMEOUT)
            self.connects += 1
            for name, data in parse_events(_lines(response)):
                if name == "control":
                    self._on_control(json.loads(data))
            raise ConnectionError("control stream ended")
        finally:
            with self._lock:
                self._connection = None
            connection.close()


def _lines(response: http.client.HTTPResponse) -> Iterator[str]:
    while True:
        raw = response.readline()
        if not raw:
            return
        yield raw.decode("utf-8").rstrip("\r\n")


"""HTTP with the retries a bot needs: the same request again, backoff with full jitter, and the
cloud's own ``Retry-After`` when it gives one. Standard library only."""

from __future__ import annotations

import email.utils
import json
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any, Callable

from .errors import CloudUnreachable, HivemindError, from_response

# Answers that may go away by themselves: retried. Everything else is final.
RETRYABLE = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry.

    ``max_attempts`` counts the first try. Between attempts the wait is the cloud's ``Retry-After``
    when it sent one, else a random wait in ``[0, min(max_delay, base_delay * 2**n)]`` (full
    jitter, so a fleet of bots does not come back in step); never more than ``max_delay``.
    """

    max_attempts: int = 5
    base_delay: float = 0.2
    max_delay: float = 10.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("delays must not be negative")

    def delay(self, attempt: int, retry_after: float | None, rng: random.Random) -> float:
        """The wait before attempt ``attempt + 1`` (``attempt`` counts from 0)."""
        if retry_after is not None:
            return min(self.max_delay, max(0.0, retry_after))
        return rng.uniform(0.0, min(self.max_delay, self.base_delay * (2**attempt)))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds (``"1"``) or an HTTP date."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any
    headers: dict[str, str]


class Transport:
    """Sends JSON requests with a key and retries what may succeed later."""

    def __init__(
        self,
        api_key: str,
        timeout: float,
        retry: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        user_agent: str = "hivemind-python/1",
    ) -> None:
        if not api_key:
            raise ValueError("an API key is needed (./hivemind keys create --user U)")
        self._key = api_key
        self._timeout = timeout
        self._retry = retry
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._agent = user_agent

    def request(
        self,
        method: str,
        url: str,
        body: Any = None,
        params: dict[str, Any] | None = None,
        retry: bool = True,
    ) -> Answer:
        """One call, retried while the cloud is away or asks to wait; raises a ``HivemindError``."""
        if params:
            query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
            url = f"{url}?{query}" if query else url
        data = None if body is None else json.dumps(body, separators=(",", ":")).encode("utf-8")
        attempts = self._retry.max_attempts if retry else 1
        last: HivemindError | None = None
        for attempt in range(attempts):
            try:
                return self._once(method, url, data)
            except HivemindError as error:
                last = error
                if not _retryable(error) or attempt == attempts - 1:
                    raise
                self._sleep(self._retry.delay(attempt, error.retry_after, self._rng))
        raise last  # pragma: no cover - the loop returns or raises

    def _once(self, method: str, url: str, data: bytes | None) -> Answer:
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self._key}")
        request.add_header("Accept", "application/json")
        request.add_header("User-Agent", self._agent)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                raw = response.read()
                return Answer(response.status, _json(raw), dict(response.headers.items()))
        except urllib.error.HTTPError as refused:
            raw = refused.read()
            retry_after = parse_retry_after(refused.headers.get("Retry-After"))
            raise from_response(refused.code, raw, retry_after) from None
        except (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError) as away:
            reason = getattr(away, "reason", away)
            raise CloudUnreachable(0, "Cloud unreachable", f"{url}: {reason}") from None


def _retryable(error: HivemindError) -> bool:
    return error.status == 0 or error.status in RETRYABLE


def _json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return raw.decode("utf-8", "replace")

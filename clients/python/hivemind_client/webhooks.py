"""Receiving hivemind's notifications: checking a delivery's signature (docs/notifications.md)."""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Mapping, Optional

SIGNATURE_HEADER = "Hivemind-Signature"
EVENT_ID_HEADER = "Hivemind-Event-Id"
TOLERANCE_SECONDS = 300


def verify(
    headers: Mapping[str, str],
    body: bytes,
    secret: str,
    tolerance: int = TOLERANCE_SECONDS,
    now: Optional[float] = None,
) -> bool:
    """Whether ``body`` (the raw bytes received) was signed with ``secret`` at most ``tolerance``
    seconds from ``now``: ``Hivemind-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
    "<t>.<body>">``. A delivery that fails it is not from hivemind, or was captured and replayed.
    Drop the ``Hivemind-Event-Id`` values you have seen: delivery is at least once."""
    header = _header(headers, SIGNATURE_HEADER)
    if header is None:
        return False
    parts = {}
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        parts[name] = value
    try:
        sent = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - sent) > tolerance:
        return False
    expected = hmac.new(secret.encode("utf-8"), f"{sent}.".encode("ascii") + body, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), given)


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None

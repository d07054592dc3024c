"""hivemind: a trading bot's client for the hive mind's cloud (standard library only)."""

from .buffer import OfflineBuffer
from .client import HivemindClient, now
from .control import ControlStream
from .errors import (
    CloudUnreachable,
    Forbidden,
    HivemindError,
    InvalidRequest,
    NotFound,
    RateLimited,
    ServerError,
    Unauthorized,
    Unavailable,
    Violation,
)
from .transport import RetryPolicy
from .webhooks import verify as verify_webhook

__all__ = [
    "CloudUnreachable",
    "ControlStream",
    "Forbidden",
    "HivemindClient",
    "HivemindError",
    "InvalidRequest",
    "NotFound",
    "OfflineBuffer",
    "RateLimited",
    "RetryPolicy",
    "ServerError",
    "Unauthorized",
    "Unavailable",
    "Violation",
    "now",
    "verify_webhook",
]

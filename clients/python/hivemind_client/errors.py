"""Typed errors built from the services' application/problem+json answers (RFC 9457)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Violation:
    """One bad field of a refused request, e.g. ``side``: ``must be LONG or SHORT``."""

    field: str
    message: str


@dataclass
class HivemindError(Exception):
    """A request the cloud refused or could not answer.

    ``status`` is the HTTP status (0 when the cloud could not be reached at all); ``violations``
    names each bad field; ``retry_after`` is the wait the cloud asked for, in seconds, if any.
    """

    status: int
    title: str
    detail: str = ""
    type: str = "about:blank"
    violations: list[Violation] = field(default_factory=list)
    retry_after: float | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        named = "; ".join(f"{v.field}: {v.message}" for v in self.violations)
        text = f"{self.status} {self.title}"
        if self.detail:
            text += f": {self.detail}"
        return f"{text} ({named})" if named else text

    @property
    def fields(self) -> list[str]:
        """The names of the fields the cloud refused, in the order it named them."""
        return [v.field for v in self.violations]


class InvalidRequest(HivemindError):
    """400: the request is wrong; sending it again will not help. Nothing was accepted."""


class Unauthorized(HivemindError):
    """401: no key, or a key the cloud does not know (revoked?)."""


class Forbidden(HivemindError):
    """403: the key may not do this (another user's data, or a role it does not have)."""


class NotFound(HivemindError):
    """404."""


class RateLimited(HivemindError):
    """429: too many events for the key's tier, or too many outcomes waiting for signals."""


class Unavailable(HivemindError):
    """503: the cloud cannot take or answer this right now; retry after ``retry_after``."""


class ServerError(HivemindError):
    """Any other 5xx."""


class CloudUnreachable(HivemindError):
    """The cloud could not be reached (connection refused, reset, timed out): status 0."""


_BY_STATUS = {
    400: InvalidRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    429: RateLimited,
    503: Unavailable,
}


def from_response(status: int, body: bytes, retry_after: float | None) -> HivemindError:
    """The error for an answer with ``status`` and ``body`` (problem+json, or anything else)."""
    kind = _BY_STATUS.get(status, ServerError if status >= 500 else HivemindError)
    try:
        problem = json.loads(body.decode("utf-8")) if body else {}
        if not isinstance(problem, dict):
            problem = {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        problem = {"detail": body[:200].decode("utf-8", "replace")}
    violations = [
        Violation(str(v.get("field", "")), str(v.get("message", "")))
        for v in problem.get("violations") or []
        if isinstance(v, dict)
    ]
    return kind(
        status=status,
        title=str(problem.get("title") or f"HTTP {status}"),
        detail=str(problem.get("detail") or ""),
        type=str(problem.get("type") or "about:blank"),
        violations=violations,
        retry_after=retry_after,
    )

"""The hivemind client a trading bot uses: ask before an entry, report after the exit."""

from __future__ import annotations

import datetime as _dt
import os
import random
import threading
import time
import uuid
from typing import Any, Callable, Iterable

from . import buffer as _buffer
from .buffer import OfflineBuffer
from .control import ControlStream
from .errors import CloudUnreachable, HivemindError, InvalidRequest
from .transport import RetryPolicy, Transport

__all__ = ["HivemindClient", "now"]

DEFAULT_GATEWAY = "http://127.0.0.1:8080"
DEFAULT_QUERY = "http://127.0.0.1:8081"


def now() -> str:
    """The current time as the API writes it: ISO-8601 UTC, ``2026-11-20T14:32:05.123Z``."""
    moment = _dt.datetime.now(_dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _time(value: str | _dt.datetime | None) -> str:
    if value is None:
        return now()
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            raise ValueError("a timestamp needs a time zone (use UTC)")
        value = value.astimezone(_dt.timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    return value


class HivemindClient:
    """One bot's connection to the hive mind.

    ``buffer_dir``: where signals and outcomes the cloud cannot take right now are kept on disk
    (see :mod:`hivemind_client.buffer`); without it, a cloud that stays away past the retries is an
    exception. Every send keeps its ids across retries and flushes, so the cloud counts each event
    once however often it arrives.
    """

    def __init__(
        self,
        api_key: str | None = None,
        gateway_url: str | None = None,
        query_url: str | None = None,
        buffer_dir: str | os.PathLike[str] | None = None,
        timeout: float = 5.0,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.gateway_url = (gateway_url or os.environ.get("HIVEMIND_GATEWAY_URL") or DEFAULT_GATEWAY).rstrip("/")
        self.query_url = (query_url or os.environ.get("HIVEMIND_QUERY_URL") or DEFAULT_QUERY).rstrip("/")
        self.api_key = api_key or os.environ.get("HIVEMIND_API_KEY", "")
        self.retry = retry or RetryPolicy()
        self._http = Transport(self.api_key, timeout, self.retry, sleep=sleep, rng=rng)
        self.buffer = OfflineBuffer(buffer_dir) if buffer_dir is not None else None
        self._flushing = threading.Lock()

    # -- events -------------------------------------------------------------------------------

    def send_signal(
        self,
        symbol: str,
        side: str,
        price: float,
        features: dict[str, float] | None = None,
        strategy: str | None = None,
        signal_id: str | None = None,
        timestamp: str | _dt.datetime | None = None,
    ) -> dict[str, Any]:
        """Reports a proposed entry; returns the gateway's acknowledgement, or
        ``{"status": "buffered", "signal_id": …}`` when it was kept for later."""
        body: dict[str, Any] = {
            "signal_id": signal_id or str(uuid.uuid4()),
            "symbol": symbol,
            "side": side,
            "price": price,
            "timestamp": _time(timestamp),
        }
        if strategy is not None:
            body["strategy"] = strategy
        if features:
            body["features"] = features
        return self._send(_buffer.SIGNAL, "/api/signals", body)

    def send_outcome(
        self,
        signal_id: str,
        symbol: str,
        side: str,
        entry_price: float,
        exit_price: float,
        pnl: float,
        entry_time: str | _dt.datetime,
        exit_reason: str,
        exit_time: str | _dt.datetime | None = None,
        contracts: int = 1,
    ) -> dict[str, Any]:
        """Reports how the trade of ``signal_id`` ended (one outcome per signal); ``exit_reason``
        is the bot's own word for it (``TARGET``, ``STOP``, ``TIME``, ``MANUAL`` …)."""
        body: dict[str, Any] = {
            "signal_id": signal_id,
            "symbol": symbol,
            "side": side,
            "entry_price": entry_price,
            "exit_price": exit_price,
            "entry_time": _time(entry_time),
            "exit_time": _time(exit_time),
            "contracts": contracts,
            "pnl": pnl,
            "exit_reason": exit_reason,
        }
        return self._send(_buffer.OUTCOME, "/api/outcomes", body)

    def send_batch(
        self, signals: Iterable[dict[str, Any]] = (), outcomes: Iterable[dict[str, Any]] = ()
    ) -> dict[str, Any]:
        """Sends ready-made signal and outcome bodies in one ``/api/events`` call (all or nothing)."""
        body = {"signals": list(signals), "outcomes": list(outcomes)}
        return self._http.request("POST", self.gateway_url + "/api/events", body).body

    def heartbeat(
        self,
        status: str = "RUNNING",
        open_positions: int = 0,
        symbols: Iterable[str] = (),
        bot_version: str = "python-1",
        force_close_ack: str | None = None,
        bars: Iterable[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Tells the cloud the bot is alive; returns the bot's whole control status
        (``trading_state``, ``take_new_entries``, force-close orders …). Not buffered: a late
        heartbeat says nothing. Flushes the buffer first when the cloud is back."""
        self.flush(quiet=True, retry=False)
        body: dict[str, Any] = {
            "bot_version": bot_version,
            "status": status,
            "open_positions": open_positions,
            "symbols": list(symbols),
            "timestamp": now(),
        }
        if force_close_ack is not None:
            body["force_close_ack"] = force_close_ack
        if bars:
            body["bars"] = list(bars)
        answer = self._http.request("POST", self.gateway_url + "/api/bots/heartbeat", body).body
        return answer.get("control", answer) if isinstance(answer, dict) else answer

    def flush(self, quiet: bool = False, retry: bool = True) -> int:
        """Sends what the buffer holds, oldest first, in batches; returns how many were accepted.

        Events the cloud refuses as invalid move to ``rejected.jsonl`` (they could never be sent).
        ``quiet``: a cloud still away is not an error, the events simply stay. ``retry``: whether
        to retry a batch the cloud could not take (a bot's own sends try once, then buffer).
        """
        if self.buffer is None:
            return 0
        sent = 0
        with self._flushing:
            while True:
                events = self.buffer.read()[: _buffer.MAX_BATCH]
                if not events:
                    return sent
                try:
                    self._http.request(
                        "POST",
                        self.gateway_url + "/api/events",
                        _buffer.batch_body(events),
                        retry=retry,
                    )
                except InvalidRequest as refused:
                    named = _buffer.refused_indices(events, refused.violations)
                    if not named:  # the batch as a whole was refused: keep it, say why
                        raise
                    self.buffer.reject(named.keys(), named)
                    continue
                except HivemindError:
                    if quiet:
                        return sent
                    raise
                self.buffer.remove_first(len(events))
                sent += len(events)

    def _send(self, kind: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if self.buffer is not None and len(self.buffer) > 0:
            # keep the order: what waits goes first, and this one waits behind it if need be
            self.flush(quiet=True, retry=False)
            if len(self.buffer) > 0:
                self.buffer.append(kind, body)
                return {"status": "buffered", "signal_id": body["signal_id"]}
        try:
            return self._http.request("POST", self.gateway_url + path, body).body
        except HivemindError as error:
            if self.buffer is None or not _keepable(error):
                raise
            self.buffer.append(kind, body)
            return {"status": "buffered", "signal_id": body["signal_id"], "reason": str(error)}

    # -- questions ----------------------------------------------------------------------------

    def win_probability(
        self,
        symbol: str,
        side: str,
        features: dict[str, float] | None = None,
        threshold: float | None = None,
        timestamp: str | _dt.datetime | None = None,
    ) -> dict[str, Any]:
        """How likely a trade like this one is to win, with its interval, evidence, ``take_trade``
        (false unless the bot may trade) and ``trading_state``."""
        features = features or {}
        params = {
            "symbol": symbol,
            "side": side,
            "rsi": features.get("rsi"),
            "vwap_z": features.get("vwap_z"),
            "atr": features.get("atr"),
            "volume_ratio": features.get("volume_ratio"),
            "timestamp": None if timestamp is None else _time(timestamp),
            "threshold": threshold,
        }
        return self._http.request(
            "GET", self.query_url + "/api/ml/win_probability", params=params
        ).body

    def stats(self, symbol: str) -> dict[str, Any]:
        """The bot's own record on ``symbol``: trades, wins, P&L, streaks, by side and in total."""
        return self._http.request(
            "GET", self.query_url + "/api/ml/stats", params={"symbol": symbol}
        ).body

    # -- the control stream -------------------------------------------------------------------

    def control_stream(
        self,
        on_control: Callable[[dict[str, Any]], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> ControlStream:
        """Starts following the bot's trading status; ``on_control`` is called on connect and on
        every change, from the stream's own thread. Close it (or use ``with``) to stop."""
        return ControlStream(
            self.gateway_url + "/api/control/stream",
            self.api_key,
            on_control,
            self.retry,
            on_error=on_error,
        )


def _keepable(error: HivemindError) -> bool:
    """Whether the event may go through later as it is: the cloud was away or asked to wait."""
    return isinstance(error, CloudUnreachable) or error.status in (429, 502, 503, 504)

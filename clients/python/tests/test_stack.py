"""The client against the real local stack (``./hivemind up``). Run by the e2e suite's
``PythonClientEndToEndTest``, which passes the stack's addresses and keys; by hand:

    HIVEMIND_GATEWAY_URL=http://127.0.0.1:8080 HIVEMIND_QUERY_URL=http://127.0.0.1:8081 \\
    HIVEMIND_API_KEY=$(./hivemind keys create --user py-bot) HIVEMIND_USER_ID=py-bot \\
    HIVEMIND_ADMIN_KEY=$(cat .hivemind/admin.key) python3 -m unittest discover -s clients/python/tests
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
import time
import unittest
import urllib.request
import uuid

from hivemind_client import (
    HivemindClient,
    InvalidRequest,
    RetryPolicy,
    Unauthorized,
    now,
)

GATEWAY = os.environ.get("HIVEMIND_GATEWAY_URL")
QUERY = os.environ.get("HIVEMIND_QUERY_URL")
KEY = os.environ.get("HIVEMIND_API_KEY")
USER = os.environ.get("HIVEMIND_USER_ID")
ADMIN_KEY = os.environ.get("HIVEMIND_ADMIN_KEY")
LEARNED_WITHIN = 60.0


def until(what, predicate, timeout=LEARNED_WITHIN, step=0.25):
    """Polls ``what()`` until ``predicate`` holds for it; fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = what()
        if predicate(last):
            return last
        time.sleep(step)
    raise AssertionError(f"not within {timeout} s; last seen: {last}")


def free_port() -> int:
    """A port nothing listens on: a cloud that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def trades(client: HivemindClient, symbol: str) -> int:
    return client.stats(symbol)["total"]["trades"]


@unittest.skipUnless(
    GATEWAY and QUERY and KEY and USER and ADMIN_KEY,
    "needs the stack: run through PythonClientEndToEndTest or set HIVEMIND_* (module docstring)",
)
class ClientOnTheStackTest(unittest.TestCase):
    def setUp(self):
        self.client = HivemindClient(KEY, gateway_url=GATEWAY, query_url=QUERY)

    def trade(self, client, symbol, win=True, signal_id=None):
        signal_id = signal_id or str(uuid.uuid4())
        entry = now()
        client.send_signal(
            symbol, "LONG", 4500.25, features={"rsi": 34.2, "vwap_z": -2.15}, signal_id=signal_id,
            timestamp=entry,
        )
        client.send_outcome(
            signal_id, symbol, "LONG", 4500.0, 4510.0 if win else 4490.0,
            pnl=500.0 if win else -500.0, entry_time=entry, exit_reason="TARGET" if win else "STOP",
        )
        return signal_id

    def test_a_trade_reported_twice_with_the_same_ids_is_learned_once(self):
        signal_id = self.trade(self.client, "CL")
        self.trade(self.client, "CL", signal_id=signal_id)  # a bot's retry
        self.trade(self.client, "MCL")  # later, same user: once it shows, the retry was processed

        until(lambda: trades(self.client, "MCL"), lambda n: n == 1)
        stats = self.client.stats("CL")
        self.assertEqual(stats["total"]["trades"], 1)
        self.assertEqual(stats["total"]["wins"], 1)

    def test_asks_the_win_probability_and_is_told_its_model_and_trading_state(self):
        answer = self.client.win_probability(
            "ES", "LONG", features={"rsi": 34.2, "vwap_z": -2.15}, threshold=0.55
        )
        self.assertTrue(0 < answer["win_probability"] < 1)
        self.assertLessEqual(answer["interval"]["low"], answer["win_probability"])
        self.assertEqual(answer["user_id"], USER)
        self.assertIn(answer["model"]["name"], ("pattern", "challenger"))
        self.assertIn(answer["trading_state"], ("ACTIVE", "REDUCING", "HALTED"))

    def test_bad_input_is_a_typed_error_naming_the_field_and_nothing_is_learned(self):
        with self.assertRaises(InvalidRequest) as refused:
            self.client.send_signal("ES", "SIDEWAYS", 4500.0)
        self.assertIn("side", refused.exception.fields)
        with self.assertRaises(InvalidRequest) as unknown:
            self.client.win_probability("ZZZ", "LONG")
        self.assertIn("symbol", unknown.exception.fields)

    def test_a_wrong_key_is_unauthorized(self):
        with self.assertRaises(Unauthorized):
            HivemindClient("not-a-key", gateway_url=GATEWAY, query_url=QUERY).stats("ES")

    def test_a_bot_loses_nothing_while_the_cloud_is_away_and_sends_it_when_it_is_back(self):
        directory = tempfile.mkdtemp(prefix="hivemind-offline-")
        away = HivemindClient(
            KEY,
            gateway_url=f"http://127.0.0.1:{free_port()}",
            query_url=QUERY,
            buffer_dir=directory,
            retry=RetryPolicy(max_attempts=2, base_delay=0.05),
        )
        before = trades(self.client, "GC")
        for win in (True, False, True):
            self.trade(away, "GC", win=win)
        self.assertEqual(len(away.buffer), 6)  # three signals, three outcomes, on disk

        back = HivemindClient(KEY, gateway_url=GATEWAY, query_url=QUERY, buffer_dir=directory)
        self.assertEqual(back.flush(), 6)  # the bot restarted with its buffer

        self.assertEqual(len(back.buffer), 0)
        stats = until(lambda: self.client.stats("GC")["total"], lambda t: t["trades"] == before + 3)
        self.assertEqual(stats["trades"], before + 3)

    def test_the_control_stream_tells_the_bot_of_a_halt_at_once_and_of_the_resume(self):
        states: list[str] = []
        seen = threading.Condition()

        def on_control(status):
            with seen:
                states.append(status["trading_state"])
                seen.notify_all()

        with self.client.control_stream(on_control):
            with seen:
                self.assertTrue(seen.wait_for(lambda: states, timeout=15), "no status on connect")
            self.assertEqual(states[-1], "ACTIVE")
            operate("HALTED")
            try:
                with seen:
                    self.assertTrue(seen.wait_for(lambda: states[-1] == "HALTED", timeout=15), states)
                answer = self.client.win_probability("ES", "LONG", threshold=0.0)
                self.assertFalse(answer["take_trade"])
            finally:
                operate("ACTIVE")
            with seen:
                self.assertTrue(seen.wait_for(lambda: states[-1] == "ACTIVE", timeout=15), states)


def operate(state: str) -> None:
    """What ``./hivemind halt|resume --scope user:U`` sends, with the operator's admin key."""
    body = json.dumps(
        {"scope": f"user:{USER}", "state": state, "reason": f"python client test: {state}"}
    ).encode()
    request = urllib.request.Request(
        GATEWAY + "/api/control/trading",
        data=body,
        method="POST",
        headers={"Authorization": f"Bearer {ADMIN_KEY}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status in (200, 202), response.status


if __name__ == "__main__":
    unittest.main()

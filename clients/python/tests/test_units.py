"""The client's own logic, without the cloud: retry waits, problem parsing, server-sent events, the
offline buffer on a real disk, and retries against a real local HTTP server."""

from __future__ import annotations

import email.utils
import http.server
import json
import random
import tempfile
import threading
import unittest
from pathlib import Path

from hivemind_client import (
    CloudUnreachable,
    HivemindClient,
    InvalidRequest,
    OfflineBuffer,
    RateLimited,
    RetryPolicy,
    ServerError,
    Violation,
)
from hivemind_client.buffer import batch_body, refused_indices
from hivemind_client.control import parse_events
from hivemind_client.errors import from_response
from hivemind_client.transport import parse_retry_after
from hivemind_client.webhooks import verify


class RetryPolicyTest(unittest.TestCase):
    def test_waits_what_the_cloud_asked_for_but_never_longer_than_the_maximum(self):
        policy = RetryPolicy(max_attempts=5, base_delay=0.2, max_delay=10)
        self.assertEqual(policy.delay(0, 3.0, random.Random(1)), 3.0)
        self.assertEqual(policy.delay(0, 60.0, random.Random(1)), 10.0)

    def test_spreads_its_own_waits_with_full_jitter_under_an_exponential_cap(self):
        policy = RetryPolicy(max_attempts=8, base_delay=0.2, max_delay=5)
        rng = random.Random(7)
        for attempt in range(8):
            waits = [policy.delay(attempt, None, rng) for _ in range(200)]
            cap = min(5, 0.2 * 2**attempt)
            self.assertTrue(all(0 <= w <= cap for w in waits), (attempt, max(waits)))
            self.assertGreater(max(waits) - min(waits), cap / 2)  # spread, not in step

    def test_refuses_no_attempt_at_all(self):
        with self.assertRaises(ValueError):
            RetryPolicy(max_attempts=0)


class RetryAfterTest(unittest.TestCase):
    def test_reads_seconds_and_http_dates(self):
        self.assertEqual(parse_retry_after("1"), 1.0)
        self.assertEqual(parse_retry_after(" 2.5 "), 2.5)
        at = 1_800_000_000.0
        date = email.utils.formatdate(at + 30, usegmt=True)
        self.assertAlmostEqual(parse_retry_after(date, now=at), 30.0, delta=1.0)
        self.assertIsNone(parse_retry_after("soon"))
        self.assertIsNone(parse_retry_after(None))


class ProblemTest(unittest.TestCase):
    def test_names_each_bad_field_of_a_refused_request(self):
        body = json.dumps(
            {
                "type": "urn:hivemind:problem:invalid-request",
                "title": "Invalid request",
                "status": 400,
                "detail": "2 fields are invalid; nothing was accepted",
                "violations": [
                    {"field": "side", "message": "must be LONG or SHORT"},
                    {"field": "price", "message": "must be greater than 0"},
                ],
            }
        ).encode()
        error = from_response(400, body, None)
        self.assertIsInstance(error, InvalidRequest)
        self.assertEqual(error.fields, ["side", "price"])
        self.assertIn("side: must be LONG or SHORT", str(error))

    def test_keeps_the_wait_of_a_429_and_survives_a_body_that_is_not_json(self):
        self.assertEqual(from_response(429, b"{}", 2.0).retry_after, 2.0)
        self.assertIsInstance(from_response(429, b"{}", 2.0), RateLimited)
        error = from_response(502, b"<html>bad gateway</html>", None)
        self.assertIsInstance(error, ServerError)
        self.assertIn("bad gateway", error.detail)


class ServerSentEventsTest(unittest.TestCase):
    def test_reads_named_events_and_skips_keep_alive_comments(self):
        lines = [
            ": keep-alive",
            "event: control",
            'data: {"trading_state":"ACTIVE"}',
            "",
            ": keep-alive",
            "",
            "event: control",
            "data: {",
            'data: "trading_state":"HALTED"}',
            "",
        ]
        events = list(parse_events(lines))
        self.assertEqual(
            events,
            [("control", '{"trading_state":"ACTIVE"}'), ("control", '{\n"trading_state":"HALTED"}')],
        )


class OfflineBufferTest(unittest.TestCase):
    def setUp(self):
        self.directory = Path(tempfile.mkdtemp(prefix="hivemind-buffer-"))

    def test_keeps_events_in_order_across_restarts_and_forgets_only_what_was_accepted(self):
        first = OfflineBuffer(self.directory)
        for i in range(3):
            first.append("signal", {"signal_id": f"s{i}"})
        first.append("outcome", {"signal_id": "s0"})

        again = OfflineBuffer(self.directory)  # a bot restarted
        self.assertEqual([e["body"]["signal_id"] for e in again.read()], ["s0", "s1", "s2", "s0"])
        again.remove_first(2)
        self.assertEqual([e["kind"] for e in OfflineBuffer(self.directory).read()], ["signal", "outcome"])

    def test_skips_a_line_torn_by_a_crash_mid_write(self):
        buffer = OfflineBuffer(self.directory)
        buffer.append("signal", {"signal_id": "s1"})
        with open(buffer.pending, "a", encoding="utf-8") as file:
            file.write('{"kind":"signal","body":{"sig')
        self.assertEqual(len(OfflineBuffer(self.directory)), 1)

    def test_moves_what_a_batch_was_refused_for_aside_with_the_reason(self):
        buffer = OfflineBuffer(self.directory)
        buffer.append("signal", {"signal_id": "ok"})
        buffer.append("outcome", {"signal_id": "ok"})
        buffer.append("signal", {"signal_id": "bad"})
        events = buffer.read()
        self.assertEqual(batch_body(events)["signals"], [{"signal_id": "ok"}, {"signal_id": "bad"}])

        named = refused_indices(events, [Violation("signals[1].price", "must be greater than 0")])
        self.assertEqual(named, {2: "signals[1].price: must be greater than 0"})
        buffer.reject(named.keys(), named)

        self.assertEqual([e["body"]["signal_id"] for e in buffer.read()], ["ok", "ok"])
        rejected = [json.loads(line) for line in buffer.rejected.read_text().splitlines()]
        self.assertEqual(rejected[0]["body"], {"signal_id": "bad"})
        self.assertIn("price", rejected[0]["reason"])


class _Scripted(http.server.BaseHTTPRequestHandler):
    """A real HTTP server that answers each request with the next scripted answer."""

    script: list[tuple[int, dict[str, str], dict]] = []
    received: list[tuple[str, str, bytes]] = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).received.append((self.command, self.path, body))
        status, headers, payload = type(self).script.pop(0)
        data = json.dumps(payload).encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


class RetryOnARealServerTest(unittest.TestCase):
    def setUp(self):
        _Scripted.script = []
        _Scripted.received = []
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Scripted)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.waits: list[float] = []

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()

    def client(self, **kw):
        return HivemindClient(
            "key", gateway_url=self.url, query_url=self.url, sleep=self.waits.append, **kw
        )

    def test_sends_the_same_signal_again_after_a_503_waiting_what_retry_after_says(self):
        unavailable = (503, {"Retry-After": "1", "Content-Type": "application/problem+json"}, {"status": 503})
        _Scripted.script = [unavailable, unavailable, (202, {}, {"status": "accepted"})]

        answer = self.client().send_signal("ES", "LONG", 4500.25, signal_id="s-1")

        self.assertEqual(answer["status"], "accepted")
        bodies = [json.loads(body) for _, _, body in _Scripted.received]
        self.assertEqual(len(bodies), 3)
        self.assertTrue(all(b == bodies[0] for b in bodies))  # same id, same event
        self.assertEqual(self.waits, [1.0, 1.0])

    def test_never_retries_a_request_the_cloud_called_invalid(self):
        problem = {"title": "Invalid request", "violations": [{"field": "side", "message": "must be LONG or SHORT"}]}
        _Scripted.script = [(400, {"Content-Type": "application/problem+json"}, problem)]

        with self.assertRaises(InvalidRequest) as refused:
            self.client().send_signal("ES", "SIDEWAYS", 1.0)

        self.assertEqual(refused.exception.fields, ["side"])
        self.assertEqual(len(_Scripted.received), 1)

    def test_buffers_after_the_last_retry_and_flushes_in_one_batch_when_the_cloud_is_back(self):
        directory = tempfile.mkdtemp(prefix="hivemind-buffer-")
        busy = (503, {"Retry-After": "0"}, {"status": 503})
        _Scripted.script = [busy, busy]
        client = self.client(buffer_dir=directory, retry=RetryPolicy(max_attempts=2))

        kept = client.send_signal("ES", "LONG", 4500.0, signal_id="s-9")
        self.assertEqual(kept["status"], "buffered")
        _Scripted.script = [(202, {}, {"status": "accepted"})]

        self.assertEqual(client.flush(), 1)
        method, path, body = _Scripted.received[-1]
        self.assertEqual((method, path), ("POST", "/api/events"))
        self.assertEqual(json.loads(body)["signals"][0]["signal_id"], "s-9")
        self.assertEqual(len(client.buffer), 0)

    def test_says_the_cloud_is_unreachable_when_nothing_listens(self):
        self.server.shutdown()
        self.server.server_close()
        client = HivemindClient(
            "key", gateway_url=self.url, sleep=self.waits.append, retry=RetryPolicy(max_attempts=3)
        )
        with self.assertRaises(CloudUnreachable):
            client.send_signal("ES", "LONG", 1.0)
        self.assertEqual(len(self.waits), 2)
        self.setUp()  # a running server again, for tearDown

class WebhookSignatureTest(unittest.TestCase):
    # signed by the notifier's Java WebhookSignature (its WebhookSignatureTest holds the same value)
    BODY = b'{"id":"trade.closed:o-1"}'
    HEADERS = {
        "hivemind-signature": "t=1796292000,"
        "v1=30434bdc495967d740e68500fed8c0939953e23a772e16c909bb36323c819446"
    }

    def test_accepts_a_signature_of_the_secret_within_the_tolerance(self):
        self.assertTrue(verify(self.HEADERS, self.BODY, "whsec_test", now=1796292000 + 299))

    def test_refuses_another_body_secret_time_or_header(self):
        self.assertFalse(verify(self.HEADERS, self.BODY + b" ", "whsec_test", now=1796292000))
        self.assertFalse(verify(self.HEADERS, self.BODY, "whsec_other", now=1796292000))
        self.assertFalse(verify(self.HEADERS, self.BODY, "whsec_test", now=1796292000 + 301))
        self.assertFalse(verify({}, self.BODY, "whsec_test", now=1796292000))
        self.assertFalse(
            verify({"Hivemind-Signature": "t=x,v1=y"}, self.BODY, "whsec_test", now=1796292000)
        )


if __name__ == "__main__":
    unittest.main()

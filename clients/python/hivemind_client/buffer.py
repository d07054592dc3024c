"""The offline buffer: signals and outcomes the cloud could not take, kept on disk until it can.

One JSON line per event in ``pending.jsonl``, appended and synced to disk before the bot is told
"buffered", so a bot that crashes or loses power loses nothing it was told was kept. A flush sends
them in order through ``POST /api/events`` (at most 1,000 per batch, all or nothing) and removes a
batch only once the cloud accepted it, by rewriting the file to a temporary one and renaming it over
the old (atomic on POSIX and Windows). Events the cloud refuses as invalid can never be sent: they
move to ``rejected.jsonl`` with the reason instead of blocking the rest.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any, Iterable

SIGNAL = "signal"
OUTCOME = "outcome"
MAX_BATCH = 1000


class OfflineBuffer:
    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.pending = self.directory / "pending.jsonl"
        self.rejected = self.directory / "rejected.jsonl"
        self._lock = threading.RLock()

    def append(self, kind: str, body: dict[str, Any]) -> None:
        """Keeps one event; returns once it is on disk."""
        if kind not in (SIGNAL, OUTCOME):
            raise ValueError(f"only signals and outcomes are buffered, not {kind}")
        line = json.dumps({"kind": kind, "body": body}, separators=(",", ":")) + "\n"
        with self._lock, open(self.pending, "a", encoding="utf-8") as file:
            file.write(line)
            file.flush()
            os.fsync(file.fileno())

    def __len__(self) -> int:
        return len(self.read())

    def read(self) -> list[dict[str, Any]]:
        """Every event kept, oldest first. A torn last line (a crash mid-write) is skipped."""
        with self._lock:
            if not self.pending.exists():
                return []
            events = []
            with open(self.pending, encoding="utf-8") as file:
                for line in file:
                    try:
                        event = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    if isinstance(event, dict) and event.get("kind") in (SIGNAL, OUTCOME):
                        events.append(event)
            return events

    def remove_first(self, count: int) -> None:
        """Forgets the ``count`` oldest events (they were accepted)."""
        with self._lock:
            self._rewrite(self.read()[count:])

    def reject(self, indices: Iterable[int], reasons: dict[int, str]) -> None:
        """Moves the events at ``indices`` to ``rejected.jsonl`` with the cloud's reasons."""
        chosen = set(indices)
        with self._lock:
            events = self.read()
            with open(self.rejected, "a", encoding="utf-8") as file:
                for index in sorted(chosen):
                    if index < len(events):
                        rejected = dict(events[index], reason=reasons.get(index, "refused"))
                        file.write(json.dumps(rejected, separators=(",", ":")) + "\n")
                file.flush()
                os.fsync(file.fileno())
            self._rewrite([e for i, e in enumerate(events) if i not in chosen])

    def _rewrite(self, events: list[dict[str, Any]]) -> None:
        temporary = self.pending.with_suffix(".tmp")
        with open(temporary, "w", encoding="utf-8") as file:
            for event in events:
                file.write(json.dumps(event, separators=(",", ":")) + "\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.pending)


def batch_body(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The ``/api/events`` body for ``events``: signals and outcomes, each list in order."""
    return {
        "signals": [e["body"] for e in events if e["kind"] == SIGNAL],
        "outcomes": [e["body"] for e in events if e["kind"] == OUTCOME],
    }


def refused_indices(events: list[dict[str, Any]], violations: Iterable[Any]) -> dict[int, str]:
    """Which of ``events`` a 400 on their batch named (``signals[3].price`` → the 4th signal), each
    with its violations as the reason."""
    positions: dict[str, list[int]] = {SIGNAL: [], OUTCOME: []}
    for index, event in enumerate(events):
        positions[event["kind"]].append(index)
    named: dict[int, str] = {}
    for violation in violations:
        name = violation.field
        for kind, plural in ((SIGNAL, "signals["), (OUTCOME, "outcomes[")):
            if name.startswith(plural) and "]" in name:
                try:
                    position = int(name[len(plural) : name.index("]")])
                except ValueError:
                    continue
                if 0 <= position < len(positions[kind]):
                    index = positions[kind][position]
                    reason = f"{name}: {violation.message}"
                    named[index] = f"{named[index]}; {reason}" if index in named else reason
    return named

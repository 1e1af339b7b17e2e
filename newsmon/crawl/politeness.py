"""Per-host politeness state shared by the fetcher's threads: turn-taking, delay, failure back-off.

A `HostGate` lets at most `concurrency` requests to one host be in flight and spaces their starts by
`delay` seconds; a host that fails `max_failures` times in a row is given up for the rest of the run.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class HostGate:
    concurrency: int
    slots: threading.Semaphore = field(init=False)
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_start: float = float("-inf")
    not_before: float = 0.0  # set by push_back
    failures: int = 0  # consecutive
    dead: bool = False

    def __post_init__(self) -> None:
        self.slots = threading.Semaphore(max(1, self.concurrency))

    @contextmanager
    def turn(self, delay: float) -> Iterator[None]:
        """Hold one of the host's slots, starting no sooner than `delay` after the previous start."""
        with self.slots:
            with self.lock:
                # the delay of *this* request counts from the previous start: the first request to
                # a host (robots.txt) is sent before its Crawl-delay is known
                now = time.monotonic()
                start = max(now, self.last_start + delay, self.not_before)
                self.last_start = start
            if start > now:
                time.sleep(start - now)
            yield

    def push_back(self, seconds: float) -> None:
        """Nobody starts a request to this host for `seconds` (429 Retry-After, 503)."""
        with self.lock:
            self.not_before = max(self.not_before, time.monotonic() + seconds)

    def record(self, success: bool, max_failures: int) -> None:
        with self.lock:
            self.failures = 0 if success else self.failures + 1
            if self.failures >= max_failures:
                self.dead = True


class Hosts:
    """Gates by host, created on first use with the concurrency of the first source that asks."""

    def __init__(self, max_failures: int = 5) -> None:
        self.max_failures = max_failures
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()

    def gate(self, host: str, concurrency: int) -> HostGate:
        with self._lock:
            if host not in self._gates:
                self._gates[host] = HostGate(concurrency)
            return self._gates[host]

    def dead_hosts(self) -> list[str]:
        with self._lock:
            return sorted(h for h, g in self._gates.items() if g.dead)

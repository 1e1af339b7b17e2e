"""Fetch stage: polite HTTP GETs, the only module that talks to the network.

robots.txt (RFC 9309, robots.py), per-host delay and concurrency, a global concurrency cap,
conditional GET, size and time limits, redirect limits, retries with exponential back-off on 5xx and
429 (honouring Retry-After), and giving up on a host that keeps failing. Safe to call from several
threads. Errors are values (status 0 or the HTTP status, and `error` set): one bad page never stops
a crawl.
"""
from __future__ import annotations

import email.utils
import http.client
import logging
import os
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urljoin

from newsmon.crawl import transport
from newsmon.crawl.charset import decode
from newsmon.crawl.politeness import Hosts
from newsmon.crawl.robots import Robots
from newsmon.crawl.transport import REFUSED, address_refusal, endpoint, scheme_refusal
from newsmon.settings import Politeness
from newsmon.crawl.urls import host_key as host_of
from newsmon.store.http_cache import CacheEntry, Validators

log = logging.getLogger(__name__)
ROBOTS_BLOCKED = "disallowed by robots.txt"
HOST_GIVEN_UP = "host backed off after repeated failures"
ROBOTS_UNREACHABLE = "robots.txt unreachable: host skipped this run"
MAX_RETRY_AFTER = 60.0  # a longer Retry-After leaves the page for the next run
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass
class Response:
    url: str  # what was asked for
    final_url: str  # after redirects
    status: int  # HTTP status, 0 when no response arrived
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return isinstance(self.status, int) and 200 <= self.status < 300 and self.error is None

    @property
    def refused(self) -> bool:
        """Refused by us before any request (a scheme or an address we do not fetch)."""
        return bool(self.error and self.error.startswith(REFUSED))

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        decoded = decode(self.body, self.headers.get("content-type", ""))
        if decoded.overridden:
            log.info("%s: decoded as %s, not the declared %s", self.final_url, decoded.charset,
                     decoded.declared)
        return decoded.text


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class HttpCache(Protocol):
    """Where validators and robots.txt outlive a run; the store implements it. Called from fetch
    threads, so an implementation must be thread-safe."""

    def cache_entry(self, url: str) -> CacheEntry | None: ...

    def save_cache_entry(self, entry: CacheEntry) -> None: ...


MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class Fetcher:
    """GETs URLs while keeping to each host's robots.txt, delay and concurrency.

    One instance per crawl: it remembers robots.txt, per-host timing and failures.
    `concurrency` caps requests in flight across all hosts; `contact` (or $NEWSMON_CONTACT) is
    added to the User-Agent so a webmaster can reach whoever runs the crawl.
    """

    def __init__(self, politeness: Politeness | None = None, *, concurrency: int = 8,
                 retries: int = 2, backoff: float = 1.0, max_failures: int = 5,
                 contact: str | None = None, cache: HttpCache | None = None) -> None:
        self.default = politeness or Politeness()
        self.retries = retries
        self.backoff = backoff
        self.contact = contact if contact is not None else os.environ.get("NEWSMON_CONTACT", "")
        self.hosts = Hosts(max_failures)
        self._global = threading.Semaphore(max(1, concurrency))
        self._robots: dict[str, Robots] = {}
        self._robots_lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._count_lock = threading.Lock()
        self._opener = transport.opener()
        self._trusted: set[tuple[str, int]] = set()  # (host, port) the user named
        self._refusals: dict[tuple[str, int], str | None] = {}
        # robots.txt from earlier runs, so an unchanged one costs a 304; fresh copies are kept there
        self.cache = cache
        self.requests = 0
        self.robots_blocked = 0

    def trust(self, *urls: str) -> None:
        """Hosts the user named (a sources file's feeds, sitemaps, urls and home; a URL given to
        `add`): they may be on loopback or a private network. Everything else is guarded."""
        self._trusted.update(endpoint(url) for url in urls)

    def _guarded(self, url: str, politeness: Politeness) -> bool:
        return not politeness.allow_private and endpoint(url) not in self._trusted

    def _refusal(self, url: str, politeness: Politeness) -> str | None:
        """Why this hop is not fetched: its scheme, or (for a host nobody named) its address."""
        refusal = scheme_refusal(url)
        if refusal or not self._guarded(url, politeness):
            return refusal
        key = endpoint(url)
        if key not in self._refusals:  # the connection checks again, on the address it uses
            self._refusals[key] = address_refusal(url)
        return self._refusals[key]

    def user_agent(self, politeness: Politeness) -> str:
        if self.contact and self.contact not in politeness.user_agent:
            return f"{politeness.user_agent} (+{self.contact})"
        return politeness.user_agent

    # -- one request --------------------------------------------------------------------------
    def _open(self, url: str, politeness: Politeness, extra: dict[str, str]) -> Response:
        request = transport.request(url, {
            "User-Agent": self.user_agent(politeness),
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Encoding": "identity",
            **extra,
        }, guard=self._guarded(url, politeness), deadline=transport.Deadline(politeness.deadline))
        with self._count_lock:
            self.requests += 1
        try:
            return self._response(url, request, politeness)
        finally:
            transport.release(request.deadline)

    def _response(self, url: str, request: urllib.request.Request, politeness: Politeness) -> Response:
        deadline: transport.Deadline = request.deadline  # type: ignore[attr-defined]
        too_slow = f"response too slow (not complete within {deadline.seconds:g} s)"
        try:
            with self._opener.open(request, timeout=politeness.timeout or None) as raw:
                headers = {k.lower(): v for k, v in raw.headers.items()}
                declared = int(headers.get("content-length") or 0)
                if declared > politeness.max_bytes:
                    return Response(url, raw.geturl(), raw.status, headers,
                                    error=f"too large ({declared} bytes)")
                body, error = _read_limited(raw, politeness.max_bytes)
                if deadline.expired:  # what arrived is cut short: no response, as a timeout is
                    return Response(url, url, 0, error=too_slow)
                return Response(url, raw.geturl(), raw.status, headers, body if not error else b"",
                                error)
        except urllib.error.HTTPError as exc:
            headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
            if exc.code == 304 or exc.code in REDIRECT_STATUSES:
                return Response(url, url, exc.code, headers)  # not errors: the caller decides
            return Response(url, exc.geturl() or url, exc.code, headers, error=f"HTTP {exc.code}")
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            if deadline.expired:
                return Response(url, url, 0, error=too_slow)
            reason = getattr(exc, "reason", exc)
            return Response(url, url, 0, error=str(reason) or type(exc).__name__)

    def _request(self, url: str, politeness: Politeness, extra: dict[str, str]) -> Response:
        """One GET with retries, each attempt waiting its turn at the host."""
        host = host_of(url)
        gate = self.hosts.gate(host, politeness.concurrency)
        delay = politeness.delay
        if politeness.obey_robots:
            delay = max(delay, self._robots.get(host, Robots()).delay or 0.0)
        response = Response(url, url, 0, error=HOST_GIVEN_UP)
        for attempt in range(self.retries + 1):
            if gate.dead:
                return Response(url, url, 0, error=HOST_GIVEN_UP)
            # the host's turn first: a thread sleeping out one host's delay must not hold a
            # global slot that a request to another host could use
            with gate.turn(delay), self._global:
                response = self._open(url, politeness, extra)
            if response.status not in RETRY_STATUSES:
                # no answer at all (refused, reset, timed out) is not retried within the run: it
                # counts towards giving the host up, and the page stays pending for the next run
                gate.record(response.status != 0, self.hosts.max_failures)
                return response
            wait = self.backoff * (2 ** attempt)
            if response.status in (429, 503):
                asked = retry_after(response.headers.get("retry-after"))
                if asked is not None:
                    if asked > MAX_RETRY_AFTER:
                        return response  # the host asked for a long pause: leave it for the next run
                    wait = max(wait, asked)
                gate.push_back(wait)  # the host is busy for everyone, not just this URL
            if attempt == self.retries:
                gate.record(response.status == 429, self.hosts.max_failures)
                return response
            time.sleep(wait)
        return response

    # -- robots.txt ---------------------------------------------------------------------------
    def robots(self, url: str, politeness: Politeness) -> Robots:
        host = host_of(url)
        with self._robots_lock:
            lock = self._host_locks.setdefault(host, threading.Lock())
        with lock:  # one robots.txt request per host, however many threads ask
            if host not in self._robots:
                url = f"{host}/robots.txt"
                cached = self.cache.cache_entry(url) if self.cache is not None else None
                if cached is not None and cached.body is None:
                    cached = None  # validators without the body they validate are no use
                response = self._request(url, politeness, cached.validators.headers() if cached else {})
                text = None
                if response.not_modified and cached:
                    text = bytes(cached.body).decode("utf-8", errors="replace")
                elif response.ok:
                    text = response.text()
                    if self.cache is not None:
                        self.cache.save_cache_entry(CacheEntry(
                            url, Validators.from_headers(response.headers), body=text.encode("utf-8")))
                if text is not None:
                    entry = Robots.parse(text, self.user_agent(politeness))
                elif response.status in (401, 403):
                    entry = Robots.forbidden()
                elif response.status == 0 or response.status >= 500:
                    entry = Robots(unreachable=True)
                else:
                    entry = Robots()  # 404 and other 4xx mean "no rules": allowed
                self._robots[host] = entry
            return self._robots[host]

    def allowed(self, url: str, politeness: Politeness | None = None) -> bool:
        politeness = politeness or self.default
        if not politeness.obey_robots:
            return True
        return self.robots(url, politeness).allows(url, self.user_agent(politeness))

    def get(self, url: str, politeness: Politeness | None = None,
            validators: Validators | None = None) -> Response:
        """GET `url` politely. A URL robots.txt disallows comes back with status 0 and
        error ROBOTS_BLOCKED; with `validators`, an unchanged resource comes back as a 304."""
        politeness = politeness or self.default
        extra = validators.headers() if validators else {}
        current, visited = url, {url}
        for _hop in range(MAX_REDIRECTS + 1):
            refusal = self._refusal(current, politeness)  # every hop: a redirect may point anywhere
            if refusal:
                return Response(url, current, 0, error=refusal)
            if self.hosts.gate(host_of(current), politeness.concurrency).dead:
                return Response(url, current, 0, error=HOST_GIVEN_UP)
            if politeness.obey_robots and self.robots(current, politeness).unreachable:
                return Response(url, current, 0, error=ROBOTS_UNREACHABLE)
            if not self.allowed(current, politeness):
                with self._count_lock:
                    self.robots_blocked += 1
                return Response(url, current, 0, error=ROBOTS_BLOCKED)
            response = self._request(current, politeness, extra)
            location = response.headers.get("location")
            if response.status not in REDIRECT_STATUSES or not location:
                response.url, response.final_url = url, current
                return response
            current = urljoin(current, location.strip())
            if current in visited:
                return Response(url, current, response.status, response.headers, error="redirect loop")
            visited.add(current)
            extra = {}  # validators belong to the URL asked for, not to where it moved
        return Response(url, current, 0, error=f"too many redirects (over {MAX_REDIRECTS})")


def _read_limited(raw: http.client.HTTPResponse, max_bytes: int) -> tuple[bytes, str | None]:
    """Read at most max_bytes (the request's deadline cuts a body that never ends)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = raw.read1(65536)
        if not chunk:
            return b"".join(chunks), None
        size += len(chunk)
        if size > max_bytes:
            return b"", f"too large (over {max_bytes} bytes)"
        chunks.append(chunk)

"""The HTTP transport under the fetcher: what may be opened, where it may connect, and for how long.

- http and https only: urllib's default opener would also open file:, data: and ftp: URLs.
- An address guard for what the user did not name (a redirect, a feed or sitemap entry on another
  host): the host is resolved and every address checked; loopback, private, link-local,
  multicast and reserved addresses are refused, and the connection goes to an address that passed
  the check, so a second DNS answer cannot slip a private address in between.
- One deadline per request covering connect, TLS, headers and body: a watchdog shuts the socket
  down when it passes, however slowly the bytes trickle in (a socket timeout restarts with each byte).
"""
from __future__ import annotations

import functools
import heapq
import http.client
import ipaddress
import itertools
import socket
import threading
import time
import urllib.request
from urllib.parse import urlsplit

REFUSED = "refused: "  # prefix of errors no retry can fix


class AddressRefused(OSError):
    """The host resolves to an address the guard does not let us connect to."""


def scheme_refusal(url: str) -> str | None:
    """Why `url` is not fetched (its scheme is not http or https), None when it may be."""
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        return None
    return f"{REFUSED}{scheme or 'relative'}: URLs are not fetched (http and https only)"


def public_address(address: str) -> bool:
    """True for a globally routable unicast address; False for loopback, private (RFC 1918, ULA),
    link-local (169.254.169.254, the cloud metadata address), multicast, reserved, unspecified,
    shared (100.64/10) and documentation ranges, including their IPv4-mapped IPv6 forms."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def endpoint(url: str) -> tuple[str, int]:
    """(host, port) of an http(s) URL, the unit of trust: naming a host names that port only."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    return (parts.hostname or "").lower().rstrip("."), port or (443 if parts.scheme == "https" else 80)


def resolve(host: str, port: int, guard: bool) -> list[tuple]:
    """getaddrinfo results for a TCP connection; with `guard`, AddressRefused unless every address
    is public (a name that answers with one private address is not trusted with the others)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {host}: {exc.strerror}") from None
    if guard:
        for info in infos:
            if not public_address(info[4][0]):
                raise AddressRefused(f"{REFUSED}{host} resolves to {info[4][0]}, a private, loopback "
                                     "or reserved address (allow_private = true in the source allows it)")
    return infos


def address_refusal(url: str) -> str | None:
    """Why the guard would refuse `url`'s host, None when it resolves to public addresses only.
    Checked before robots.txt is asked for, so a refused host is reported as refused."""
    host, port = endpoint(url)
    try:
        resolve(host, port, guard=True)
    except AddressRefused as exc:
        return str(exc)
    except OSError:
        return None  # unresolvable: the request itself reports it
    return None


# -- one deadline per request ------------------------------------------------------------------
class Deadline:
    """When a request must be over. `expired` says the watchdog cut it."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds
        self.seconds = seconds
        self.expired = False
        self.sock: socket.socket | None = None

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())


class _Watchdog:
    """One thread for every request in flight: shuts a socket down when its deadline passes."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Deadline]] = []
        self._counter = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: Deadline, sock: socket.socket) -> None:
        with self._cond:
            deadline.sock = sock
            heapq.heappush(self._heap, (deadline.at, next(self._counter), deadline))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="fetch-deadlines", daemon=True)
                self._thread.start()
            self._cond.notify()

    def release(self, deadline: Deadline) -> None:
        with self._cond:
            deadline.sock = None  # the heap entry stays, harmless, until its time comes

    def _run(self) -> None:
        with self._cond:
            while True:
                if not self._heap:
                    self._cond.wait()
                    continue
                at, _, deadline = self._heap[0]
                wait = at - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._heap)
                if deadline.sock is not None:
                    deadline.expired = True
                    try:
                        deadline.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked read at once
                    except OSError:
                        pass  # closed meanwhile


_WATCHDOG = _Watchdog()


def release(deadline: Deadline) -> None:
    _WATCHDOG.release(deadline)


# -- connections -------------------------------------------------------------------------------
class _GuardedMixin:
    """Connects through `resolve` (the guard) and under the request's deadline."""

    def __init__(self, *args, guard: bool, deadline: Deadline, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._guard, self._deadline = guard, deadline
        self._create_connection = self._open_socket

    def _open_socket(self, address: tuple[str, int], timeout: float | None = None,
                     source_address: tuple[str, int] | None = None) -> socket.socket:
        host, port = address
        error: OSError = OSError(f"cannot connect to {host}")
        for family, kind, proto, _name, sockaddr in resolve(host, port, self._guard):
            remaining = self._deadline.remaining()
            if remaining <= 0:
                break
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(min(timeout, remaining) if timeout else remaining)
                if source_address:
                    sock.bind(source_address)
                _WATCHDOG.watch(self._deadline, sock)
                sock.connect(sockaddr)  # the address that was checked, not a fresh lookup
                return sock
            except OSError as exc:
                error = exc
                sock.close()
        raise error

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        _WATCHDOG.watch(self._deadline, self.sock)  # the TLS socket, once wrapped


class _GuardedHTTP(_GuardedMixin, http.client.HTTPConnection):
    pass


class _GuardedHTTPS(_GuardedMixin, http.client.HTTPSConnection):
    pass


def _connection(cls: type, req: urllib.request.Request) -> functools.partial:
    deadline: Deadline = req.deadline  # type: ignore[attr-defined]
    # through a proxy the socket goes to the proxy the user set up; the target was checked before
    proxied = req.has_proxy() or getattr(req, "_tunnel_host", None)
    return functools.partial(cls, guard=bool(req.guard) and not proxied,  # type: ignore[attr-defined]
                             deadline=deadline)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_connection(_GuardedHTTP, req), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_connection(_GuardedHTTPS, req), req, context=self._context)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses: each hop is checked (scheme, address, robots.txt) and
    waits its turn at its host like any request (urllib would follow them at once)."""

    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


def opener() -> urllib.request.OpenerDirector:
    """An opener for http and https only, guarded and under deadlines; requests go through `request`."""
    director = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), _HTTPHandler(), _HTTPSHandler(),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor(),
                    _NoRedirects()):
        director.add_handler(handler)
    return director


def request(url: str, headers: dict[str, str], guard: bool, deadline: Deadline) -> urllib.request.Request:
    req = urllib.request.Request(url, headers=headers)
    req.guard = guard  # type: ignore[attr-defined]
    req.deadline = deadline  # type: ignore[attr-defined]
    return req

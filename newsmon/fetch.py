"""Fetch stage: polite HTTP GETs. robots.txt, per-host delay, size and time limits live here.

The only module that talks to the network. Everything it returns is a plain `Response`;
errors are values (status 0 and `error` set), so one bad page never stops a crawl.
"""
from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlsplit

from newsmon.settings import Politeness


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
        return 200 <= self.status < 300 and self.error is None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        """Body decoded with the declared charset, falling back to UTF-8 with replacement."""
        msg = Message()
        msg["content-type"] = self.headers.get("content-type", "")
        charset = msg.get_param("charset") or "utf-8"
        try:
            return self.body.decode(str(charset), errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def crawl_delay(robots_txt: str, user_agent: str) -> float | None:
    """Crawl-delay for our agent (or `*`) from robots.txt text, fractions allowed.

    urllib.robotparser only understands whole seconds, and sites do write "Crawl-delay: 0.5".
    """
    token = user_agent.split("/")[0].lower()
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for raw in robots_txt.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        else:
            in_rules = True
            if key == "crawl-delay":
                try:
                    delay = float(value)
                except ValueError:
                    continue
                for agent in agents:
                    delays.setdefault(agent, delay)
    specific = [d for agent, d in delays.items() if agent != "*" and agent in token]
    return specific[0] if specific else delays.get("*")


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Fetcher:
    """GETs URLs while keeping to each host's robots.txt and delay.

    One instance per crawl: it remembers robots.txt and the time of the last request per host.
    """

    def __init__(self, politeness: Politeness | None = None) -> None:
        self.default = politeness or Politeness()
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._crawl_delay: dict[str, float | None] = {}
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()
        self.requests = 0
        self.robots_blocked = 0

    def _open(self, url: str, politeness: Politeness) -> Response:
        request = urllib.request.Request(url, headers={
            "User-Agent": politeness.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        })
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=politeness.timeout) as raw:
                headers = {k.lower(): v for k, v in raw.headers.items()}
                declared = int(headers.get("content-length") or 0)
                if declared > politeness.max_bytes:
                    return Response(url, raw.geturl(), raw.status, headers,
                                    error=f"too large ({declared} bytes)")
                body = raw.read(politeness.max_bytes + 1)
                if len(body) > politeness.max_bytes:
                    return Response(url, raw.geturl(), raw.status, headers,
                                    error=f"too large (over {politeness.max_bytes} bytes)")
                return Response(url, raw.geturl(), raw.status, headers, body)
        except urllib.error.HTTPError as exc:
            headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
            return Response(url, exc.geturl() or url, exc.code, headers, error=f"HTTP {exc.code}")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return Response(url, url, 0, error=str(reason))

    def _wait_turn(self, host: str, delay: float) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last_request.get(host, 0.0) + delay
            self._last_request[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def robots(self, url: str, politeness: Politeness) -> urllib.robotparser.RobotFileParser | None:
        host = host_of(url)
        if host not in self._robots:
            self._wait_turn(host, politeness.delay)
            response = self._open(f"{host}/robots.txt", politeness)
            parser: urllib.robotparser.RobotFileParser | None = None
            if response.ok:
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(response.text().splitlines())
                self._crawl_delay[host] = crawl_delay(response.text(), politeness.user_agent)
            elif response.status in (401, 403):
                # robots.txt itself forbidden: treat the whole host as disallowed (Google does the same)
                parser = urllib.robotparser.RobotFileParser()
                parser.disallow_all = True
            self._robots[host] = parser
        return self._robots[host]

    def allowed(self, url: str, politeness: Politeness | None = None) -> bool:
        politeness = politeness or self.default
        if not politeness.obey_robots:
            return True
        parser = self.robots(url, politeness)
        return parser is None or parser.can_fetch(politeness.user_agent, url)

    def get(self, url: str, politeness: Politeness | None = None) -> Response:
        """GET `url` politely. A URL robots.txt disallows comes back with status 0, error 'robots'."""
        politeness = politeness or self.default
        if not self.allowed(url, politeness):
            self.robots_blocked += 1
            return Response(url, url, 0, error="disallowed by robots.txt")
        delay = politeness.delay
        if politeness.obey_robots:
            delay = max(delay, self._crawl_delay.get(host_of(url)) or 0.0)
        self._wait_turn(host_of(url), delay)
        return self._open(url, politeness)

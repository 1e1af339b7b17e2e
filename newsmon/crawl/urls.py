"""URL canonicalisation: one article, one URL, however a feed, a sitemap or a share button spells it."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Parameters that only say where a click came from; never part of an article's identity.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
    "mc_eid", "_ga", "_gl", "ref_src", "ref_url", "cmpid", "ocid", "spm", "from", "share",
})
TRACKING_PREFIXES = ("utm_", "hsa_", "pk_", "mtm_")
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str, base: str | None = None) -> str:
    """Scheme and host lower-cased, default port, fragment and tracking parameters dropped.

    The path and the order of the remaining query parameters are kept: sites do route on them.
    A relative `url` is resolved against `base` first.
    """
    url = url.strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:  # a junk port: keep the URL as given rather than guess
        port = None
    if port and DEFAULT_PORTS.get(scheme) != port:
        host = f"{host}:{port}"
    query = parts.query
    pairs = parse_qsl(query, keep_blank_values=True)
    if any(is_tracking_param(k) for k, _ in pairs):  # rebuild only when needed: keep the site's spelling
        query = urlencode([(k, v) for k, v in pairs if not is_tracking_param(k)])
    # stripped again: whitespace before a dropped #fragment is no part of the URL either
    return urlunsplit((scheme, host, parts.path or "/", query, "")).strip()


def same_site(a: str, b: str) -> bool:
    """True when both URLs are on one host, ignoring a leading www."""
    def host(url: str) -> str:
        name = (urlsplit(url).hostname or "").lower()
        return name[4:] if name.startswith("www.") else name
    return host(a) == host(b)


def host_key(url: str) -> str:
    """scheme://host[:port], the unit of politeness."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()

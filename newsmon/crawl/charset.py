"""Bytes to text: which charset a response (or a file given to `add`) is really in.

Sites declare utf-8 and send windows-1254, or send cp1251 Russian as iso-8859-1. A multi-byte
declaration (UTF-8, UTF-16) that decodes is believed; a single-byte one decodes any bytes, so when
the text is not plain ASCII it is checked by detection (charset-normalizer) among the declared
charsets and the ones our languages are written in, and the better fit wins. `decode` says which
charset was used and what was declared.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from email.message import Message

# What a mislabelled page in our languages (az, tr, ru, fr, en) is really in; detection limited to
# these guesses right on short texts where an open-ended guess picks e.g. cp1250 for Turkish.
# No cp1252/latin-1: cp1254 decodes French and English identically, and differs only where
# Turkish needs ğ ı ş instead of Icelandic ð ý þ.
LEGACY_CHARSETS = ["cp1254", "cp1251", "koi8_r", "utf_16"]
_SAMPLE = 200_000  # bytes detection looks at
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Decoded:
    text: str
    charset: str  # the codec used, by its Python name
    declared: str | None  # what the header or <meta> said, if anything

    @property
    def overridden(self) -> bool:
        return self.declared is not None and _name(self.declared) != self.charset


def _name(charset: str) -> str | None:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def declared_charsets(body: bytes, content_type: str = "") -> list[str]:
    """The header's charset, then the page's <meta> one (known codecs only, no repeats)."""
    msg = Message()
    msg["content-type"] = content_type
    found = [str(msg.get_param("charset") or "")]
    meta = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", body[:4096], re.I)
    if meta:
        found.append(meta.group(1).decode("ascii", "replace"))
    names: list[str] = []
    for charset in found:
        name = _name(charset) if charset else None
        if name and name not in names:
            names.append(name)
    return names


def _detect(body: bytes, among: list[str]) -> str | None:
    from charset_normalizer import from_bytes  # only for pages that need it
    best = from_bytes(body[:_SAMPLE], cp_isolation=among).best()
    return _name(best.encoding) if best is not None else None


def decode(body: bytes, content_type: str = "") -> Decoded:
    declared = declared_charsets(body, content_type)
    said = declared[0] if declared else None
    for charset in [*declared, "utf-8"]:
        try:
            text = body.decode(charset)
        except UnicodeDecodeError:
            continue
        if charset.startswith("utf") or body.isascii():
            return Decoded(text, charset, said)
        # a single-byte charset decodes anything: check it against the others it could be
        best = _detect(body, list(dict.fromkeys([charset, *declared, *LEGACY_CHARSETS])))
        if best is None or best == charset:
            return Decoded(text, charset, said)
        return Decoded(body.decode(best, errors="replace"), best, said)
    best = _detect(body, LEGACY_CHARSETS)
    if best is not None:
        return Decoded(body.decode(best, errors="replace"), best, said)
    return Decoded(body.decode("utf-8", errors="replace"), "utf-8", said)


def decode_body(body: bytes, content_type: str = "") -> str:
    """Text of a response or a file (see `decode`)."""
    return decode(body, content_type).text


def is_binary(data: bytes) -> bool:
    """True for bytes that are no text in any encoding we read: NUL bytes outside UTF-16, or
    bytes no charset fits (an ELF binary, an image, random data)."""
    head = data[:65536]
    if head.startswith(_BOMS):
        return False
    if b"\x00" in head:
        return True
    try:
        head.decode("utf-8")
        return False
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4:  # a character cut at the end of the sample
            return False
    from charset_normalizer import from_bytes
    return from_bytes(head).best() is None

"""How two kinds of crawl rows are packed: near-duplicate fingerprint bands (4-byte keys) and raw
responses (zlib with their article's text as the preset dictionary).

Kept apart from `crawl_state.py` (which reads and writes the rows) because the schema migrations that
repack old databases (`schema.py`) and reprocessing (`articles.py`) use the same encodings.
"""
from __future__ import annotations

import sqlite3
import struct
import zlib


def band_keys(bands: list[int] | tuple[int, ...]) -> list[int]:
    """The stored key of each band value: its low 31 bits (4 bytes in a record instead of 8). A
    collision only makes an article a candidate; the signatures are compared before anything is
    called a copy."""
    return [v & 0x7FFFFFFF for v in bands]


def pack_bands(bands: list[int] | tuple[int, ...]) -> bytes:
    keys = band_keys(bands)
    return struct.pack(f"<{len(keys)}I", *keys)


def unpack_bands(blob: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(blob) // 4}I", blob)


def compress_raw(body: bytes, text: str | None) -> bytes:
    """A response body as stored: zlib, with its article's text as the preset dictionary when
    there is one (`dict` = 1 in raw_pages). A page repeats its article's text, so what is left to
    store is mostly the markup around it: a third of plain zlib's size on news pages."""
    if text is None:
        return zlib.compress(body, 6)
    packer = zlib.compressobj(9, zdict=text.encode("utf-8"))
    return packer.compress(body) + packer.flush()


def decompress_raw(blob: bytes, text: str | None) -> bytes:
    """The body `compress_raw(body, text)` was made from (`text` None for plain zlib)."""
    if text is None:
        return zlib.decompress(blob)
    unpacker = zlib.decompressobj(zdict=text.encode("utf-8"))
    return unpacker.decompress(blob) + unpacker.flush()


def rekey_raw_pages(conn: sqlite3.Connection, article_id: int, old_text: str, new_text: str) -> None:
    """Recompress the responses of an article whose text changes (reprocess): each was compressed
    against the old text, and only that text can decompress it (in the caller's transaction)."""
    if old_text == new_text:
        return
    rows = conn.execute("select url, body from raw_pages where article_id = ? and dict = 1",
                        [article_id]).fetchall()
    conn.executemany("update raw_pages set body = ? where url = ?",
                     [(compress_raw(decompress_raw(body, old_text), new_text), url) for url, body in rows])

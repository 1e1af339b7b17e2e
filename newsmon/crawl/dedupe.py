"""Near-duplicate detection: MinHash signatures over word shingles, with LSH banding for lookup.

The same agency story republished by several outlets differs only in its header and footer, so the
sets of word 4-grams of the copies overlap heavily (Jaccard well above 0.5) while two different
stories on the same topic share almost none. Signatures are deterministic across processes (no
Python `hash`), so they can be stored and compared from run to run.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

NUM_PERM = 64
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 4
THRESHOLD = 0.5  # estimated Jaccard at or above which two texts are one story

_rng = np.random.default_rng(20250913)  # fixed: signatures must match across runs
_A = _rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Signature:
    values: np.ndarray  # NUM_PERM uint32 minima

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Signature":
        return cls(np.frombuffer(data, dtype="<u4").astype(np.uint32))

    def bands(self) -> list[int]:
        """One integer per band; two texts sharing any band value are candidates."""
        data, width = self.values.astype("<u4").tobytes(), 4 * ROWS
        # 56 bits: fits SQLite's signed integers
        return [int.from_bytes(hashlib.blake2b(bytes([band]) + data[band * width:(band + 1) * width],
                                               digest_size=7).digest(), "big") for band in range(BANDS)]

    def similarity(self, other: "Signature") -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.mean(self.values == other.values))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> Signature:
    grams = shingles(text)
    if not grams:
        return Signature(np.full(NUM_PERM, 2**32 - 1, dtype=np.uint32))
    # each shingle's 8-byte digest read as a big-endian integer, all at once (not one int per shingle)
    digests = b"".join([hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest() for g in grams])
    hashes = np.frombuffer(digests, dtype=">u8").astype(np.uint64)
    # multiply-shift hashing: (a*x + b) mod 2^64, top 32 bits; the uint64 wrap-around is the point
    with np.errstate(over="ignore"):
        permuted = (np.outer(hashes, _A) + _B) >> np.uint64(32)
    return Signature(permuted.min(axis=0).astype(np.uint32))


def is_near_duplicate(a: Signature, b: Signature, threshold: float = THRESHOLD) -> bool:
    return a.similarity(b) >= threshold

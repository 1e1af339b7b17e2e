"""The language-ID training text in `../shared/data/langid-train/`, split into train and held-out parts.

Shared by `models/build_langid.py` (trains on the train part only) and `benchmarks/bench_langid.py`
(measures on the held-out part only), so the two can never disagree about which sentence is which.
The split is decided per sentence by a seeded hash of its text: it does not depend on file order or on
which other files exist, and a sentence that appears in two languages' files is split the same way in both.
"""
from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

from newsmon.settings import REPO_ROOT
DEFAULT_ROOT = REPO_ROOT.parent / "shared" / "data" / "langid-train"
SPLIT_SEED = "newsmon-langid-v1"
HELDOUT_PER_MILLE = 100  # 10 % of every language is never trained on

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")


def languages(root: Path = DEFAULT_ROOT) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.is_dir())


def files(root: Path, lang: str) -> list[Path]:
    return sorted((root / lang).glob("*.txt"))


def read_lines(root: Path, lang: str) -> list[str]:
    """Unique non-empty lines of one language, in (sorted file name, line) order."""
    seen: set[str] = set()
    out: list[str] = []
    for path in files(root, lang):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and line not in seen:
                seen.add(line)
                out.append(line)
    return out


def is_heldout(line: str) -> bool:
    digest = hashlib.sha1(f"{SPLIT_SEED}\t{line}".encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 1000 < HELDOUT_PER_MILLE


def split(lines: list[str]) -> tuple[list[str], list[str]]:
    """(train, heldout)."""
    train, held = [], []
    for line in lines:
        (held if is_heldout(line) else train).append(line)
    return train, held


def words(sentence: str) -> list[str]:
    """Letter-only tokens (digits, punctuation and URLs carry no language)."""
    return _WORD_RE.findall(sentence)


def short_items(sentences: list[str], n_words: int, k: int, seed: int) -> list[str]:
    """Up to `k` items of `n_words` consecutive words, at most one per sentence, drawn with `seed`.

    Single words shorter than 3 letters are skipped: "a", "o", "ve" carry no language on their own.
    """
    rng = random.Random(seed)
    order = list(range(len(sentences)))
    rng.shuffle(order)
    out: list[str] = []
    for i in order:
        ws = words(sentences[i])
        if n_words == 1:
            ws = [w for w in ws if len(w) >= 3]
        if len(ws) < n_words:
            continue
        j = rng.randrange(len(ws) - n_words + 1)
        out.append(" ".join(ws[j : j + n_words]))
        if len(out) >= k:
            break
    return out

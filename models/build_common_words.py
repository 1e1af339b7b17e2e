"""Build models/lexicon/az-common-words.txt: Azerbaijani words that are ordinary words, not names.

A statistical NER model trained on Wikipedia titles (WikiANN) tags capitalised sentence-initial words
("Seminarda", "Xatırladaq", "Sənədin") as entities. A word counts as common when, inside sentences
(never the first word), it is written in lower case at least twice and at least as often as
capitalised. The NER stage drops a one-word mention at the start of a sentence when its lower-case
form is in this list.

    .venv/bin/python models/build_common_words.py   # reads ../shared/data/langid-train/az/*.txt
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO.parent / "shared" / "data" / "langid-train" / "az"
OUT = REPO / "models" / "lexicon" / "az-common-words.txt"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def az_lower(word: str) -> str:
    return word.replace("I", "ı").replace("İ", "i").lower()


def main() -> None:
    lower, capital = Counter(), Counter()
    files = sorted(SOURCE.glob("*.txt"))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            for word in WORD.findall(line)[1:]:  # the first word is capitalised anyway
                if word[0].isupper():
                    capital[az_lower(word)] += 1
                else:
                    lower[word] += 1
    common = sorted(w for w, n in lower.items() if n >= 2 and n >= capital[w] and len(w) > 1)
    header = ["# Azerbaijani words written in lower case inside sentences (see models/build_common_words.py)"]
    header += [f"# {p.name} sha256 {hashlib.sha256(p.read_bytes()).hexdigest()}" for p in files]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(header + common) + "\n", encoding="utf-8")
    print(f"{len(common)} common words -> {OUT}")


if __name__ == "__main__":
    main()

"""Build models/lexicon/{az,en,fr}-common-words.txt: words that are ordinary words, not names.

A statistical NER model tags capitalised words that are no names: sentence-initial words for the
Azerbaijani model trained on Wikipedia titles (WikiANN: "Seminarda", "Xatırladaq"), and for the
English and French news models words capitalised by a heading, a caption or a share button ("Vidéo",
"Recevez", "Career", "Allies"). A word counts as common when, inside sentences (never the first word),
it is written in lower case often enough against how often it is capitalised there:

  - az, from ../shared/data/langid-train/az/*.txt: lower case at least twice and at least as often as
    capitalised (the NER stage drops a one-word mention at the start of a sentence in this list);
  - az news, models/lexicon/az-news-common-words.txt, from the az real-news pool
    ../shared/data/real-news/az.jsonl: the words of news the general corpora lack ("ermənilər",
    "terrorçuluq", "icazənizlə"), lower case at least 3 times and at least 4 times as often as
    capitalised inside a sentence, leaving out the articles of the az stand-off file's held-out part
    (`newsmon.train.standoff.is_held_out`), which scores the pipeline. The NER stage reads both az
    lists (`newsmon.nlp.ner.common_stems`);
  - en and fr, from the real-news pool ../shared/data/real-news/{en,fr}.jsonl and the language-ID
    news text ../shared/data/langid-train/{en,fr}/*.txt: lower case at least 5 times and at least 4
    times as often as capitalised inside a sentence, in the pool alone or in both together (headings in title case
    make the count conservative: a word a heading capitalises a lot stays out). Linking drops a
    one-word PERSON, ORG or LOC outside the knowledge base whose folded form is in the list.

    .venv/bin/python models/build_common_words.py            # all (az, az-news, en, fr)
    .venv/bin/python models/build_common_words.py en fr      # some
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# a sentence (or heading, or list item) starts after these; its first word says nothing about case
SENTENCE = re.compile(r"(?<=[.!?:;…])\s+|\n+|[«»“”\"()]")


def az_lower(word: str) -> str:
    return word.replace("I", "ı").replace("İ", "i").lower()


def count(lines, lower_of) -> tuple[Counter, Counter]:
    lower, capital = Counter(), Counter()
    for line in lines:
        for sentence in SENTENCE.split(line):
            for word in WORD.findall(sentence)[1:]:  # the first word is capitalised anyway
                if word[0].isupper():
                    if not word.isupper() or len(word) == 1:  # "NATO", "LIRE": acronyms and shouting apart
                        capital[lower_of(word)] += 1
                else:
                    lower[word] += 1
    return lower, capital


def write(lang: str, words: list[str], what: str, files: list[Path]) -> None:
    out = REPO / "models" / "lexicon" / f"{lang}-common-words.txt"  # lang "az-news": az-news-common-words.txt
    header = [f"# {what} (see models/build_common_words.py)"]
    header += [f"# {p.name} sha256 {hashlib.sha256(p.read_bytes()).hexdigest()}" for p in files]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words -> {out}")


def build_az() -> None:
    files = sorted((SHARED / "langid-train" / "az").glob("*.txt"))
    lower, capital = count((line for p in files for line in p.read_text(encoding="utf-8").splitlines()), az_lower)
    common = sorted(w for w, n in lower.items() if n >= 2 and n >= capital[w] and len(w) > 1)
    write("az", common, "Azerbaijani words written in lower case inside sentences", files)


def build_az_news() -> None:
    sys.path.insert(0, str(REPO))
    from newsmon.train.standoff import HOLDOUT_SEED, HOLDOUT_SHARE, is_held_out
    path = SHARED / "real-news" / "az.jsonl"
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip())
    texts = (r["text"] for r in rows if not is_held_out(r["id"], HOLDOUT_SHARE, HOLDOUT_SEED))
    lower, capital = count((p for t in texts for p in t.split("\n")), az_lower)
    common = sorted(w for w, n in lower.items() if n >= 3 and n >= 4 * capital[w] and len(w) > 1)
    write("az-news", common, "Azerbaijani words written in lower case inside sentences of real news (3 times or "
          "more, 4 times as often as capitalised there; the stand-off held-out articles left out)", [path])


def build_news(lang: str) -> None:
    path = SHARED / "real-news" / f"{lang}.jsonl"
    texts = (json.loads(line)["text"] for line in path.read_text(encoding="utf-8").split("\n") if line.strip())
    lower, capital = count((p for t in texts for p in t.split("\n")), str.lower)
    # The pool is small for French (645 articles): general news sentences (WMT newstest and the other
    # language-ID texts, ~35,000 sentences a language) add the vocabulary it lacks ("votants",
    # "exprimés", "grand"). A word counts when it passes on the pool alone or on both together, so
    # that the wider corpus' title-cased names ("Centre", "Ministère") do not take pool words out.
    files = sorted((SHARED / "langid-train" / lang).glob("*.txt"))
    more_lower, more_capital = count((line for p in files for line in p.read_text(encoding="utf-8").splitlines()),
                                     str.lower)

    sys.path.insert(0, str(REPO))
    from newsmon.text.normalize import fold

    def passes(low: Counter, cap: Counter) -> set[str]:
        # The list is read folded (newsmon.nlp.name_words.common_words): "marié" and "Marie" are one
        # key there, so the ratio is taken over folded forms, and a first name that folds like a
        # common word stays out.
        low_folded, cap_folded = Counter(), Counter()
        for w, n in low.items():
            low_folded[fold(w)] += n
        for w, n in cap.items():
            cap_folded[fold(w)] += n
        return {w for w, n in low.items() if n >= 5 and low_folded[fold(w)] >= 4 * cap_folded[fold(w)] and len(w) > 2}

    common = sorted(passes(lower, capital) | passes(lower + more_lower, capital + more_capital))
    write(lang, common, f"{lang} words written in lower case inside sentences of real news (or of real news "
                        f"and the language-ID news text together), 4 times as often as capitalised there",
          [path, *files])


def main(langs: list[str]) -> None:
    builders = {"az": build_az, "az-news": build_az_news}
    for lang in langs or ["az", "az-news", "en", "fr"]:
        builders[lang]() if lang in builders else build_news(lang)


if __name__ == "__main__":
    main(sys.argv[1:])

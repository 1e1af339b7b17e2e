"""Stand-off NER annotations of real news (`corpus/training/az-realnews-ner.jsonl`), read at training time.

The annotation file holds no article text, only offsets: each line names an article id of
`../shared/data/real-news/<lang>.jsonl`, the sentence's character range in that article's `text`, the
sha1 of the sentence (so that a changed source is noticed, not silently mislabelled) and the entity
spans as offsets into the sentence:

    {"id": "az-azertag-1088", "start": 1234, "end": 1350, "sha1": "...", "spans": [[0, 7, "ORG"]], "pass": 1}

The copyrighted text stays in the shared folder; this module rebuilds the sentences from it, splits
them by article into training and held-out parts, and tokenizes them with the pipeline's own tokenizer
so that training sees the same tokens as inference ("ICESCO-nun" is `ICESCO` `-` `nun`, and the gold
span covers all three).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from newsmon.eval.ner import Sentence
from newsmon.settings import REPO_ROOT

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_REAL_NEWS = REPO_ROOT.parent / "shared" / "data" / "real-news"
LABELS = frozenset({"PERSON", "ORG", "LOC"})
# The in-domain held-out part: about 15 % of the articles, chosen by a hash of seed and article id.
HOLDOUT_SHARE = 0.15
HOLDOUT_SEED = 0


class StandoffError(ValueError):
    """The annotation file or the shared text it points into cannot be used."""


@dataclass
class StandoffSentence:
    """One annotated sentence, with the article it was cut from (post-filters read the whole article)."""

    article_id: str
    start: int  # the sentence's range in the article's text
    end: int
    context: str  # the article's text
    spans: list[tuple[int, int, str]]  # gold, character offsets into the sentence

    @property
    def text(self) -> str:
        return self.context[self.start:self.end]


@dataclass
class LoadStats:
    records: int = 0
    loaded: int = 0
    missing: int = 0  # article id not in the shared file
    sha1_mismatch: int = 0  # the shared text changed under the offsets
    articles: int = 0
    spans: int = 0

    def line(self) -> str:
        return (f"{self.records} records, {self.loaded} sentences from {self.articles} articles loaded, "
                f"{self.spans} spans; skipped: {self.missing} missing articles, "
                f"{self.sha1_mismatch} sha1 mismatches")


def real_news_file(real_news_dir: str | Path, lang: str) -> Path:
    """`<dir>/<lang>.jsonl`, or a StandoffError that says what is missing and how to fix it."""
    path = Path(real_news_dir) / f"{lang}.jsonl"
    if not path.is_file():
        raise StandoffError(f"real-news text not found at {path}: stand-off annotations hold offsets only and "
                            f"need ../shared/data/real-news beside the repository (or pass --real-news DIR)")
    return path


def _articles(path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            texts[row["id"]] = row["text"]
    return texts


def _record(line: str, where: str) -> dict:
    try:
        rec = json.loads(line)
        if not (isinstance(rec["id"], str) and isinstance(rec["start"], int) and isinstance(rec["end"], int)
                and isinstance(rec["sha1"], str) and isinstance(rec["spans"], list)):
            raise TypeError("id/start/end/sha1/spans have the wrong types")
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        raise StandoffError(f"{where}: not a stand-off record ({err})") from None
    return rec


def load_standoff(path: str | Path, real_news_dir: str | Path = DEFAULT_REAL_NEWS,
                  lang: str = "az") -> tuple[list[StandoffSentence], LoadStats]:
    """The sentences of a stand-off file, rebuilt from the shared real-news text.

    Records whose article is missing or whose sha1 no longer matches are skipped and counted; a span
    with an unknown label or outside its sentence is an error (the file is broken, not the source).
    """
    texts = _articles(real_news_file(real_news_dir, lang))
    out: list[StandoffSentence] = []
    stats = LoadStats()
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            rec = _record(line, where)
            stats.records += 1
            context = texts.get(rec["id"])
            if context is None:
                stats.missing += 1
                continue
            sentence = context[rec["start"]:rec["end"]]
            if hashlib.sha1(sentence.encode("utf-8")).hexdigest() != rec["sha1"]:
                stats.sha1_mismatch += 1
                continue
            spans = []
            for span in rec["spans"]:
                s, e, label = span
                if label not in LABELS or not (0 <= s < e <= len(sentence)):
                    raise StandoffError(f"{where}: bad span {span} (labels {sorted(LABELS)}, "
                                        f"sentence of {len(sentence)} characters)")
                spans.append((s, e, label))
            out.append(StandoffSentence(rec["id"], rec["start"], rec["end"], context, sorted(spans)))
    stats.loaded = len(out)
    stats.articles = len({s.article_id for s in out})
    stats.spans = sum(len(s.spans) for s in out)
    return out, stats


def is_held_out(article_id: str, share: float, seed: int) -> bool:
    """Whether an article belongs to the held-out part: a hash of seed and id, not a shuffle, so that an
    article stays on its side when annotations are added, and all sentences of an article go together."""
    digest = hashlib.sha256(f"{seed}:{article_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64 < share


def split_by_article(sentences: list[StandoffSentence], share: float,
                     seed: int) -> tuple[list[StandoffSentence], list[StandoffSentence]]:
    """(training part, held-out part), about `share` of the articles held out."""
    train = [s for s in sentences if not is_held_out(s.article_id, share, seed)]
    held = [s for s in sentences if is_held_out(s.article_id, share, seed)]
    return train, held


PARTS = ("held-out", "train", "all")


def select(sentences: list[StandoffSentence], part: str, share: float = HOLDOUT_SHARE,
           seed: int = HOLDOUT_SEED) -> list[StandoffSentence]:
    """One part of the split `split_by_article` makes ("held-out", "train") or "all"."""
    if part not in PARTS:
        raise StandoffError(f"unknown part {part!r}: expected one of {', '.join(PARTS)}")
    if part == "all":
        return list(sentences)
    train, held = split_by_article(sentences, share, seed)
    return held if part == "held-out" else train


@dataclass
class Tokenized:
    sentences: list[Sentence]
    misaligned: list[tuple[str, str]] = field(default_factory=list)  # (mention, sentence) off token edges


def tokenize(sentences: list[StandoffSentence], tokenizer: Callable[[str], Doc]) -> Tokenized:
    """Sentences as the pipeline's own tokenizer splits them (`newsmon.train.ner.blank_tokenizer`), spans
    on those tokens.

    A span whose edges fall inside a token (the source's missing spaces: "AZƏRTACxəbər verir") cannot be
    taught; it is left out and listed in `misaligned`.
    """
    out = Tokenized([])
    for sent in sentences:
        doc = tokenizer(sent.text)
        spans = []
        for s, e, label in sent.spans:
            span = doc.char_span(s, e)
            if span is None:
                out.misaligned.append((sent.text[s:e], sent.text))
                continue
            spans.append((span.start, span.end, label))
        out.sentences.append(Sentence([t.text for t in doc], spans, [bool(t.whitespace_) for t in doc]))
    return out


def sha256_of(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()

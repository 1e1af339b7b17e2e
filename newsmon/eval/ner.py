"""Score any spaCy pipeline against a gold file in IOB2 (`token<TAB>tag`, blank line between sentences).

Spans are matched exactly (same first token, same last token, same unified label), as in conlleval
and spaCy's own scorer. Model and gold labels both go through `ner_labels.to_unified`, so an English
GPE and a gold LOC compare as LOC, and labels newsmon drops (CARDINAL, MONEY, ...) are not scored.
A leading article ("The World Bank", "l'Arménie") is cut from both sides (`ner_labels.strip_article`).

The gold tokens are given to the pipeline as a pre-tokenised Doc: scores then measure the NER, not
how its tokenizer happens to split "2024-cü" or "l'Azerbaïdjan".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Protocol, Sequence

from newsmon.nlp.ner_labels import strip_article, to_unified
from newsmon.eval.scoring import Counts

Span = tuple[int, int, str]  # first token, end token (exclusive), unified label

# No space is put before these tokens (and none after the openers) when rebuilding the text.
_NO_SPACE_BEFORE = set(",.;:!?)]}»%\"'")
_NO_SPACE_AFTER = set("([{«")


@dataclass
class Sentence:
    words: list[str]
    spans: list[Span] = field(default_factory=list)
    # Whitespace after each token when the source text is known (stand-off data); IOB files lose it.
    space_after: list[bool] | None = None

    @property
    def spaces(self) -> list[bool]:
        """Whitespace after each token: as in the source, else plausible so that `Doc.text` reads like it."""
        if self.space_after is not None:
            return list(self.space_after)
        spaces = []
        for word, nxt in zip(self.words, self.words[1:] + [""]):
            spaces.append(bool(nxt) and nxt not in _NO_SPACE_BEFORE and word not in _NO_SPACE_AFTER)
        return spaces


def iob_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans from IOB2 tags, labels as written in the tags.

    An I- tag that does not continue an entity of the same type starts a new one (as conlleval does):
    silver data such as WikiANN has such tags, and dropping them would lose entities.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, tag_label = tag.partition("-")
        prefix = prefix.upper()
        if prefix not in ("B", "I", "O") or (prefix != "O" and not tag_label):
            raise ValueError(f"bad IOB tag {tag!r}")
        continues = prefix == "I" and label == tag_label
        if label is not None and not continues:
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and not continues:
            start, label = i, tag_label
    return spans


def spans_to_iob(n_words: int, spans: Iterable[Span]) -> list[str]:
    """IOB2 tags for `n_words` tokens from non-overlapping spans."""
    tags = ["O"] * n_words
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def _unify(spans: Iterable[tuple[int, int, str]]) -> list[Span]:
    out = []
    for start, end, label in spans:
        unified = to_unified(label)
        if unified is not None:
            out.append((start, end, unified))
    return out


def _strip_articles(sentences: list[Sentence], spans: list[list[Span]]) -> list[list[Span]]:
    return [[(strip_article(s.words, a, b), b, lab) for a, b, lab in sp] for s, sp in zip(sentences, spans)]


def parse_iob(lines: Iterable[str], source: str = "<iob>") -> list[Sentence]:
    """Sentences from IOB2 lines; gold labels are mapped to unified ones (PER -> PERSON)."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sentences.append(Sentence(list(words), _unify(iob_to_spans(tags))))
        words.clear()
        tags.clear()

    for lineno, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            flush()
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0]:
            raise ValueError(f"{source}:{lineno}: expected 'token<TAB>tag', got {line!r}")
        words.append(parts[0])
        tags.append(parts[1].strip())
    flush()
    return sentences


def read_iob(path: str | Path) -> list[Sentence]:
    """Sentences of an IOB2 file (UTF-8)."""
    with open(path, encoding="utf-8") as f:
        return parse_iob(f, source=str(path))


LabelScore = Counts  # one label's counts


@dataclass
class NerScores:
    per_label: dict[str, LabelScore]
    overall: LabelScore  # micro-average over the scored labels
    n_sentences: int

    def to_dict(self) -> dict:
        return {"overall": self.overall.to_dict(),
                "per_label": {k: v.to_dict() for k, v in sorted(self.per_label.items())},
                "sentences": self.n_sentences}


def score_spans(gold: list[list[Span]], pred: list[list[Span]],
                labels: Iterable[str] | None = None) -> NerScores:
    """Exact-match P/R/F1 per label and micro-averaged overall.

    `labels` restricts scoring to those labels (e.g. PERSON/ORG/LOC on WikiANN, whose gold has no
    DATE: a predicted date there is not an error). None scores every label seen in gold or prediction.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    wanted = set(labels) if labels is not None else None
    per_label: dict[str, LabelScore] = {lab: LabelScore() for lab in (wanted or ())}
    for g_spans, p_spans in zip(gold, pred):
        g, p = set(g_spans), set(p_spans)
        if wanted is not None:
            g = {s for s in g if s[2] in wanted}
            p = {s for s in p if s[2] in wanted}
        for span in g | p:
            score = per_label.setdefault(span[2], LabelScore())
            if span in g and span in p:
                score.tp += 1
            elif span in p:
                score.fp += 1
            else:
                score.fn += 1
    overall = LabelScore(sum(s.tp for s in per_label.values()), sum(s.fp for s in per_label.values()),
                         sum(s.fn for s in per_label.values()))
    return NerScores(per_label, overall, len(gold))


def predict_spans(nlp, sentences: list[Sentence], batch_size: int = 256) -> list[list[Span]]:
    """Unified-label spans the pipeline finds in each gold sentence's own tokens."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sentences)
    return [_unify((e.start, e.end, e.label_) for e in doc.ents)
            for doc in nlp.pipe(docs, batch_size=batch_size)]


def evaluate(nlp, sentences: list[Sentence], labels: Iterable[str] | None = None) -> NerScores:
    """Score a loaded spaCy pipeline on gold sentences (leading articles cut from both sides)."""
    gold = _strip_articles(sentences, [s.spans for s in sentences])
    pred = _strip_articles(sentences, predict_spans(nlp, sentences))
    return score_spans(gold, pred, labels)


class SentenceInContext(Protocol):
    """A gold sentence cut from a document (e.g. `newsmon.train.standoff.StandoffSentence`)."""

    context: str  # the whole document
    start: int  # the sentence's range in it
    end: int
    spans: list[tuple[int, int, str]]  # gold, character offsets into the sentence


def evaluate_in_context(nlp, items: Sequence[SentenceInContext], labels: Iterable[str] | None = None,
                        lang: str = "az", post_filters: bool = False,
                        predicted: list[list[Span]] | None = None) -> NerScores:
    """Exact character-span P/R/F1 on raw sentences, split by the pipeline's own tokenizer as in production.

    With `post_filters`, predictions first go through the NER stage's filters
    (`newsmon.nlp.ner.drop_unlikely_names`) with the whole document as their context, as the pipeline
    runs them; without, the model's output is scored as it is. `predicted`, when given, receives each
    sentence's predicted spans (for listing errors).
    """
    from newsmon.model import Mention
    from newsmon.nlp.ner import drop_unlikely_names

    gold = [list(it.spans) for it in items]
    pred: list[list[Span]] = []
    docs = nlp.pipe([it.context[it.start:it.end] for it in items], batch_size=64)
    for it, doc in zip(items, docs):
        mentions = [Mention(e.text, label, it.start + e.start_char, it.start + e.end_char, lang)
                    for e in doc.ents if (label := to_unified(e.label_)) and e.text.strip()]
        if post_filters:
            mentions = drop_unlikely_names(mentions, it.context)
        pred.append([(m.start - it.start, m.end - it.start, m.label) for m in mentions])
    if predicted is not None:
        predicted.extend(pred)
    return score_spans(gold, pred, labels)


def pipeline_spans(items: Sequence[SentenceInContext], lang: str, pipeline=None) -> list[list[Span]]:
    """The PERSON/ORG/LOC spans newsmon's whole pipeline gives each sentence (statistical NER, knowledge-base
    matches, the span rules and linking's label fixes), running it once per document with the document as
    context, as production does; character offsets into the sentence. A mention that crosses the
    sentence's edge counts for neither side of it (it is a wrong span either way).

    `pipeline`: a `newsmon.pipeline.Pipeline` (default: a new one with the installed models).
    """
    from newsmon.model import Document
    from newsmon.pipeline import Pipeline

    pipe = pipeline or Pipeline(relevance=False)
    contexts = list(dict.fromkeys(it.context for it in items))
    docs = [Document(url=f"standoff:{n}", source="standoff", title="", text=c, lang_hint=lang)
            for n, c in enumerate(contexts)]
    mentions = {c: a.mentions for c, a in zip(contexts, pipe.process_many(docs))}
    labels = {"PERSON", "ORG", "LOC"}
    return [[(m.start - it.start, m.end - it.start, m.label) for m in mentions[it.context]
             if m.label in labels and it.start <= m.start and m.end <= it.end] for it in items]


def evaluate_pipeline(items: Sequence[SentenceInContext], lang: str, labels: Iterable[str] | None = None,
                      pipeline=None, predicted: list[list[Span]] | None = None) -> NerScores:
    """Exact character-span P/R/F1 of the whole pipeline's entities (`pipeline_spans`) on gold sentences;
    `predicted`, when given, receives each sentence's spans (for listing errors)."""
    pred = pipeline_spans(items, lang, pipeline)
    if predicted is not None:
        predicted.extend(pred)
    return score_spans([list(it.spans) for it in items], pred, labels)


def span_errors(items: Sequence[SentenceInContext], pred: list[list[Span]],
                labels: Iterable[str] | None = None) -> list[dict]:
    """Per sentence with a difference: its text, the spurious (fp) and the missed (fn) spans as (text, label)."""
    wanted = set(labels) if labels is not None else None
    out = []
    for it, p_spans in zip(items, pred):
        text = it.context[it.start:it.end]
        g = {s for s in it.spans if wanted is None or s[2] in wanted}
        p = {s for s in p_spans if wanted is None or s[2] in wanted}
        if g != p:
            out.append({"article": getattr(it, "article_id", ""), "sentence": text,
                        "fp": [(text[a:b], lab) for a, b, lab in sorted(p - g)],
                        "fn": [(text[a:b], lab) for a, b, lab in sorted(g - p)]})
    return out


def load_pipeline(name_or_path: str):
    """A spaCy pipeline by package name or directory, with only what NER needs switched on."""
    import spacy

    nlp = spacy.load(name_or_path)
    # Tagger, parser, lemmatizer do not change entities; disabling them only saves time. A shared
    # tok2vec stays only when the ner listens to it (en/fr small models give ner its own).
    for name, pipe in list(nlp.pipeline):
        if name != "ner" and "ner" not in getattr(pipe, "listening_components", ()):
            nlp.disable_pipe(name)
    return nlp


def format_table(scores: NerScores) -> str:
    """Plain-text table: one row per label, then the micro-average."""
    rows = [(lab, s) for lab, s in sorted(scores.per_label.items())] + [("overall", scores.overall)]
    lines = [f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for lab, s in rows:
        lines.append(f"{lab:<8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
    lines.append(f"({scores.n_sentences} sentences, exact span match)")
    return "\n".join(lines)

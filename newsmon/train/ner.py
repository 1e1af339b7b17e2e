"""Train a small spaCy NER pipeline (blank tokenizer + tok2vec + ner) from IOB2 files.

A plain training loop rather than `spacy train`: the data is a few IOB2 files, we want one dev line
per epoch scored with our own scorer (unified labels, exact match), and the saved pipeline must hold
only what `spacy.load` needs. The best epoch on dev (parameters averaged over updates) is kept.
"""
from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from newsmon.eval.ner import NerScores, Sentence, read_iob, score_spans, spans_to_iob, predict_spans
from newsmon.train import standoff

# Embedding attributes: NORM for the word; PREFIX/SUFFIX (first char, last 3 chars) and SHAPE
# because Azerbaijani is agglutinative: inflected forms ("Bakıda", "Bakının") are rare words of
# their own, while case and endings ("-ov", "-yev", "Nazirliyi") carry much of the signal.
DEFAULT_ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE")


@dataclass
class TrainSettings:
    lang: str = "az"
    epochs: int = 20
    seed: int = 0
    width: int = 128
    depth: int = 4
    window_size: int = 1
    maxout_pieces: int = 3
    attrs: tuple[str, ...] = DEFAULT_ATTRS
    rows: tuple[int, ...] = (20000, 5000, 10000, 1000)
    # "multihash": hashed NORM/PREFIX/SUFFIX/SHAPE embeddings (spaCy's default); "character": a NORM
    # embedding plus the first and last `n_chars`/2 characters of each word, which sees more of an
    # inflected stem ("Azərbaycanın", "Azərbaycanda") than a 1-char prefix and 3-char suffix do.
    embed: str = "multihash"
    char_width: int = 16
    n_chars: int = 8
    hidden_width: int = 96
    dropout: float = 0.15
    learn_rate: float = 0.001
    # Sentences per update, compounding up to batch_stop: small batches (many updates) did better
    # on this 10k-sentence set than spaCy's usual 100-1000 words (0.818 vs 0.793 dev F1 at epoch 2).
    batch_start: int = 4
    batch_stop: int = 32
    patience: int = 0  # stop after this many epochs without a better dev F1; 0 = never stop early
    # Tag dates that newsmon's date rules find in untagged tokens as DATE: WikiANN marks its
    # ~200 dates "O", which would otherwise teach the model that dates are not entities.
    silver_dates: bool = True
    # Mention replacement (Dai & Adel 2020): this many extra copies of every sentence with entities,
    # each entity swapped with probability `replace_prob` for a random training mention of the same label.
    # More contexts per name and more names per context: the model memorises the training set by epoch 4.
    replace_copies: int = 0
    replace_prob: float = 0.5
    # Quotes are tokens of their own even inside a word: Azerbaijani puts the case suffix after the
    # closing quote ("“Report”un", "“Azərbaycan Hava Yolları”na"), and spaCy's rules keep that as one
    # token, so no span could ever end at the name. Saved with the pipeline's tokenizer.
    split_quotes: bool = True

    def __post_init__(self) -> None:
        self.attrs = tuple(self.attrs)
        self.rows = tuple(self.rows)
        if self.embed == "multihash" and len(self.attrs) != len(self.rows):
            raise ValueError("attrs and rows must have the same length")
        if self.embed not in ("multihash", "character"):
            raise ValueError(f"unknown embed {self.embed!r}")


@dataclass
class EpochLog:
    epoch: int
    loss: float
    precision: float
    recall: float
    f1: float
    per_label_f1: dict[str, float]
    seconds: float


    watch_f1: dict[str, float] = field(default_factory=dict)  # overall F1 on each watched set


@dataclass
class TrainResult:
    best_epoch: int
    best_scores: dict
    epochs: list[EpochLog] = field(default_factory=list)
    best_watch: dict[str, dict] = field(default_factory=dict)  # the watched sets' scores at the best epoch


def build_config(settings: TrainSettings) -> str:
    """spaCy config text for a tok2vec + ner pipeline with `settings`."""
    if settings.embed == "character":
        embed = f"""@architectures = "spacy.CharacterEmbed.v2"
width = {settings.width}
rows = {settings.rows[0]}
nM = {settings.char_width}
nC = {settings.n_chars}
include_static_vectors = false"""
    else:
        embed = f"""@architectures = "spacy.MultiHashEmbed.v2"
width = {settings.width}
attrs = {json.dumps(list(settings.attrs))}
rows = {json.dumps(list(settings.rows))}
include_static_vectors = false"""
    return f"""
[nlp]
lang = "{settings.lang}"
pipeline = ["tok2vec","ner"]
batch_size = 256

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
{embed}

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {settings.width}
depth = {settings.depth}
window_size = {settings.window_size}
maxout_pieces = {settings.maxout_pieces}

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {settings.hidden_width}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {settings.width}
upstream = "*"

[training]
seed = {settings.seed}
dropout = {settings.dropout}

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = {settings.learn_rate}

[initialize]
"""


QUOTES = "“”„\"«»"


def configure_tokenizer(nlp, settings: TrainSettings) -> None:
    """The tokenizer rules `settings` ask for, on top of the language's defaults (kept in the saved pipeline)."""
    from spacy.util import compile_infix_regex

    if settings.split_quotes:
        infixes = list(nlp.Defaults.infixes or ()) + [f"[{QUOTES}]"]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def blank_tokenizer(settings: TrainSettings):
    """The tokenizer a pipeline trained with `settings` will have: stand-off text is split with it."""
    import spacy

    nlp = spacy.blank(settings.lang)
    configure_tokenizer(nlp, settings)
    return nlp.tokenizer


def _examples(nlp, sentences: list[Sentence]) -> list:
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = []
    for s in sentences:
        predicted = Doc(nlp.vocab, words=s.words, spaces=s.spaces)
        reference = Doc(nlp.vocab, words=s.words, spaces=s.spaces, ents=spans_to_iob(len(s.words), s.spans))
        examples.append(Example(predicted, reference))
    return examples


def add_silver_dates(sentences: list[Sentence], lang: str) -> int:
    """Add DATE spans found by `newsmon.dates` where every token is outside an entity; returns how many."""
    import spacy
    from spacy.tokens import Doc

    from newsmon.nlp.dates.find import find_dates

    vocab = spacy.blank(lang).vocab
    added = 0
    for s in sentences:
        doc = Doc(vocab, words=s.words, spaces=s.spaces)
        for found in find_dates(doc.text, lang):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None or any(a < span.end and span.start < b for a, b, _ in s.spans):
                continue
            s.spans.append((span.start, span.end, "DATE"))
            added += 1
        s.spans.sort()
    return added


def mention_replacement(sentences: list[Sentence], copies: int, prob: float, seed: int) -> list[Sentence]:
    """`copies` new versions of each sentence that has entities, mentions swapped within their label."""
    rng = random.Random(seed)
    by_label: dict[str, list[list[str]]] = {}
    for s in sentences:
        for start, end, label in s.spans:
            by_label.setdefault(label, []).append(s.words[start:end])
    out: list[Sentence] = []
    for _ in range(copies):
        for s in sentences:
            if not s.spans:
                continue
            words: list[str] = []
            spans: list[tuple[int, int, str]] = []
            pos = 0
            for start, end, label in s.spans:
                words += s.words[pos:start]
                mention = rng.choice(by_label[label]) if rng.random() < prob else s.words[start:end]
                spans.append((len(words), len(words) + len(mention), label))
                words += mention
                pos = end
            words += s.words[pos:]
            out.append(Sentence(words, spans))
    return out


def _scores_line(scores: NerScores) -> dict[str, float]:
    return {lab: round(s.f1, 4) for lab, s in sorted(scores.per_label.items())}


def train(train_sents: list[Sentence], dev_sents: list[Sentence], out: str | Path,
          settings: TrainSettings | None = None, log: Callable[[str], None] = print,
          watch: dict[str, list[Sentence]] | None = None, data: dict | None = None) -> TrainResult:
    """Train, score dev after each epoch, and save the best epoch's pipeline to `out`.

    `watch` sets (e.g. held-out real news) are scored and logged every epoch but never choose the epoch,
    so that their scores stay an honest estimate. `data` (what the training data was) goes into meta.json.
    """
    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    settings = settings or TrainSettings()
    fix_random_seed(settings.seed)
    if settings.silver_dates:
        # The caller's sentences stay as given (and repeated sentences get their own copies).
        train_sents = [Sentence(list(s.words), list(s.spans), s.space_after) for s in train_sents]
        log(f"silver dates: {add_silver_dates(train_sents, settings.lang)} DATE spans added to training data")
    if settings.replace_copies:
        extra = mention_replacement(train_sents, settings.replace_copies, settings.replace_prob, settings.seed)
        log(f"mention replacement: {len(extra)} augmented sentences added")
        train_sents = train_sents + extra
    rng = random.Random(settings.seed)
    labels = sorted({span[2] for s in train_sents for span in s.spans})
    config = spacy.util.load_config_from_str(build_config(settings))
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    configure_tokenizer(nlp, settings)
    examples = _examples(nlp, train_sents)
    optimizer = nlp.initialize(lambda: examples)
    # Dev is scored on the labels its gold has: WikiANN has no DATE, a predicted date is no error there.
    dev_labels = _labels_of(dev_sents)
    log(f"train {len(train_sents)} sentences, dev {len(dev_sents)}; labels {labels}; "
        f"dev scored on {dev_labels}; settings {json.dumps(asdict(settings))}")

    out = Path(out)
    result = TrainResult(best_epoch=0, best_scores={})
    best_f1 = -1.0
    for epoch in range(1, settings.epochs + 1):
        start = time.perf_counter()
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        sizes = compounding(settings.batch_start, settings.batch_stop, 1.001)
        for batch in minibatch(examples, size=sizes):
            nlp.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            scores = score_spans([s.spans for s in dev_sents], predict_spans(nlp, dev_sents), dev_labels)
            watched = {name: score_spans([s.spans for s in sents], predict_spans(nlp, sents), _labels_of(sents))
                       for name, sents in (watch or {}).items()}
            improved = scores.overall.f1 > best_f1
            if improved:
                best_f1 = scores.overall.f1
                result.best_epoch, result.best_scores = epoch, scores.to_dict()
                result.best_watch = {name: w.to_dict() for name, w in watched.items()}
                nlp.to_disk(out)
        entry = EpochLog(epoch, round(float(losses.get("ner", 0.0)), 2), round(scores.overall.precision, 4),
                         round(scores.overall.recall, 4), round(scores.overall.f1, 4),
                         _scores_line(scores), round(time.perf_counter() - start, 1),
                         {name: round(w.overall.f1, 4) for name, w in watched.items()})
        result.epochs.append(entry)
        # After every epoch (to_disk rewrites meta.json): a run stopped early leaves a described pipeline.
        _write_meta(out, settings, result, data or {})
        watch_text = "".join(f"  {name} F1 {f1:.4f} {_scores_line(watched[name])}"
                             for name, f1 in entry.watch_f1.items())
        log(f"epoch {epoch:3d}  loss {entry.loss:9.2f}  P {entry.precision:.4f}  R {entry.recall:.4f}  "
            f"F1 {entry.f1:.4f}  {entry.per_label_f1}{watch_text}  {entry.seconds:.0f}s"
            f"{'  *best' if improved else ''}")
        if settings.patience and epoch - result.best_epoch >= settings.patience:
            log(f"no better dev F1 for {settings.patience} epochs: stopping")
            break
    return result


def _labels_of(sentences: list[Sentence]) -> list[str]:
    return sorted({span[2] for s in sentences for span in s.spans})


def _write_meta(out: Path, settings: TrainSettings, result: TrainResult, data: dict) -> None:
    """Record what produced the pipeline in its own meta.json, beside spaCy's fields."""
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({"name": f"ner_{settings.lang}", "version": "0.1.0",
                 "description": "newsmon NER: blank tokenizer + tok2vec + ner, trained by newsmon.train.ner"})
    meta["newsmon_training"] = {"settings": asdict(settings), "best_epoch": result.best_epoch,
                                "dev": result.best_scores, "watched": result.best_watch, "data": data,
                                "epochs": [asdict(e) for e in result.epochs]}
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")


@dataclass
class StandoffSource:
    """Stand-off annotated real news to train on; `holdout_share` of its articles are kept out to score."""

    paths: list[str | Path]
    real_news_dir: str | Path = standoff.DEFAULT_REAL_NEWS
    copies: int = 1  # each training sentence this many times: a few hundred in-domain sentences beside 10k
    holdout_share: float = standoff.HOLDOUT_SHARE
    holdout_seed: int = standoff.HOLDOUT_SEED


def train_files(train_paths: list[str | Path], dev_path: str | Path, out: str | Path,
                settings: TrainSettings | None = None, log: Callable[[str], None] = print,
                source: StandoffSource | None = None) -> TrainResult:
    """`train` on IOB2 files (concatenated) plus, optionally, stand-off real news (its held-out part watched)."""
    settings = settings or TrainSettings()
    per_file = [read_iob(p) for p in train_paths]
    train_sents = [s for sents in per_file for s in sents]
    data: dict = {"train": [_file_entry(p, len(sents)) for p, sents in zip(train_paths, per_file)],
                  "dev": _file_entry(dev_path, None)}
    watch: dict[str, list[Sentence]] = {}
    if source is not None:
        tokenizer = blank_tokenizer(settings)
        loaded, held = [], []
        for path in source.paths:
            sents, stats = standoff.load_standoff(path, source.real_news_dir, settings.lang)
            log(f"{path}: {stats.line()}")
            part, held_part = standoff.split_by_article(sents, source.holdout_share, source.holdout_seed)
            loaded += part
            held += held_part
            data.setdefault("standoff", []).append(
                {**_file_entry(path, stats.loaded), "articles": stats.articles, "skipped_missing": stats.missing,
                 "skipped_sha1": stats.sha1_mismatch, "train_sentences": len(part), "held_out_sentences": len(held_part),
                 "held_out_articles": len({s.article_id for s in held_part})})
        tokenized = standoff.tokenize(loaded, tokenizer)
        for mention, sentence in tokenized.misaligned:
            log(f"span off token edges, left out: {mention!r} in {sentence!r}")
        train_sents += tokenized.sentences * source.copies
        watch["held-out"] = standoff.tokenize(held, tokenizer).sentences
        data["standoff_settings"] = {"real_news_dir": str(source.real_news_dir), "copies": source.copies,
                                     "holdout_share": source.holdout_share, "holdout_seed": source.holdout_seed}
        log(f"stand-off: {len(tokenized.sentences)} training sentences x {source.copies}, "
            f"{len(held)} held out ({len({s.article_id for s in held})} articles)")
    return train(train_sents, read_iob(dev_path), out, settings, log, watch=watch, data=data)


def _file_entry(path: str | Path, sentences: int | None) -> dict:
    entry = {"path": str(path), "sha256": standoff.sha256_of(path)}
    if sentences is not None:
        entry["sentences"] = sentences
    return entry

"""Exports for researchers: the annotated corpus as JSONL, JSON, CSV, Parquet, CoNLL or a spaCy
DocBin, each written with a manifest (`<data>.manifest.json`) saying what is in it and how it was made.

Every format carries the same articles, chosen with the search filters (`ExportFilters`), in id
order. JSONL, JSON and Parquet keep the nested annotations (entities, dates, agreements); CSV keeps one
flat row per article with the nested parts as JSON text (those three text formats are written by the
CLI's record writer, passed in); CoNLL and DocBin are tokenised with spaCy's rule
tokenizer for the article's language plus its rule-based sentencizer, entities aligned to tokens
(a mention cutting a token is widened to whole tokens; overlapping mentions keep the longest).
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from newsmon import __version__
from newsmon.model import now_iso
from newsmon.store import relevance
from newsmon.store.articles import SCHEMA_VERSION, Store
from newsmon.store.search import fts_query

TEXT_FORMATS = ("jsonl", "json", "csv")  # written by the caller's record writer (cli/output.write_records)
FORMATS = (*TEXT_FORMATS, "parquet", "conll", "docbin")
SUFFIX = {"jsonl": ".jsonl", "json": ".json", "csv": ".csv", "parquet": ".parquet", "conll": ".conll",
          "docbin": ".spacy"}
RecordWriter = Callable[[Iterable[dict[str, Any]], str, IO[str]], int]
CONLL_DOCSTART = "-DOCSTART- -X- O O"  # CoNLL-2003's document line, which spaCy's converter reads


@dataclass
class ExportFilters:
    """The same filters as `newsmon search`; `query` is optional (no query: every article)."""

    query: str | None = None
    lang: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    include_duplicates: bool = False
    min_relevance: float | None = None


@dataclass
class ExportResult:
    data: Path
    manifest: Path
    count: int
    ids: list[int] = field(default_factory=list)


def select_ids(store: Store, filters: ExportFilters) -> list[int]:
    """Ids of the articles the filters keep, in id order (published dates compare as in search)."""
    clauses, params = [], {}
    if not filters.include_duplicates:
        clauses.append("a.duplicate_of is null")
    for column, key in (("a.lang", "lang"), ("a.source", "source")):
        value = getattr(filters, key)
        if value:
            clauses.append(f"{column} = :{key}")
            params[key] = value
    if filters.since:
        clauses.append("a.published >= :since")
        params["since"] = filters.since
    if filters.until:
        clauses.append("substr(a.published, 1, 10) <= :until")
        params["until"] = filters.until
    if filters.query:
        clauses.append("a.rowid in (select rowid from articles_fts where articles_fts match :q)")
        params["q"] = fts_query(filters.query)
    if filters.min_relevance is not None:
        clauses.append("a.id in (select article_id from relevance where score >= :minrel)")
        params["minrel"] = filters.min_relevance
    where = ("where " + " and ".join(clauses)) if clauses else ""
    return [r[0] for r in store.db.execute(f"select a.id from articles a {where} order by a.id", params)]


def records(store: Store, ids: list[int]) -> Iterator[dict[str, Any]]:
    """`Store.export` records for `ids`, each with its relevance score (None when unscored)."""
    scores = relevance.scores(store.db)
    for record in store.export(include_duplicates=True, ids=ids):
        yield {**record, "relevance": scores.get(record["id"])}


# -- writers ------------------------------------------------------------------------------------

def parquet_schema():
    """The Parquet schema: nested annotations as lists of structs (no JSON inside Parquet)."""
    import pyarrow as pa
    mention = pa.struct([("text", pa.string()), ("label", pa.string()), ("start", pa.int64()),
                         ("end", pa.int64()), ("lang", pa.string()), ("canonical_id", pa.string()),
                         ("canonical_name", pa.string())])
    segment = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("lang", pa.string()),
                         ("prob", pa.float64())])
    date = pa.struct([("text", pa.string()), ("value", pa.string()), ("precision", pa.string()),
                      ("start", pa.int64()), ("end", pa.int64()), ("inferred", pa.bool_())])
    party = pa.struct([("text", pa.string()), ("name", pa.string()), ("canonical_id", pa.string())])
    agreement = pa.struct([
        ("type", pa.string()), ("title", pa.string()), ("parties", pa.list_(party)),
        ("date_signed", pa.struct([("value", pa.string()), ("precision", pa.string())])),
        ("place", pa.string()), ("status", pa.string()), ("sentence", pa.string()),
        ("start", pa.int64()), ("end", pa.int64())])
    return pa.schema([
        ("id", pa.int64()), ("url", pa.string()), ("source", pa.string()), ("lang", pa.string()),
        ("title", pa.string()), ("author", pa.string()), ("published", pa.string()),
        ("published_from", pa.string()), ("duplicate_of", pa.int64()), ("relevance", pa.float64()),
        ("text", pa.string()), ("segments", pa.list_(segment)), ("entities", pa.list_(mention)),
        ("dates", pa.list_(date)), ("agreements", pa.list_(agreement))])


def write_parquet(rows: Iterable[dict[str, Any]], out: IO[bytes], batch: int = 500) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema = parquet_schema()
    names = schema.names
    with pq.ParquetWriter(out, schema) as writer:
        chunk: list[dict[str, Any]] = []
        for record in rows:
            chunk.append({k: record.get(k) for k in names})
            if len(chunk) >= batch:  # bounded memory on a large store
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                chunk = []
        if chunk:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))


class SpacyDocs:
    """Turns records into spaCy Docs: the language's rule tokenizer, the sentencizer, and the
    record's mentions as `doc.ents` (unified labels). One blank pipeline per language, cached."""

    def __init__(self) -> None:
        self._nlp: dict[str, Any] = {}
        self.widened = 0  # mentions whose edges fell inside a token
        self.dropped = 0  # mentions overlapping a longer one, or covering no token

    def nlp(self, lang: str):
        import spacy
        if lang not in self._nlp:
            try:
                nlp = spacy.blank(lang)
            except ImportError:  # a code spaCy has no rules for (und, ...): multi-language rules
                nlp = spacy.blank("xx")
            nlp.add_pipe("sentencizer")
            self._nlp[lang] = nlp
        return self._nlp[lang]

    def doc(self, record: dict[str, Any]):
        from spacy.util import filter_spans
        doc = self.nlp(record["lang"] or "xx")(record["text"])
        spans = []
        for m in record["entities"]:
            span = doc.char_span(m["start"], m["end"], label=m["label"], alignment_mode="expand")
            if span is None or not span.text.strip():
                self.dropped += 1
                continue
            if (span.start_char, span.end_char) != (m["start"], m["end"]):
                self.widened += 1
            spans.append(span)
        kept = filter_spans(spans)
        self.dropped += len(spans) - len(kept)
        doc.ents = kept
        doc.user_data.update({"id": record["id"], "url": record["url"], "lang": record["lang"],
                              "title": record["title"], "published": record["published"]})
        return doc


def conll_lines(doc) -> Iterator[str]:
    """One document in CoNLL-2003 layout: the -DOCSTART- line, then a token and its IOB2 tag per
    line, a blank line after each sentence. Whitespace tokens (paragraph breaks) are left out."""
    yield CONLL_DOCSTART
    yield ""
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        for token in tokens:
            tag = "O" if not token.ent_iob_ or token.ent_iob_ == "O" else f"{token.ent_iob_}-{token.ent_type_}"
            yield f"{token.text} {tag}"
        yield ""


def write_conll(rows: Iterable[dict[str, Any]], out: IO[str], docs: SpacyDocs) -> int:
    count = 0
    for record in rows:
        for line in conll_lines(docs.doc(record)):
            out.write(line + "\n")
        count += 1
    return count


def write_docbin(rows: Iterable[dict[str, Any]], out: IO[bytes], docs: SpacyDocs) -> None:
    from spacy.tokens import DocBin
    # SENT_START is stored so that the sentence boundaries travel with the entities
    bin_ = DocBin(attrs=["ORTH", "SENT_START", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    for record in rows:
        bin_.add(docs.doc(record))
    out.write(bin_.to_bytes())


# -- manifest -----------------------------------------------------------------------------------

def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def model_versions() -> dict[str, Any]:
    """Names and versions of the models this newsmon annotates with (NER per language, language ID,
    relevance). The store does not record which model annotated which article: this is what the
    installed newsmon uses now."""
    from newsmon.nlp.ner_labels import DEFAULT_MODELS
    from newsmon.settings import MODELS_DIR
    ner: dict[str, Any] = {}
    for lang, name in DEFAULT_MODELS.items():
        meta_path = Path(name) / "meta.json"
        if meta_path.is_file():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            ner[lang] = {"name": meta.get("name"), "version": meta.get("version"),
                         "path": str(Path(name).relative_to(MODELS_DIR.parent))
                         if Path(name).is_relative_to(MODELS_DIR.parent) else name}
        else:
            ner[lang] = {"name": name, "version": _package_version(name)}
    out: dict[str, Any] = {"ner": ner, "spacy": _package_version("spacy"),
                           "scikit-learn": _package_version("scikit-learn"),
                           "langid": {"name": "charngram", "path": "models/langid/charngram.npz"}}
    rel_meta = MODELS_DIR / "relevance" / "meta.json"
    if rel_meta.is_file():
        meta = json.loads(rel_meta.read_text(encoding="utf-8"))
        out["relevance"] = {k: meta.get(k) for k in ("name", "version", "trained", "labels")}
    return out


SCHEMA_DOC = {
    "article": {"id": "store id", "url": "final URL", "source": "source name", "lang": "ISO 639-1 of the "
                "dominant language", "title": "", "author": "or null", "published": "ISO 8601 date as "
                "found, or null", "published_from": "metadata|feed|htmldate|text", "duplicate_of":
                "id of the earlier copy, or null", "relevance": "0-1 probability of being on the beat, "
                "or null when unscored", "text": "main text; every offset is a character offset into it"},
    "segments": ["start", "end", "lang", "prob"],
    "entities": ["text", "label (PERSON|ORG|LOC|DATE|MISC)", "start", "end", "lang", "canonical_id",
                 "canonical_name"],
    "dates": ["text", "value (ISO 8601, interval for ranges)", "precision (year|month|day)", "start",
              "end", "inferred"],
    "agreements": ["type", "title", "parties [{text, name, canonical_id}]", "date_signed {value, "
                   "precision}", "place", "status", "sentence", "start", "end"],
}


def format_schema(fmt: str) -> dict[str, Any]:
    if fmt == "parquet":
        return {"parquet": str(parquet_schema()).splitlines(), "fields": SCHEMA_DOC}
    if fmt == "csv":
        return {"columns": "the article fields below, one row per article; segments, entities, dates and "
                "agreements as JSON text in their cells", "fields": SCHEMA_DOC}
    if fmt == "conll":
        return {"layout": "CoNLL-2003: '-DOCSTART- -X- O O' then a blank line per article (in the order "
                "of `ids`), one 'TOKEN TAG' line per token, a blank line after each sentence",
                "tags": "IOB2 over PERSON, ORG, LOC, DATE, MISC", "tokenizer": "spaCy rule tokenizer "
                "of the article's language (xx when spaCy has none), sentencizer for sentences"}
    if fmt == "docbin":
        return {"layout": "spaCy DocBin (spacy.tokens.DocBin().from_disk), one Doc per article in the "
                "order of `ids`", "attrs": ["ORTH", "SENT_START", "ENT_IOB", "ENT_TYPE"],
                "user_data": ["id", "url", "lang", "title", "published"],
                "labels": ["PERSON", "ORG", "LOC", "DATE", "MISC"]}
    return {"fields": SCHEMA_DOC}


def export(store: Store, fmt: str, out: Path, filters: ExportFilters, limit: int | None = None,
           write_records: RecordWriter | None = None) -> ExportResult:
    """Write the filtered articles (the first `limit` of them) to `out` in `fmt`, and the manifest
    beside it. The text formats (TEXT_FORMATS) need `write_records`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out = Path(out)
    ids = select_ids(store, filters)[:limit]
    rows = records(store, ids)
    docs = SpacyDocs()
    if fmt in TEXT_FORMATS and write_records is None:
        raise ValueError(f"{fmt}: needs a record writer")
    binary = fmt in ("parquet", "docbin")
    # opened here, so a path that cannot be written is the same OSError for every format
    with open(out, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as stream:
        if fmt in TEXT_FORMATS:
            write_records(rows, fmt, stream)
        elif fmt == "conll":
            write_conll(rows, stream, docs)
        elif fmt == "parquet":
            write_parquet(rows, stream)
        else:
            write_docbin(rows, stream, docs)
    manifest_path = manifest_path_for(out)
    manifest_path.write_text(json.dumps(manifest(fmt, out.name, filters, ids, docs, limit), ensure_ascii=False,
                                        indent=2) + "\n", encoding="utf-8")
    return ExportResult(out, manifest_path, len(ids), ids)


def manifest(fmt: str, data_name: str, filters: ExportFilters, ids: list[int], docs: SpacyDocs,
             limit: int | None = None) -> dict[str, Any]:
    """What a manifest says: count, filters, versions of newsmon and its models, schema, ids in order."""
    out = {
        "format": fmt, "data": data_name, "count": len(ids),
        "filters": {k: v for k, v in asdict(filters).items() if v not in (None, False)},
        "newsmon_version": __version__, "store_schema_version": SCHEMA_VERSION,
        "created": now_iso(),
        "python": sys.version.split()[0], "models": model_versions(), "schema": format_schema(fmt),
        "ids": ids,
    }
    if limit is not None:
        out["filters"]["limit"] = limit
    if fmt in ("conll", "docbin"):
        out["alignment"] = {"mentions_widened_to_tokens": docs.widened,
                            "mentions_dropped_overlap_or_empty": docs.dropped}
    return out


def manifest_path_for(data: Path) -> Path:
    return data.with_name(data.name + ".manifest.json")

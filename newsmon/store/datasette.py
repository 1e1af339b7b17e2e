"""A Datasette metadata file for a newsmon database: table settings and canned queries.

The full-text index is contentless (it holds the folded forms of title and text, fold_e and fold_a;
see store/search.py), so Datasette cannot detect it from the schema: the metadata names it
(`fts_table`, `fts_pk`) for the search box on `articles`, and adds what the schema cannot say:
descriptions, facets, newest first, the crawler's bookkeeping tables hidden, and canned queries for
the questions the CLI answers (an entity's articles, agreements by party, articles by relevance).

The folding is per letter in Python: newsmon's Datasette plugin (store/datasette_plugin.py) makes the
search box fold what is typed as `newsmon search` does. A Datasette without it (installed apart from
newsmon) matches the folded text as typed: `Aliyev`, `xidmet` find their articles, `Əliyev` does not.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsmon.store.articles import Store

# Tables only the crawler reads (blobs, queues, signatures): hidden from Datasette's index page.
CRAWLER_TABLES = ("frontier", "http_cache", "raw_pages", "fingerprints", "fingerprint_bands",
                  "home_discovery", "meta")

# The ids an entity parameter may mean, as `Store.find_entity_ids` (id, canonical name, or any
# stored surface name), without the folding SQL cannot do: the name is compared case-insensitively.
_ENTITY_IDS = """
    select id from entities where id = :entity or name = :entity collate nocase
    union select entity_id from entity_names where name = :entity collate nocase
                                              or folded = lower(:entity)"""

ENTITY_ARTICLES = f"""select a.id, a.published, a.lang, a.source, a.title, a.url,
       count(*) as mentions
from mentions m join articles a on a.id = m.article_id
where m.entity_id in ({_ENTITY_IDS}
) and a.duplicate_of is null
group by a.id
order by a.published desc, a.id desc"""

# One row per party of each agreement; `party` empty lists every party, else a name, a part of one
# or an entity id. Parties are a JSON list in agreements.parties (text, name, canonical_id).
AGREEMENTS_BY_PARTY = """select coalesce(json_extract(p.value, '$.name'), json_extract(p.value, '$.text'))
         as party,
       json_extract(p.value, '$.canonical_id') as party_id,
       g.type, g.status, g.date_signed, g.place, g.title, a.lang, a.published, a.title as article,
       a.url
from agreements g join articles a on a.id = g.article_id, json_each(g.parties) p
where a.duplicate_of is null
  and (:party = ''
       or json_extract(p.value, '$.canonical_id') = :party
       or json_extract(p.value, '$.name') like '%' || :party || '%'
       or json_extract(p.value, '$.text') like '%' || :party || '%')
order by party, coalesce(g.date_signed, a.published) desc"""

# Unscored articles (stored before the model) come last, and go when a minimum is given.
ARTICLES_BY_RELEVANCE = """select a.id, round(r.score, 3) as relevance, a.published, a.lang, a.source,
       a.title, a.url
from articles a left join relevance r on r.article_id = a.id
where a.duplicate_of is null
  and (:min_relevance = '' or r.score >= cast(:min_relevance as real))
order by r.score is null, r.score desc, a.published desc"""

def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file: its name without the extension."""
    return Path(db_path).stem


def canned_queries() -> dict[str, dict[str, Any]]:
    """The canned queries: each answers what a CLI command does, in SQL Datasette can run."""
    return {
        "entity_articles": {
            "title": "An entity's articles",
            "description": "The articles that mention an entity, newest first. entity: its id "
                           "(e.g. sapssi) or any of its names as stored (ASAN, KOICA), any case.",
            "sql": ENTITY_ARTICLES,
        },
        "agreements_by_party": {
            "title": "Agreements by party",
            "description": "One row per party of each agreement reported, by party. party: empty "
                           "for all, else an entity id or part of a party's name.",
            "sql": AGREEMENTS_BY_PARTY,
        },
        "articles_by_relevance": {
            "title": "Articles by relevance",
            "description": "Articles by the relevance model's score, most relevant first (unscored "
                           "last). min_relevance: a score from 0 to 1, or empty for all.",
            "sql": ARTICLES_BY_RELEVANCE,
        },
    }


def metadata(store: Store) -> dict[str, Any]:
    """Datasette metadata for the store's database."""
    tables = set(store.db.table_names())
    table_settings: dict[str, dict[str, Any]] = {
        "articles": {
            "description": "One row per stored article. The search box matches the title and text "
                           "as `newsmon search` does (Aliyev finds Əliyev, agentlik finds "
                           "Agentliyinin). Copies of a stored story have duplicate_of set.",
            "fts_table": "articles_fts", "fts_pk": "id",
            "sort_desc": "published", "facets": ["lang", "source"],
        },
        "mentions": {"description": "Entity mentions: character offsets into articles.text.",
                     "facets": ["label", "lang"]},
        "entities": {"description": "Canonical entities (one row per id).", "label_column": "name",
                     "facets": ["label"]},
        "agreements": {"description": "Agreements reported in the articles; parties as JSON.",
                       "facets": ["type", "status"]},
        "relevance": {"description": "The relevance model's score per article (0 to 1), and the model.",
                      "sort_desc": "score"},
        "labels": {"description": "Analysts' relevance labels (newsmon label).", "facets": ["label"]},
        **{name: {"hidden": True} for name in CRAWLER_TABLES if name in tables},
    }
    return {
        "title": "newsmon",
        "description": "News coverage monitored by newsmon: articles, entities, agreements.",
        "databases": {
            database_name(store.path): {
                "tables": {name: value for name, value in table_settings.items() if name in tables},
                "queries": canned_queries(),
            },
        },
    }


def dump(data: dict[str, Any], fmt: str) -> str:
    """The metadata as JSON or YAML text (Datasette reads both; YAML keeps the SQL readable)."""
    if fmt == "yaml":
        import yaml  # PyYAML comes with Datasette (the `datasette` extra)

        class Literal(yaml.SafeDumper):
            """Multi-line strings (the SQL) as `|` blocks."""

        Literal.add_representer(str, lambda dumper, value: dumper.represent_scalar(
            "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))
        return yaml.dump(data, Dumper=Literal, allow_unicode=True, sort_keys=False)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

"""Finding entities by any of their names: what the store has seen plus what the knowledge base knows.

Shared by the CLI (`newsmon entity`, `newsmon agreements --party`) and the web UI, so both give the
same answer for the same name.
"""
from __future__ import annotations

from typing import Any

from newsmon.nlp.kb import KnowledgeBase
from newsmon.store import analytics
from newsmon.store.articles import Store


def entity_ids(store: Store, kb: KnowledgeBase | None, name: str) -> list[str]:
    """Ids of the entities `name` may mean: stored names first, then the knowledge base's entry
    (by id or by any of its names, so "ASAN" finds SAPSSI before any article mentions it)."""
    ids = store.find_entity_ids(name)
    known = (kb.get(name) or kb.lookup(name)) if kb is not None else None
    if known and known.id not in ids:
        ids.append(known.id)
    return ids


def entity_record(store: Store, kb: KnowledgeBase | None, entity_id: str, limit: int | None = None,
                  offset: int = 0) -> dict[str, Any] | None:
    """`Store.entity` with every name the knowledge base knows, not only those seen so far."""
    record = store.entity(entity_id, limit, offset)
    entry = kb.get(record["id"]) if record and kb is not None else None
    if entry:
        names = {lang: list(values) for lang, values in entry.all_names().items()}
        for lang, seen in record["names"].items():
            names.setdefault(lang, []).extend(n for n in seen if n not in names[lang])
        record["names"] = names
        record["acronyms"] = list(entry.acronyms + entry.brands)
    if record:  # the data behind the analyst's charts (web UI), the same in `newsmon entity --format json`
        record["timeline"] = analytics.entity_timeline(store.db, entity_id)
        record["cooccurring"] = analytics.cooccurring(store.db, entity_id)
    return record


def entity_records(store: Store, kb: KnowledgeBase | None, name: str, limit: int | None = None,
                   offset: int = 0) -> list[dict[str, Any]]:
    """Records of every entity `name` may mean, most mentioned first (stored ones only), each with
    `limit` of its articles after `offset` (all by default)."""
    records = [r for r in (entity_record(store, kb, i, limit, offset) for i in entity_ids(store, kb, name)) if r]
    return sorted(records, key=lambda r: -r["mentions"])

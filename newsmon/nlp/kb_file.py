"""The knowledge-base file format: TOML `[[entity]]` tables read into `KBEntity` records.

`models/kb/README.md` documents the fields. Files are read in order; a later entity with the same id
replaces the earlier one, or with `merge = true` adds its names to it. Matching those names in text is
`kb.py`'s job.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Sequence

from newsmon.settings import MODELS_DIR

DEFAULT_KB_PATH = MODELS_DIR / "kb" / "entities.toml"
KB_LABELS = ("ORG", "PERSON", "LOC")


@dataclass(frozen=True)
class FormerName:
    name: str
    lang: str | None = None
    start: str | None = None  # ISO year or date the name came into use, when known
    end: str | None = None


@dataclass(frozen=True)
class KBEntity:
    id: str
    name: str  # canonical English name
    label: str  # ORG, PERSON or LOC
    names: dict[str, tuple[str, ...]]  # language -> names
    acronyms: tuple[str, ...] = ()
    parent: str | None = None
    brands: tuple[str, ...] = ()
    former_names: tuple[FormerName, ...] = ()
    former_acronyms: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()  # names that count only when a `context` word is in the text
    context: tuple[str, ...] = ()
    founded: str | None = None
    role: str | None = None
    kind: str | None = None  # places: "country", "capital" (its country is `parent`) or "region"
    source: str = ""  # the file that defined it

    def all_names(self) -> dict[str, tuple[str, ...]]:
        """Names by language, current then former, canonical name first in "en"; no duplicates."""
        out: dict[str, list[str]] = {"en": [self.name]}
        for lang, names in self.names.items():
            out.setdefault(lang, []).extend(names)
        for former in self.former_names:
            out.setdefault(former.lang or "en", []).append(former.name)
        return {lang: tuple(dict.fromkeys(names)) for lang, names in out.items()}

    def surfaces(self) -> Iterator[tuple[str, str | None, str]]:
        """Every (surface, language or None, kind) this entity may be written as."""
        yield self.name, "en", "name"
        for lang, names in self.names.items():
            for n in names:
                yield n, lang, "name"
        for n in self.acronyms:
            yield n, None, "acronym"
        for n in self.brands:
            yield n, None, "brand"
        for f in self.former_names:
            yield f.name, f.lang, "former"
        for n in self.former_acronyms:
            yield n, None, "acronym"


def read_entities(paths: Sequence[Path] | None = None, include_default: bool = True) -> list[KBEntity]:
    """The shipped KB's entities, then each file of `paths` in order (see the module docstring)."""
    files = ([DEFAULT_KB_PATH] if include_default else []) + [Path(p) for p in paths or ()]
    by_id: dict[str, KBEntity] = {}
    for path in files:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for raw in data.get("entity", []):
            entity, merge = _parse_entity(raw, str(path))
            if merge and entity.id in by_id:
                entity = _merge(by_id[entity.id], entity)
            elif merge and not (entity.name and entity.label):
                raise ValueError(f"{path}: merge entry {entity.id!r} matches no earlier entity")
            by_id[entity.id] = entity
    return list(by_id.values())


def _tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)  # type: ignore[union-attr]


def _parse_entity(raw: dict, source: str) -> tuple[KBEntity, bool]:
    merge = bool(raw.get("merge", False))
    # A merge entry may give just the id and the names it adds.
    for key in ("id",) if merge else ("id", "label", "name"):
        if not raw.get(key):
            raise ValueError(f"{source}: entity without {key!r}: {raw}")
    if raw.get("label", "ORG" if merge else None) not in KB_LABELS:
        raise ValueError(f"{source}: entity {raw['id']!r} has label {raw['label']!r}, not one of {KB_LABELS}")
    names = {lang: _tuple(v) for lang, v in (raw.get("names") or {}).items()}
    former = tuple(
        FormerName(f["name"], f.get("lang"), _str(f.get("from")), _str(f.get("to")))
        for f in raw.get("former", [])
    )
    entity = KBEntity(
        id=raw["id"], name=raw.get("name", ""), label=raw.get("label", ""), names=names,
        acronyms=_tuple(raw.get("acronyms")), parent=raw.get("parent"), brands=_tuple(raw.get("brands")),
        former_names=former, former_acronyms=_tuple(raw.get("acronyms_former")),
        ambiguous=_tuple(raw.get("ambiguous")), context=_tuple(raw.get("context")),
        founded=_str(raw.get("founded")), role=raw.get("role"), kind=raw.get("kind"), source=source,
    )
    return entity, merge


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _merge(old: KBEntity, new: KBEntity) -> KBEntity:
    """`new` (a user entry with merge = true) adds names to `old`; its scalar fields win when given."""
    names = {lang: tuple(dict.fromkeys(old.names.get(lang, ()) + new.names.get(lang, ())))
             for lang in {**old.names, **new.names}}
    return replace(
        old, name=new.name or old.name, label=new.label or old.label, names=names,
        acronyms=tuple(dict.fromkeys(old.acronyms + new.acronyms)),
        brands=tuple(dict.fromkeys(old.brands + new.brands)),
        former_names=old.former_names + new.former_names,
        former_acronyms=tuple(dict.fromkeys(old.former_acronyms + new.former_acronyms)),
        ambiguous=tuple(dict.fromkeys(old.ambiguous + new.ambiguous)),
        context=tuple(dict.fromkeys(old.context + new.context)),
        parent=new.parent or old.parent, founded=new.founded or old.founded, role=new.role or old.role,
        kind=new.kind or old.kind,
        source=f"{old.source}+{new.source}",
    )

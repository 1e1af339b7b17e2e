"""Canonical names of the knowledge base's organisations that the news knows by their acronym.

An organisation's canonical name (`name` in models/kb/entities.toml) is what the product shows for it and
the name analysts search for. For most bodies that is the full English name, but some are known almost
only by their acronym: the news writes "NATO", "UNESCO", "SOCAR", "AZƏRTAC", and hardly ever their long
names. For those the acronym is the better canonical name. The decision is counted, not guessed: over the
whole real-news pool (../shared/data/real-news/{az,en,fr}.jsonl, read by path, never copied), the uses
of every acronym of the entity (as a whole word, case kept) against the uses of every one of its long
names in any language (case folded). An organisation whose acronyms are used at least RATIO times as
often as its long names, and at least MIN_USES times, takes as canonical name its most used acronym
the entity lists in Latin capitals (uses of "AZƏRTAC" count for "AZERTAC"); its former canonical name
stays among its English names, so it is still found. Entities without such an acronym are left alone.

    .venv/bin/python models/build_kb_acronym_names.py            # report: entity, counts, decision
    .venv/bin/python models/build_kb_acronym_names.py --apply    # rewrite the `name` lines in place
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsmon.nlp.kb_file import KBEntity, read_entities  # noqa: E402

POOL = REPO.parent / "shared" / "data" / "real-news"
KB_FILE = REPO / "models" / "kb" / "entities.toml"
RATIO = 10
MIN_USES = 20


def pool_text() -> str:
    parts = []
    for lang in ("az", "en", "fr"):
        with open(POOL / f"{lang}.jsonl", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    parts.append((row.get("title") or "") + "\n" + row["text"])
    return "\n".join(parts)


def latin(acronym: str) -> str | None:
    """The acronym in Latin capitals without diacritics ("AZƏRTAC" -> "AZERTAC"), None for another script."""
    plain = unicodedata.normalize("NFKD", acronym.replace("Ə", "E").replace("ə", "e").replace("İ", "I"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).upper()
    return plain if re.fullmatch(r"[A-Z0-9&-]+", plain) else None


def decide(entity: KBEntity, text: str, folded: str) -> tuple[int, int, str | None]:
    """(acronym uses, long-name uses, new canonical name or None)."""
    uses = {a: len(re.findall(rf"(?<![\w-]){re.escape(a)}(?!\w)", text)) for a in entity.acronyms}
    names = {entity.name} | {n for ns in entity.names.values() for n in ns}
    long_uses = sum(len(re.findall(rf"(?<!\w){re.escape(n.lower())}(?!\w)", folded))
                    for n in names if len(n) > 6 and not n.isupper())
    short_uses = sum(uses.values())
    if short_uses < MIN_USES or short_uses < RATIO * max(long_uses, 1) or len(entity.name.split()) < 2:
        return short_uses, long_uses, None  # a one-word name ("Hamas", "G7") is short already
    # the acronym is written as the entity lists it in Latin capitals ("AZERTAC", "OSCE"); another
    # alphabet's form counts for the Latin one it transliterates to ("AZƏRTAC"), never replaces it
    listed = {a for a in entity.acronyms if re.fullmatch(r"[A-Z0-9&-]+", a)}
    by_form = {form: 0 for form in listed}
    for a, n in uses.items():
        form = latin(a)
        if form in by_form:
            by_form[form] += n
    best = max(sorted(by_form), key=by_form.get) if by_form else None
    return short_uses, long_uses, best


def apply(changes: dict[str, str]) -> None:
    """Rewrite `name = "..."` of each changed entity and keep the old name among its English names."""
    lines = KB_FILE.read_text(encoding="utf-8").split("\n")
    current = None
    for i, line in enumerate(lines):
        m = re.match(r'id = "(.*)"$', line)
        if m:
            current = m.group(1)
            continue
        if current in changes and line.startswith("name = "):
            old = json.loads(line[len("name = "):])
            lines[i] = f"name = {json.dumps(changes[current], ensure_ascii=False)}"
            changes[current] = old  # from here on: the name to keep among the English names
    # second pass: make sure each old name is listed in names.en
    current = None
    for i, line in enumerate(lines):
        m = re.match(r'id = "(.*)"$', line)
        if m:
            current = m.group(1)
        elif current in changes and line.startswith("names.en = "):
            names = json.loads(line[len("names.en = "):])
            if changes[current] not in names:
                names.insert(0, changes[current])
                lines[i] = "names.en = " + json.dumps(names, ensure_ascii=False)
            changes.pop(current)
    for current, old in changes.items():  # no names.en line: add one after the name
        at = next(i for i, line in enumerate(lines) if line == f'id = "{current}"')
        at = next(i for i in range(at, len(lines)) if lines[i].startswith("name = "))
        lines.insert(at + 1, "names.en = " + json.dumps([old], ensure_ascii=False))
    KB_FILE.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apply", action="store_true", help="rewrite models/kb/entities.toml")
    args = parser.parse_args(argv)
    if not POOL.exists():
        print(f"no real-news pool at {POOL}", file=sys.stderr)
        return 1
    text = pool_text()
    folded = text.lower()
    changes = {}
    for entity in read_entities():
        if entity.label != "ORG" or not entity.acronyms:
            continue
        short, long_, new = decide(entity, text, folded)
        if new:
            changes[entity.id] = new
            print(f"{entity.id}\t{short}\t{long_}\t{entity.name} -> {new}")
    print(f"{len(changes)} organisations known by their acronym (>= {RATIO}x their long names, >= {MIN_USES} uses)")
    if args.apply and changes:
        apply(dict(changes))
    return 0


if __name__ == "__main__":
    sys.exit(main())

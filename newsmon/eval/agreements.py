"""Scoring agreement records against gold agreements (the `agreements` key of a gold JSONL line).

A gold party is a set of acceptable names: its canonical name (`parties`), plus, when the gold gives
`party_names` (real-dev's format: one list per party of the English canonical, the surface forms with
and without case suffixes, acronyms, short forms), every one of those. A predicted party is right when
its name as written or its canonical name matches one of them, folded (`newsmon.text.normalize.fold`).
On gold without `party_names` (the sample gold) this gives the figures of the earlier scorer, which
compared canonical names only.

A predicted record matches a gold one (strict) when the type and the date_signed value agree and its
parties pair off one-to-one with the gold parties; the lenient variant asks only for the type and
one right party. Records are matched one-to-one too, so two predicted records for one gold
agreement count one true and one false positive.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsmon.eval.scoring import Counts
from newsmon.model import Agreement
from newsmon.text.normalize import fold


@dataclass(frozen=True)
class AgreementKey:
    type: str
    parties: tuple[frozenset[str], ...]  # each party: its acceptable names, folded
    date: str | None


def _party_fields(party: Any) -> tuple[str, str]:
    """(name as written, canonical name) of a Party, a party read back from JSON, or a bare name."""
    if isinstance(party, str):
        return party, party
    if isinstance(party, dict):
        return party.get("text") or party.get("name") or "", party.get("name") or ""
    return party.text, party.name


def predicted_key(agreement: Agreement | dict[str, Any]) -> AgreementKey:
    """An extracted record (or one read back from the store or an export) as a key: each party its
    canonical name and its name as written; parties with the same canonical name count once."""
    if isinstance(agreement, dict):
        type_, parties = agreement["type"], agreement.get("parties") or []
        date = (agreement.get("date_signed") or {}).get("value")
    else:
        type_, parties = agreement.type, agreement.parties
        date = agreement.date_signed["value"] if agreement.date_signed else None
    names: dict[str, set[str]] = {}
    for party in parties:
        text, canonical = _party_fields(party)
        names.setdefault(fold(canonical), {fold(canonical)})
        if text:
            names[fold(canonical)].add(fold(text))
    return AgreementKey(type_, tuple(frozenset(n) for n in names.values()), date)


def gold_key(gold: dict[str, Any]) -> AgreementKey:
    """A gold agreement as a key: each party its canonical name plus its `party_names`, if any."""
    parties = gold.get("parties") or []
    alternatives = gold.get("party_names") or [[] for _ in parties]
    if len(alternatives) != len(parties):
        raise ValueError(f"gold agreement {gold.get('title') or gold['type']!r}: {len(parties)} parties "
                         f"but {len(alternatives)} party_names lists")
    seen: dict[str, frozenset[str]] = {}
    for party, names in zip(parties, alternatives):
        seen.setdefault(fold(party), frozenset({fold(party), *(fold(n) for n in names)}))
    date = (gold.get("date_signed") or {}).get("value")
    return AgreementKey(gold["type"], tuple(seen.values()), date)


def _pair_off(predicted: Sequence[frozenset[str]], gold: Sequence[frozenset[str]]) -> bool:
    """True when every predicted party matches a different gold party and none is left over
    (a perfect bipartite matching, found by augmenting paths)."""
    if len(predicted) != len(gold):
        return False
    owner: dict[int, int] = {}  # gold party -> predicted party

    def assign(i: int, tried: set[int]) -> bool:
        for j, names in enumerate(gold):
            if j not in tried and predicted[i] & names:
                tried.add(j)
                if j not in owner or assign(owner[j], tried):
                    owner[j] = i
                    return True
        return False

    return all(assign(i, set()) for i in range(len(predicted)))


def matches(pred: AgreementKey, gold: AgreementKey, lenient: bool = False) -> bool:
    if pred.type != gold.type:
        return False
    if lenient:
        if not pred.parties and not gold.parties:
            return True
        return any(p & g for p in pred.parties for g in gold.parties)
    return pred.date == gold.date and _pair_off(pred.parties, gold.parties)


def score_agreements(predicted: Sequence[Agreement | dict[str, Any]], gold: Sequence[dict[str, Any]],
                     lenient: bool = False) -> Counts:
    """True/false positives and false negatives of one article's records (one-to-one matching)."""
    remaining = [gold_key(g) for g in gold]
    tp = 0
    for p in predicted:
        key = predicted_key(p)
        hit = next((i for i, g in enumerate(remaining) if matches(key, g, lenient)), None)
        if hit is not None:
            remaining.pop(hit)
            tp += 1
    return Counts(tp=tp, fp=len(predicted) - tp, fn=len(remaining))


# Error causes, in the order a fix would address them.
ERROR_CAUSES = ("missed trigger", "wrong type", "wrong party", "missing party", "extra party",
                "date missing", "date wrong", "extra date", "extra record")


def classify_errors(predicted: Sequence[Agreement | dict[str, Any]],
                    gold: Sequence[dict[str, Any]]) -> list[tuple[str, int | None, int | None]]:
    """Why one article's records miss its gold: (cause, gold index, predicted index) for every gold
    record no prediction matches strictly and every prediction that matches none. Strict matches are
    taken out first (as `score_agreements` does); the rest pair off by type and shared party, else by
    shared party, else by type; a pair's first difference is its cause (parties before the date), an
    unpaired gold is a missed trigger and an unpaired prediction an extra record."""
    pred_keys = [predicted_key(p) for p in predicted]
    gold_keys = [gold_key(g) for g in gold]
    free_gold = list(range(len(gold_keys)))
    free_pred: list[int] = []
    for i, key in enumerate(pred_keys):
        hit = next((j for j in free_gold if matches(key, gold_keys[j])), None)
        if hit is None:
            free_pred.append(i)
        else:
            free_gold.remove(hit)
    pairs: list[tuple[int, int]] = []
    for affinity in (lambda p, g: p.type == g.type and _shared(p, g), _shared, lambda p, g: p.type == g.type):
        for i in list(free_pred):
            hit = next((j for j in free_gold if affinity(pred_keys[i], gold_keys[j])), None)
            if hit is not None:
                pairs.append((hit, i))
                free_pred.remove(i)
                free_gold.remove(hit)
    out: list[tuple[str, int | None, int | None]] = [("missed trigger", j, None) for j in free_gold]
    out += [(_cause(pred_keys[i], gold_keys[j]), j, i) for j, i in pairs]
    out += [("extra record", None, i) for i in free_pred]
    return out


def _shared(p: AgreementKey, g: AgreementKey) -> bool:
    return any(a & b for a in p.parties for b in g.parties)


def _cause(p: AgreementKey, g: AgreementKey) -> str:
    if p.type != g.type:
        return "wrong type"
    right = sum(1 for a in p.parties if any(a & b for b in g.parties))
    if right < len(p.parties):
        return "wrong party" if len(p.parties) <= len(g.parties) else "extra party"
    if len(p.parties) < len(g.parties):
        return "missing party"
    if not _pair_off(p.parties, g.parties):
        return "wrong party"  # two names of one gold party
    if p.date is None:
        return "date missing"
    return "extra date" if g.date is None else "date wrong"

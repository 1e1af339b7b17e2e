"""People named again within an article: a surname, a case form, a given name with an honorific, an
initial and surname, a given name and patronymic, each given the id of the one full name of the article it
stands for (`corefer_people`, run by `linking.link_mentions` after the knowledge base)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.kb import SUFFIX_LANGS
from newsmon.text.az import PATRONYMIC_WORDS, az_stems
from newsmon.text.normalize import fold_tokens

# (surface, label, lang) -> (id, name): how linking names a person outside the knowledge base
Derive = Callable[[str, str, str | None], tuple[str, str]]


def corefer_people(linked: list[tuple[Mention, str]], lang: str, derive: Derive) -> list[tuple[Mention, str]]:
    """Give "Mehdiyev", "Mr. Mehdiyev", "Mehdiyevin", "Ülvi bəy", "Ali Hassan" the id of the one
    longer name in the article they are the end (or the given name) of; "Ə.Əsədov", the Azerbaijani
    press's initial and surname, that of the one "Əli Əsədov" (or "Ayxan Hacızadənin") it abbreviates."""
    people: list[tuple[list[str], tuple[str, str]]] = []  # (folded words, (id, name)) of full names
    folded = [fold_tokens(surface) for _, surface in linked]  # read by both passes below
    for (m, surface), words in zip(linked, folded):
        if m.label == "PERSON" and len(words) >= 2:
            ref = (m.canonical_id, m.canonical_name) if m.canonical_id else derive(surface, "PERSON", m.lang or lang)
            people.append((words, ref))
    if not people:
        return linked
    # The full names whose last word can be the same word as a given last word (`_ends_with`: equal, or
    # one a case form of the other), so each name is compared with those only, not with every full name.
    by_last: dict[str, list[int]] = {}
    for i, (full, _) in enumerate(people):
        for word in (full[-1], *az_stems(full[-1])):
            by_last.setdefault(word, []).append(i)
    out = []
    # per distinct name and language kind: an article repeats its names
    ends: dict[tuple[tuple[str, ...], bool], set[tuple[str, str]]] = {}
    for (m, surface), words in zip(linked, folded):
        if words and m.label != "DATE" and not m.canonical_id:
            suffixed = (m.lang or lang) in SUFFIX_LANGS  # "Martini" is no case of "Martin" in English
            key = (tuple(words), suffixed)
            if key not in ends:
                near = {i for word in (words[-1], *az_stems(words[-1])) for i in by_last.get(word, ())}
                ends[key] = {ref for full, ref in (people[i] for i in near) if full != words
                             and _ends_with(full, words) and (len(full) > len(words) or _has_initial(words)
                                                              or (suffixed and _inflected(full, words)))}
            refs = ends[key]
            if not refs and m.label == "PERSON" and (len(words) == 1 or _given_and_father(words)):
                # "Ülvi bəy"; "İlham Heydər oğlu", how letters address "İlham Əliyev"
                refs = {ref for full, ref in people if full[0] == words[0] and not _given_and_father(full)}
            if len(refs) == 1 and (m.label == "PERSON" or len(words) == 1):
                (cid, cname), = refs
                m = replace(m, label="PERSON", canonical_id=cid, canonical_name=cname)
        out.append((m, surface))
    return out


def _given_and_father(words: list[str]) -> bool:
    """A given name and the father's, no surname: "İlham Heydər oğlu" (folded words)."""
    return len(words) == 3 and words[-1] in PATRONYMIC_WORDS


def _ends_with(full: list[str], part: list[str]) -> bool:
    """`full` ends with `part`, the last word of either possibly with an az case suffix ("Mehdiyevin"),
    a one-letter word of `part` standing for a given name ("ə" of "Ə.Əsədov" for "Əli")."""
    if len(part) > len(full):
        return False
    tail = full[-len(part):]
    if any(f != p and not (len(p) == 1 and f.startswith(p)) for f, p in zip(tail[:-1], part[:-1])):
        return False
    return _same_word(tail[-1], part[-1]) or _same_word(part[-1], tail[-1])


def _same_word(base: str, word: str) -> bool:
    """`word` is `base` or `base` with one az case suffix ("mehdiyevin"), not a woman's form of it."""
    return base == word or (base in az_stems(word) and not female_form(word, base))


def _inflected(base: list[str], words: list[str]) -> bool:
    """`words` is the name `base` with a case suffix on its last word ("Stiv Uitkoffun" of "Stiv Uitkoff"):
    a foreign surname's suffix is ambiguous on its own (`_base_form` leaves it), but the article's
    nominative form says where it starts. One way only: the nominative keeps its own id."""
    return (len(base) == len(words) and base[:-1] == words[:-1] and base[-1] != words[-1]
            and _same_word(base[-1], words[-1]))


def _has_initial(words: list[str]) -> bool:
    return len(words) >= 2 and all(len(w) == 1 for w in words[:-1])


def female_form(word: str, stem: str) -> bool:
    """"Əliyeva" is a woman's surname, not "Əliyev" + dative (that folds to "aliyeve")."""
    return word.endswith("a") and stem.endswith(("ev", "ov"))

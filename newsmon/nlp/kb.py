"""The knowledge base of canonical entities: name lookup and matching in running text.

The data lives in `models/kb/entities.toml` (format: `models/kb/README.md`, read by `kb_file.py`);
users add or override entities by id with files of the same format. Matching works on folded tokens
(`text.normalize.fold`), so spelling variants (ə/e, ü/u, é/e, case) meet, and for Azerbaijani and Turkish a
name's last word may carry a case suffix ("Dövlət Agentliyinin", "Bakıda", "Koreyanın").
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Sequence

from newsmon.nlp.kb_file import DEFAULT_KB_PATH, KB_LABELS, FormerName, KBEntity, read_entities
from newsmon.nlp.kb_forms import (
    AZ_LETTERS, GENITIVES, OF_WORDS, az_stems_cached, az_variants, azlike, bare_heads, cased, needs_caps,
    ru_key, ru_stem_cached,
)
from newsmon.text.az import CASE_SUFFIX_SET
from newsmon.text.normalize import ARTICLE_TOKENS, fold, read_escapes, text_tokens, tokenize

__all__ = ["DEFAULT_KB_PATH", "KB_LABELS", "FormerName", "KBEntity", "KnowledgeBase", "Match", "SUFFIX_LANGS"]

SUFFIX_LANGS = ("az", "tr")  # languages whose names take glued case suffixes


class _Entry(NamedTuple):
    entity_id: str
    lang: str | None
    # Short all-caps names ("ASAN", "DOST", "UN") are ordinary words in lower case, and folding would
    # make "Aİ" (EU in az) "AI": they match only as written, word for word.
    exact: frozenset[tuple[str, ...]]
    ambiguous: bool
    capital: bool  # the KB writes it with a capital first letter


class Match(NamedTuple):
    start: int
    end: int
    entity: KBEntity


_FORMS_KEPT = 1 << 17  # keys whose indexed forms `_indexed_forms` remembers, per knowledge base

_Context = Callable[[], str] | None  # the folded context text, computed when first needed


class KnowledgeBase:
    def __init__(self, entities: Iterable[KBEntity] = ()):
        self._by_id: dict[str, KBEntity] = {}
        for e in entities:
            self._by_id[e.id] = e
        self._build_index()

    # -- loading --------------------------------------------------------------------------------

    @classmethod
    def load(cls, paths: Sequence[Path] | None = None, include_default: bool = True) -> "KnowledgeBase":
        """The shipped KB, then each file of `paths` in order; a later entity with the same id replaces
        the earlier one, or with `merge = true` adds its names to it."""
        kb = cls(read_entities(paths, include_default))
        kb.validate()
        return kb

    def validate(self) -> None:
        """Raise ValueError for dangling parents (a typo there silently breaks `entity` listings)."""
        for e in self._by_id.values():
            if e.parent and e.parent not in self._by_id:
                raise ValueError(f"{e.source}: entity {e.id!r} has unknown parent {e.parent!r}")

    def _build_index(self) -> None:
        self._last_context: tuple[str, str] | None = None
        self._forms: dict[tuple[tuple[str, ...], bool], tuple[tuple[str, ...], ...]] = {}
        self._begins: dict[bool, dict[str, bool]] = {False: {}, True: {}}  # `_may_begin`, per `stems`
        self._index: dict[tuple[str, ...], list[_Entry]] = {}
        self._contexts = {e.id: tuple(fold(w) for w in e.context) for e in self._by_id.values()}
        for e in self._by_id.values():
            ambiguous = {fold(a) for a in e.ambiguous}
            for surface, lang, _kind in e.surfaces():
                self._add(surface, e.id, lang, ambiguous=fold(surface) in ambiguous)
            for surface in e.ambiguous:
                self._add(surface, e.id, None, ambiguous=True)
        self._max_len = max((len(k) for k in self._index), default=0)
        # Every proper beginning of an indexed name: `find` grows a window only while it is one.
        self._prefixes = {k[:j] for k in self._index for j in range(1, len(k))}

    def _add(self, surface: str, entity_id: str, lang: str | None, ambiguous: bool) -> None:
        key = tuple(t for t, _, _ in tokenize(surface))
        if not key:
            return
        first = surface.lstrip(" «\"'“")[:1]
        exact = frozenset([tuple(surface[s:e] for _, s, e in tokenize(surface))]) if needs_caps(surface) else frozenset()
        entry = _Entry(entity_id, lang, exact, ambiguous, not (cased(first) and first.islower()))
        self._add_key(key, entry)
        stemmed = ru_key(key)
        if stemmed != key:
            self._add_key(stemmed, entry)
        if lang in SUFFIX_LANGS:
            for variant in az_variants(key):
                self._add_key(variant, entry._replace(exact=frozenset()))

    def _add_key(self, key: tuple[str, ...], entry: _Entry) -> None:
        entity_id = entry.entity_id
        entries = self._index.setdefault(key, [])
        # The same entity may list one surface twice (as a name and as a brand): keep the stricter reading.
        for i, old in enumerate(entries):
            if old.entity_id == entity_id:
                # An exact-only form stays exact-only even if listed again in another role.
                entries[i] = old._replace(exact=old.exact | entry.exact,
                                          ambiguous=old.ambiguous and entry.ambiguous,
                                          capital=old.capital and entry.capital)
                return
        entries.append(entry)

    # -- access ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[KBEntity]:
        return iter(self._by_id.values())

    def get(self, entity_id: str) -> KBEntity | None:
        return self._by_id.get(entity_id)

    def lookup(self, surface: str, lang: str | None = None, context: str | None = None) -> KBEntity | None:
        """The entity `surface` names, or None.

        Folded comparison; for az/tr (or unknown `lang`, or Azerbaijani-looking words) the last word may
        carry a case suffix, glued ("Agentliyinin") or after a hyphen/quote ("KOICA-nın"); Russian words
        may carry any case ending. Names listed as ambiguous count only when `context` contains one of
        the entity's context words. "<name> of/de <known country>" is the entity of <name>, the country
        serving as its context ("ministère de l'Intérieur de la République de Corée").
        """
        # escapes stand for what they escape: some stored titles read "Joe\_Biden", "Biden-\u2060Harris".
        surface = read_escapes(surface)[0]
        toks = tokenize(surface)
        words = [surface[s:e] for _, s, e in toks]
        key = [t for t, _, _ in toks]
        spaced = [i > 0 and surface[toks[i - 1][2]:toks[i][1]].isspace() for i in range(len(toks))]
        # Leading articles and an English possessive are not part of the name.
        while len(key) > 1 and key[0] in ARTICLE_TOKENS:
            key, words, spaced = key[1:], words[1:], spaced[1:]
        if len(key) > 1 and key[-1] == "s" and surface.rstrip()[-2:-1] in ("'", "’"):
            key, words, spaced = key[:-1], words[:-1], spaced[:-1]
        if not key:
            return None
        folded_context = self._lazy_fold(context)
        stems = lang is None or lang in SUFFIX_LANGS or azlike(words)
        if stems and len(key) > 1 and key[-1] in CASE_SUFFIX_SET:  # "KOICA-nın"
            entity = self._match(tuple(key[:-1]), words[:-1], lang, folded_context, stems=False)
            if entity:
                return entity
        entity = self._match(tuple(key), words, lang, folded_context, stems=stems)
        if entity:
            return entity
        if stems and len(key) > 1:
            entity = self._az_genitive_match(tuple(key), words, lang, folded_context)
            if entity:
                return entity
        split = self._qualifier(key, words, spaced)
        if split:
            head, place = split
            country = " " + " ".join(key[place:])
            entity = self._match(tuple(key[:head]), words[:head], lang,
                                 lambda: (folded_context() if folded_context else "") + country, stems=False)
            return entity or self._with_country_named(tuple(key[:head]), tuple(key[place:]), lang, folded_context)
        return None

    def _with_country_named(self, head: tuple[str, ...], place: tuple[str, ...], lang: str | None,
                            folded_context: _Context) -> KBEntity | None:
        """"<head> of/de <country>" written with another name of the country than the KB's: "ministère des
        Affaires étrangères de la République d'Arménie" for the listed "... d'Arménie", "Ministry of Defence
        of the Republic of Armenia" for "... of Armenia"."""
        country = self._match(place, list(place), None, None, stems=True)
        if country is None:
            return None
        for names in country.all_names().values():
            for name in names:
                tail = tuple(t for t, _, _ in tokenize(name))
                for of in OF_WORDS:
                    for article in ((), ("la",), ("l",), ("the",)):
                        cand = head + (of,) + article + tail
                        if cand != head + place and cand in self._index:
                            entity = self._pick(cand, list(cand), lang, folded_context)
                            if entity:
                                return entity
        return None

    def _az_genitive_match(self, key: tuple[str, ...], words: list[str], lang: str | None,
                           folded_context: _Context) -> KBEntity | None:
        """An az name whose inner heads are in the genitive ("... Respublikasının Ali Məclisi" for the
        listed "... Respublikası Ali Məclisi") or whose first word is ("Azərbaycanın Xarici İşlər
        Nazirliyi", "Türkiyənin Xarici İşlər Nazirliyi"): matched bare, against the names and their
        `kb_forms.az_variants`."""
        bare = bare_heads(key)
        firsts = [bare[0]] + [s for s in az_stems_cached(bare[0]) if bare[0][len(s):] in GENITIVES]
        for first in firsts:
            cand = (first,) + bare[1:]
            if cand == key:
                continue
            entity = self._match(cand, words, lang, folded_context, stems=True)
            if entity:
                return entity
        return None

    def _match(self, key: tuple[str, ...], words: list[str], lang: str | None, folded_context: _Context,
               stems: bool, proper: bool = False) -> KBEntity | None:
        """The entity of these exact words, trying az case suffixes on the last one and Russian endings."""
        for cand in self._indexed_forms(key, stems):
            entity = self._pick(cand, words, lang, folded_context, proper)
            if entity:
                return entity
        return None

    def _indexed_forms(self, key: tuple[str, ...], stems: bool) -> tuple[tuple[str, ...], ...]:
        """The keys `_match` tries for `key` (as written, az stems of the last word, Russian stems), in
        that order, keeping only those in the index. Remembered: `find` asks about every word of
        running text, which mostly names nothing, and the same words come back."""
        forms = self._forms.get((key, stems))
        if forms is None:
            cands = [key]
            if stems:
                cands += [key[:-1] + (s,) for s in az_stems_cached(key[-1])]
            ru = ru_key(key)
            if ru != key:
                cands.append(ru)
            forms = tuple(c for c in cands if c in self._index)
            if len(self._forms) >= _FORMS_KEPT:
                self._forms.clear()
            self._forms[(key, stems)] = forms
        return forms

    def _pick(self, key: tuple[str, ...], words: list[str], lang: str | None,
              folded_context: _Context, proper: bool = False) -> KBEntity | None:
        entries = self._index.get(key)
        if not entries:
            return None
        ok = []
        for entry in entries:
            if entry.exact and tuple(words) not in entry.exact:
                continue
            if entry.ambiguous and not self._context_ok(entry.entity_id, folded_context):
                continue
            # In running text a name starts with a capital, unless the KB itself writes it in lower case
            # (French "ministère de ..."): "turkey", "asan xidmət" (easy service), "mobile ASAN service".
            if proper and entry.capital and cased(words[0][:1]) and not words[0][:1].isupper():
                continue
            ok.append(entry)
        if not ok:
            return None
        # Prefer a name of the text's language, then an unambiguous one.
        ok.sort(key=lambda en: (en.lang != lang, en.ambiguous))
        return self._by_id[ok[0].entity_id]

    def _lazy_fold(self, context: str | None) -> _Context:
        """`fold(context)` when an ambiguous name first needs it, remembered for the last context:
        linking looks up every mention of an article with the article's whole text as context, and
        `find` runs on the same text, which must not be folded once per mention."""
        if not context:
            return None

        def folded() -> str:
            last = self._last_context
            if last is not None and last[0] is context:
                return last[1]
            value = fold(context)
            self._last_context = (context, value)  # one tuple: safe to read from another thread
            return value
        return folded

    def _context_ok(self, entity_id: str, folded_context: _Context) -> bool:
        if not folded_context:
            return False
        text = folded_context()
        return bool(text) and any(w in text for w in self._contexts[entity_id])

    def _qualifier(self, key: list[str], words: list[str], spaced: list[bool]) -> tuple[int, int] | None:
        """(end of the head, start of the country) when `key` is "<head> of/de [la|l'] <KB country>"."""
        for i in range(1, len(key) - 1):
            if key[i] not in OF_WORDS or not spaced[i]:  # "BMT-də": an az suffix, not French "de"
                continue
            j = i + 1
            while j < len(key) - 1 and key[j] in ARTICLE_TOKENS:
                j += 1
            place = self._match(tuple(key[j:]), words[j:], None, None, stems=True)
            if place and place.kind == "country":
                return i, j
        return None

    # -- running text ---------------------------------------------------------------------------

    def find(self, text: str, lang: str | None = None) -> list[Match]:
        """KB names in `text`: greedy longest match, left to right, non-overlapping.

        Names must start with a capital as the KB writes them (scripts without case are exempt). An
        organisation followed by "of/de <known country>" takes the country into its span, as one name.
        """
        toks = text_tokens(text)
        folded_text = self._lazy_fold(text)
        lang_stems = lang is None or lang in SUFFIX_LANGS
        # az-like words (see azlike) in an en/fr text: none when the text has no az letter at all,
        # which spares the test on every word of most English and French articles
        az_letters = not AZ_LETTERS.isdisjoint(text)
        raw = [t for t, _, _ in toks]
        ru = [ru_stem_cached(t) for t in raw]
        matches: list[Match] = []
        i, n = 0, len(toks)
        while i < n:
            # Most words begin no name: a word that begins no longer name and is no name itself (as
            # written or with a suffix off) is passed over at the cost of two set and one dict lookups.
            # The remembered answer is read here first: a call per word of every article cost more.
            stems = lang_stems or (az_letters and azlike([text[toks[i][1]:toks[i][2]]]))
            may = self._begins[stems].get(raw[i])
            if may is None:
                may = self._may_begin(raw[i], ru[i], stems)
            if not may:
                i += 1
                continue
            found = None
            for length in self._window_lengths(raw, ru, i):
                window = toks[i: i + length]
                words = [text[s:e] for _, s, e in window]
                key = tuple(raw[i: i + length])
                entity = self._match(key, words, lang, folded_text, proper=True,
                                     stems=lang_stems or (az_letters and azlike(words)))
                if entity:
                    found = (length, entity)
                    break
            if found:
                length, entity = found
                end = i + length
                if entity.label == "ORG":
                    end = self._extend_with_place(toks, text, end)
                matches.append(Match(toks[i][1], toks[end - 1][2], entity))
                i = end
            else:
                i += 1
        return matches

    def _may_begin(self, word: str, ru_word: str, stems: bool) -> bool:
        """Whether a name can begin at this folded word: it begins a longer name (as written or
        Russian-stemmed) or is one (as written, without a case suffix, Russian-stemmed). Remembered."""
        known = self._begins[stems]
        may = known.get(word)
        if may is None:
            if len(known) >= _FORMS_KEPT:
                known.clear()
            may = known[word] = ((word,) in self._prefixes or (ru_word,) in self._prefixes
                                 or bool(self._indexed_forms((word,), stems)))
        return may

    def _window_lengths(self, raw: list[str], ru: list[str], i: int) -> list[int]:
        """Token counts, longest first, of the windows at `i` that can name an entity: all but the last
        word (which may carry a suffix) must begin some indexed name, word for word or Russian-stemmed.
        The index lookups this saves are those that could only fail."""
        lengths = [1]
        limit = min(self._max_len, len(raw) - i)
        for words in (raw, ru):
            length = 1
            while length < limit and tuple(words[i: i + length]) in self._prefixes:
                length += 1
                lengths.append(length)
        return sorted(set(lengths), reverse=True)

    def _extend_with_place(self, toks: Sequence[tuple[str, int, int]], text: str, end: int) -> int:
        """Token index after "of/de [la|l'] <known country>" that follows an organisation at `end`.

        Countries only: "ministère de l'Intérieur de la République de Corée" is one name, while
        "Maison de la justice de Tbilissi" is a branch in a city."""
        # A separate word: in "BMT-də Somali" the "də" is an az suffix, not French "de".
        if end >= len(toks) or toks[end][0] not in OF_WORDS or not text[toks[end - 1][2]:toks[end][1]].isspace():
            return end
        j = end + 1
        while j < len(toks) and toks[j][0] in ARTICLE_TOKENS:
            j += 1
        for length in range(min(6, len(toks) - j), 0, -1):
            window = toks[j: j + length]
            words = [text[s:e] for _, s, e in window]
            place = self._match(tuple(t for t, _, _ in window), words, None, None, stems=True, proper=True)
            if place and place.kind == "country":
                return j + length
        return end

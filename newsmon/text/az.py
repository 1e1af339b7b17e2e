"""Azerbaijani (and Turkish) word endings, written once: case suffixes, possessive, plural, copula,
and the surname endings of the region. Everything else (the stemmers, candidate stems, regexes over
folded or raw text) is derived from these tables.

The tables are in Azerbaijani spelling, with every vowel-harmony variant. Code that works on folded
text (`normalize.fold`: ə->e, ı->i, ü->u...) uses the folded forms below, never a hand-folded copy:
a folded table written by hand once held "dakı", which can never match folded text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from newsmon.text.normalize import fold

# The capital letters of Azerbaijani Latin script, as a regex class: names start with one.
AZ_CAPITAL = "[A-ZƏİÖÜĞŞÇ]"

# Case endings a name takes glued ("Bakıda", "Mehdiyevin", "Agentliyinin") or after a hyphen or
# apostrophe ("KOICA-nın", "Bakü'de"). Forms with a leading n follow a vowel or the 3rd-person
# possessive ("Nazirliyinin", "Nazirliyində"); yı/yi/yu/yü are the accusative of a stem whose k turned
# into y ("Agentliyi").
CASE_ENDINGS: dict[str, tuple[str, ...]] = {
    "genitive": ("ın", "in", "un", "ün", "nın", "nin", "nun", "nün"),
    "dative": ("a", "ə", "ya", "yə", "na", "nə"),
    "accusative": ("ı", "i", "u", "ü", "nı", "ni", "nu", "nü", "yı", "yi", "yu", "yü"),
    "locative": ("da", "də", "ta", "tə", "nda", "ndə"),
    "locative_ki": ("dakı", "dəki", "ndakı", "ndəki"),  # "Bakıdakı": the one in Baku
    "ablative": ("dan", "dən", "tan", "tən", "ndan", "ndən"),
    "instrumental": ("la", "lə", "yla", "ylə"),  # contracted ilə: "SOCAR-la"
}
# The cases of a word that says where, whence, whither or with what ("Tbilisidə", "Bakıdan"): such a
# word opens no name.
ADVERBIAL_CASES = ("locative", "locative_ki", "ablative", "dative", "instrumental")
# the compass words, folded: together they name a corridor or a region ("Şimal-Cənub", "Şimal-qərb"), no place each
COMPASS_WORDS = frozenset(fold(w) for w in ("Şimal", "Cənub", "Şərq", "Qərb"))
# 3rd-person singular and 1st/2nd/3rd-person plural possessive ("Agentliyi", "xidmətləri").
POSSESSIVE_ENDINGS = ("ı", "i", "u", "ü", "sı", "si", "su", "sü", "ımız", "imiz", "umuz", "ümüz",
                      "ınız", "iniz", "unuz", "ünüz", "ları", "ləri")
PLURAL_ENDINGS = ("lar", "lər")
COPULA_ENDINGS = ("dır", "dir", "dur", "dür")
# Personal pronouns, capitalised in letters and speeches ("Sizə təşəkkür edirəm", "Biz ... imzalamışıq"):
# never a name, nor a word of one.
PRONOUNS = ("mən", "sən", "o", "biz", "bizə", "bizi", "bizim", "bizdən", "siz", "sizə", "sizi", "sizin", "sizdən",
            "sizinlə", "onlar")

# How English writes Azerbaijani letters in people's names ("Rüstəm Minnixanov" -> "Rustam Minnikhanov",
# "Qasımov" -> "Gasimov", "Hacılı" -> "Hajili"), the spelling English-language news and our canonical
# names use.
_ENGLISH_LETTERS = str.maketrans({"ə": "a", "Ə": "A", "ı": "i", "İ": "I", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U",
                                  "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ğ": "gh", "Ğ": "Gh", "x": "kh",
                                  "X": "Kh", "c": "j", "C": "J", "q": "g", "Q": "G"})


def in_english_letters(name: str) -> str:
    """An Azerbaijani name as English spells it (letters only: a foreign name written the Azerbaijani way,
    "Stiv Uitkoff", stays as it is spelt)."""
    return name.translate(_ENGLISH_LETTERS)


# Surname endings of the region, folded: -ov/-ev (-yev, -iyev), -zadə, Slavic -ski/-sky/-skiy, -enko,
# -uk. A woman's form adds -a (-ova, -eva, -ska). -li/-lu (Məmmədli, Hüseynli) are surnames too, but
# also the everyday adjective suffix (-lı/-li/-lu/-lü: "Azərbaycanlı"), so alone they do not make a
# capitalised pair a person's name.
SURNAME_ENDINGS = ("ov", "ev", "zade", "ski", "sky", "skiy", "enko", "uk")
ADJECTIVE_SURNAME_ENDINGS = ("li", "lu")
FEMININE_SURNAME_ENDINGS = ("ova", "eva", "ska")
# "oğlu" (son of) and "qızı" (daughter of) after the father's given name, folded: "İlham Heydər oğlu"
PATRONYMIC_WORDS = frozenset(("oglu", "qizi"))


def _folded(endings, schwas: tuple[str, ...] = ("e",)) -> tuple[str, ...]:
    """Folded forms of `endings`, longest first; ə is written as each of `schwas`."""
    forms = {fold(e.replace("ə", s)) for e in endings for s in schwas}
    return tuple(sorted(forms, key=lambda s: (-len(s), s)))


def _alternation(forms) -> str:
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=lambda s: (-len(s), s))) + ")"


ALL_CASE_ENDINGS = tuple(e for forms in CASE_ENDINGS.values() for e in forms)
# Folded case suffixes (ə->e), longest first: what a folded name token may end with.
CASE_SUFFIXES = _folded(ALL_CASE_ENDINGS)
CASE_SUFFIX_SET = frozenset(CASE_SUFFIXES)
LOCATIVE_SUFFIXES = _folded(CASE_ENDINGS["locative"])
PLURAL_SUFFIXES = _folded(PLURAL_ENDINGS)
# After the 3rd-person possessive a case ending takes the buffer n ("Nazirliyinin"), or y before the
# contracted ilə ("Nazirliyiylə").
POSSESSIVE_CASE_SUFFIXES = tuple(s for s in CASE_SUFFIXES if s.startswith("n") or s.startswith("yl"))

# A folded surname's end, with or without the woman's -a.
SURNAME_RE = re.compile(_alternation(SURNAME_ENDINGS + FEMININE_SURNAME_ENDINGS) + "$")
# A folded stem a case suffix can be told apart from ("Mehdiyevin" -> "mehdiyev", "Məmmədlinin").
SURNAME_STEM_RE = re.compile(_alternation(SURNAME_ENDINGS + ADJECTIVE_SURNAME_ENDINGS) + "$")


def az_stems(token: str, min_stem: int = 3) -> list[str]:
    """Possible bases of a folded word once one case suffix is removed, least stripped first.

    "bakida" -> ["bakid", "baki"]; callers keep only the stems they know (KB name tokens, surnames).
    """
    return list(_az_stems(token, min_stem))


@lru_cache(maxsize=1 << 17)
def _az_stems(token: str, min_stem: int) -> tuple[str, ...]:
    # once per distinct word and process: linking compares every mention's words with every full name's
    stems = [token[: -len(s)] for s in CASE_SUFFIXES if token.endswith(s) and len(token) - len(s) >= min_stem]
    return tuple(stems[::-1])  # CASE_SUFFIXES runs longest first


# Suffix slots for `az_stem`, stripped from the end in this order, at most one per slot: case (or the
# copula, or "-dakılar": the ones in), then possessive, then plural. ə folds to e or a (search indexes
# both spellings), so each slot holds both.
_BOTH = ("e", "a")
_STEM_SLOTS = (
    _folded(ALL_CASE_ENDINGS + COPULA_ENDINGS
            + tuple(k + p for k in CASE_ENDINGS["locative_ki"] for p in PLURAL_ENDINGS), _BOTH),
    _folded(POSSESSIVE_ENDINGS, _BOTH),
    _folded(PLURAL_ENDINGS, _BOTH),
)
STEM_MIN = 4
# Each slot as (its suffix lengths, longest first; its suffixes): `az_stem` looks up the word's ending of
# each length instead of testing every suffix (some 70 `endswith` per new word).
_SLOT_LOOKUP = tuple((sorted({len(s) for s in slot}, reverse=True), frozenset(slot)) for slot in _STEM_SLOTS)
assert all(s for slot in _STEM_SLOTS for s in slot)  # an empty suffix would strip the whole word


def az_stem(folded: str, min_stem: int = STEM_MIN) -> str:
    """One stem for a folded word: case, possessive and plural suffixes stripped ("agentliyinin" ->
    "agentli"), for prefix matching.

    A final k/q turns into y/ğ before a vowel suffix ("agentlik" -> "agentliyi"), so a stem ending in
    k, q, y or g loses that letter: used as a prefix, the stem then covers both forms.
    """
    word = folded
    for lengths, suffixes in _SLOT_LOOKUP:
        # a slot's suffixes run longest first, so the first that fits is the word's longest ending in it
        for n in lengths:
            if len(word) - n >= min_stem and word[-n:] in suffixes:
                word = word[:-n]
                break
    if len(word) > min_stem and word[-1] in "kqyg":
        word = word[:-1]
    return word


@lru_cache(maxsize=1 << 17)
def stem_word(word: str) -> str:
    """az_stem(fold(word)) of a word as written, once per distinct word and process (words repeat)."""
    return az_stem(fold(word))


_VOWELS = "aıoueəiöü"
_BACK = "aıou"


def _harmonises(stem: str, ending: str) -> bool:
    """The ending's vowel agrees with the stem's last vowel (back a/ı/o/u or front e/ə/i/ö/ü)."""
    stem_vowels = [c for c in stem.lower() if c in _VOWELS]
    end_vowels = [c for c in ending if c in _VOWELS]
    if not stem_vowels or not end_vowels:
        return True
    return (stem_vowels[-1] in _BACK) == (end_vowels[0] in _BACK)


def _fits(stem: str, ending: str) -> bool:
    """Whether `ending` can follow `stem`: buffer n/y only after a vowel, a vowel-initial ending only
    after a consonant, and vowel harmony."""
    last = stem[-1:].lower()
    if not last.isalpha():
        return False
    after_vowel = last in _VOWELS
    if ending[0] in "ny" and not after_vowel:
        return False
    if ending[0] in _VOWELS and after_vowel:
        return False
    return _harmonises(stem, ending)


def split_case(word: str, known: frozenset[str] | set[str] = frozenset(), min_stem: int = 3) -> tuple[str, str | None]:
    """(stem, case) of `word` (Azerbaijani spelling) with one case ending removed: "Ermənistanla" ->
    ("Ermənistan", "instrumental"), "Koreyanın" -> ("Koreya", "genitive"), "Bankı" -> ("Bankı", None).

    Readings the phonology allows are tried most stripped first; a stem in `known` (folded words the
    article writes without an ending, say) or ending in the place-name suffix -stan wins over that
    order: "Azərbaycanın" is "Azərbaycan" + ın when the article says "Azərbaycan" anywhere, though
    "Azərbayca" + nın would also fit. The accusative after a consonant (-ı/-i/-u/-ü) is never
    stripped: on a name's head word it is the possessive of the nominative ("Apostol Arxivi").
    """
    readings = [(word[: -len(e)], case) for e, case in _STRIPPABLE
                if word.lower().endswith(e) and len(word) - len(e) >= min_stem and _fits(word[: -len(e)], e)]
    for stem, case in readings:
        if fold(stem) in known or fold(stem).endswith("stan"):
            return stem, case
    return readings[0] if readings else (word, None)


def strip_case(word: str, known: frozenset[str] | set[str] = frozenset()) -> str:
    """`word` without its case ending (see `split_case`): "Ermənistanla" -> "Ermənistan"."""
    return split_case(word, known)[0]


# (ending, case), longest first; the consonant accusative is left out (see split_case)
_STRIPPABLE = tuple(sorted(((e, case) for case, forms in CASE_ENDINGS.items() for e in forms
                            if not (case == "accusative" and e[0] != "n")), key=lambda ec: -len(ec[0])))

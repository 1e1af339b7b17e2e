"""A document whose sentence names no party: when the story's actors may be guessed its parties.

A sentence that names no party at all may still report a signing of the story's own actors when it
tells of several documents at once, the bundle signed during a visit or a meeting the article is about
("20-dən artıq sənəd imzalandı", "several agreements were signed", "plusieurs accords ont été conclus"),
or when a pronoun is the signer ("Il a signé la lettre d'intention", "They signed the memorandum"), which
points back to the actors just named.
A single document with no party named is usually a side remark ("the agreement reached after 236 days of
negotiations" on a government's formation, "10 il əvvəl imzalanmış sazişdə", "the first contract"), and
guessing its parties from the story's main actors gave wrong records far more often than right ones: on
the real-news agreement gold's tuning halves (tune, tune2, tune3), 6 of the 7 such guesses were wrong,
the one right being a bundle ("20-dən artıq sənəd imzalandı" on the Azerbaijan-China state visit).
"""
from __future__ import annotations

import re

from newsmon.nlp.agreements.records import is_plural

# az nouns stay singular after a numeral or quantifier ("20-dən artıq sənəd", "bir sıra saziş")
_AZ_BEFORE = re.compile(r"(?:\d+(?:-?\w+)?(?:\s+(?:artıq|çox|yaxın))?|bir\s+(?:sıra|neçə)|bir\s+çox|çoxsaylı"
                        r"|(?:iki|üç|dörd|beş|altı|yeddi|səkkiz|doqquz|on|onlarla)\b)\s+(?:\w+\s+)?$", re.I)

# a personal pronoun as the subject of the signing verb, a few words before the document at most; az drops
# its pronouns and marks the signers on the verb after the document: a third person plural ("nazirlər
# tranzit sazişi imzalayıblar", "imzaladılar")
_PRONOUN_SIGNER = {
    "en": re.compile(r"\b(?:he|she|they|we)\s+(?:\w+\s+){0,2}(?:sign|conclud)\w*", re.I),
    "fr": re.compile(r"\b(?:il|elle|ils|elles|nous|on)\s+(?:\w+\s+){0,2}(?:sign|conclu|paraph)\w*", re.I),
}
_AZ_PLURAL_SIGNERS = re.compile(r"\bimzala(?:yıb|dı|mış)l[aə]r\b", re.I)


def pronoun_signer(sentence: str, at: int, lang: str) -> bool:
    """The sentence has a pronoun (or, in az, the verb's plural ending) sign the document at offset `at`:
    "Il a signé la lettre", "they signed a", "... sazişi imzalayıblar"."""
    if lang in ("az", "tr"):
        return bool(_AZ_PLURAL_SIGNERS.search(sentence, at))
    pattern = _PRONOUN_SIGNER.get(lang)
    return bool(pattern and pattern.search(sentence[:at]))


def is_bundle(text: str, start: int, end: int, lang: str) -> bool:
    """The document word at text[start:end] names several documents: in the plural ("sənədlər", "agreements",
    "accords"), or in az after a numeral or quantifier."""
    if is_plural(text[start:end], lang):
        return True
    return lang in ("az", "tr") and bool(_AZ_BEFORE.search(text[max(0, start - 40):start]))

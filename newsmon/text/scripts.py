"""The script each language we annotate is written in, and words written in another one.

A French page of the Armenian diaspora press often runs a French paragraph and its Armenian
translation together in one paragraph; the paragraph is French by majority, so the French NER model
reads the Armenian half too and tags its words (26 junk mentions in one poem). A statistical model only
knows names in its own language's script, so a mention holding a word in another script is noise.
"""
from __future__ import annotations

import re

# Latin with its extensions, IPA ("ə" is U+0259) and spacing modifier letters ("Hawaiʻi", "Oʻzbekiston")
LATIN = "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0250-\u02ff\u1e00-\u1eff"
CYRILLIC = "\u0400-\u052f"
SCRIPT_OF = {"az": LATIN, "en": LATIN, "fr": LATIN, "tr": LATIN, "ru": CYRILLIC}


def _foreign_word_pattern(script: str) -> re.Pattern[str]:
    # two or more letters in a row, none of them in `script` (so a homoglyph typo such as a Cyrillic
    # "С" in "Сadillac" does not count)
    return re.compile(rf"(?:(?![{script}])[^\W\d_]){{2,}}")


_FOREIGN = {lang: _foreign_word_pattern(script) for lang, script in SCRIPT_OF.items()}


def has_foreign_word(text: str, lang: str) -> bool:
    """Whether `text` holds a word of two or more letters outside `lang`'s script (False for a
    language whose script we do not record)."""
    pattern = _FOREIGN.get(lang)
    return bool(pattern and pattern.search(text))

"""The sentences the agreement rules read, with their offsets and language."""
from __future__ import annotations

import re

from newsmon.nlp.agreements.parties import Sentence
from newsmon.text.normalize import blank_markdown_spaces

# Sentence ends: . ! ? … (plus closing quotes) then space and an upper-case letter, digit or quote,
# possibly after a list bullet ("... jobs. - Regeneron announced"), or a line break. Abbreviations that end in a dot do not end a sentence.
# French sets its guillemets off by a space ("... la paix ! » Son soutien", "... Bakou. « La France veille"):
# a closing one may follow the stop after a space, an opening one may be followed by a space.
_SENT_END = re.compile(r"[.!?…]+(?:[\"'»”’)]|\s[»”])*\s+"
                       r"(?=(?:[-–•]\s+)?(?:[\"'«“„(]|«\s)?[A-ZÀ-ÖØ-ÞƏİÜÖĞŞÇА-ЯЁ0-9])|\n+")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Jr|Sr|Mme|Mlle|MM|M|Gen|Col|Amb|vs|etc|cən|prof"
                     r"|dos|akad|Inc|Ltd|Co|art|Art|nr|N|e\.g|i\.e|г|гг|им)\.|\b[A-ZƏİ]\.)$")

# A Markdown image ("![JPEG - 199.9 ko](https://.../324-3.jpg "jpg/...")"): a picture the crawled page
# put between two paragraphs, often with no line break around it ("... ont été conclus.![JPEG - ...](...)
# Sophie Joissains, maire d'Aix-en-Provence"). It ends the sentence before it and starts none: the
# paragraph after it is another sentence, whose names are no parties of the one before; the image's
# own caption is no sentence of the story.
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# A bare address between two paragraphs the crawl ran together ("... entre les deux pays.
# https://www.armenews.com/IMG/jpg/x.jpg Selon ...", "voir photos : https://... Proche du producteur"):
# link furniture as an image is, when what follows starts a sentence (a capital, a digit, a quote) or
# the line ends. An address inside a Markdown link ("](https://...") is the link's, not the story's.
_BARE_URL = re.compile(r"(?<![(\w/])https?://[^\s()<>\[\]]+(?=\s*\n|\s*$|\s+[\"'«“(]?[A-ZÀ-ÖØ-Þ0-9])")


def split_sentences(text: str, segments=(), default_lang: str = "en") -> list[Sentence]:
    """Sentences of `text` with offsets; the language is that of the segment the sentence starts in.
    Their text reads a Markdown-escaped underscore as a space (same offsets); Markdown images and
    bare addresses between paragraphs are left out, each ending the sentence before it."""
    text = blank_markdown_spaces(text)
    images = [(m.start(), m.end()) for m in _IMAGE.finditer(text)]
    images += [(m.start(), m.end()) for m in _BARE_URL.finditer(text)
               if not any(s <= m.start() < e for s, e in images)]
    breaks = [(m.start(), m.end()) for m in _SENT_END.finditer(text)
              if not (m.group().strip() and _ABBREV.search(text[max(0, m.start() - 12):m.start() + 1]))
              and not any(s < m.end() and m.start() < e for s, e in images)]
    out: list[Sentence] = []
    start = 0
    for b_start, b_end in sorted(breaks + images):
        # (a sentence end keeps its punctuation, an image is cut out)
        _append(out, text, start, b_start if (b_start, b_end) in images else b_end, segments, default_lang)
        start = b_end
    _append(out, text, start, len(text), segments, default_lang)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, segments, default_lang: str) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    s = start + (len(piece) - len(piece.lstrip()))
    lang = next((seg.lang for seg in segments if seg.start <= s < seg.end), default_lang)
    out.append(Sentence(s, s + len(stripped), stripped, lang))

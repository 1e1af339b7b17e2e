"""Foreign organisations Azerbaijani news writes in English: "Washington Post", "The New York Times", "Baku
TV-də", "China Energy Engineering Corporation Limited". The az model and the knowledge base find the place
the name starts with ("Washington", "New York", "Baku", "China") and the place wins; real news annotates the
whole name as one ORG. The name's last word says it is a body: an outlet's, a company's or an institution's
English head noun. And the platform X, a quoted letter the model never tags and linking would drop as noise.
"""
from __future__ import annotations

import re

from newsmon.model import Mention
from newsmon.nlp.mentions import PLATFORM_NAMES
from newsmon.nlp.name_words import ORG_HEADS_EN
from newsmon.nlp.span_edit import replace_inside
from newsmon.text.normalize import fold, slugify

# English head nouns of outlets and companies, with the institutions' (ORG_HEADS_EN)
_HEADS = ORG_HEADS_EN | frozenset("""post times news tv network journal group holding airlines airways limited ltd
inc corporation media press today herald telegraph guardian""".split())
# Capitalised words in English letters (no ə, ı, ö, ü, ğ, ş, ç, İ: an Azerbaijani name is the chain rules'),
# "The" first maybe (a word of the name: "The Washington Post");
# a case suffix may follow the last after a hyphen or an apostrophe ("TV-də", "Post"un).
_WORD = r"(?:[A-Z][A-Za-z&.]*|[A-Z]{2,})"
_RUN = re.compile(rf"(?<![\w’'-])(?:The\s+)?{_WORD}(?:\s+{_WORD})+(?![\w&])")


def az_latin_orgs(mentions: list[Mention], text: str) -> list[Mention]:
    """Each run of English capitalised words ending in an outlet's, a company's or an institution's head noun
    (see _HEADS) and holding a mention (the place it starts with) as one ORG in place of the mentions inside
    it; left alone where a mention crosses its edges or when the run goes on with another capitalised word
    ("Baku Energy Week": an event)."""
    for hit in _RUN.finditer(text):
        s, e = hit.span()
        if fold(text[s:e].split()[-1]).rstrip(".") not in _HEADS:
            continue
        inside = [m for m in mentions if m.label != "DATE" and m.start < e and s < m.end]
        if not inside:
            continue
        # the name starts with the mention found in it, or the "The" before that: a word before is the
        # sentence's ("Bunu The New York Times yazır", "Layihəni China Energy ...")
        first = min(m.start for m in inside)
        s = max(s, first - 4 if text[max(0, first - 4):first] == "The " else first)
        suffix = re.match(r"[-’'][a-zəıöüğşç]{1,6}\b", text[e:])
        if suffix and all(m.end <= e + suffix.end() for m in inside):
            e += suffix.end()  # "Baku TV-də": the suffix stays in the span, as real news annotates it
        if any(m.start < s or m.end > e for m in inside) \
                or any((m.start, m.end, m.label) == (s, e, "ORG") for m in inside):
            continue
        mentions = replace_inside(mentions, Mention(text[s:e], "ORG", s, e, inside[0].lang))
    return mentions


# “X” sosial şəbəkəsində, "X" hesabında, “X” səhifəsində, “X”dəki paylaşımında, "X"ə kiberhücum: the quoted letter
# before a social network's word or with a case suffix on the quote is the platform. 40 quoted X in the az pool
# file, all of this shape and all the platform.
_PLATFORM = re.compile(r"[“\"«](X)[”\"»](?=[a-zəıöüğşç]{1,5}\b|\s+(?:sosial|hesab|səhifə|paylaşım|platform))")


def az_platforms(mentions: list[Mention], text: str) -> list[Mention]:
    """One ORG for each quoted X of the shape above, linked by the rule (so linking keeps the one letter), in
    place of what NER found there."""
    for hit in _PLATFORM.finditer(text):
        s, e = hit.span(1)
        name = PLATFORM_NAMES[hit.group(1)]
        mentions = replace_inside(mentions, Mention(hit.group(1), "ORG", s, e, "az", f"org:{slugify(name)}", name))
    return mentions

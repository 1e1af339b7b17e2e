"""French "read also" links: page furniture that the models take for a name or glue to the next one.

News pages repost other articles under a "À lire aussi" / "LIRE AUSSI :" link, often run into the
linked headline with no space ("LIRE AUSSIEure. Un an de prison", "À lire aussiL’Allemagne ..."; some
30 times in 645 French real-news articles). The French model tags the capitals as a name ("LIRE" an
ORG) or swallows them into the headline's first name ("LIRE AUSSIJean-Christophe Buisson" a LOC). The
link's words are never part of a name: a mention inside them goes, one running past them keeps what
follows.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.span_edit import ENTITY

# "À lire aussi", "Lire aussi", "LIRE AUSSI", and the capitalised imperative "LIRE" on its own
# ("LIRE - Charles Aznavour : ..."); the lower-case verb inside a sentence is no link.
_READ_ALSO = re.compile(r"(?:(?<![\w-])[ÀàAa]\s+)?(?<![\w-])(?:[Ll]ire\s+aussi|LIRE(?:\s+AUSSI)?)")
# what separates the link from the headline it introduces
_SEPARATORS = " \t\xa0:>/|«»“”\"-–—"


def read_also_links(mentions: list[Mention], text: str) -> list[Mention]:
    """French mentions with the "read also" link's words cut off (or dropped when that is all they are)."""
    links = [(hit.start(), hit.end()) for hit in _READ_ALSO.finditer(text)]
    if not links:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        link = next(((s, e) for s, e in links if s < m.end and m.start < e), None)
        if link is None or m.lang != "fr" or m.label not in ENTITY:
            out.append(m)
            continue
        if m.start < link[0]:  # a name run into the link after it: the name
            end = len(text[m.start:link[0]].rstrip(_SEPARATORS)) + m.start
            if end > m.start:
                out.append(replace(m, text=text[m.start:end], end=end, canonical_id=None, canonical_name=None))
            continue
        start = link[1]
        while start < m.end and text[start] in _SEPARATORS:
            start += 1
        if start < m.end and text[start].isupper():  # else the link itself: no name
            out.append(replace(m, text=text[start:m.end], start=start, canonical_id=None, canonical_name=None))
    return out

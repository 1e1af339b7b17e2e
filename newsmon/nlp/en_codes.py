"""English letter codes the stock model takes for organisations: US state codes after a town ("Miami, FL",
"Falls Church, VA") and academic degrees ("a BA from Emory University", "an MA in economics", "Master of
Science (MS)"). Real news writes both all the time in addresses, lists of grantees and nominees'
biographies; tagged ORG they are bodies that do not exist ("VA" there is Virginia, not Veterans Affairs).
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.name_words import ORG_HEADS_EN
from newsmon.text.normalize import fold, slugify

# The USPS codes of the states and territories, with the state each names. "DC" is left out: "Washington,
# DC" is one place, the knowledge base's. A code keeps the state as its link, so linking does not take
# the letters for the body the knowledge base knows by them ("VA", Veterans Affairs); Georgia, New York and
# Washington get none, the knowledge base's entries of those names being the country and the cities.
_NO_LINK = "-"
US_STATES = dict(pair.split(" ", 1) for pair in """AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|
CO Colorado|CT Connecticut|DE Delaware|FL Florida|GA -|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|
KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|
MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY -|NC North Carolina|ND North Dakota|
OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|
TX Texas|UT Utah|VT Vermont|VA Virginia|WA -|WV West Virginia|WI Wisconsin|WY Wyoming|PR Puerto Rico|GU -|VI -|
AS -|MP -""".replace("\n", "").split("|"))
STATE_IDS = frozenset(f"loc:{slugify(name)}" for name in US_STATES.values() if name != _NO_LINK)
# "<Town>, XX" where XX ends the phrase: a punctuation mark, a line end, "and", or a verb in lower case
# ("Chicago, IL will launch", "Falls Church, VA with his wife"); "VA health care" (an attribute) is no state.
# The town's last word has a lower-case letter or four capitals ("MESA, AZ"): "AA, NH, and PI communities"
# lists initials (Asian American, Native Hawaiian, Pacific Islander).
_TOWN_COMMA = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,3}(?:[A-Z][\w.’'-]*[a-z][\w.’'-]*|[A-Z]{4,}),\s+$")
_AFTER_CODE = re.compile(r"(?:\s*$|[.,;:)\]!?/–—-]|\s+(?!health|benefits?|home|loan|medical|services?|"
                         r"employees?|providers?|clinics?|healthcare|program)[a-z])")

# "In August, VA also issued ...": a date before the comma, no town.
_WHEN = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                   r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday),\s+$")

# Academic degrees, by their usual abbreviations.
DEGREES = frozenset("""BA BS BSc BSE MA MS MSc MBA MPA MPH MPP JD PhD LLM LLB EdD MFA BFA MSW DrPH""".split())
# A degree is had ("a BA", "an MA", "his BS", "both an MBA"), is in or from something ("BS in Economics", "MA
# from Middlebury College", "MS Degree"), or follows its long form in brackets ("Master of Science (MS)").
_DEGREE_BEFORE = re.compile(r"\b(?:an?|his|her|their)\s+$", re.IGNORECASE)
_DEGREE_AFTER = re.compile(r"\s+(?:in|from)\s+[A-Z]|\s+(?:[Dd]egree|program|programme)\b")
_DEGREE_LONG = re.compile(r"\b(?:Master|Bachelor|Doctor)\s+of\s+(?:[A-Z]\w+\s+){1,3}\($")


def state_codes(mentions: list[Mention], text: str) -> list[Mention]:
    """A US state's code after a town and a comma is a place, a LOC, even where the knowledge base matched
    the letters as a body ("Falls Church, VA"); so is the town when the model took it for a body or a person
    of at most three title-cased words and no organisation's head noun. After a body ("Department of
    Education, VA, and HUD") the code stays what it was."""
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.label not in ("ORG", "PERSON", "MISC") or m.text not in US_STATES \
                or not _after_town(m, text) or not _AFTER_CODE.match(text, m.end):
            continue
        town = next((k for k, t in enumerate(mentions) if t.end <= m.start
                     and re.fullmatch(r",\s+", text[t.end:m.start])), None)
        if town is not None and mentions[town].label != "LOC" and not _town_like(mentions[town]) \
                or town is None and (m.canonical_id or _WHEN.search(text, max(0, m.start - 20), m.start)):
            continue  # the letters the knowledge base knows as a body need a place found before them
        state = US_STATES[m.text] if US_STATES[m.text] != _NO_LINK else None
        out[i] = replace(m, label="LOC", canonical_id=state and f"loc:{slugify(state)}", canonical_name=state)
        if town is not None and mentions[town].label != "LOC":
            out[town] = replace(mentions[town], label="LOC")
    return out


def _after_town(m: Mention, text: str) -> bool:
    return bool(_TOWN_COMMA.search(text, max(0, m.start - 60), m.start))


def _town_like(m: Mention) -> bool:
    words = m.text.split()
    return (m.label in ("ORG", "PERSON", "MISC") and not m.canonical_id and 1 <= len(words) <= 3
            and all(w[:1].isupper() and not w.isupper() for w in words)
            and not ORG_HEADS_EN.intersection(fold(w) for w in words))


def degrees(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions that are an academic degree where the text names one (see above): no entity."""
    return [m for m in mentions if not (
        m.text in DEGREES and not m.canonical_id and not _after_town(m, text)
        and (_DEGREE_BEFORE.search(text, max(0, m.start - 8), m.start) or _DEGREE_AFTER.match(text, m.end)
             or _DEGREE_LONG.search(text, max(0, m.start - 60), m.start)))]

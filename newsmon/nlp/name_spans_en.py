"""English span rules: names the stock English model cuts, glues or invents (see `name_spans`, which
applies them with the rules shared with French).

The model splits a name at "of" ("Western District" + "Pennsylvania"), takes a post for an organisation
("National Security Advisor", "Secretary of Defense" -> "Defense"), tags each name of "the Biden-Harris
Administration" a PERSON, and runs a headline's subject into its verb ("Biden Signs").
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.en_codes import US_STATES
from newsmon.nlp.name_words import ORG_HEADS_EN
from newsmon.nlp.span_edit import ENTITY as _ENTITY, replace_inside as _replace_inside
from newsmon.text.normalize import fold


def _inner_link(new: Mention, inner: Iterable[Mention]) -> Mention:
    """A joined span links where its place did when the knowledge base knew that place ("Republic of
    South Africa" -> South Africa)."""
    for m in inner:
        if m.canonical_id and m.label == new.label:
            return replace(new, canonical_id=m.canonical_id, canonical_name=m.canonical_name)
    return new


# "the Biden-Harris Administration", "the Trump Administration": a government named after its leaders.
_ADMINISTRATION = re.compile(r"(?<![\w-])((?:[A-Z][a-z]+[-–])*[A-Z][a-z]+)\s+Administration\b")
# Posts, not bodies: an ORG that begins or ends with one of these is a job title ("National Security
# Advisor", "General Counsel", "Coordinator for Reconstruction and Stabilization").
_POSTS = frozenset(fold(w) for w in """advisor advisors adviser advisers counsel coordinator secretary
secretaries director envoy spokesperson spokesman administrator commissioner ambassador""".split())
# "Assistant Secretary of Defense", "Secretary of State (Diplomatic Security)": the post's department is
# part of the title, not a mention of the body; so is the portfolio nominations put in brackets after it
# ("Assistant Secretary of State (Consular Affairs)", "Assistant Secretary of Energy (Office of Electricity)").
# ... but an armed service stays a body there ("Assistant Secretary of the Navy", "Secretary of the Air Force"), as
# real-dev's gold writes it: a department is a portfolio, a service is an organisation with a name.
_ARMED_SERVICES = frozenset(("navy", "army", "air force", "marine corps", "space force", "coast guard"))
_AFTER_SECRETARY = re.compile(r"\bSecretar(?:y|ies)\s+(?:(?:of|for)\s+(?:the\s+)?|(?:of\s+[A-Z]\w+\s+)?\([^()]*)$")
# "<Western District> of <Pennsylvania>", "Republic of <South Africa>": one place.
_PLACE_OF = re.compile(r"(?:(?:[A-Z][a-z]+\s+)*(?:District|Republic|Kingdom|Commonwealth|Federation|"
                       r"Principality|Sultanate|Emirate|State|Province|Region|Islands?|Gulf|Bay|Sea)\s+of\s+"
                       r"(?:the\s+)?)$")
_COMPASS = re.compile(r"(?:East|West|North|South|Central|Southeast|Southwest|Northeast|Northwest|"
                      r"Eastern|Western|Northern|Southern)\s+$")
_PLACE_NOUN = re.compile(r"^\s+(?:Strait|Straits|Sea|Valley|Ocean|River|Canal|Mountains|Peninsula|Basin|"
                         r"Corridor|Desert|Islands?)\b")


def english_spans(mentions: list[Mention], text: str) -> list[Mention]:
    """English mentions with the constructions above joined, trimmed or dropped."""
    for hit in _ADMINISTRATION.finditer(text):
        name = text[hit.start(1):hit.end(1)]
        inside = [m for m in mentions if hit.start() <= m.start < hit.end() and m.label != "DATE"]
        if inside or text[max(0, hit.start() - 4):hit.start()].lower() == "the ":
            if fold(name) not in ("the", "this", "our", "an"):
                mentions = _replace_inside(mentions, Mention(hit.group(0), "ORG", hit.start(), hit.end(),
                                                             "en"))
    out: list[Mention] = []
    for m in _people_after_posts(mentions):
        if m.lang != "en" or m.label not in _ENTITY or m.canonical_id:
            out.append(m)
            continue
        words = [fold(w) for w in m.text.split()]
        if words and words[0] == "the":
            words = words[1:]
        if m.label == "ORG" and words and (
                words[-1] in _POSTS and words[0] not in ORG_HEADS_EN
                or words[0] in _POSTS and len(words) > 1 and words[1] in ("for", "of")
                or _AFTER_SECRETARY.search(text[max(0, m.start - 40):m.start])
                and " ".join(words) not in _ARMED_SERVICES):
            continue
        at = m.start + (4 if m.text.lower().startswith("the ") else 0)
        if " ".join(words) in _GENERIC_BODIES or _RANK.search(text[at:m.end + 40]) \
                or m.label == "ORG" and _POST_AFTER.match(text, m.end) and not m.text.isupper() \
                and len(words) <= 2 and not ORG_HEADS_EN.intersection(words):
            continue  # "National Security" of "National Security Advisor Jake Sullivan"
        if " ".join(words) in _ANAPHORIC_BODIES and not _NAME_GOES_ON.match(text, m.end) and (
                len(words) < len(m.text.split()) or _ANAPHOR_BEFORE.search(text[max(0, m.start - 6):m.start])):
            continue
        m = _trim_lower_tail(_trim_headline_verb(m))
        out.append(m)
    return _campuses(_join_places(out, text), text)


# "University of California, Berkeley", "University of North Carolina, Chapel Hill": a US state university's
# campus is named with its town, one organisation (the model stops at the comma and calls the town a LOC).
# Other universities are followed by where they are ("University of Toronto, Canada"), and so is a state's
# when the state comes after the comma.
_STATE_UNIVERSITY = re.compile(r"University of (?:%s)$" % "|".join(
    sorted(name for name in US_STATES.values() if name != "-")))
_CAMPUS_END = re.compile(r"(?:\s*$|\s*[,;.:)(]|\s+(?:and|in|from|where|with)\b|[’']s\b)")


def _campuses(mentions: list[Mention], text: str) -> list[Mention]:
    """A state university's ORG and the town after its comma as one ORG (see above)."""
    out = list(mentions)
    for m, town in zip(mentions, mentions[1:]):
        if m.lang == "en" and m.label == "ORG" and town.label == "LOC" and text[m.end:town.start] == ", " \
                and _STATE_UNIVERSITY.search(m.text) and _CAMPUS_END.match(text, town.end) \
                and town.text not in US_STATES.values() and len(town.text.split()) <= 3:
            out = _replace_inside(out, Mention(text[m.start:town.end], "ORG", m.start, town.end, "en"))
    return out


def _people_after_posts(mentions: list[Mention]) -> list[Mention]:
    """An English ORG that runs a post into the name after it ("Japanese National Security Advisor Akiba
    Takeo", "Infrastructure Coordinator Mitch Landrieu") is the person; what comes before the post stays
    an ORG only when it names a body ("... Center for Economic Opportunity Director Patrice Onwuka")."""
    out: list[Mention] = []
    for m in mentions:
        words = list(re.finditer(r"\S+", m.text))
        post = next((i for i in range(len(words) - 2, 0, -1) if fold(words[i].group()) in _POSTS), None)
        if m.lang != "en" or m.label != "ORG" or m.canonical_id or post is None \
                or not 1 <= len(words) - post - 1 <= 3 or not all(w.group()[:1].isupper() for w in words[post + 1:]):
            out.append(m)
            continue
        head = m.text[:words[post - 1].end()]
        if ORG_HEADS_EN.intersection(fold(w) for w in head.split()):
            out.append(replace(m, text=head, end=m.start + len(head)))
        start = m.start + words[post + 1].start()
        out.append(Mention(m.text[words[post + 1].start():], "PERSON", start, m.end, m.lang))
    return out


# Head nouns of a body named after its place ("U.S. Economic Development Administration", "United States
# Maritime Alliance", "New York State Energy Research and Development Authority", "White House Office of
# Public Engagement"): the organisation heads' list, and the words of US federal bodies' names.
_EN_BODY_HEADS = ORG_HEADS_EN | frozenset("""administration authority alliance coalition corps service patrol
guard consortium society union federation""".split())
# A programme, a report or a project named after a body ("... Partnership", "... Annual Report"), a post.
_EN_NOT_BODY = frozenset("""partnership partnerships report project projects program programme initiative teams
strategy plan chair""".split()) | _POSTS


def en_orgs_around_places(model: list[Mention], known: list[Mention]) -> list[Mention]:
    """English model ORGs that hold a known place and an organisation's head noun: the body named after
    its place, which real news annotates whole (the longest name wins), win over the place matched inside
    them (see `pipeline.merge_mentions`). An acronym the model ran on ("... Engineers (USACE") is cut off."""
    out = []
    for m in model:
        if m.lang != "en" or m.label != "ORG":
            continue
        text = m.text.split(" (")[0]
        end = m.start + len(text)
        lead = re.match(r"(?:[a-z][\w-]*\s+)+", text)  # "a White House Faith Office", "new Americas Health Corps"
        start = m.start + (lead.end() if lead else 0)
        text = text[start - m.start:]
        inside = [k for k in known if m.start <= k.start and k.end <= end]
        if not inside or any(k.label != "LOC" for k in inside) \
                or any(k.start < m.start < k.end or k.start < end < k.end for k in known):
            continue
        words = [fold(w) for w in text.split()]
        if not _EN_BODY_HEADS.intersection(words) or _EN_NOT_BODY.intersection(words) \
                or len(text) <= max(len(k.text) for k in inside) + 4 or re.search(r" [-–] |[:,;]|[’']s ", text):
            continue  # a list or a heading run together ("Tennessee Valley Authority - Michelle Moore"), a possessive
        out.append(replace(m, text=text, start=start, end=end))
    return out


# Bodies every organisation has, named without their owner ("the Board of Directors of the Tennessee
# Valley Authority": the actor is the authority), and the US civil-service ranks of nominations ("Career
# Member of the Senior Foreign Service, Class of Counselor"): no organisation.
_GENERIC_BODIES = frozenset(("board of directors", "board of trustees", "board of governors", "board of advisors",
                             "board of visitors", "federal government"))  # a government named by no place
# A body named again by its generic noun alone ("the Working Group", "The Alliance is led by ...", "our
# Nation"): an anaphor the real-news gold leaves out, not a name; "of/for/on" after it opens the name.
_ANAPHORIC_BODIES = frozenset(("alliance", "nation", "working group", "task force", "coalition", "partnership",
                               "consortium", "network", "initiative", "group"))
_ANAPHOR_BEFORE = re.compile(r"(?:^|\W)(?:the|our|this|that)\s+$", re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"\s+(?:of|for|on)\b")
_POST_AFTER = re.compile(r"\s+(?:Advisors?|Advisers?|Counsel|Coordinator|Secretary|Director|Envoy|Spokesperson)\b")
_RANK = re.compile(r"^(?:Career(?= Member)|Senior (?:Foreign|Executive) Service\b)")


# The verbs of title-case headlines ("President Biden Signs Executive Order To Ensure ...", "White House
# Celebrates International Day of the Girl"): the model runs a person or a body into the verb and the words
# after it. Reporting and acting verbs only: no surname ("Marks", "Banks", "Burns") and no noun a name ends in.
_HEADLINE_VERBS = frozenset("""announces announced signs signed issues issued calls gives intends establishes
delivers celebrates releases released hosts hosted launches launched meets speaks travels welcomes nominates
appoints approves declares awards highlights unveils sends honors proclaims urges discusses convenes visits
joins takes outlines touts praises reaffirms condemns commends congratulates extends expands invests secures
directs vetoes pardons receives attends addresses applauds reduce reduces lowers
marking welcoming congratulating delivering bringing previewing""".split())


def _trim_headline_verb(m: Mention) -> Mention:
    """"Biden Signs" -> "Biden", "White House Celebrates International Day" -> "White House": an English
    person or body ends before a headline's verb (`_HEADLINE_VERBS`)."""
    if m.label not in ("PERSON", "ORG"):
        return m
    words = m.text.split(" ")
    cut = next((n for n in range(1, len(words)) if fold(words[n]) in _HEADLINE_VERBS and words[n][:1].isupper()),
               None)
    if cut is None:
        return m
    kept = " ".join(words[:cut])
    return replace(m, text=kept, end=m.start + len(kept))


def _trim_lower_tail(m: Mention) -> Mention:
    """"Indo-Pacific region" -> "Indo-Pacific": an English name does not end in a lower-case word."""
    words = m.text.split(" ")
    n = len(words)
    while n > 1 and (words[n - 1][:1].islower() or words[n - 1] in ("of", "the", "and")):
        n -= 1
    if n == len(words):
        return m
    kept = " ".join(words[:n])
    return replace(m, text=kept, end=m.start + len(kept))


def _join_places(mentions: list[Mention], text: str) -> list[Mention]:
    out = list(mentions)
    alive = {_key(x) for x in out}  # `m in out` by key: comparing dataclasses made this loop quadratic
    for m in mentions:
        if m.label != "LOC" or m.lang != "en" or _key(m) not in alive:
            continue
        start, end = m.start, m.end
        head = _PLACE_OF.search(text[max(0, m.start - 80):m.start])
        if head:
            start = m.start - len(head.group(0))
            if text.startswith("The ", start):
                start += 4
        compass = _COMPASS.search(text[max(0, start - 12):start])
        if compass and not _sentence_start(text, start - len(compass.group(0))):
            start -= len(compass.group(0))
        tail = _PLACE_NOUN.match(text[end:end + 20])
        if tail:
            end += tail.end()
        if (start, end) == (m.start, m.end):
            continue
        new = Mention(text[start:end], "LOC", start, end, m.lang)
        if head and _COUNTRY_OF.match(head.group(0)) and not compass and not tail:
            new = _inner_link(new, [m])  # "Republic of South Africa" is South Africa; "West Africa" is not Africa
        out = _replace_inside(out, new)
        alive = {_key(x) for x in out}
    return out


def _key(m: Mention) -> tuple:
    return (m.start, m.end, m.label, m.text, m.lang, m.canonical_id, m.canonical_name)


_COUNTRY_OF = re.compile(r"(?:The\s+)?(?:Republic|Kingdom|Commonwealth|Federation|Principality|Sultanate|"
                         r"Emirate|State)\s+of\b")


def _sentence_start(text: str, at: int) -> bool:
    return bool(re.search(r"(?:^|[.!?:;\n\"“”«»]\s*)$", text[max(0, at - 3):at]))

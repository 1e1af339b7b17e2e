"""US state codes after a town and academic degrees: letters the English model takes for bodies."""
from __future__ import annotations

import pytest

from newsmon.model import Mention
from newsmon.nlp.en_codes import degrees, state_codes
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.linking import link_mentions


def at(text: str, surface: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(surface, label, start, start + len(surface), "en")


def test_a_state_code_after_a_town_is_a_place_and_so_is_the_town():
    text = "Recipients include Syracuse, NY; Chattanooga, TN; Miami, FL. - Chicago, IL will launch webinars."
    found = [at(text, "Syracuse", "ORG"), at(text, "NY", "ORG"), at(text, "Chattanooga", "MISC"),
             at(text, "TN", "ORG"), at(text, "Miami", "LOC"), at(text, "FL", "ORG"), at(text, "IL", "ORG")]
    out = state_codes(found, text)
    assert [(m.text, m.label) for m in out] == [("Syracuse", "LOC"), ("NY", "LOC"), ("Chattanooga", "LOC"),
                                                ("TN", "LOC"), ("Miami", "LOC"), ("FL", "LOC"), ("IL", "LOC")]
    assert out[3].canonical_id == "loc:tennessee" and out[1].canonical_id is None  # "New York" is also a city


@pytest.mark.parametrize("text, code", [
    ("disparities in AA, NH, and PI communities", "NH"),  # initials of groups, no town
    ("leaders from the Department of Education, VA, and HUD", "VA"),  # a body before the comma
    ("veterans in Richmond, VA health care centres", "VA"),  # an attribute, the department's
])
def test_a_state_code_needs_a_town_before_it_and_an_end_after_it(text, code):
    before = "Department of Education" if "Department" in text else None
    found = [at(text, before, "ORG")] if before else []
    found.append(at(text, code, "ORG"))
    assert [m.label for m in state_codes(found, text)][-1] == "ORG"


def test_the_knowledge_base_body_of_the_same_letters_does_not_win_after_a_town():
    kb = KnowledgeBase.load()
    text = "Mr. Kendall resides in Falls Church, VA with his wife. VA will expand eligibility."
    found = [at(text, "Falls Church", "LOC"), at(text, "VA", "ORG"), at(text, "VA", "ORG", 1)]
    linked = link_mentions(found, text, "en", kb)
    assert [(m.text, m.label, m.canonical_id) for m in linked][1:] == [
        ("VA", "LOC", "loc:virginia"), ("VA", "ORG", "us-va")]


def test_degrees_are_no_entities():
    text = ("Haas holds a BA in International Studies, an MBA from Harvard and a Master of Science (MS) from "
            "Toronto. He earned a JD there, taught in Goucher College's MA program, and now runs MD and Partners "
            "and reviews Vineyard Wind (MA).")
    found = [at(text, "BA", "ORG"), at(text, "MBA", "MISC"), at(text, "MS", "ORG"), at(text, "JD", "LOC"),
             at(text, "MA", "ORG"), at(text, "MD", "ORG"), at(text, "MA", "ORG", 1)]
    assert [m.text for m in degrees(found, text)] == ["MD", "MA"]


def test_a_date_before_the_comma_is_no_town():
    text = "In August, VA also issued $1 billion in funding. On Monday, NJ announced grants."
    found = [at(text, "VA", "ORG"), at(text, "NJ", "ORG")]
    assert [m.label for m in state_codes(found, text)] == ["ORG", "ORG"]

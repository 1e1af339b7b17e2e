"""The Azerbaijani suffix table is written once; every folded form and stemmer comes from it."""
from __future__ import annotations

import pytest

from newsmon.text import az
from newsmon.text.normalize import fold


def test_folded_tables_only_hold_what_folded_text_can_contain():
    # A hand-folded copy once held "dakı", which folded text never contains.
    for suffix in az.CASE_SUFFIXES + az.LOCATIVE_SUFFIXES + az.POSSESSIVE_CASE_SUFFIXES + az.PLURAL_SUFFIXES:
        assert suffix == fold(suffix)
    for slot in az._STEM_SLOTS:
        assert all(s == fold(s) for s in slot)


def test_every_case_ending_is_derived_in_folded_form():
    for forms in az.CASE_ENDINGS.values():
        for ending in forms:
            assert fold(ending) in az.CASE_SUFFIX_SET


@pytest.mark.parametrize("word, stem", [
    ("Agentliyinin", "agentli"), ("Agentlik", "agentli"), ("Bakıdakı", "baki"), ("Bakıdakılar", "baki"),
    ("Nazirliyində", "nazirli"), ("xidmətləri", "xidmet"), ("asan", "asan"),
])
def test_az_stem_reaches_one_prefix_for_every_form(word, stem):
    assert az.az_stem(fold(word)) == stem


def test_az_stems_are_candidates_least_stripped_first():
    assert az.az_stems(fold("Bakıda")) == ["bakid", "baki"]
    assert az.az_stems(fold("Bakıdakı"))[-1] == "baki"


@pytest.mark.parametrize("surname, is_surname", [
    ("mehdiyev", True), ("eliyeva", True), ("zelenskiy", True), ("tymoshenko", True), ("mammadli", False),
    ("agentliyi", False),
])
def test_surname_endings(surname, is_surname):
    assert bool(az.SURNAME_RE.search(surname)) is is_surname

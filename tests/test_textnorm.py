"""Folding makes the spellings a reader treats as one name equal, and keeps word offsets honest."""
from __future__ import annotations

import random
import re
import unicodedata

import pytest

from newsmon.text.az import az_stems
from newsmon.text.normalize import _WORD, INVISIBLE, fold, fold_tokens, read_escapes, slugify, tokenize
from newsmon.text.ru import ru_stem


@pytest.mark.parametrize("a, b", [
    ("Ülvi Mehdiyev", "Ulvi Mehdiyev"),
    ("İLHAM ƏLİYEV", "ilham eliyev"),
    ("Azərbaycan Respublikası", "AZERBAYCAN RESPUBLIKASI"),
    ("Şəki, Gəncə, Ağdam, Çin, Özbəkistan", "seki, gence, agdam, cin, ozbekistan"),
    ("Azerbaïdjan", "azerbaidjan"),
    ("Mémorandum d’entente", "memorandum d'entente"),
    ("“ASAN xidmət”", '"asan xidmet"'),
    ("Tashkent – Baku", "tashkent - baku"),
    ("  several \n spaces\t", "several spaces"),
])
def test_fold_equates_spellings(a, b):
    assert fold(a) == fold(b)


def test_fold_handles_decomposed_input():
    # Text scraped from some sites arrives in NFD (u + combining diaeresis).
    assert fold(unicodedata.normalize("NFD", "Ülvi Əliyev İnam")) == "ulvi eliyev inam"


def test_dotted_capital_i_is_plain_i():
    # Python's own casefold turns "İ" into "i" + combining dot, which would break matching.
    assert fold("İnnovasiya") == "innovasiya"


def test_tokenize_offsets_point_into_the_original_text():
    text = "“ASAN xidmət”in KOICA-nın Oʻzbekiston"
    toks = tokenize(text)
    assert [t for t, _, _ in toks] == ["asan", "xidmet", "in", "koica", "nin", "o", "zbekiston"]
    assert [text[s:e] for _, s, e in toks][:5] == ["ASAN", "xidmət", "in", "KOICA", "nın"]


def test_invisible_characters_inside_a_word_neither_split_it_nor_stay_in_its_key():
    # a byte-order mark and a soft hyphen that a page left inside words (invented sentence)
    text = "Le maire de V\ufeffalbonne à Mont\xadrésor"
    assert fold("V\ufeffalbonne") == "valbonne"
    assert [(w, text[s:e]) for w, s, e in tokenize(text)][-3:] == [
        ("valbonne", "V\ufeffalbonne"), ("a", "à"), ("montresor", "Mont\xadrésor")]


def test_tokenize_keeps_decomposed_letters_in_one_word():
    text = unicodedata.normalize("NFD", "Ülvi Mehdiyev")
    assert fold_tokens(text) == ["ulvi", "mehdiyev"]
    assert [text[s:e] for _, s, e in tokenize(text)] == text.split()


def test_word_runs_split_as_one_character_at_a_time_would():
    # `_WORD` matches runs of each class for speed; the plain per-character form is the definition
    letter = r"(?:[^\W\u02b9-\u02bf]|[\u0300-\u036f])+"
    plain = re.compile(rf"{letter}(?:[{INVISIBLE}]+{letter})*")
    alphabet = "aZé9_ıə\u0301\u0308\u02bc\u02bb -'’" + INVISIBLE
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in _WORD.finditer(text)] == [m.span() for m in plain.finditer(text)], text

def test_az_stems_recover_the_nominative():
    assert "agentliyi" in az_stems(fold("Agentliyinin"))
    assert "baki" in az_stems(fold("Bakıda"))
    assert "koreya" in az_stems(fold("Koreyanın"))
    assert "mehdiyev" in az_stems(fold("Mehdiyevin"))
    assert az_stems("ada") == []  # no stem shorter than three letters


def test_ru_stem_cuts_case_endings_of_cyrillic_words_only():
    assert ru_stem(fold("Ташкенте")) == ru_stem(fold("Ташкент"))
    assert ru_stem(fold("Узбекистане")) == fold("Узбекистан")
    assert ru_stem("baku") == "baku"


def test_slugify():
    assert slugify("Ministry of Finance") == "ministry-of-finance"
    assert slugify("Ülvi  Mehdiyev") == "ulvi-mehdiyev"


@pytest.mark.parametrize("stored, read, words", [
    # a Markdown space, a JSON-escaped apostrophe and a trailing hard line break
    ("President\\_Biden\\u2019s Meeting with Mario Draghi\\", "President Biden’s Meeting with Mario Draghi ",
     ["President", "Biden\\u2019s", "Meeting", "with", "Mario", "Draghi"]),
    # a word joiner is read as nothing: no word starts or ends on it
    ("Biden-\\u2060Harris Administration", "Biden-Harris Administration", ["Biden-\\u2060Harris", "Administration"]),
    ("CARBIS BAY G7 SUMMIT\\_COMMUNIQU\\xC9", "CARBIS BAY G7 SUMMIT COMMUNIQUÉ",
     ["CARBIS", "BAY", "G7", "SUMMIT", "COMMUNIQU\\xC9"]),
    ('Haut-Karabakh : \\"Il est clair\\"', 'Haut-Karabakh : "Il est clair"',
     ["Haut-Karabakh", ":", '\\"Il', "est", 'clair\\"']),
    # a backslash inside a word escapes nothing
    ("C:\\dossier y", "C:\\dossier y", ["C:\\dossier", "y"]),
])
def test_escapes_are_read_as_what_they_stand_for_and_offsets_map_back(stored, read, words):
    text, escapes = read_escapes(stored)
    assert text == read
    assert [stored[escapes.start(m.start()):escapes.end(m.end())] for m in re.finditer(r"\S+", text)] == words

import pytest

from newsmon.store.search import fold, fts_query, index_form, query_prefixes, snippet
from newsmon.text.az import az_stem


def matches(query_word: str, text_word: str) -> bool:
    forms = {index_form(text_word, "e"), index_form(text_word, "a")}
    return any(f.startswith(p) for f in forms for p in query_prefixes(query_word))


@pytest.mark.parametrize("query, word", [
    ("Aliyev", "Əliyev"), ("Eliyev", "Əliyev"), ("Əliyev", "Aliyev"),
    ("innovasiyalar", "İnnovasiyalar"), ("Ulvi", "Ülvi"), ("memorandum", "memorandumu"),
    ("agentlik", "Agentliyinin"), ("Agentliyinin", "Agentlik"), ("agentlik", "Agentliyi"),
    ("xidmet", "xidmətləri"), ("Bakı", "Bakıda"), ("service", "services"), ("accord", "accords"),
    ("etats", "États"),
])
def test_folded_and_inflected_forms_match(query, word):
    assert matches(query, word)


@pytest.mark.parametrize("query, word", [
    ("Aliyev", "Mehdiyev"), ("agentlik", "agent"), ("memorandum", "memo"), ("Korea", "Kabul"),
])
def test_unrelated_words_do_not_match(query, word):
    assert not matches(query, word)


def test_fold_handles_turkic_capitals():
    assert fold("İLHAM ƏLİYEV") == "ilham eliyev"
    assert fold("Ağdam Şəki Gəncə") == "agdam seki gence"


def test_stem_keeps_short_words():
    assert az_stem("asan") == "asan"


def test_query_and_phrase_syntax():
    q = fts_query('ASAN "ASAN xidmət"')
    assert '"asan"*' in q and '"asan xidmet"' in q and '"asan xidmat"' in q
    with pytest.raises(ValueError):
        fts_query("  !! ")


def test_snippet_highlights_inflected_match():
    text = "Bakı, 10 sentyabr. Dövlət Agentliyinin nümayəndə heyəti Seula səfər edib."
    assert "[Agentliyinin]" in snippet(text, "agentlik")

"""Property tests (hypothesis) for the stages that take any text the web sends (issue 10): URL
canonicalisation, folding, date finding and the agreement extractor never raise, are idempotent
where they should be, and every mention's offsets give back its text.

Derandomised and without a deadline: the same examples every run, no wall-clock limit.
"""
import re
import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsmon.crawl.urls import canonical_url
from newsmon.model import Article, Document, Segment
from newsmon.nlp.agreements.find import find_agreements
from newsmon.nlp.dates.find import find_dates
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.linking import find_known_entities
from newsmon.store.search import index_form
from newsmon.text.normalize import fold, tokenize

PROPERTIES = settings(deadline=None, max_examples=200, derandomize=True, database=None,
                      suppress_health_check=[HealthCheck.too_slow])
LANGS = ("az", "en", "fr", "ru", "tr")

# -- URLs ----------------------------------------------------------------------------------------
_segment = st.text(alphabet=string.ascii_letters + string.digits + "-._~%!$&'()*+,;=:@ əğüşçöıİ", max_size=12)
urls = st.builds(
    lambda scheme, host, port, path, query, fragment: (
        f"{scheme}://{host}{port}/{'/'.join(path)}{'?' + query if query else ''}{'#' + fragment if fragment else ''}"),
    st.sampled_from(["http", "https", "HTTP", "HtTpS"]),
    st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?(\.[A-Za-z]{2,6}){1,2}\.?", fullmatch=True),
    st.sampled_from(["", ":80", ":443", ":8080", ":0"]),
    st.lists(_segment, max_size=4),
    st.lists(st.tuples(st.sampled_from(["utm_source", "id", "fbclid", "page", "Q", "gclid", "x"]), _segment),
             max_size=4).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs)),
    _segment,
)


@PROPERTIES
@given(urls)
def test_canonical_url_is_idempotent_and_drops_what_never_identifies_an_article(url):
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert "#" not in once and "utm_source=" not in once and "fbclid=" not in once
    assert once.split("://", 1)[0] in ("http", "https")


@PROPERTIES
@given(st.text(max_size=80), st.one_of(st.none(), st.text(max_size=40)))
def test_canonical_url_takes_any_text_without_raising(url, base):
    canonical_url(url, base)


# -- folding -------------------------------------------------------------------------------------
_letters = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "Z", "S"]), max_size=60)


@PROPERTIES
@given(_letters)
def test_folding_is_idempotent_and_the_index_form_too(text):
    assert fold(fold(text)) == fold(text)
    for schwa in ("e", "a"):
        assert index_form(index_form(text, schwa), schwa) == index_form(text, schwa)


@PROPERTIES
@given(_letters)
def test_tokens_point_into_the_text(text):
    for folded, start, end in tokenize(text):
        assert 0 <= start < end <= len(text)
        assert fold(text[start:end]) == folded


# -- dates and agreements on random text -----------------------------------------------------------
WORDS = ("10 sentyabr 2025-ci il", "2025-09-10", "10/09/2025", "3 March 2025", "le 3 mars 2025", "Mart 2024",
         "10–12 September", "13-15 iyul", "yanvarın 27-də", "2016", "сентября 2025 года", "10 Eylül 2025",
         "memorandum", "signed", "imzalanıb", "imzalayıb", "accord", "signé", "agreement", "saziş", "protokol",
         "between", "və", "and", "et", "KOICA", "ASAN xidmət", "UNDP", "Azerbaijan", "Azərbaycan", "the Agency",
         "Baku", "Bakıda", "in", ".", ",", ";", "\n", "«", "»", "“", "”", "(", ")", "-", "ə", "İ",
         "XXIe siècle", "twenty-first century", "this 28th day of October,", "two thousand and twenty-five",
         "31.03.2025-ci il", "XIX əsrdə", "fête nationale", "Müstəqillik Günü", "de 1490 à 1787",
         "October 24, 2024", "mercredi 13\u00a0mars", "le 1er", "du 3 au 5 mai", "début mars")
article_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(" ".join)
KB = KnowledgeBase.load()


@PROPERTIES
@given(article_text, st.sampled_from(LANGS), st.one_of(st.none(), st.sampled_from(["2025-09-12", "2024-02-29"])))
def test_every_date_found_is_where_it_says(text, lang, published):
    for mention in find_dates(text, lang, published):
        assert text[mention.start:mention.end] == mention.text
        assert mention.precision in ("year", "month", "day")


# A value is an ISO date, a yearly "--MM-DD", or an interval of two ISO dates of the same precision.
_ISO = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_VALUE = re.compile(rf"{_ISO}(?:/{_ISO})?|--\d{{2}}-\d{{2}}")


@PROPERTIES
@given(article_text, st.sampled_from(LANGS), st.sampled_from(["2025-09-12", "2024-02-29"]))
def test_every_date_value_is_well_formed_and_every_range_runs_forward(text, lang, published):
    for mention in find_dates(text, lang, published):
        assert _VALUE.fullmatch(mention.value), mention
        if "/" in mention.value:
            first, last = mention.value.split("/")
            assert len(first) == len(last) and first < last, mention


@PROPERTIES
@given(article_text, st.sampled_from(LANGS))
@example("memorandum \\_ KOICA", "az")  # a Markdown escape the rules read as a space stays in the sentence
def test_the_agreement_extractor_takes_any_text(text, lang):
    mentions = find_known_entities(text, lang, KB)
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
    article = Article(Document("http://x.test/a", "test", text.split("\n", 1)[0], text), lang, 1.0,
                      [Segment(0, len(text), lang, 1.0)], mentions, find_dates(text, lang, "2025-09-12"))
    for agreement in find_agreements(article, KB):
        assert 0 <= agreement.start <= agreement.end <= len(text)
        assert agreement.sentence in text

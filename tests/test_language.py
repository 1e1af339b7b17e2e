"""Language ID: Azerbaijani vs Turkish on short text, segmentation of mixed documents, `und`, the CLI.

The phrases below were written for these tests (not taken from the training data).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmon.cli.lang import lang_command
from newsmon.nlp import language, language_units
from newsmon.nlp.language import DEFAULT_LANGS, LangGuess, detect, detect_many, dominant, segment
from newsmon.model import Segment

AZ_SHORT = [
    "Nazirlər Kabineti",
    "Rəqəmsal hökumət",
    "Elektron xidmətlər portalı",
    "Əməkdaşlıq memorandumu imzalanıb",
    "Prezidentin sərəncamı ilə",
    "Bakıda keçirilən görüşdə",
    "Vətəndaşlara xidmət",
    "Nə vaxt gələcəksən?",
    "Mən bilmirəm.",
    "Qazaxıstan nümayəndə heyəti",
]
TR_SHORT = [
    "Bakanlar Kurulu",
    "Dijital devlet",
    "Elektronik hizmetler portalı",
    "Mutabakat zaptı imzalandı",
    "Cumhurbaşkanının kararıyla",
    "Ankara'da yapılan görüşmede",
    "Vatandaşlara hizmet",
    "Ne zaman geleceksin?",
    "Bilmiyorum.",
    "Kazakistan heyeti",
]


@pytest.mark.parametrize("text", AZ_SHORT)
def test_short_azerbaijani_is_not_turkish(text: str) -> None:
    assert detect(text).lang == "az"


@pytest.mark.parametrize("text", TR_SHORT)
def test_short_turkish_is_not_azerbaijani(text: str) -> None:
    assert detect(text).lang == "tr"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Правительство Азербайджана подписало меморандум о сотрудничестве.", "ru"),
        ("The ministry signed a memorandum on digital public services.", "en"),
        ("Le ministère a signé un protocole d'accord sur l'administration en ligne.", "fr"),
        ("Azərbaycan və Fransa elektron hökumət sahəsində əməkdaşlıq haqqında saziş imzalayıb.", "az"),
        ("Türkiye ve Azerbaycan e-devlet alanında işbirliği anlaşması imzaladı.", "tr"),
    ],
)
def test_sentences_in_default_languages(text: str, lang: str) -> None:
    guess = detect(text)
    assert guess.lang == lang
    assert guess.prob > 0.9


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Die Regierung hat gestern ein Abkommen über digitale Verwaltung unterzeichnet.", "de"),
        ("Үкімет цифрлық қызметтер туралы келісімге қол қойды және жаңа жобаны бастады.", "kk"),
        ("Η κυβέρνηση υπέγραψε χθες μια συμφωνία για την ψηφιακή διακυβέρνηση.", "el"),
        ("Rząd podpisał wczoraj porozumienie w sprawie cyfrowej administracji publicznej.", "pl"),
        ("Vláda včera podepsala dohodu o digitální veřejné správě a nových službách.", "cs"),
        ("政府签署了电子政务合作协议", "zh"),
        # scripts langdetect has no profile for (it said "et" for Armenian)
        ("Ֆրանսիայի հայկական կազմակերպությունների համակարգող խորհուրդը իր կառավարման մի մասը", "hy"),
        ("საქართველოს მთავრობამ ხელი მოაწერა შეთანხმებას ციფრული მმართველობის შესახებ", "ka"),
    ],
)
def test_other_languages_are_not_forced_into_the_candidates(text: str, lang: str) -> None:
    guess = detect(text)
    assert guess.lang not in DEFAULT_LANGS
    assert guess.lang == lang


@pytest.mark.parametrize("text", ["", "   ", "12345", "2024-05-12 10:30", "https://e-gov.az/ 2024", "... !!! ---"])
def test_no_letters_is_und(text: str) -> None:
    assert detect(text) == LangGuess("und", 0.0)


def test_deterministic_and_batch_equals_single() -> None:
    texts = AZ_SHORT + TR_SHORT
    first = detect_many(texts)
    assert detect_many(texts) == first
    assert [detect(t) for t in texts] == first


def test_candidates_are_configurable() -> None:
    # Turkmen is a close neighbour: preferred only when the caller asks for it
    text = "Hökümet sanly hyzmatlar barada ylalaşyga gol çekdi."
    assert detect(text, candidates=["tk", "tr"]).lang == "tk"
    assert detect("Bakanlar Kurulu toplandı", candidates=["az", "tr"]).lang == "tr"
    with pytest.raises(ValueError):
        detect("hello", candidates=["xx"])


def test_english_story_with_azerbaijani_footer() -> None:
    story = (
        "The Ministry of Digital Development signed a memorandum of understanding with its French "
        "counterpart on Tuesday, covering electronic signatures and online public services.\n"
        "The two sides agreed to exchange experts and to launch a pilot project next year.\n"
        "\n"
        "Bütün hüquqlar qorunur. Materiallardan istifadə edərkən istinad mütləqdir."
    )
    segs = segment(story)
    assert [s.lang for s in segs] == ["en", "az"]
    # the two English paragraphs merge; offsets cover the paragraph text exactly
    assert story[segs[0].start : segs[0].end].startswith("The Ministry")
    assert story[segs[0].start : segs[0].end].endswith("next year.")
    assert story[segs[1].start : segs[1].end] == "Bütün hüquqlar qorunur. Materiallardan istifadə edərkən istinad mütləqdir."
    assert dominant(segs).lang == "en"


def test_footer_split_over_short_lines_is_guessed_as_one() -> None:
    story = (
        "The agreement covers electronic signatures, open data and the training of civil servants in both countries.\n"
        "Bütün hüquqlar qorunur.\n"
        "© Azərtac, 2024"
    )
    segs = segment(story)
    assert [s.lang for s in segs] == ["en", "az"]
    assert story[segs[1].start : segs[1].end] == "Bütün hüquqlar qorunur.\n© Azərtac, 2024"


def test_short_paragraphs_take_their_neighbours_language() -> None:
    text = (
        "Le gouvernement azerbaïdjanais et la France ont signé un accord sur l'administration numérique.\n"
        "12 mai 2024\n"
        "https://example.org/article\n"
        "« Ölkələrimiz arasında elektron hökumət sahəsində əməkdaşlıq genişlənir », a déclaré le ministre.\n"
        "Azərbaycan Respublikası Nazirlər Kabineti bu layihəni dəstəkləyir və maliyyələşdirir.\n"
        "Le texte entrera en vigueur dans trois mois, selon le ministère."
    )
    segs = segment(text)
    langs = [s.lang for s in segs]
    assert langs[0] == "fr" and "az" in langs and langs[-1] == "fr"
    # the date and URL lines are inside the first French segment, not segments of their own
    assert text[segs[0].start : segs[0].end].endswith("https://example.org/article")
    assert dominant(segs).lang == "fr"


def test_segment_edge_cases() -> None:
    assert segment("") == []
    assert segment("\n\n  \n") == []
    assert dominant([]) == LangGuess("und", 0.0)
    digits = segment("  2024  ")
    assert digits == [Segment(start=2, end=6, lang="und", prob=0.0)]
    assert dominant(digits).lang == "und"


def test_cli_table_json_jsonl_and_csv() -> None:
    runner = CliRunner()
    result = runner.invoke(lang_command, [], input="Bu gün hava çox gözəldir.\nBugün hava çok güzel.\n123\n")
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.output.splitlines()]
    assert [code for code, _ in lines] == ["az", "tr", "und"]
    assert all(0.0 <= float(p) <= 1.0 for _, p in lines)

    text = "Salam, necəsən?\n123\n"
    result = runner.invoke(lang_command, ["--format", "json", "--candidates", "az,tr"], input=text)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["text"], r["lang"]) for r in rows] == [("Salam, necəsən?", "az"), ("123", "und")]
    lines = runner.invoke(lang_command, ["--format", "jsonl", "--candidates", "az,tr"], input=text).output
    assert [json.loads(line) for line in lines.splitlines()] == rows
    table = runner.invoke(lang_command, ["--format", "csv", "--candidates", "az,tr"], input=text).output
    assert table.splitlines()[0] == "text,lang,prob" and table.splitlines()[2].startswith("123,und,")

    bad = runner.invoke(lang_command, ["--candidates", "az,xx"], input="x\n")
    assert bad.exit_code != 0 and "xx" in bad.output


def test_cli_help_shows_an_example() -> None:
    result = CliRunner().invoke(lang_command, ["--help"])
    assert result.exit_code == 0
    assert "newsmon lang" in result.output and "--candidates" in result.output


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "langid-train"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/langid-train is absent")
def test_heldout_sample_accuracy() -> None:
    from newsmon.train import langid_data

    for lang in ("az", "tr"):
        _, held = langid_data.split(langid_data.read_lines(SHARED, lang))
        sample = [s for s in held if len(langid_data.words(s)) >= 4][:300]
        hits = sum(g.lang == lang for g in detect_many(sample))
        assert hits / len(sample) >= 0.98, lang


def test_one_text_at_a_time_scores_like_a_batch():
    """`detect` takes a faster path for a single text; it must give the batch path's numbers."""
    import numpy as np

    from newsmon.nlp.language import _model

    model = _model()
    texts = ["Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət Agentliyi", "Agence nationale",
             "Государственное агентство", "ASAN", "", "2024 — 15:30 !!", "l'Azerbaïdjan, à Bakou"]
    lr, nb = model.scores(texts)
    for i, text in enumerate(texts):
        one_lr, one_nb = model.scores([text])
        assert np.allclose(one_lr[0], lr[i], atol=1e-3) and np.allclose(one_nb[0], nb[i], atol=1e-3), text
        assert detect(text) == detect_many([text, "padding so this is a batch"])[0]


def test_counts_are_the_training_vectorizers_matrix():
    """Prediction builds its n-gram matrix itself (cached per word); it must be bit for bit what the
    HashingVectorizer used in training gives, or the weights would be read at the wrong columns."""
    from newsmon.nlp.langid_model import CharNgramModel, vectorizer
    model = CharNgramModel.load()
    texts = ["Azərbaycan Respublikasının Dövlət Agentliyi", "The agency signed a memorandum.",
             "Le ministère a signé l'accord.", "", "123 !!", "Ташкенте подписали", "a a a a"]
    expected = vectorizer(model.ngram_max, model.weights.shape[0]).transform(texts)
    expected.sort_indices()
    got = model.counts(texts)
    assert (got.indptr == expected.indptr).all() and (got.indices == expected.indices).all()
    assert (got.data == expected.data).all()


def test_urls_and_addresses_are_not_measured_as_text():
    """What decides short text and the script path: the letters outside URLs and e-mail addresses."""
    text = "Write to info@asan.az, see https://asan.gov.az/xəbər or www.e-gov.az now. Привет, Ελλάδα"
    assert language_units.TextCounts.of(text) == language_units.TextCounts(letters=27, latin_or_cyrillic=21, cyrillic=6, words=7)
    plain = "Write to see or now Привет Ελλάδα"  # no URL: measured as it is
    assert language_units.TextCounts.of(plain) == language_units.TextCounts(letters=27, latin_or_cyrillic=21, cyrillic=6, words=7)


# A French page's bylines and captions, made mostly of names and numbers (real armenews.com lines): language
# ID alone calls them English or Indonesian.
FRENCH_BODY = (
    "Le Premier ministre arménien a rencontré mardi le président du Conseil européen à Bruxelles, où les deux "
    "hommes ont évoqué la normalisation des relations avec l'Azerbaïdjan et l'ouverture des frontières."
)


@pytest.mark.parametrize("byline", [
    "Serge Tateossian le 26/04/2024 Source : Armenews",
    "par Krikor Amirzayan le samedi 30 septembre 2023",
    "Rennes, AFP Ara TORANIAN NAM Magazine",
])
def test_a_byline_of_names_takes_its_page_s_language(byline: str) -> None:
    text = f"{FRENCH_BODY}\n{byline}\n{FRENCH_BODY}"
    assert [s.lang for s in segment(text)] == ["fr"]
    assert segment(f"{byline}\n{FRENCH_BODY}")[0].lang == "fr"  # the following paragraph's, at the start


def test_names_and_numbers_are_no_evidence_but_a_sentence_s_first_word_is() -> None:
    assert language_units.evidence("Serge Tateossian le 26/04/2024 Source : Armenews") == "le"
    assert language_units.evidence("• Oskar Eustis, Artistic Director, The Public") == ""
    assert language_units.evidence("Bütün hüquqlar qorunur.\n© Azərtac, 2024") == "Bütün hüquqlar qorunur. Azərtac,"


@pytest.mark.parametrize("text", [
    FRENCH_BODY,
    "par Krikor Amirzayan le samedi 30 septembre 2023",
    "Serge Tateossian le 26/04/2024 Source : Armenews",
    "a b c d e f g h",  # eight short words: a prefix that is weak, and so is the whole
    "a b c d e f g h iiiiiiiiiiiiiiiiiiiii",  # weak after eight words, not after nine
    "Le 12 mai, à Paris, X Y Z et W ont dit que oui, à 3 h.",
])
def test_weakness_decided_early_is_weakness_of_the_whole_evidence(text: str) -> None:
    """`is_weak` may stop after a prefix of the evidence: it must agree with measuring all of it."""
    counts = language_units.TextCounts.of(language_units.evidence(text))
    whole = counts.words < language_units.SHORT_WORDS or counts.letters < language_units.EVIDENCE_LETTERS
    assert language_units.is_weak(text) is whole


def test_a_foreign_line_keeps_its_language_when_its_own_words_say_so() -> None:
    # real lines of French pages: an English credit and a Turkish headline, names and all
    for line, lang in (("Published by Armenpress, original at <https://armenpress.am/fr/article/1216057>", "en"),
                       ("Yeni Papa Kayserili Ermeni mi? (Video) – Ermeni haber ajansı", "tr")):
        segs = segment(f"{FRENCH_BODY}\n{line}\n{FRENCH_BODY}")
        assert [s.lang for s in segs] == ["fr", lang, "fr"]


def test_a_weak_line_takes_a_neighbour_in_its_own_script() -> None:
    armenian = ("Հայաստանի վարչապետը երեքշաբթի օրը Բրյուսելում հանդիպել է Եվրոպական խորհրդի նախագահի հետ, "
                "որտեղ քննարկվել են հարաբերությունների կարգավորման հարցերը։")
    text = f"{FRENCH_BODY}\n{armenian}\nSerge Tateossian le 15/02/2024 Source : Asbarez\n{armenian}"
    assert [s.lang for s in segment(text)] == ["fr", "hy", "fr", "hy"]


def test_pages_without_weak_lines_are_segmented_as_before() -> None:
    # every paragraph long and worded: each guessed alone, as it always was
    english = "The agreement covers electronic signatures, open data and the training of civil servants."
    text = f"{FRENCH_BODY}\n{english}\n{FRENCH_BODY}"
    assert [s.lang for s in segment(text)] == ["fr", "en", "fr"]

